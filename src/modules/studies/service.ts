// A federation's yearly study (issue 15): those who run it (the federation's coordinators and
// analysts, the operator) create it once for every chosen member, follow it on a dashboard with
// the members named, and close it by hand or on its closing date; a member's coordinator may
// decline a part. Every use case asks src/access/study-policy.ts first; the queries are in
// repository.ts. Creating a study is one transaction: the study, each member's round (made, or
// the member's round of the year adopted) and the member's parts, or nothing at all.
import type { Transaction } from 'kysely';
import type { Actor } from '../../app/actor.ts';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import { authorizeOperatePlatform, authorizeViewOrganisation } from '../../access/organisation-policy.ts';
import { authorizeDeclinePart, authorizeManageStudy, authorizeViewMemberPart, canDeclinePart, canRunStudy } from '../../access/study-policy.ts';
import type { Database, Organisation, Study, StudyMember, StudyPart } from '../../db/schema.ts';
import { isCalendarDay } from '../../domain/studies/study-dates.ts';
import { swedishDay } from '../../domain/calendar/swedish-day.ts';
import { instrumentOfPart, instrumentsOfParts, STUDY_PARTS } from '../../domain/studies/study-parts.ts';
import { partProgress, studyProgress, type PartProgress } from '../../domain/studies/study-status.ts';
import { messages } from '../../i18n/messages.ts';
import { recordAudit, type AuditEntryInput } from '../audit/repository.ts';
import { findOrganisation, membersOf } from '../organisations/repository.ts';
import { refreshRoundSnapshots } from '../results/service.ts';
import { DEFAULT_ANONYMITY_THRESHOLD, DEFAULT_SMALL_SAMPLE_THRESHOLD, insertRoundRows, markRoundClosed, MIN_ANONYMITY_THRESHOLD, responseCounts, takenInstrument } from '../rounds/repository.ts';
import {
  adoptRound,
  deleteRoundInstrument,
  dueStudies,
  findStudy,
  findStudyMember,
  insertRoundInstrument,
  insertStudy,
  insertStudyMembers,
  instrumentHasAnswers,
  ledgerStates,
  markStudyClosed,
  roundsOfMembersInYear,
  roundsOfStudy,
  setPartDeclined,
  studiesOfFederation,
  studiesOfMember,
  studyMembersOf,
  submittedJointParts,
} from './repository.ts';
import { tellCoordinators, type StudyMail } from './study-mail-service.ts';

/** Reminders go by themselves this many days before the closing date (see rounds.reminder_days). */
const STUDY_REMINDER_DAYS = '7,2';

export interface NewStudy {
  year: number;
  parts: StudyPart[];
  /** 'all' or the chosen members' ids. */
  members: 'all' | string[];
  /** The last day to answer, YYYY-MM-DD (Swedish calendar day), after today. */
  closesOn: string;
  anonymityThreshold?: number;
  contactName: string;
  contactEmail: string;
}

export interface StudyCreated {
  studyId: string;
  members: number;
  /** Rounds made for the study (the rest were the members' own rounds of the year, adopted). */
  roundsCreated: number;
  mail: StudyMail;
}

async function loadFederation(ctx: AppContext, federationId: string): Promise<Organisation> {
  const federation = await findOrganisation(ctx.db, federationId);
  if (!federation || federation.kind !== 'kommunalforbund') throw new AppError('not_found');
  return federation;
}

/** The federation and its members, for the new-study form. */
export async function newStudyChoices(ctx: AppContext, actor: Actor, federationId: string): Promise<{ federation: Organisation; members: Organisation[] }> {
  authorizeManageStudy(actor, federationId);
  const federation = await loadFederation(ctx, federationId);
  return { federation, members: await membersOf(ctx.db, federationId) };
}

/**
 * Creates the study and each chosen member's round in one transaction, then tells each member's
 * coordinators by mail. A member's round of the year (made by its own coordinator, say) is
 * adopted: it joins the study and gets the parts' instruments it lacks.
 */
