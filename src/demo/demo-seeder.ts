// Writes the demo plan (src/demo/demo-plan.ts) into an empty database, in one transaction:
// either the whole demo federation is there or nothing is.
import { createHash } from 'node:crypto';
import type { AppContext } from '../app/app-context.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import { DEMO_MEMBERS } from './demo-catalogue.ts';
import { insertDemoJointAssessments } from './demo-joint-instruments.ts';
import { insertDemoLedgers } from './demo-ledgers.ts';
import { insertDemoReferenceValues } from './demo-results.ts';
import { insertDemoStudies } from './demo-studies.ts';
import { buildDemoPlan, DEFAULT_DEMO_SEED, DEMO_INSTRUMENT_KEY, type DemoPlan } from './demo-plan.ts';

const CHUNK = 500;

export async function databaseIsEmpty(ctx: AppContext): Promise<boolean> {
  const row = await ctx.db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

export interface SeedSummary {
  organisations: number;
  users: number;
  rounds: number;
  respondents: number;
  answers: number;
}

export async function seedDemo(ctx: AppContext, options: { seed?: number } = {}): Promise<SeedSummary> {
  const now = ctx.clock.now();
  const plan = buildDemoPlan({
    instruments: ctx.instruments.list().filter((instrument) => instrument.key === DEMO_INSTRUMENT_KEY),
    currentYear: now.getUTCFullYear(),
    seed: options.seed,
  });
  return persistPlan(ctx, plan, now, options.seed ?? DEFAULT_DEMO_SEED);
}

function isoDay(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day, 9, 0, 0)).toISOString();
}

