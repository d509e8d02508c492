// Joint assessments: instruments answered once per organisation (respondentMode: joint). The
// answers hang off one "joint respondent" per round (respondents.joint = 1), so the survey
// engine — pages, validation, transactional saves, review, submit — serves them unchanged. The
// coordinator answers from the round page; a named person answers through a personal link.
// Every use case asks src/access/joint-assessment-policy.ts before it reads or writes.
import type { Transaction } from 'kysely';
import type { Actor } from '../../app/actor.ts';
import {
  authorizeAnswerJoint,
  authorizeViewFederationComparison,
  authorizeViewJointResults,
  ownOrganisations,
} from '../../access/joint-assessment-policy.ts';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import type { Database, OutboxMessage } from '../../db/schema.ts';
import { studyNumbering } from '../../domain/disclosure/member-numbering.ts';
import type { ItemAnswer } from '../../domain/instruments/answer-set.ts';
import type { Instrument } from '../../domain/instruments/instrument-schema.ts';
import type { FederationMember } from '../../domain/joint-results/level-map.ts';
import { linkInLanguage, type Locale } from '../../i18n/locales.ts';
import { inEveryLanguage, messages, pick, subjectInEveryLanguage, type Messages } from '../../i18n/messages.ts';
import { surveyLink } from '../rounds/invitation-service.ts';
import { isValidEmail, normaliseEmail } from '../../domain/email.ts';
import { mintRespondentLink } from '../rounds/repository.ts';
import { getManagedRound, getRound, type RoundWithInstruments } from '../rounds/round-service.ts';
import { loadSession, readPageAnswers, savePage, submitSurvey, type AnswerValue, type FieldError, type SurveyPageRef, type SurveySession } from '../survey/service.ts';
import {
  answersOfResponses,
  deleteRespondentLinks,
  federationMembers,
  findJointRespondent,
  findOrganisation,
  insertJointRespondent,
  insertOutboxMessage,
  nameJointRespondent,
  reopenResponse,
  responseStates,
  submittedJointResponse,
  submittedJointResponsesOf,
} from './repository.ts';
import { federationOfMember } from '../organisations/repository.ts';

type JointStatus = 'not_started' | 'in_progress' | 'submitted';

interface JointOverviewEntry {
  instrument: Instrument;
  status: JointStatus;
  submittedAt: string | null;
}

export interface JointOverview {
  entries: JointOverviewEntry[];
  /** The person named to fill in through a personal link, if any. */
  assignee: { name: string; email: string } | null;
}

/** One joint instrument of a round. */
export interface JointInstrumentInput {
  roundId: string;
  key: string;
}

/** The round's joint instruments, in the round's order. */
function jointInstruments(ctx: AppContext, round: RoundWithInstruments): Instrument[] {
  return round.instruments
    .map((ref) => ctx.instruments.get(ref.key, ref.version))
    .filter((instrument): instrument is Instrument => instrument?.respondentMode === 'joint');
}

function jointInstrumentOf(ctx: AppContext, round: RoundWithInstruments, key: string): Instrument {
  const instrument = jointInstruments(ctx, round).find((candidate) => candidate.key === key);
  if (!instrument) throw new AppError('not_found');
  return instrument;
}

/** The round's joint respondent, created on first use (the unique index keeps it one per round). */
async function ensureJointRespondent(ctx: AppContext, trx: Transaction<Database>, roundId: string): Promise<string> {
  const existing = await findJointRespondent(trx, roundId);
  if (existing) return existing.id;
  const id = ctx.ids.id();
  await insertJointRespondent(trx, { id, roundId, createdAt: ctx.clock.now().toISOString() });
  return id;
}

