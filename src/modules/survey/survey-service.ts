// The respondent's side: the personal link is the key. Resolving a link, saving a page of
// answers (in one transaction), reviewing and submitting (idempotent: submitting twice never
// makes two responses). Only the link's holder reaches these answers.
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import { hashToken } from '../../app/ports.ts';
import { isItemShown } from '../../domain/instruments/answer-set.ts';
import type { AnswerScale, Instrument } from '../../domain/instruments/instrument-schema.ts';
import { surveyPages, type SurveyPage } from '../../domain/instruments/instrument-structure.ts';
import type { Transaction } from 'kysely';
import type { Database, Round } from '../../db/schema.ts';
import { toNumber } from '../../db/numbers.ts';
import { insertRespondents, mintRespondentLink } from '../rounds/repository.ts';

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

/** Longest comment accepted per item. */
export const MAX_COMMENT_LENGTH = 2000;

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

export type SurveyState = 'not_started' | 'in_progress' | 'submitted';

export function surveyState(session: SurveySession): SurveyState {
  if (session.submittedAt) return 'submitted';
  return session.answers.size > 0 ? 'in_progress' : 'not_started';
}

// Instruments answered by each respondent on their own, or (joint) once for the organisation.
function respondentInstruments(ctx: AppContext, refs: Array<{ instrument_key: string; instrument_version: string }>, mode: Instrument['respondentMode']): Instrument[] {
  return refs
    .map((ref) => ctx.instruments.get(ref.instrument_key, ref.instrument_version))
    .filter((instrument): instrument is Instrument => instrument !== undefined && instrument.respondentMode === mode);
}

/** The organisation's name and the instruments its respondents (or its joint respondent) answer in a round. */
export async function loadRoundSurvey(ctx: AppContext, round: Round, mode: Instrument['respondentMode'] = 'individual'): Promise<{ organisationName: string; instruments: Instrument[] }> {
  const organisation = await ctx.db.selectFrom('organisations').select('name').where('id', '=', round.organisation_id).executeTakeFirstOrThrow();
  const refs = await ctx.db
    .selectFrom('round_instruments')
    .select(['instrument_key', 'instrument_version'])
    .where('round_id', '=', round.id)
    .orderBy('instrument_key')
    .execute();
  return { organisationName: organisation.name, instruments: respondentInstruments(ctx, refs, mode) };
}

/**
 * Loads what a personal link opens. Unknown link → 404 page; a round not yet open → 409;
 * a closed round → 410, except that a respondent who submitted can still read their receipt.
 */
export async function openSurvey(ctx: AppContext, token: string, purpose: 'answer' | 'read' = 'answer'): Promise<SurveySession> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new AppError('survey_link_unknown');
  const respondent = await ctx.db
    .selectFrom('respondent_links')
    .innerJoin('respondents', 'respondents.id', 'respondent_links.respondent_id')
    .select(['respondents.id', 'respondents.round_id', 'respondents.via_open_link', 'respondents.joint'])
    .where('respondent_links.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!respondent) throw new AppError('survey_link_unknown');
  const round = await ctx.db.selectFrom('rounds').selectAll().where('id', '=', respondent.round_id).executeTakeFirstOrThrow();
  const joint = respondent.joint === 1;
  const survey = await loadRoundSurvey(ctx, round, joint ? 'joint' : 'individual');
  const { organisationName } = survey;
  let instruments = survey.instruments;
  if (joint) {
    // Each joint instrument is submitted on its own (the coordinator may have submitted one
    // already): the link offers those still open, or all of them as a receipt once none is.
    const done = await ctx.db
      .selectFrom('responses')
      .select('instrument_key')
      .where('respondent_id', '=', respondent.id)
      .where('status', '=', 'submitted')
      .execute();
    const open = instruments.filter((instrument) => !done.some((row) => row.instrument_key === instrument.key));
    if (open.length > 0) instruments = open;
  }
  return loadSession(ctx, { respondentId: respondent.id, round, organisationName, instruments, viaOpenLink: respondent.via_open_link === 1, joint, savedBy: null }, purpose);
}