export async function createStudy(ctx: AppContext, actor: Actor, federationId: string, input: NewStudy): Promise<StudyCreated> {
  authorizeManageStudy(actor, federationId);
  const federation = await loadFederation(ctx, federationId);
  const now = ctx.clock.now();
  if (!isCalendarDay(input.closesOn)) throw new AppError('validation', 'closesOn');
  if (input.closesOn <= swedishDay(now)) throw new AppError('validation', 'closesOnPast');
  const threshold = input.anonymityThreshold ?? DEFAULT_ANONYMITY_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < MIN_ANONYMITY_THRESHOLD) throw new AppError('validation', 'threshold');
  const parts = STUDY_PARTS.filter((part) => input.parts.includes(part));
  if (parts.length === 0) throw new AppError('validation', 'parts');
  const federationMembers = await membersOf(ctx.db, federationId);
  const members = input.members === 'all' ? federationMembers : input.members.map((id) => federationMembers.find((member) => member.id === id));
  if (members.length === 0 || members.some((member) => member === undefined)) throw new AppError('validation', 'members');
  const chosen = [...new Map((members as Organisation[]).map((member) => [member.id, member])).values()];
  if (await findStudy(ctx.db, federationId, input.year)) throw new AppError('study_exists', String(input.year));

  const studyId = ctx.ids.id();
  const createdAt = now.toISOString();
  const contact = { contactName: input.contactName.trim(), contactEmail: input.contactEmail.trim().toLowerCase() };
  const roundName = messages('sv').studies.roundName(federation.name, input.year);
  const surveyKeys = instrumentsOfParts(parts);
  let roundsCreated = 0;
  const memberRounds = new Map<string, string | null>();
  await ctx.db.transaction().execute(async (trx) => {
    await insertStudy(trx, { id: studyId, federation_id: federationId, year: input.year, closes_on: input.closesOn, anonymity_threshold: threshold, status: 'open', created_at: createdAt, created_by: actor.kind === 'user' && actor.userId ? actor.userId : null, closed_at: null });
    const existing = await roundsOfMembersInYear(trx, chosen.map((member) => member.id), input.year);
    for (const member of chosen) {
      const own = existing.filter((round) => round.organisation_id === member.id);
      const roundOfKey = new Map<string, string>();
      for (const round of own) for (const key of round.instrumentKeys) roundOfKey.set(key, round.id);
      const missing = surveyKeys.filter((key) => !roundOfKey.has(key));
      if (missing.length > 0) {
        // The missing instruments join the member's round that is not closed (the maturity survey's first), or a new round.
        const target = own.find((round) => round.status !== 'closed' && round.instrumentKeys.includes('digital-mognad')) ?? own.find((round) => round.status !== 'closed');
        if (target) {
          for (const key of missing) {
            await insertRoundInstrument(trx, { roundId: target.id, organisationId: member.id, year: input.year, key, version: currentVersion(ctx, key) });
            roundOfKey.set(key, target.id);
          }
        } else {
          const roundId = ctx.ids.id();
          await insertRoundRows(
            trx,
            {
              id: roundId, organisation_id: member.id, year: input.year, name: roundName, status: 'open', open_link_token: null, open_link_hash: null, open_link_cap: null,
              anonymity_threshold: threshold, small_sample_threshold: DEFAULT_SMALL_SAMPLE_THRESHOLD, created_at: createdAt, opened_at: createdAt, closed_at: null,
            },
            missing.map((key) => ({ key, version: currentVersion(ctx, key) })),
          );
          roundsCreated += 1;
          for (const key of missing) roundOfKey.set(key, roundId);
        }
      }
      const partRounds = new Set(surveyKeys.map((key) => roundOfKey.get(key)!));
      for (const roundId of partRounds) await adoptRound(trx, roundId, { studyId, closesOn: input.closesOn, ...contact, reminderDays: STUDY_REMINDER_DAYS });
      await insertStudyMembers(
        trx,
        parts.map((part) => {
          const key = instrumentOfPart(part);
          return { study_id: studyId, member_id: member.id, part, round_id: key ? roundOfKey.get(key)! : null, declined_at: null, declined_by: null };
        }),
      );
      memberRounds.set(member.id, roundOfKey.get('digital-mognad') ?? (surveyKeys[0] ? roundOfKey.get(surveyKeys[0])! : null));
    }
    await recordAudit(ctx, { actor: auditActor(actor), organisationId: federationId, action: 'study_created', subject: { type: 'study', id: studyId }, detail: { year: input.year, parts: parts.join(','), members: chosen.length, roundsCreated } }, trx);
  });
  const mail = await tellCoordinators(ctx, {
    federationName: federation.name,
    year: input.year,
    parts,
    closesOn: input.closesOn,
    contact,
    members: chosen.map((member) => ({ id: member.id, name: member.name, roundId: memberRounds.get(member.id) ?? null })),
  });
  return { studyId, members: chosen.length, roundsCreated, mail };
}

