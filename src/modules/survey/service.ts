// The respondent's side: the link is the key (the "actor" of every use case here is whoever holds
// the personal link, or the round's open link). Resolving a link, saving a page of answers (one
// transaction), reviewing and submitting (one transaction, idempotent: submitting twice never
// makes two responses). Only the link's holder reaches these answers. The joint assessments
// (src/modules/joint) reuse the session, the form reading, the page save and the submit over
// their own, policy-checked session.
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import { hashToken } from '../../app/ports.ts';
import type { Round } from '../../db/schema.ts';
import { isItemShown } from '../../domain/instruments/answer-set.ts';
import type { AnswerScale, Instrument } from '../../domain/instruments/instrument-schema.ts';
import { pageItems, surveyPages, type SurveyPage } from '../../domain/instruments/instrument-structure.ts';
import { surveyLink } from '../rounds/invitation-service.ts';
import { insertRespondents, mintRespondentLink, rolesOfRound, type Db } from '../rounds/repository.ts';
import { createRoleSpeller } from '../respondents/respondent-roles.ts';
import type { UnitNode } from '../organisations/unit-tree.ts';
import {
  answersOf,
  countOpenLinkRespondents,
  deleteAnswers,
  findLinkSurvey,
  findReceiptKey,
  findResponse,
  findRoundByOpenLinkHash,
  insertAnswers,
  insertResponsesUnlessExist,
  responsesOf,
  roundInstrumentRefs,
  setReceiptKey,
  submitResponses,
  submittedInstrumentKeys,
  touchResponse,
  type NewResponse,
} from './repository.ts';
import { findUnit, loadUnitTree, organisationNameOf } from '../organisations/repository.ts';
import { answerFieldName, commentFieldName, DONT_KNOW_VALUE, MAX_COMMENT_LENGTH, targetFieldName, type OpenLinkChoice } from './schema.ts';

/** How long the submitting browser may read the answers it just sent. */
export const RECEIPT_MINUTES = 30;

export interface AnswerValue {
  /** The chosen scale value; null for "don't know". */
  value: number | null;
  /** Target level (items with `target: true`); null or absent when not given. */
  target?: number | null;
  /** Free-text comment (items with `comment: true`). */
  comment?: string | null;
}

export interface SurveyPageRef extends SurveyPage {
  instrument: Instrument;
  /** Page number across all the round's instruments (1-based). */
  globalNumber: number;
}

export interface SurveySession {
  respondentId: string;
  round: Round;
  organisationName: string;
  instruments: Instrument[];
  pages: SurveyPageRef[];
  /** item key → answer, over all instruments of the round. */
  answers: Map<string, AnswerValue>;
  submittedAt: string | null;
  viaOpenLink: boolean;
  /** The organisation's joint answer (joint instruments) rather than one respondent's. */
  joint: boolean;
  /** Who saves: a user id (a coordinator on the round page) or null (the link's holder). */
  savedBy: string | null;
}

type SurveyState = 'not_started' | 'in_progress' | 'submitted';

function surveyState(session: SurveySession): SurveyState {
  if (session.submittedAt) return 'submitted';
  return session.answers.size > 0 ? 'in_progress' : 'not_started';
}

export interface FieldError {
  itemKey: string;
  /**
   * Which control of the item is wrong: its answer, its target level, its comment, or
   * `missing` — a target or comment was given without an answer.
   */
  field: 'value' | 'target' | 'comment' | 'missing';
}

const LINK_TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

// Instruments answered by each respondent on their own, or (joint) once for the organisation.
function respondentInstruments(ctx: AppContext, refs: Array<{ instrument_key: string; instrument_version: string }>, mode: Instrument['respondentMode']): Instrument[] {
  return refs
    .map((ref) => ctx.instruments.get(ref.instrument_key, ref.instrument_version))
    .filter((instrument): instrument is Instrument => instrument !== undefined && instrument.respondentMode === mode);
}

/** The organisation's name and the instruments its respondents answer on their own in a round. */
async function loadRoundSurvey(ctx: AppContext, round: Round): Promise<{ organisationName: string; instruments: Instrument[] }> {
  const organisationName = await organisationNameOf(ctx.db, round.organisation_id);
  const refs = await roundInstrumentRefs(ctx.db, round.id);
  return { organisationName, instruments: respondentInstruments(ctx, refs, 'individual') };
}

