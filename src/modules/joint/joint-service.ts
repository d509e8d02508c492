// Joint assessments: instruments answered once per organisation (respondentMode: joint). The
// answers hang off one "joint respondent" per round (respondents.joint = 1), so the survey
// engine — pages, validation, transactional saves, review, submit — serves them unchanged. The
// coordinator answers from the round page; a named person answers through a personal link.
import type { Transaction } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import {
  authorizeAnswerJoint,
  authorizeViewFederationComparison,
  authorizeViewJointResults,
  ownOrganisations,
} from '../../access/joint-assessment-policy.ts';
import type { AppContext } from '../../app/app-context.ts';
import { studyNumbering } from '../../domain/disclosure/member-numbering.ts';
import { AppError } from '../../app/errors.ts';
import type { Database, OutboxMessage } from '../../db/schema.ts';
import type { ItemAnswer } from '../../domain/instruments/answer-set.ts';
import type { Instrument } from '../../domain/instruments/instrument-schema.ts';
import type { FederationMember } from '../../domain/joint-results/level-map.ts';
import { messages, pick } from '../../i18n/messages.ts';
import { isValidEmail, mintRespondentLink } from '../rounds/respondent-service.ts';
import { surveyLink } from '../rounds/invitation-service.ts';
import { getManagedRound, getRound, type RoundWithInstruments } from '../rounds/round-service.ts';
import { loadSession, type SurveySession } from '../survey/survey-service.ts';

export type JointStatus = 'not_started' | 'in_progress' | 'submitted';

export interface JointOverviewEntry {
  instrument: Instrument;
  status: JointStatus;
  submittedAt: string | null;
}

export interface JointOverview {
  entries: JointOverviewEntry[];
  /** The person named to fill in through a personal link, if any. */
  assignee: { name: string; email: string } | null;
}

/** The round's joint instruments, in the round's order. */
export function jointInstruments(ctx: AppContext, round: RoundWithInstruments): Instrument[] {
  return round.instruments
    .map((ref) => ctx.instruments.get(ref.key, ref.version))
    .filter((instrument): instrument is Instrument => instrument?.respondentMode === 'joint');
}

function jointInstrumentOf(ctx: AppContext, round: RoundWithInstruments, key: string): Instrument {
  const instrument = jointInstruments(ctx, round).find((candidate) => candidate.key === key);
  if (!instrument) throw new AppError('not_found');
  return instrument;
}

async function findJointRespondent(db: AppContext['db'] | Transaction<Database>, roundId: string) {
  return db.selectFrom('respondents').select(['id', 'name', 'contact_email']).where('round_id', '=', roundId).where('joint', '=', 1).executeTakeFirst();
}

/** The round's joint respondent, created on first use (the unique index keeps it one per round). */
async function ensureJointRespondent(ctx: AppContext, trx: Transaction<Database>, roundId: string): Promise<string> {
  const existing = await findJointRespondent(trx, roundId);
  if (existing) return existing.id;
  const id = ctx.ids.id();
  await trx
    .insertInto('respondents')
    .values({ id, round_id: roundId, email: null, name: null, role: null, unit_id: null, via_open_link: 0, invited_at: null, reminded_at: null, created_at: ctx.clock.now().toISOString(), joint: 1 })
    .execute();
  return id;
}

export async function jointOverview(ctx: AppContext, actor: Actor, roundId: string): Promise<JointOverview> {
  const round = await getRound(ctx, actor, roundId);
  authorizeViewJointResults(actor, round);
  const instruments = jointInstruments(ctx, round);
  if (instruments.length === 0) return { entries: [], assignee: null };
  const respondent = await findJointRespondent(ctx.db, roundId);
  const responses = respondent
    ? await ctx.db.selectFrom('responses').select(['instrument_key', 'status', 'submitted_at']).where('respondent_id', '=', respondent.id).execute()
    : [];
  return {
    entries: instruments.map((instrument) => {
      const response = responses.find((row) => row.instrument_key === instrument.key);
      return { instrument, status: response ? response.status : 'not_started', submittedAt: response?.submitted_at ?? null };
    }),
    assignee: respondent?.name && respondent.contact_email ? { name: respondent.name, email: respondent.contact_email } : null,
  };
}

/** The coordinator's session for filling in one joint instrument of a round. */
export async function openJointSession(ctx: AppContext, actor: Actor, roundId: string, instrumentKey: string, purpose: 'answer' | 'read'): Promise<SurveySession> {
  const round = await getManagedRound(ctx, actor, roundId);
  authorizeAnswerJoint(actor, round);
  const instrument = jointInstrumentOf(ctx, round, instrumentKey);
  if (round.status === 'draft') throw new AppError('survey_round_not_open');
  const organisation = await ctx.db.selectFrom('organisations').select('name').where('id', '=', round.organisation_id).executeTakeFirstOrThrow();
  const respondentId = await ctx.db.transaction().execute((trx) => ensureJointRespondent(ctx, trx, roundId));
  const session = await loadSession(
    ctx,
    { respondentId, round, organisationName: organisation.name, instruments: [instrument], viaOpenLink: false, joint: true, savedBy: actor.kind === 'user' ? actor.userId : null },
    'read',
  );
  if (purpose === 'answer' && round.status === 'closed') throw new AppError('survey_round_closed');
  return session;
}