/** The operator's tool (no account behind it) is recorded as the server itself. */
function auditActor(actor: Actor): AuditEntryInput['actor'] {
  return actor.kind === 'user' && actor.userId === '' ? 'system' : actor;
}

function currentVersion(ctx: AppContext, key: string): string {
  const instrument = ctx.instruments.get(key);
  if (!instrument) throw new AppError('validation', `unknown instrument ${key}`);
  return instrument.version;
}

// ---- Progress ------------------------------------------------------------------------------------

export interface MemberProgress {
  memberId: string;
  name: string;
  /** The member's round to link to (the maturity survey's, or any part's); null for costs only. */
  roundId: string | null;
  parts: PartProgress[];
}

export interface StudyOverview {
  study: Study;
  federation: { id: string; name: string };
  members: MemberProgress[];
  progress: { invited: number; submitted: number; rate: number | null };
  /** The contact person named in the members' rounds (from the first round). */
  contact: { name: string; email: string } | null;
}

/** Every member's parts of the study with their status, next step and owner. */
async function progressOf(ctx: AppContext, study: Study, rows: StudyMember[], names: Map<string, string>): Promise<MemberProgress[]> {
  const roundIds = [...new Set(rows.map((row) => row.round_id).filter((id): id is string => id !== null))];
  const [counts, joint, ledgers, rounds] = await Promise.all([
    responseCounts(ctx.db, roundIds),
    submittedJointParts(ctx.db, roundIds),
    ledgerStates(ctx.db, [...new Set(rows.map((row) => row.member_id))], study.year),
    roundsOfStudy(ctx.db, study.id),
  ]);
  const statusOf = new Map(rounds.map((round) => [round.id, round.status]));
  const byMember = new Map<string, StudyMember[]>();
  for (const row of rows) byMember.set(row.member_id, [...(byMember.get(row.member_id) ?? []), row]);
  const members = [...byMember.entries()].map(([memberId, memberRows]) => {
    const parts = STUDY_PARTS.flatMap((part) => {
      const row = memberRows.find((candidate) => candidate.part === part);
      if (!row) return [];
      const key = instrumentOfPart(part);
      const count = row.round_id ? counts.get(row.round_id) : undefined;
      const ledger = ledgers.get(memberId);
      return [
        partProgress(
          {
            part,
            declined: row.declined_at !== null,
            roundStatus: row.round_id ? (statusOf.get(row.round_id) ?? null) : null,
            respondents: count?.respondents ?? 0,
            invited: count?.invited ?? 0,
            submitted: count?.submitted ?? 0,
            jointSubmitted: row.round_id !== null && key !== null && joint.has(`${row.round_id}/${key}`),
            ledger: ledger !== undefined,
            ledgerMapped: ledger?.mapped ?? false,
          },
          study.status === 'open',
        ),
      ];
    });
    const maturity = memberRows.find((row) => row.part === 'maturity')?.round_id;
    return { memberId, name: names.get(memberId) ?? memberId, roundId: maturity ?? memberRows.find((row) => row.round_id !== null)?.round_id ?? null, parts };
  });
  return members.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

async function overviewOf(ctx: AppContext, study: Study, federation: { id: string; name: string }): Promise<StudyOverview> {
  const rows = await studyMembersOf(ctx.db, study.id);
  const names = new Map((await membersOf(ctx.db, study.federation_id)).map((member) => [member.id, member.name]));
  const members = await progressOf(ctx, study, rows, names);
  const firstRound = rows.find((row) => row.round_id !== null)?.round_id;
  const round = firstRound ? await ctx.db.selectFrom('rounds').select(['contact_name', 'contact_email']).where('id', '=', firstRound).executeTakeFirst() : undefined;
  return {
    study,
    federation,
    members,
    progress: studyProgress(members.flatMap((member) => member.parts)),
    contact: round?.contact_name && round.contact_email ? { name: round.contact_name, email: round.contact_email } : null,
  };
}

/** The study's dashboard: every member by name, for those who run the study. */
export async function studyDashboard(ctx: AppContext, actor: Actor, federationId: string, year: number): Promise<StudyOverview> {
  authorizeManageStudy(actor, federationId);
  const federation = await loadFederation(ctx, federationId);
  const study = await findStudy(ctx.db, federationId, year);
  if (!study) throw new AppError('not_found');
  return overviewOf(ctx, study, { id: federation.id, name: federation.name });
}

export interface MemberStudyPart {
  study: Study;
  federation: { id: string; name: string };
  member: MemberProgress;
  canDecline: boolean;
}

export interface OrganisationStudies {
  /** For a federation, to those who run its studies: every study, newest first. */
  federationStudies: Study[] | null;
  /** For a member: its part in each open study, and in the latest closed one. */
  memberParts: MemberStudyPart[];
}

/** What an organisation's page shows of studies: the federation's list, or the member's own parts. */
export async function organisationStudies(ctx: AppContext, actor: Actor, organisationId: string): Promise<OrganisationStudies> {
  authorizeViewOrganisation(actor, organisationId);
  const organisation = await findOrganisation(ctx.db, organisationId);
  if (!organisation) throw new AppError('not_found');
  const federationStudies = organisation.kind === 'kommunalforbund' && canRunStudy(actor, organisationId) ? await studiesOfFederation(ctx.db, organisationId) : null;
  authorizeViewMemberPart(actor, organisationId);
  const studies = await studiesOfMember(ctx.db, organisationId);
  const shown = studies.filter((study, index) => study.status === 'open' || index === studies.findIndex((candidate) => candidate.status === 'closed'));
  const memberParts: MemberStudyPart[] = [];
  for (const study of shown) {
    const federation = await findOrganisation(ctx.db, study.federation_id);
    if (!federation) continue;
    const rows = (await studyMembersOf(ctx.db, study.id)).filter((row) => row.member_id === organisationId);
    const [progress] = await progressOf(ctx, study, rows, new Map([[organisationId, organisation.name]]));
    if (!progress) continue;
    memberParts.push({ study, federation: { id: federation.id, name: federation.name }, member: progress, canDecline: canDeclinePart(actor, study.federation_id, organisationId) });
  }
  return { federationStudies, memberParts };
}

// ---- Declining a part ------------------------------------------------------------------------------

export interface PartRef {
  federationId: string;
  year: number;
  memberId: string;
  part: StudyPart;
}

async function openPart(ctx: AppContext, actor: Actor, ref: PartRef): Promise<{ study: Study; row: StudyMember }> {
  authorizeDeclinePart(actor, ref.federationId, ref.memberId);
  const study = await findStudy(ctx.db, ref.federationId, ref.year);
  if (!study) throw new AppError('not_found');
  const row = await findStudyMember(ctx.db, study.id, ref.memberId, ref.part);
  if (!row) throw new AppError('not_found');
  if (study.status !== 'open') throw new AppError('study_closed');
  return { study, row };
}

/**
 * The member declines a part: its instrument leaves the member's round, which is possible only
 * while nobody has saved an answer to it (study_part_answered otherwise).
 */
export async function declinePart(ctx: AppContext, actor: Actor, ref: PartRef): Promise<void> {
  const { study, row } = await openPart(ctx, actor, ref);
  if (row.declined_at !== null) return;
  const key = instrumentOfPart(ref.part);
  await ctx.db.transaction().execute(async (trx) => {
    if (key && row.round_id) {
      if (await instrumentHasAnswers(trx, row.round_id, key)) throw new AppError('study_part_answered');
      await deleteRoundInstrument(trx, row.round_id, key);
    }
    await setPartDeclined(trx, { studyId: study.id, memberId: ref.memberId, part: ref.part }, { at: ctx.clock.now().toISOString(), by: actor.kind === 'user' && actor.userId ? actor.userId : null });
    await recordAudit(ctx, { actor: auditActor(actor), organisationId: ref.memberId, action: 'study_part_declined', subject: { type: 'study', id: study.id }, detail: { part: ref.part } }, trx);
  });
}

/** Takes a decline back while the study is open: the instrument returns to the member's round. */
export async function restorePart(ctx: AppContext, actor: Actor, ref: PartRef): Promise<void> {
  const { study, row } = await openPart(ctx, actor, ref);
  if (row.declined_at === null) return;
  const key = instrumentOfPart(ref.part);
  await ctx.db.transaction().execute(async (trx) => {
    if (key && row.round_id) {
      // The member may have made a round of its own with the instrument meanwhile.
      if (await takenInstrument(trx, ref.memberId, study.year, [key])) throw new AppError('round_exists', key);
      await insertRoundInstrument(trx, { roundId: row.round_id, organisationId: ref.memberId, year: study.year, key, version: currentVersion(ctx, key) });
    }
    await setPartDeclined(trx, { studyId: study.id, memberId: ref.memberId, part: ref.part }, null);
    await recordAudit(ctx, { actor: auditActor(actor), organisationId: ref.memberId, action: 'study_part_restored', subject: { type: 'study', id: study.id }, detail: { part: ref.part } }, trx);
  });
}

// ---- Closing -------------------------------------------------------------------------------------

/** Closes the study and every one of its rounds still open, then scores each closed round once. */
async function closeStudyRounds(ctx: AppContext, actor: Actor, study: Study): Promise<number> {
  const closed: string[] = [];
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx: Transaction<Database>) => {
    for (const round of await roundsOfStudy(trx, study.id)) {
      if (round.status === 'closed') continue;
      await markRoundClosed(trx, round.id, at);
      await recordAudit(ctx, { actor: auditActor(actor), organisationId: round.organisation_id, action: 'round_closed', subject: { type: 'round', id: round.id }, detail: { study: study.id } }, trx);
      closed.push(round.id);
    }
    await markStudyClosed(trx, study.id, at);
    await recordAudit(ctx, { actor: auditActor(actor), organisationId: study.federation_id, action: 'study_closed', subject: { type: 'study', id: study.id }, detail: { rounds: closed.length } }, trx);
  });
  // As closeRound does: a closed round counts in benchmarks, so it is scored here, not on a page request.
  for (const roundId of closed) await refreshRoundSnapshots(ctx, roundId);
  return closed.length;
}

/** Closes the study by hand, before its date (those who run it). Returns how many rounds were closed. */
export async function closeStudy(ctx: AppContext, actor: Actor, federationId: string, year: number): Promise<number> {
  authorizeManageStudy(actor, federationId);
  const study = await findStudy(ctx.db, federationId, year);
  if (!study) throw new AppError('not_found');
  if (study.status === 'closed') return 0;
  return closeStudyRounds(ctx, actor, study);
}

/**
 * Closes every open study whose closing day is over in Sweden, with its rounds. The server's timer
 * runs it as the operator's tool (src/cli/operator-actor.ts).
 */
export async function closeDueStudies(ctx: AppContext, actor: Actor): Promise<Array<{ studyId: string; rounds: number }>> {
  authorizeOperatePlatform(actor);
  const closed = [];
  for (const study of await dueStudies(ctx.db, swedishDay(ctx.clock.now()))) closed.push({ studyId: study.id, rounds: await closeStudyRounds(ctx, actor, study) });
  return closed;
}