/**
 * Loads what a personal link opens. Unknown link → 404 page; a round not yet open → 409;
 * a closed round → 410, except that a respondent who submitted can still read their receipt.
 * Without `answers`, the session's answers start empty (a page save needs only the page's own).
 */
async function openSurvey(ctx: AppContext, token: string, purpose: 'answer' | 'read', answers: 'all' | 'none' = 'all'): Promise<LoadedSession> {
  if (!LINK_TOKEN.test(token)) throw new AppError('survey_link_unknown');
  const found = await findLinkSurvey(ctx.db, hashToken(token));
  if (!found) throw new AppError('survey_link_unknown');
  const { respondent, round, organisationName } = found;
  const joint = respondent.joint === 1;
  let instruments = respondentInstruments(ctx, await roundInstrumentRefs(ctx.db, round.id), joint ? 'joint' : 'individual');
  if (joint) {
    // Each joint instrument is submitted on its own (the coordinator may have submitted one
    // already): the link offers those still open, or all of them as a receipt once none is.
    const done = await submittedInstrumentKeys(ctx.db, respondent.id);
    const open = instruments.filter((instrument) => !done.includes(instrument.key));
    if (open.length > 0) instruments = open;
  }
  const base = { respondentId: respondent.id, round, organisationName, instruments, viaOpenLink: respondent.via_open_link === 1, joint, savedBy: null };
  return loadSessionParts(ctx, base, purpose, answers);
}

interface LoadedSession {
  session: SurveySession;
  /** The respondent's responses to the session's instruments. */
  responseIds: string[];
}

type SessionBase = { respondentId: string; round: Round; organisationName: string; instruments: Instrument[]; viaOpenLink: boolean; joint: boolean; savedBy: string | null };

/** Builds a session over a respondent's responses to the given instruments (also used for joint answers). */
export async function loadSession(ctx: AppContext, base: SessionBase, purpose: 'answer' | 'read'): Promise<SurveySession> {
  return (await loadSessionParts(ctx, base, purpose, 'all')).session;
}

async function loadSessionParts(ctx: AppContext, base: SessionBase, purpose: 'answer' | 'read', withAnswers: 'all' | 'none'): Promise<LoadedSession> {
  const { round, instruments } = base;
  const responses = await responsesOf(
    ctx.db,
    base.respondentId,
    instruments.map((instrument) => instrument.key),
  );
  const submitted = responses.length > 0 && responses.every((response) => response.status === 'submitted');
  const submittedAt = submitted ? responses.map((response) => response.submitted_at ?? '').sort().at(-1) ?? null : null;
  if (round.status === 'draft') throw new AppError('survey_round_not_open');
  if (round.status === 'closed' && !(purpose === 'read' && submitted)) throw new AppError('survey_round_closed');
  const responseIds = responses.map((response) => response.id);
  const answers = withAnswers === 'all' ? await savedAnswers(ctx, responseIds) : new Map<string, AnswerValue>();
  return { session: { ...base, pages: surveyPagesOf(instruments), answers, submittedAt }, responseIds };
}

/** item key → answer, over the given responses. */
async function savedAnswers(ctx: AppContext, responseIds: string[]): Promise<Map<string, AnswerValue>> {
  const answers = new Map<string, AnswerValue>();
  if (responseIds.length === 0) return answers;
  for (const row of await answersOf(ctx.db, responseIds)) answers.set(row.item_key, { value: row.dont_know === 1 ? null : row.value, target: row.target_value, comment: row.comment });
  return answers;
}

// The pages of an instrument never change while the process runs (the catalogue is loaded once):
// built once per instrument, not on every request.
const pagesOfInstrument = new WeakMap<Instrument, SurveyPage[]>();

function surveyPagesOf(instruments: Instrument[]): SurveyPageRef[] {
  const pages: SurveyPageRef[] = [];
  for (const instrument of instruments) {
    let own = pagesOfInstrument.get(instrument);
    if (!own) {
      own = surveyPages(instrument);
      pagesOfInstrument.set(instrument, own);
    }
    for (const page of own) pages.push({ ...page, instrument, globalNumber: pages.length + 1 });
  }
  return pages;
}

function readScaleValue(raw: unknown, scale: AnswerScale): number | null | 'invalid' {
  if (raw === DONT_KNOW_VALUE && scale.dontKnow) return null;
  const value = typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
  const allowed = scale.labels.some((label) => label.value === value) || (scale.type === 'scale' && value >= scale.min && value <= scale.max);
  return Number.isInteger(value) && allowed ? value : 'invalid';
}