/** Builds a session over a respondent's responses to the given instruments (also used for joint answers). */
export async function loadSession(
  ctx: AppContext,
  base: { respondentId: string; round: Round; organisationName: string; instruments: Instrument[]; viaOpenLink: boolean; joint: boolean; savedBy: string | null },
  purpose: 'answer' | 'read',
): Promise<SurveySession> {
  const { round, instruments } = base;
  const respondent = { id: base.respondentId };
  const responses = await ctx.db
    .selectFrom('responses')
    .select(['id', 'status', 'submitted_at'])
    .where('respondent_id', '=', respondent.id)
    .where('instrument_key', 'in', instruments.length > 0 ? instruments.map((instrument) => instrument.key) : [''])
    .execute();
  const submitted = responses.length > 0 && responses.every((response) => response.status === 'submitted');
  const submittedAt = submitted ? responses.map((response) => response.submitted_at ?? '').sort().at(-1) ?? null : null;
  if (round.status === 'draft') throw new AppError('survey_round_not_open');
  if (round.status === 'closed' && !(purpose === 'read' && submitted)) throw new AppError('survey_round_closed');
  const answers = new Map<string, AnswerValue>();
  if (responses.length > 0) {
    const rows = await ctx.db
      .selectFrom('answers')
      .select(['item_key', 'value', 'dont_know', 'target_value', 'comment'])
      .where('response_id', 'in', responses.map((response) => response.id))
      .execute();
    for (const row of rows) answers.set(row.item_key, { value: row.dont_know === 1 ? null : row.value, target: row.target_value, comment: row.comment });
  }
  const pages: SurveyPageRef[] = [];
  for (const instrument of instruments) {
    for (const page of surveyPages(instrument)) pages.push({ ...page, instrument, globalNumber: pages.length + 1 });
  }
  return { ...base, pages, answers, submittedAt };
}

export function pageItems(page: SurveyPageRef) {
  return page.category.capabilities.flatMap((capability) => capability.items.map((item) => ({ capability, item })));
}

export interface FieldError {
  itemKey: string;
  /**
   * Which control of the item is wrong: its answer, its target level, its comment, or
   * `missing` — a target or comment was given without an answer.
   */
  field: 'value' | 'target' | 'comment' | 'missing';
}

/** The form field name of an item's radios. */
export function answerFieldName(itemKey: string): string {
  return `a.${itemKey}`;
}

/** The form field name of an item's target level. */
export function targetFieldName(itemKey: string): string {
  return `t.${itemKey}`;
}

/** The form field name of an item's comment. */
export function commentFieldName(itemKey: string): string {
  return `c.${itemKey}`;
}