/**
 * Opens a submitted joint answer for changes again (the coordinator found a mistake). Only while
 * the round is open; the answers stay, and the results show nothing until it is submitted anew.
 */
export async function reopenJointAnswer(ctx: AppContext, actor: Actor, roundId: string, instrumentKey: string): Promise<void> {
  const round = await getManagedRound(ctx, actor, roundId);
  authorizeAnswerJoint(actor, round);
  const instrument = jointInstrumentOf(ctx, round, instrumentKey);
  if (round.status !== 'open') throw new AppError('survey_round_closed');
  const respondent = await findJointRespondent(ctx.db, roundId);
  if (!respondent) return;
  await ctx.db
    .updateTable('responses')
    .set({ status: 'in_progress', submitted_at: null, updated_at: ctx.clock.now().toISOString(), updated_by: actor.kind === 'user' ? actor.userId : null })
    .where('respondent_id', '=', respondent.id)
    .where('instrument_key', '=', instrument.key)
    .execute();
}

export interface AssignInput {
  name: string;
  email: string;
}

/**
 * Names the person who fills in the round's joint instruments and mails them a personal link.
 * Earlier links of the joint respondent stop working, so only the newest assignee can answer.
 */
export async function assignJointRespondent(ctx: AppContext, actor: Actor, roundId: string, input: AssignInput): Promise<{ delivery: OutboxMessage['delivery'] }> {
  const round = await getManagedRound(ctx, actor, roundId);
  authorizeAnswerJoint(actor, round);
  const instruments = jointInstruments(ctx, round);
  if (instruments.length === 0) throw new AppError('not_found');
  if (round.status !== 'open') throw new AppError('survey_round_not_open');
  const name = input.name.trim();
  const email = input.email.trim().toLowerCase();
  if (name === '' || name.length > 200) throw new AppError('validation', 'name');
  if (!isValidEmail(email)) throw new AppError('validation', 'email');
  const organisation = await ctx.db.selectFrom('organisations').select('name').where('id', '=', round.organisation_id).executeTakeFirstOrThrow();
  const { respondentId, token } = await ctx.db.transaction().execute(async (trx) => {
    const respondentId = await ensureJointRespondent(ctx, trx, roundId);
    await trx.updateTable('respondents').set({ name, contact_email: email, invited_at: ctx.clock.now().toISOString() }).where('id', '=', respondentId).execute();
    await trx.deleteFrom('respondent_links').where('respondent_id', '=', respondentId).execute();
    return { respondentId, token: await mintRespondentLink(ctx, trx, respondentId) };
  });
  const compose = (link: (lang: 'sv' | 'en') => string) => {
    const sv = messages('sv').joint.mail;
    const en = messages('en').joint.mail;
    const names = (lang: 'sv' | 'en') => instruments.map((instrument) => pick(instrument.name, lang).toLowerCase()).join(lang === 'sv' ? ' och ' : ' and ');
    const params = (lang: 'sv' | 'en') => ({ org: organisation.name, round: round.name, name, instruments: names(lang), link: link(lang) });
    return {
      subject: `${sv.subject(organisation.name)} / ${en.subject(organisation.name)}`,
      text: `${sv.body(params('sv'))}\n\n— ${messages('en').mail.inEnglish} —\n\n${en.body(params('en'))}`,
    };
  };
  const mail = compose((lang) => (lang === 'sv' ? surveyLink(ctx, token) : `${surveyLink(ctx, token)}?lang=en`));
  let delivery: OutboxMessage['delivery'] = ctx.mail.mode;
  let error: string | null = null;
  try {
    await ctx.mail.deliver({ to: email, subject: mail.subject, text: mail.text });
  } catch (cause) {
    delivery = 'failed';
    error = cause instanceof Error ? cause.message.slice(0, 500) : 'delivery failed';
  }
  // As for invitations: only the mail as sent carries the link; the demo alone keeps it in the outbox.
  const stored = ctx.config.DEMO_MODE ? mail.text : compose(() => messages('sv').mail.linkRedacted).text;
  await ctx.db
    .insertInto('outbox')
    .values({
      id: ctx.ids.id(),
      organisation_id: round.organisation_id,
      round_id: roundId,
      respondent_id: respondentId,
      kind: 'invitation',
      recipient: email,
      subject: mail.subject,
      body: stored,
      created_at: ctx.clock.now().toISOString(),
      delivery,
      error,
    })
    .execute();
  return { delivery };
}

async function answersOfResponses(ctx: AppContext, responseIds: string[]): Promise<Map<string, Map<string, ItemAnswer>>> {
  const byResponse = new Map<string, Map<string, ItemAnswer>>(responseIds.map((id) => [id, new Map()]));
  if (responseIds.length === 0) return byResponse;
  const rows = await ctx.db
    .selectFrom('answers')
    .select(['response_id', 'item_key', 'value', 'dont_know', 'target_value', 'comment'])
    .where('response_id', 'in', responseIds)
    .execute();
  for (const row of rows) {
    byResponse.get(row.response_id)?.set(row.item_key, { value: row.dont_know === 1 ? null : row.value, target: row.target_value, comment: row.comment });
  }
  return byResponse;
}