/**
 * Reads a page's answers from the submitted form. Missing answers are allowed (the respondent
 * may come back); a value that is not on the scale is an error for that item. A follow-up whose
 * condition does not hold (e.g. "to what degree?" after "no") is dropped, whatever was sent.
 */
export function readPageAnswers(page: SurveyPageRef, form: Record<string, unknown>): { answers: Map<string, AnswerValue>; errors: FieldError[] } {
  const answers = new Map<string, AnswerValue>();
  const errors: FieldError[] = [];
  for (const { item } of pageItems(page)) {
    const scale = page.instrument.scales[item.scale ?? page.instrument.defaultScale]!;
    if (!isItemShown(item, answers)) continue;
    const raw = form[answerFieldName(item.key)];
    const rawTarget = item.target ? form[targetFieldName(item.key)] : undefined;
    const rawComment = item.comment ? form[commentFieldName(item.key)] : undefined;
    const answer: AnswerValue = { value: null };
    let given = false;
    let valid = true;
    if (raw !== undefined && raw !== '') {
      const value = readScaleValue(raw, scale);
      if (value === 'invalid') {
        errors.push({ itemKey: item.key, field: 'value' });
        valid = false;
      } else {
        answer.value = value;
        given = true;
      }
    }
    if (rawTarget !== undefined && rawTarget !== '') {
      const target = readScaleValue(rawTarget, { ...scale, dontKnow: undefined });
      if (target === 'invalid' || target === null) {
        errors.push({ itemKey: item.key, field: 'target' });
        valid = false;
      } else {
        answer.target = target;
      }
    }
    if (typeof rawComment === 'string' && rawComment.trim() !== '') {
      const comment = rawComment.replace(/\r\n/g, '\n').trim();
      if (comment.length > MAX_COMMENT_LENGTH) {
        errors.push({ itemKey: item.key, field: 'comment' });
        valid = false;
      } else {
        answer.comment = comment;
      }
    }
    if (!valid) continue;
    if (given) answers.set(item.key, answer);
    else if (answer.target !== undefined || answer.comment !== undefined) errors.push({ itemKey: item.key, field: 'missing' });
  }
  return { answers, errors };
}

function newResponse(ctx: AppContext, session: SurveySession, instrument: Instrument, now: string): NewResponse {
  return { id: ctx.ids.id(), roundId: session.round.id, respondentId: session.respondentId, instrumentKey: instrument.key, instrumentVersion: instrument.version, now };
}

/**
 * Saves one page: the page's items are replaced by what was sent, as one atomic write unit
 * (resolved once on disk; on SQLite it may share its commit with other requests' units).
 */
export async function savePage(ctx: AppContext, session: SurveySession, page: SurveyPageRef, answers: Map<string, AnswerValue>): Promise<void> {
  if (session.submittedAt) throw new AppError('survey_already_submitted');
  const now = ctx.clock.now().toISOString();
  const itemKeys = pageItems(page).map(({ item }) => item.key);
  await ctx.writes.run(async (trx) => {
    await insertResponsesUnlessExist(trx, [newResponse(ctx, session, page.instrument, now)]);
    const response = await findResponse(trx, session.respondentId, page.instrument.key);
    // Checked inside the transaction: a submit that won a race leaves the answers untouched.
    if (response.status === 'submitted') throw new AppError('survey_already_submitted');
    await deleteAnswers(trx, response.id, itemKeys);
    await insertAnswers(
      trx,
      [...answers.entries()].map(([itemKey, answer]) => ({
        response_id: response.id,
        item_key: itemKey,
        value: answer.value,
        dont_know: answer.value === null ? 1 : 0,
        target_value: answer.target ?? null,
        comment: answer.comment ?? null,
      })),
    );
    await touchResponse(trx, response.id, { now, updatedBy: session.savedBy });
  });
  for (const key of itemKeys) session.answers.delete(key);
  for (const [key, answer] of answers) session.answers.set(key, answer);
}

/**
 * Submits every response of the respondent, as one atomic write unit (resolved once on disk).
 * Calling it again changes nothing.
 * Returns a receipt key for the submitting browser (its hash is stored with an expiry), or null
 * when the survey was already submitted.
 */