function savedBy(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

/** The round page's section: each joint instrument's state and who answers. */
export async function jointOverview(ctx: AppContext, actor: Actor, roundId: string): Promise<JointOverview> {
  const round = await getRound(ctx, actor, roundId);
  authorizeViewJointResults(actor, round);
  const instruments = jointInstruments(ctx, round);
  if (instruments.length === 0) return { entries: [], assignee: null };
  const respondent = await findJointRespondent(ctx.db, roundId);
  const responses = respondent ? await responseStates(ctx.db, respondent.id) : [];
  return {
    entries: instruments.map((instrument) => {
      const response = responses.find((row) => row.instrument_key === instrument.key);
      return { instrument, status: response ? response.status : 'not_started', submittedAt: response?.submitted_at ?? null };
    }),
    assignee: respondent?.name && respondent.contact_email ? { name: respondent.name, email: respondent.contact_email } : null,
  };
}

/** The coordinator's session for filling in (`answer`) or looking at (`read`) one joint instrument of a round. */
export async function openJointSession(ctx: AppContext, actor: Actor, input: JointInstrumentInput & { purpose: 'answer' | 'read' }): Promise<SurveySession> {
  const round = await getManagedRound(ctx, actor, input.roundId);
  authorizeAnswerJoint(actor, round);
  const instrument = jointInstrumentOf(ctx, round, input.key);
  if (round.status === 'draft') throw new AppError('survey_round_not_open');
  const organisation = await findOrganisation(ctx.db, round.organisation_id);
  const respondentId = await ctx.db.transaction().execute((trx) => ensureJointRespondent(ctx, trx, input.roundId));
  const session = await loadSession(
    ctx,
    { respondentId, round, organisationName: organisation.name, instruments: [instrument], viaOpenLink: false, joint: true, savedBy: savedBy(actor) },
    'read',
  );
  if (input.purpose === 'answer' && round.status === 'closed') throw new AppError('survey_round_closed');
  return session;
}

/** A survey page by its number as shown; a number past the end is a page that does not exist. */
function sessionPage(session: SurveySession, number: number): SurveyPageRef {
  const page = session.pages[number - 1];
  if (!page) throw new AppError('not_found');
  return page;
}

export type JointPageView = { submitted: true } | { submitted: false; session: SurveySession; current: SurveyPageRef };

/** One page to fill in; once the answer is submitted there is nothing to fill in (the caller shows the results). */
export async function openJointPage(ctx: AppContext, actor: Actor, input: JointInstrumentInput & { page: number }): Promise<JointPageView> {
  const session = await openJointSession(ctx, actor, { ...input, purpose: 'read' });
  if (session.submittedAt) return { submitted: true };
  return { submitted: false, session, current: sessionPage(session, input.page) };
}

export type JointPageAnswer =
  | { saved: true; session: SurveySession; current: SurveyPageRef }
  | { saved: false; session: SurveySession; current: SurveyPageRef; errors: FieldError[]; formAnswers: Map<string, AnswerValue> };

/**
 * Saves one page of a joint instrument from the posted form. A value off the scale saves nothing
 * and returns the problems with the answers to show again (the saved ones, overlaid by those sent).
 */
export async function answerJointPage(ctx: AppContext, actor: Actor, input: JointInstrumentInput & { page: number; form: Record<string, unknown> }): Promise<JointPageAnswer> {
  const session = await openJointSession(ctx, actor, { ...input, purpose: 'answer' });
  if (session.submittedAt) throw new AppError('survey_already_submitted');
  const current = sessionPage(session, input.page);
  const { answers, errors } = readPageAnswers(current, input.form);
  if (errors.length > 0) {
    const formAnswers = new Map(session.answers);
    for (const [itemKey, answer] of answers) formAnswers.set(itemKey, answer);
    return { saved: false, session, current, errors, formAnswers };
  }
  await savePage(ctx, session, current, answers);
  return { saved: true, session, current };
}

/** Submits the organisation's answer to one joint instrument (again: nothing changes). */
export async function submitJointAnswer(ctx: AppContext, actor: Actor, input: JointInstrumentInput): Promise<void> {
  const session = await openJointSession(ctx, actor, { ...input, purpose: 'answer' });
  await submitSurvey(ctx, session);
}

/**
 * Opens a submitted joint answer for changes again (the coordinator found a mistake). Only while
 * the round is open; the answers stay, and the results show nothing until it is submitted anew.
 */
export async function reopenJointAnswer(ctx: AppContext, actor: Actor, input: JointInstrumentInput): Promise<void> {
  const round = await getManagedRound(ctx, actor, input.roundId);
  authorizeAnswerJoint(actor, round);
  const instrument = jointInstrumentOf(ctx, round, input.key);
  if (round.status !== 'open') throw new AppError('survey_round_closed');
  await ctx.db.transaction().execute(async (trx) => {
    const respondent = await findJointRespondent(trx, input.roundId);
    if (!respondent) return;
    await reopenResponse(trx, { respondentId: respondent.id, instrumentKey: instrument.key, updatedAt: ctx.clock.now().toISOString(), updatedBy: savedBy(actor) });
  });
}

export interface AssignFormRound {
  roundId: string;
  roundName: string;
}

/** The round whose joint respondent the coordinator names (the form shown again after a mistake). */
export async function assignFormRound(ctx: AppContext, actor: Actor, roundId: string): Promise<AssignFormRound> {
  const round = await getManagedRound(ctx, actor, roundId);
  return { roundId, roundName: round.name };
}

/** The naming form: only for a round with joint instruments. */
export async function openAssignForm(ctx: AppContext, actor: Actor, roundId: string): Promise<AssignFormRound> {
  const round = await getManagedRound(ctx, actor, roundId);
  if (jointInstruments(ctx, round).length === 0) throw new AppError('not_found');
  return { roundId, roundName: round.name };
}

export interface AssignInput {
  roundId: string;
  name: string;
  email: string;
}

/** The mail naming someone, in every language (Swedish first); `link` gives the personal link per language. */
function assignmentMail(organisationName: string, roundName: string, name: string, instruments: Instrument[], link: (locale: Locale) => string) {
  const names = (m: Messages, locale: Locale) => instruments.map((instrument) => pick(instrument.name, locale).toLowerCase()).join(m.joint.mail.instrumentsJoiner);
  return {
    subject: subjectInEveryLanguage((m) => m.joint.mail.subject(organisationName)),
    text: inEveryLanguage((m, locale) => m.joint.mail.body({ org: organisationName, round: roundName, name, instruments: names(m, locale), link: link(locale) })),
  };
}

/**
 * Names the person who fills in the round's joint instruments and mails them a personal link.
 * Earlier links of the joint respondent stop working, so only the newest assignee can answer.
 * The mail goes out after the naming is committed and is recorded in the outbox once its fate is
 * known, so no transaction waits on the mail server.
 */
export async function assignJointRespondent(ctx: AppContext, actor: Actor, input: AssignInput): Promise<{ delivery: OutboxMessage['delivery'] }> {
  const round = await getManagedRound(ctx, actor, input.roundId);
  authorizeAnswerJoint(actor, round);
  const instruments = jointInstruments(ctx, round);
  if (instruments.length === 0) throw new AppError('not_found');
  if (round.status !== 'open') throw new AppError('survey_round_not_open');
  const name = input.name.trim();
  const email = normaliseEmail(input.email);
  if (name === '' || name.length > 200) throw new AppError('validation', 'name');
  if (!isValidEmail(email)) throw new AppError('validation', 'email');
  const organisation = await findOrganisation(ctx.db, round.organisation_id);
  const { respondentId, token } = await ctx.db.transaction().execute(async (trx) => {
    const respondentId = await ensureJointRespondent(ctx, trx, input.roundId);
    await nameJointRespondent(trx, respondentId, { name, email, invitedAt: ctx.clock.now().toISOString() });
    await deleteRespondentLinks(trx, respondentId);
    return { respondentId, token: await mintRespondentLink(ctx, trx, respondentId) };
  });
  const compose = (link: (locale: Locale) => string) => assignmentMail(organisation.name, round.name, name, instruments, link);
  const mail = compose((locale) => linkInLanguage(surveyLink(ctx, token), locale));
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
  await insertOutboxMessage(ctx.db, {
    id: ctx.ids.id(),
    organisation_id: round.organisation_id,
    round_id: input.roundId,
    respondent_id: respondentId,
    kind: 'joint_assessment',
    recipient: email,
    subject: mail.subject,
    body: stored,
    created_at: ctx.clock.now().toISOString(),
    delivery,
    error,
  });
  return { delivery };
}

export interface JointResults {
  round: RoundWithInstruments;
  organisationName: string;
  instrument: Instrument;
  /** The submitted joint answer; null while nothing is submitted. */
  answers: Map<string, ItemAnswer> | null;
  submittedAt: string | null;
  /** Whether the organisation belongs to a federation (for the comparison link). */
  inFederation: boolean;
}

/** The organisation's submitted answer to one joint instrument of a round. */
export async function jointResults(ctx: AppContext, actor: Actor, input: JointInstrumentInput): Promise<JointResults> {
  const round = await getRound(ctx, actor, input.roundId);
  authorizeViewJointResults(actor, round);
  const instrument = jointInstrumentOf(ctx, round, input.key);
  const organisation = await findOrganisation(ctx.db, round.organisation_id);
  const response = await submittedJointResponse(ctx.db, input.roundId, instrument.key);
  const federationId = await federationOfMember(ctx.db, round.organisation_id);
  const answers = response ? (await answersOfResponses(ctx.db, [response.id])).get(response.id)! : null;
  return { round, organisationName: organisation.name, instrument, answers, submittedAt: response?.submitted_at ?? null, inFederation: federationId !== undefined };
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

export interface FederationComparisonInput {
  /** The organisation the comparison is opened from: a federation, or one of its members. */
  organisationId: string;
  key: string;
  /** The year to show; without answers in it, the newest year with answers. */
  year?: number;
}

/**
 * The federation of `organisationId` (the organisation itself when it has members, otherwise
 * the federation it belongs to) and its members' submitted joint answers for one year.
 */
export async function federationComparison(ctx: AppContext, actor: Actor, input: FederationComparisonInput): Promise<FederationComparison> {
  authorizeViewFederationComparison(actor, input.organisationId);
  const instrument = ctx.instruments.get(input.key);
  if (!instrument || instrument.respondentMode !== 'joint' || !instrument.analysis) throw new AppError('not_found');
  let federationId = input.organisationId;
  let members = await federationMembers(ctx.db, federationId);
  if (members.length === 0) {
    const parent = await federationOfMember(ctx.db, input.organisationId);
    if (!parent) throw new AppError('not_found');
    federationId = parent;
    members = await federationMembers(ctx.db, federationId);
  }
  const federation = await findOrganisation(ctx.db, federationId);
  const memberIds = members.map((row) => row.id);
  const responses = await submittedJointResponsesOf(ctx.db, memberIds, instrument.key);
  const years = [...new Set(responses.map((row) => row.year))].sort((a, b) => b - a);
  const chosen = input.year !== undefined && years.includes(input.year) ? input.year : years[0] ?? null;
  const inYear = responses.filter((row) => row.year === chosen);
  const answers = await answersOfResponses(ctx.db, inYear.map((row) => row.id));
  const names = new Map(members.map((row) => [row.id, row.name]));
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