export interface JointResults {
  round: RoundWithInstruments;
  organisationName: string;
  instrument: Instrument;
  /** The submitted joint answer; null while nothing is submitted. */
  answers: Map<string, ItemAnswer> | null;
  submittedAt: string | null;
  /** Federations the organisation belongs to (for the comparison link). */
  inFederation: boolean;
}

export async function jointResults(ctx: AppContext, actor: Actor, roundId: string, instrumentKey: string): Promise<JointResults> {
  const round = await getRound(ctx, actor, roundId);
  authorizeViewJointResults(actor, round);
  const instrument = jointInstrumentOf(ctx, round, instrumentKey);
  const organisation = await ctx.db.selectFrom('organisations').select('name').where('id', '=', round.organisation_id).executeTakeFirstOrThrow();
  const response = await ctx.db
    .selectFrom('responses')
    .innerJoin('respondents', 'respondents.id', 'responses.respondent_id')
    .select(['responses.id', 'responses.submitted_at'])
    .where('responses.round_id', '=', roundId)
    .where('respondents.joint', '=', 1)
    .where('responses.instrument_key', '=', instrument.key)
    .where('responses.status', '=', 'submitted')
    .executeTakeFirst();
  const federation = await ctx.db.selectFrom('federation_members').select('federation_id').where('member_id', '=', round.organisation_id).executeTakeFirst();
  const answers = response ? (await answersOfResponses(ctx, [response.id])).get(response.id)! : null;
  return { round, organisationName: organisation.name, instrument, answers, submittedAt: response?.submitted_at ?? null, inFederation: federation !== undefined };
}

export interface FederationComparison {
  federation: { id: string; name: string };
  instrument: Instrument;
  year: number | null;
  years: number[];
  /** Members with a submitted joint answer in the year; names are for the presenter to hide. */
  members: FederationMember[];
  ownOrganisationIds: Set<string>;
  /** One number per federation member (with or without answers), the same in every comparison and report. */
  numbering: Map<string, number>;
}

/**
 * The federation of `organisationId` (the organisation itself when it has members, otherwise
 * the federation it belongs to) and its members' submitted joint answers for one year.
 */
export async function federationComparison(ctx: AppContext, actor: Actor, organisationId: string, instrumentKey: string, year?: number): Promise<FederationComparison> {
  authorizeViewFederationComparison(actor, organisationId);
  const instrument = ctx.instruments.get(instrumentKey);
  if (!instrument || instrument.respondentMode !== 'joint' || !instrument.analysis) throw new AppError('not_found');
  const ownMembers = await ctx.db.selectFrom('federation_members').select('member_id').where('federation_id', '=', organisationId).execute();
  let federationId = organisationId;
  if (ownMembers.length === 0) {
    const parent = await ctx.db.selectFrom('federation_members').select('federation_id').where('member_id', '=', organisationId).orderBy('federation_id').executeTakeFirst();
    if (!parent) throw new AppError('not_found');
    federationId = parent.federation_id;
  }
  const federation = await ctx.db.selectFrom('organisations').select(['id', 'name']).where('id', '=', federationId).executeTakeFirstOrThrow();
  const memberRows = await ctx.db
    .selectFrom('federation_members')
    .innerJoin('organisations', 'organisations.id', 'federation_members.member_id')
    .select(['organisations.id', 'organisations.name'])
    .where('federation_members.federation_id', '=', federationId)
    .execute();
  const memberIds = memberRows.map((row) => row.id);
  const responses = memberIds.length === 0
    ? []
    : await ctx.db
        .selectFrom('responses')
        .innerJoin('respondents', 'respondents.id', 'responses.respondent_id')
        .innerJoin('rounds', 'rounds.id', 'responses.round_id')
        .select(['responses.id', 'rounds.organisation_id', 'rounds.year'])
        .where('rounds.organisation_id', 'in', memberIds)
        .where('respondents.joint', '=', 1)
        .where('responses.instrument_key', '=', instrument.key)
        .where('responses.status', '=', 'submitted')
        .execute();
  const years = [...new Set(responses.map((row) => Number(row.year)))].sort((a, b) => b - a);
  const chosen = year !== undefined && years.includes(year) ? year : years[0] ?? null;
  const inYear = responses.filter((row) => Number(row.year) === chosen);
  const answers = await answersOfResponses(ctx, inYear.map((row) => row.id));
  const names = new Map(memberRows.map((row) => [row.id, row.name]));
  return {
    federation,
    instrument,
    year: chosen,
    years,
    members: inYear.map((row) => ({ organisationId: row.organisation_id, name: names.get(row.organisation_id) ?? '', answers: answers.get(row.id)! })),
    ownOrganisationIds: ownOrganisations(actor),
    numbering: studyNumbering(memberIds),
  };
}