export async function submitSurvey(ctx: AppContext, session: SurveySession): Promise<string | null> {
  if (session.submittedAt) return null;
  const now = ctx.clock.now().toISOString();
  const receiptKey = ctx.ids.token();
  const receiptUntil = new Date(ctx.clock.now().getTime() + RECEIPT_MINUTES * 60_000).toISOString();
  await ctx.writes.run(async (trx) => {
    await setReceiptKey(trx, session.respondentId, { keyHash: hashToken(receiptKey), until: receiptUntil });
    await insertResponsesUnlessExist(
      trx,
      session.instruments.map((instrument) => newResponse(ctx, session, instrument, now)),
    );
    await submitResponses(
      trx,
      session.respondentId,
      session.instruments.map((instrument) => instrument.key),
      now,
    );
  });
  session.submittedAt = now;
  return receiptKey;
}

/** Whether a browser's receipt key is the one minted at this respondent's submit, and still valid. */
async function receiptKeyValid(ctx: AppContext, session: SurveySession, key: string | undefined): Promise<boolean> {
  if (!key || !LINK_TOKEN.test(key)) return false;
  const row = await findReceiptKey(ctx.db, session.respondentId);
  if (!row?.receipt_key_hash || !row.receipt_until) return false;
  return row.receipt_key_hash === hashToken(key) && ctx.clock.now().toISOString() < row.receipt_until;
}

function sessionPage(session: SurveySession, number: number): SurveyPageRef {
  const page = session.pages[number - 1];
  if (!page) throw new AppError('not_found');
  return page;
}

// ---------------------------------------------------------------------------------------------
// Use cases of the personal link (/s/:token)

export type SurveyStart = { kind: 'receipt'; session: SurveySession; showAnswers: boolean } | { kind: 'start'; session: SurveySession };

/**
 * What the link opens: the start page, or once submitted the receipt. The answers are shown only
 * to the browser holding the receipt key minted at submit, while it is valid; anyone else with the
 * link learns only that, and when, they were submitted.
 */
export async function openStart(ctx: AppContext, token: string, input: { receiptKey: string | undefined }): Promise<SurveyStart> {
  const { session } = await openSurvey(ctx, token, 'read');
  if (surveyState(session) === 'submitted') return { kind: 'receipt', session, showAnswers: await receiptKeyValid(ctx, session, input.receiptKey) };
  return { kind: 'start', session };
}

export type SurveyPageView = { submitted: true } | { submitted: false; session: SurveySession; current: SurveyPageRef };

/** One page to fill in; once submitted there is nothing to fill in (the caller shows the receipt). */
export async function openPage(ctx: AppContext, token: string, input: { page: number }): Promise<SurveyPageView> {
  const { session } = await openSurvey(ctx, token, 'read');
  if (session.submittedAt) return { submitted: true };
  return { submitted: false, session, current: sessionPage(session, input.page) };
}

export type SurveyPageAnswer =
  | { saved: true; current: SurveyPageRef; pageCount: number }
  | { saved: false; session: SurveySession; current: SurveyPageRef; errors: FieldError[]; formAnswers: Map<string, AnswerValue> };

/**
 * Saves one page from the posted form, in one transaction. A value off the scale saves nothing and
 * returns the problems with the answers to show again (the saved ones, overlaid by those sent).
 */
export async function answerPage(ctx: AppContext, token: string, input: { page: number; form: Record<string, unknown> }): Promise<SurveyPageAnswer> {
  // The other pages' answers are read only when the form comes back with problems.
  const { session, responseIds } = await openSurvey(ctx, token, 'answer', 'none');
  if (session.submittedAt) throw new AppError('survey_already_submitted');
  const current = sessionPage(session, input.page);
  const { answers, errors } = readPageAnswers(current, input.form);
  if (errors.length > 0) {
    session.answers = await savedAnswers(ctx, responseIds);
    const formAnswers = new Map(session.answers);
    for (const [key, answer] of answers) formAnswers.set(key, answer);
    return { saved: false, session, current, errors, formAnswers };
  }
  await savePage(ctx, session, current, answers);
  return { saved: true, current, pageCount: session.pages.length };
}

/** The "saved, come back later" page: the link to come back with. */
export async function openSaved(ctx: AppContext, token: string): Promise<{ link: string; viaOpenLink: boolean }> {
  const { session } = await openSurvey(ctx, token, 'read');
  return { link: surveyLink(ctx, token), viaOpenLink: session.viaOpenLink };
}

/** The review before submitting; once submitted there is nothing to review. */
export async function openReview(ctx: AppContext, token: string): Promise<{ submitted: true } | { submitted: false; session: SurveySession }> {
  const { session } = await openSurvey(ctx, token, 'read');
  if (session.submittedAt) return { submitted: true };
  return { submitted: false, session };
}