async function persistPlan(ctx: AppContext, plan: DemoPlan, now: Date, seed: number): Promise<SeedSummary> {
  // The published demo accounts share one password, so one hash serves them all.
  const passwordHashes = new Map<string, string>();
  for (const user of plan.users) {
    if (!passwordHashes.has(user.password)) passwordHashes.set(user.password, await hashPassword(user.password));
  }
  const orgIds = new Map<string, string>();
  const unitIds = new Map<string, string>();
  const summary: SeedSummary = { organisations: 0, users: 0, rounds: 0, respondents: 0, answers: 0 };
  const createdAt = now.toISOString();

  await ctx.db.transaction().execute(async (trx) => {
    const federationId = ctx.ids.id();
    orgIds.set(plan.federation.key, federationId);
    await trx
      .insertInto('organisations')
      .values({ id: federationId, name: plan.federation.name, kind: 'kommunalforbund', org_number: plan.federation.orgNumber, size: null, created_at: createdAt })
      .execute();
    summary.organisations += 1;
    for (const member of plan.members) {
      const id = ctx.ids.id();
      orgIds.set(member.key, id);
      await trx
        .insertInto('organisations')
        .values({ id, name: member.name, kind: member.kind, org_number: member.orgNumber, size: member.inhabitants, created_at: createdAt })
        .execute();
      await trx.insertInto('federation_members').values({ federation_id: federationId, member_id: id }).execute();
      for (const unit of member.units) {
        const unitId = ctx.ids.id();
        unitIds.set(`${member.key}/${unit.key}`, unitId);
        await trx
          .insertInto('units')
          .values({ id: unitId, organisation_id: id, parent_id: unit.parentKey ? unitIds.get(`${member.key}/${unit.parentKey}`)! : null, name: unit.name })
          .execute();
      }
      summary.organisations += 1;
    }

    for (const user of plan.users) {
      const id = ctx.ids.id();
      await trx
        .insertInto('users')
        .values({ id, email: user.email, name: user.name, password_hash: passwordHashes.get(user.password)!, is_operator: user.isOperator ? 1 : 0, created_at: createdAt })
        .execute();
      for (const membership of user.memberships) {
        await trx.insertInto('memberships').values({ user_id: id, organisation_id: orgIds.get(membership.orgKey)!, role: membership.role }).execute();
      }
      summary.users += 1;
    }

    for (const round of plan.rounds) {
      const roundId = ctx.ids.id();
      const organisationId = orgIds.get(round.orgKey)!;
      const past = round.status === 'closed';
      const openedAt = past ? isoDay(round.year, 3, 1) : new Date(now.getTime() - 14 * 86_400_000).toISOString();
      const closedAt = past ? isoDay(round.year, 4, 15) : null;
      await trx
        .insertInto('rounds')
        .values({
          id: roundId,
          organisation_id: organisationId,
          year: round.year,
          name: round.name,
          status: round.status,
          open_link_token: null,
          anonymity_threshold: 3,
          created_at: openedAt,
          opened_at: openedAt,
          closed_at: closedAt,
        })
        .execute();
      await trx
        .insertInto('round_instruments')
        .values({ round_id: roundId, organisation_id: organisationId, year: round.year, instrument_key: round.instrumentKey, instrument_version: round.instrumentVersion })
        .execute();
      summary.rounds += 1;

      const respondentRows = [];
      const responseRows = [];
      const answerRows = [];
      for (const respondent of round.respondents) {
        const respondentId = ctx.ids.id();
        respondentRows.push({
          id: respondentId,
          round_id: roundId,
          email: respondent.email,
          name: respondent.name,
          role: respondent.role,
          unit_id: respondent.unitKey ? unitIds.get(`${round.orgKey}/${respondent.unitKey}`) ?? null : null,
          via_open_link: 0,
          invited_at: openedAt,
          reminded_at: null,
          created_at: openedAt,
        });
        if (!respondent.response) continue;
        const responseId = ctx.ids.id();
        const submittedAt = respondent.response.status === 'submitted' ? (closedAt ?? createdAt) : null;
        responseRows.push({
          id: responseId,
          round_id: roundId,
          respondent_id: respondentId,
          instrument_key: round.instrumentKey,
          instrument_version: round.instrumentVersion,
          status: respondent.response.status,
          started_at: openedAt,
          updated_at: submittedAt ?? openedAt,
          submitted_at: submittedAt,
        });
        for (const answer of respondent.response.answers) {
          answerRows.push({ response_id: responseId, item_key: answer.itemKey, value: answer.value, dont_know: answer.value === null ? 1 : 0 });
        }
      }
      for (let i = 0; i < respondentRows.length; i += CHUNK) await trx.insertInto('respondents').values(respondentRows.slice(i, i + CHUNK)).execute();
      for (let i = 0; i < responseRows.length; i += CHUNK) await trx.insertInto('responses').values(responseRows.slice(i, i + CHUNK)).execute();
      for (let i = 0; i < answerRows.length; i += CHUNK) await trx.insertInto('answers').values(answerRows.slice(i, i + CHUNK)).execute();
      summary.respondents += respondentRows.length;
      summary.answers += answerRows.length;
    }

    // Last year's general ledgers, central IT and IT towers for the cost pages (issue 5), for the
    // members that took part in the cost analysis: as in the seed's study, not everyone did.
    const skipsCosts = new Set(DEMO_MEMBERS.filter((definition) => definition.costAnalysis === false).map((definition) => definition.key));
    await insertDemoLedgers(trx, {
      members: plan.members.filter((member) => !skipsCosts.has(member.key)).map((member) => ({ key: member.key, inhabitants: member.inhabitants, id: orgIds.get(member.key)! })),
      year: now.getUTCFullYear() - 1,
      seed,
      now: createdAt,
      newId: () => ctx.ids.id(),
      sha256: (text) => createHash('sha256').update(text).digest('hex'),
    });

    // Last year's joint assessments (information security, capability map) for every member (issue 4).
    const formagekarta = ctx.instruments.get('formagekarta');
    const informationssakerhet = ctx.instruments.get('informationssakerhet');
    if (formagekarta && informationssakerhet) {
      const joint = await insertDemoJointAssessments(trx, {
        instruments: { formagekarta, informationssakerhet },
        members: plan.members.map((member) => ({ key: member.key, formaga: member.profileLastYear.formaga, id: orgIds.get(member.key)! })),
        year: now.getUTCFullYear() - 1,
        seed,
        newId: () => ctx.ids.id(),
      });
      summary.rounds += joint.rounds;
      summary.answers += joint.answers;
    }

    // A fictional published reference series for last year's results pages (issue 3).
    const demoRound = plan.rounds.find((round) => round.year === now.getUTCFullYear() - 1);
    if (demoRound) {
      const instrument = ctx.instruments.get(demoRound.instrumentKey, demoRound.instrumentVersion);
      const measures = instrument ? instrument.dimensions.flatMap((dimension) => dimension.categories.flatMap((category) => [category.key, ...category.capabilities.map((capability) => capability.key)])) : [];
      await insertDemoReferenceValues(trx, { instrumentKey: demoRound.instrumentKey, version: demoRound.instrumentVersion, year: demoRound.year, now: createdAt, newId: () => ctx.ids.id(), measures });
    }

    // Last year's study, closed, and this year's in progress (issue 15), over the rounds above.
    const analyst = plan.users.find((user) => user.memberships.some((membership) => membership.orgKey === plan.federation.key && membership.role === 'analyst'));
    await insertDemoStudies(trx, {
      federationId,
      members: plan.members.map((member) => ({ id: orgIds.get(member.key)!, declinesCosts: skipsCosts.has(member.key) })),
      contact: { name: analyst?.name ?? plan.federation.name, email: analyst?.email ?? 'analytiker@demoforbundet.example' },
      now,
      newId: () => ctx.ids.id(),
    });
  });
  return summary;
}