export const DONT_KNOW_VALUE = 'dk';

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
export function readPageAnswers(
  page: SurveyPageRef,
  form: Record<string, unknown>,
): { answers: Map<string, AnswerValue>; errors: FieldError[] } {
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

/** Creates the respondent's response to an instrument unless it exists (safe under concurrent posts). */
async function ensureResponse(ctx: AppContext, trx: Transaction<Database>, session: SurveySession, instrument: Instrument, now: string): Promise<void> {
  await trx
    .insertInto('responses')
    .values({
      id: ctx.ids.id(),
      round_id: session.round.id,
      respondent_id: session.respondentId,
      instrument_key: instrument.key,
      instrument_version: instrument.version,
      status: 'in_progress',
      started_at: now,
      updated_at: now,
      submitted_at: null,
    })
    .onConflict((oc) => oc.columns(['respondent_id', 'instrument_key']).doNothing())
    .execute();
}

/** Saves one page: the page's items are replaced by what was sent, in one transaction. */
export async function savePage(ctx: AppContext, session: SurveySession, page: SurveyPageRef, answers: Map<string, AnswerValue>): Promise<void> {
  if (session.submittedAt) throw new AppError('survey_already_submitted');
  const now = ctx.clock.now().toISOString();
  const itemKeys = pageItems(page).map(({ item }) => item.key);
  await ctx.db.transaction().execute(async (trx) => {
    await ensureResponse(ctx, trx, session, page.instrument, now);
    const response = await trx
      .selectFrom('responses')
      .select(['id', 'status'])
      .where('respondent_id', '=', session.respondentId)
      .where('instrument_key', '=', page.instrument.key)
      .executeTakeFirstOrThrow();
    // Checked inside the transaction: a submit that won a race leaves the answers untouched.
    if (response.status === 'submitted') throw new AppError('survey_already_submitted');
    await trx.deleteFrom('answers').where('response_id', '=', response.id).where('item_key', 'in', itemKeys).execute();
    const rows = [...answers.entries()].map(([itemKey, answer]) => ({
      response_id: response.id,
      item_key: itemKey,
      value: answer.value,
      dont_know: answer.value === null ? 1 : 0,
      target_value: answer.target ?? null,
      comment: answer.comment ?? null,
    }));
    if (rows.length > 0) await trx.insertInto('answers').values(rows).execute();
    await trx.updateTable('responses').set({ updated_at: now, updated_by: session.savedBy }).where('id', '=', response.id).execute();
  });
  for (const key of itemKeys) session.answers.delete(key);
  for (const [key, answer] of answers) session.answers.set(key, answer);
}

/**
 * Submits every response of the respondent. Calling it again changes nothing. Returns a receipt
 * key for the submitting browser (its hash is stored with an expiry), or null when the survey
 * was already submitted.
 */
export async function submitSurvey(ctx: AppContext, session: SurveySession): Promise<string | null> {
  if (session.submittedAt) return null;
  const now = ctx.clock.now().toISOString();
  const receiptKey = ctx.ids.token();
  const receiptUntil = new Date(ctx.clock.now().getTime() + RECEIPT_MINUTES * 60_000).toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('respondents').set({ receipt_key_hash: hashToken(receiptKey), receipt_until: receiptUntil }).where('id', '=', session.respondentId).execute();
    for (const instrument of session.instruments) await ensureResponse(ctx, trx, session, instrument, now);
    await trx
      .updateTable('responses')
      .set({ status: 'submitted', submitted_at: now, updated_at: now })
      .where('respondent_id', '=', session.respondentId)
      .where('instrument_key', 'in', session.instruments.map((instrument) => instrument.key))
      .where('status', '=', 'in_progress')
      .execute();
  });
  session.submittedAt = now;
  return receiptKey;
}

/** Whether a browser's receipt key is the one minted at this respondent's submit, and still valid. */
export async function receiptKeyValid(ctx: AppContext, session: SurveySession, key: string | undefined): Promise<boolean> {
  if (!key || !/^[A-Za-z0-9_-]{20,100}$/.test(key)) return false;
  const row = await ctx.db.selectFrom('respondents').select(['receipt_key_hash', 'receipt_until']).where('id', '=', session.respondentId).executeTakeFirst();
  if (!row?.receipt_key_hash || !row.receipt_until) return false;
  return row.receipt_key_hash === hashToken(key) && ctx.clock.now().toISOString() < row.receipt_until;
}

/** Open link: anyone with the round's shared link gets a new anonymous respondent and a personal link. */
export async function resolveOpenLink(ctx: AppContext, token: string): Promise<{ round: Round; organisationName: string; instruments: Instrument[] }> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new AppError('survey_link_unknown');
  const round = await ctx.db.selectFrom('rounds').selectAll().where('open_link_hash', '=', hashToken(token)).executeTakeFirst();
  if (!round) throw new AppError('survey_link_unknown');
  if (round.status === 'draft') throw new AppError('survey_round_not_open');
  if (round.status === 'closed') throw new AppError('survey_round_closed');
  return { round, ...(await loadRoundSurvey(ctx, round)) };
}

/** Starts an anonymous response through the open link, unless the round's cap is reached. */
export async function startOpenLinkResponse(ctx: AppContext, token: string): Promise<string> {
  const { round } = await resolveOpenLink(ctx, token);
  return ctx.db.transaction().execute(async (trx) => {
    // Counted inside the transaction that inserts, so the cap holds for each writer.
    const used = await trx
      .selectFrom('respondents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('round_id', '=', round.id)
      .where('via_open_link', '=', 1)
      .executeTakeFirstOrThrow();
    if (toNumber(used.n) >= (round.open_link_cap ?? 0)) throw new AppError('open_link_full');
    const [respondentId] = await insertRespondents(ctx, trx, round.id, [{ email: '', viaOpenLink: true }]);
    return mintRespondentLink(ctx, trx, respondentId!);
  });
}