/** Submits the link's answers (again: nothing changes). Returns the receipt key for the browser, or null. */
export async function submit(ctx: AppContext, token: string): Promise<string | null> {
  const { session } = await openSurvey(ctx, token, 'read');
  if (session.round.status !== 'open' && !session.submittedAt) throw new AppError('survey_round_closed');
  return submitSurvey(ctx, session);
}

// ---------------------------------------------------------------------------------------------
// Use cases of the open link (/o/:token)

/** Open link: anyone with the round's shared link gets a new anonymous respondent and a personal link. */
async function resolveOpenLink(ctx: AppContext, token: string): Promise<Round> {
  if (!LINK_TOKEN.test(token)) throw new AppError('survey_link_unknown');
  const round = await findRoundByOpenLinkHash(ctx.db, hashToken(token));
  if (!round) throw new AppError('survey_link_unknown');
  if (round.status === 'draft') throw new AppError('survey_round_not_open');
  if (round.status === 'closed') throw new AppError('survey_round_closed');
  return round;
}

/** What the open link's page offers: whose survey, of which instruments, and the unit and role choices. */
export interface OpenLinkView {
  organisationName: string;
  instruments: Instrument[];
  /** The organisation's units in tree order (each unit followed by its sub-units); none: no unit choice. */
  units: UnitNode[];
  /** The roles the round uses, one spelling each, in Swedish order; none: no role choice. */
  roles: string[];
}

/** The roles a round uses, each in the spelling the round stores it (see respondent-roles.ts). */
async function roleChoices(db: Db, roundId: string): Promise<{ roles: string[]; spell: (role: string | null) => string | null }> {
  const used = await rolesOfRound(db, roundId);
  const spell = createRoleSpeller(used);
  const roles = [...new Set(used.map((role) => spell(role)).filter((role): role is string => role !== null))];
  return { roles: roles.sort((a, b) => a.localeCompare(b, 'sv')), spell };
}

async function loadOpenLinkView(ctx: AppContext, round: Round): Promise<OpenLinkView> {
  const survey = await loadRoundSurvey(ctx, round);
  const units = await loadUnitTree(ctx.db, round.organisation_id);
  const { roles } = await roleChoices(ctx.db, round.id);
  return { ...survey, units, roles };
}

export async function openOpenLink(ctx: AppContext, token: string): Promise<OpenLinkView> {
  const round = await resolveOpenLink(ctx, token);
  return loadOpenLinkView(ctx, round);
}

export type OpenLinkStart =
  | { started: true; token: string }
  | { started: false; view: OpenLinkView; errors: Partial<Record<'unitId' | 'role', 'unknown'>> };

/**
 * Starts an anonymous response through the open link, unless the round's cap is reached, with
 * the unit and role the respondent chose (empty: not given, stored as null). A unit that is not
 * the organisation's, or a role the round does not use, starts nothing: the page is shown again
 * with the field's problem. The respondent row gets its unit and role in the transaction that
 * creates it. Returns the new personal token.
 */
export async function startOpenLinkResponse(ctx: AppContext, token: string, choice: OpenLinkChoice): Promise<OpenLinkStart> {
  const round = await resolveOpenLink(ctx, token);
  const started = await ctx.db.transaction().execute(async (trx) => {
    const errors: Partial<Record<'unitId' | 'role', 'unknown'>> = {};
    const unitId = choice.unitId.trim() === '' ? null : choice.unitId.trim();
    if (unitId !== null && !(await findUnit(trx, round.organisation_id, unitId))) errors.unitId = 'unknown';
    let role: string | null = null;
    if (choice.role.trim() !== '') {
      const { roles, spell } = await roleChoices(trx, round.id);
      role = spell(choice.role);
      if (role === null || !roles.includes(role)) errors.role = 'unknown';
    }
    if (errors.unitId || errors.role) return { started: false as const, errors };
    // Counted inside the transaction that inserts, so the cap holds for each writer.
    if ((await countOpenLinkRespondents(trx, round.id)) >= (round.open_link_cap ?? 0)) throw new AppError('open_link_full');
    const [respondentId] = await insertRespondents(ctx, trx, round.id, [{ email: '', viaOpenLink: true, unitId, role }]);
    return { started: true as const, token: await mintRespondentLink(ctx, trx, respondentId!) };
  });
  if (started.started) return started;
  return { started: false, view: await loadOpenLinkView(ctx, round), errors: started.errors };
}
