// The demo federation's studies (issue 15): last year's study, closed, over the members' closed
// rounds of last year (the maturity survey, both joint assessments and the cost analysis, which
// three members declined as in the seed's study), and this year's study in progress over the
// members' open rounds, closing four weeks after the demo's "today", so the dashboard shows both;
// each with the method's checklist ticked as far as such a study would have come.
// Written inside the seeder's transaction through the study repository (no actor: the seeder).
import type { Transaction } from 'kysely';
import type { Database, StudyPart } from '../db/schema.ts';
import { addDays } from '../domain/studies/study-dates.ts';
import { swedishDay } from '../domain/calendar/swedish-day.ts';
import { instrumentOfPart } from '../domain/studies/study-parts.ts';
import { adoptRound, insertStudy, insertStudyMembers, roundsOfMembersInYear } from '../modules/studies/repository.ts';
import { shippedMethod } from '../catalogues/method-catalog.ts';
import { STUDY_SCOPE, tickStep } from '../modules/method-checklist/repository.ts';

interface DemoStudyInput {
  federationId: string;
  members: Array<{ id: string; declinesCosts: boolean }>;
  contact: { name: string; email: string };
  now: Date;
  newId: () => string;
}

const LAST_YEAR_PARTS: StudyPart[] = ['maturity', 'security', 'capability-map', 'costs'];
// This year's rounds hold only the maturity survey; the joint assessments are not added to them,
// so the demo's open rounds stay as the other demo pages expect.
const THIS_YEAR_PARTS: StudyPart[] = ['maturity', 'costs'];

export async function insertDemoStudies(trx: Transaction<Database>, input: DemoStudyInput): Promise<number> {
  const year = input.now.getUTCFullYear();
  const today = swedishDay(input.now);
  const studies = [
    { year: year - 1, parts: LAST_YEAR_PARTS, closesOn: `${year - 1}-04-14`, closedAt: new Date(Date.UTC(year - 1, 3, 15, 9)).toISOString(), createdAt: new Date(Date.UTC(year - 1, 1, 20, 9)).toISOString() },
    { year, parts: THIS_YEAR_PARTS, closesOn: addDays(today, 28), closedAt: null, createdAt: new Date(input.now.getTime() - 15 * 86_400_000).toISOString() },
  ];
  for (const study of studies) {
    const studyId = input.newId();
    await insertStudy(trx, { id: studyId, federation_id: input.federationId, year: study.year, closes_on: study.closesOn, anonymity_threshold: 3, status: study.closedAt ? 'closed' : 'open', created_at: study.createdAt, created_by: null, closed_at: study.closedAt });
    const rounds = await roundsOfMembersInYear(trx, input.members.map((member) => member.id), study.year);
    const rows = [];
    for (const member of input.members) {
      const own = rounds.filter((round) => round.organisation_id === member.id);
      const roundOf = (key: string) => own.find((round) => round.instrumentKeys.includes(key))?.id ?? null;
      for (const round of own) await adoptRound(trx, round.id, { studyId, closesOn: study.closesOn, contactName: input.contact.name, contactEmail: input.contact.email, reminderDays: '7,2' });
      for (const part of study.parts) {
        const key = instrumentOfPart(part);
        const declined = part === 'costs' && member.declinesCosts;
        rows.push({ study_id: studyId, member_id: member.id, part, round_id: key ? roundOf(key) : null, declined_at: declined ? study.createdAt : null, declined_by: null });
      }
    }
    await insertStudyMembers(trx, rows);
    await tickDemoSteps(trx, { studyId, year: study.year, closed: study.closedAt !== null, createdAt: study.createdAt, memberIds: input.members.map((member) => member.id) });
  }
  return studies.length;
}

/**
 * The method's checklist as a real study leaves it: last year's (closed) study has every step of
 * a first year done; this year's has its anchoring done and the invitations sent, and half the
 * members have gone through last year's actions. Read from the method file, not a list of keys.
 */
async function tickDemoSteps(trx: Transaction<Database>, study: { studyId: string; year: number; closed: boolean; createdAt: string; memberIds: string[] }): Promise<void> {
  const phases = shippedMethod().forYear(study.year).phases;
  const firstYearPhases = phases.filter((phase) => !phase.followUpOnly);
  const chosen: Array<{ memberId: string; stepKey: string }> = [];
  const add = (steps: Array<{ key: string; scope: string }>, members: string[]) => {
    for (const step of steps) {
      if (step.scope === 'study') chosen.push({ memberId: STUDY_SCOPE, stepKey: step.key });
      else for (const memberId of members) chosen.push({ memberId, stepKey: step.key });
    }
  };
  if (study.closed) {
    add(firstYearPhases.flatMap((phase) => phase.steps), study.memberIds);
  } else {
    const [anchoring, measurement] = firstYearPhases;
    add(anchoring?.steps ?? [], study.memberIds);
    add(measurement?.steps.slice(0, 1) ?? [], study.memberIds);
    const followUp = phases.find((phase) => phase.followUpOnly);
    add((followUp?.steps ?? []).filter((step) => step.scope === 'member'), study.memberIds.filter((_, index) => index % 2 === 0));
  }
  const start = Date.parse(study.createdAt);
  for (const [index, step] of chosen.entries()) {
    const doneAt = new Date(start + (index + 1) * 3_600_000).toISOString();
    await tickStep(trx, { study_id: study.studyId, member_id: step.memberId, step_key: step.stepKey, done_at: doneAt, done_by: null });
  }
}
