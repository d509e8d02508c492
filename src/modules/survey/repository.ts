// The survey's queries: a personal or open link to its respondent or round, the round's
// instruments, a respondent's responses and answers, a page's answers replaced, the submit and
// the receipt key. No access checks here: the link is the key, and src/modules/survey/service.ts
// resolves it before anything else; plain rows in and out.
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { AnswersTable, Database, ResponseStatus, Round } from '../../db/schema.ts';
import { toNumber } from '../../db/numbers.ts';

type Db = Kysely<Database> | Transaction<Database>;

interface LinkRespondentRow {
  id: string;
  round_id: string;
  via_open_link: number;
  joint: number;
}

export interface LinkSurveyRow {
  respondent: LinkRespondentRow;
  round: Round;
  organisationName: string;
}

/** What a personal link (by its token's hash) opens: its respondent, the round and the organisation's name, in one query. */
export async function findLinkSurvey(db: Db, tokenHash: string): Promise<LinkSurveyRow | undefined> {
  const row = await db
    .selectFrom('respondent_links')
    .innerJoin('respondents', 'respondents.id', 'respondent_links.respondent_id')
    .innerJoin('rounds', 'rounds.id', 'respondents.round_id')
    .innerJoin('organisations', 'organisations.id', 'rounds.organisation_id')
    .selectAll('rounds')
    .select(['respondents.id as respondent_id', 'respondents.via_open_link as respondent_via_open_link', 'respondents.joint as respondent_joint', 'organisations.name as organisation_name'])
    .where('respondent_links.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { respondent_id, respondent_via_open_link, respondent_joint, organisation_name, ...round } = row;
  return { respondent: { id: respondent_id, round_id: round.id, via_open_link: respondent_via_open_link, joint: respondent_joint }, round, organisationName: organisation_name };
}

/** The round an open link (by its token's hash) belongs to. */
export async function findRoundByOpenLinkHash(db: Db, tokenHash: string): Promise<Round | undefined> {
  return db.selectFrom('rounds').selectAll().where('open_link_hash', '=', tokenHash).executeTakeFirst();
}

export interface InstrumentRefRow {
  instrument_key: string;
  instrument_version: string;
}

/** The round's instruments, by key. */
export async function roundInstrumentRefs(db: Db, roundId: string): Promise<InstrumentRefRow[]> {
  return db.selectFrom('round_instruments').select(['instrument_key', 'instrument_version']).where('round_id', '=', roundId).orderBy('instrument_key').execute();
}

/** The instruments a respondent has submitted. */
export async function submittedInstrumentKeys(db: Db, respondentId: string): Promise<string[]> {
  const rows = await db.selectFrom('responses').select('instrument_key').where('respondent_id', '=', respondentId).where('status', '=', 'submitted').execute();
  return rows.map((row) => row.instrument_key);
}

export interface ResponseStateRow {
  id: string;
  status: ResponseStatus;
  submitted_at: string | null;
}

/** A respondent's responses to the given instruments (none given: none found). */
export async function responsesOf(db: Db, respondentId: string, instrumentKeys: string[]): Promise<ResponseStateRow[]> {
  return db
    .selectFrom('responses')
    .select(['id', 'status', 'submitted_at'])
    .where('respondent_id', '=', respondentId)
    .where('instrument_key', 'in', instrumentKeys.length > 0 ? instrumentKeys : [''])
    .execute();
}

export interface AnswerRow {
  item_key: string;
  value: number | null;
  dont_know: number;
  target_value: number | null;
  comment: string | null;
}

/** Every answer of the given responses (at least one). */
export async function answersOf(db: Db, responseIds: string[]): Promise<AnswerRow[]> {
  return db.selectFrom('answers').select(['item_key', 'value', 'dont_know', 'target_value', 'comment']).where('response_id', 'in', responseIds).execute();
}

export interface NewResponse {
  id: string;
  roundId: string;
  respondentId: string;
  instrumentKey: string;
  instrumentVersion: string;
  now: string;
}

/** Creates responses in progress, each unless the respondent has one to its instrument (safe under concurrent posts). */
export async function insertResponsesUnlessExist(db: Db, responses: NewResponse[]): Promise<void> {
  if (responses.length === 0) return;
  await db
    .insertInto('responses')
    .values(
      responses.map((response) => ({
        id: response.id,
        round_id: response.roundId,
        respondent_id: response.respondentId,
        instrument_key: response.instrumentKey,
        instrument_version: response.instrumentVersion,
        status: 'in_progress' as const,
        started_at: response.now,
        updated_at: response.now,
        submitted_at: null,
      })),
    )
    .onConflict((oc) => oc.columns(['respondent_id', 'instrument_key']).doNothing())
    .execute();
}

/** A respondent's response to one instrument. */
export async function findResponse(db: Db, respondentId: string, instrumentKey: string): Promise<{ id: string; status: ResponseStatus }> {
  return db.selectFrom('responses').select(['id', 'status']).where('respondent_id', '=', respondentId).where('instrument_key', '=', instrumentKey).executeTakeFirstOrThrow();
}

export async function deleteAnswers(db: Db, responseId: string, itemKeys: string[]): Promise<void> {
  await db.deleteFrom('answers').where('response_id', '=', responseId).where('item_key', 'in', itemKeys).execute();
}

export async function insertAnswers(db: Db, rows: Array<Insertable<AnswersTable>>): Promise<void> {
  if (rows.length > 0) await db.insertInto('answers').values(rows).execute();
}

/** Marks a response as changed now, by a user (a coordinator) or null (the link's holder). */
export async function touchResponse(db: Db, responseId: string, change: { now: string; updatedBy: string | null }): Promise<void> {
  await db.updateTable('responses').set({ updated_at: change.now, updated_by: change.updatedBy }).where('id', '=', responseId).execute();
}

/** Stores the hash of the key that lets the submitting browser read its answers, and until when. */
export async function setReceiptKey(db: Db, respondentId: string, receipt: { keyHash: string; until: string }): Promise<void> {
  await db.updateTable('respondents').set({ receipt_key_hash: receipt.keyHash, receipt_until: receipt.until }).where('id', '=', respondentId).execute();
}

/** Submits the respondent's responses in progress to the given instruments. */
export async function submitResponses(db: Db, respondentId: string, instrumentKeys: string[], now: string): Promise<void> {
  await db
    .updateTable('responses')
    .set({ status: 'submitted', submitted_at: now, updated_at: now })
    .where('respondent_id', '=', respondentId)
    .where('instrument_key', 'in', instrumentKeys)
    .where('status', '=', 'in_progress')
    .execute();
}

export async function findReceiptKey(db: Db, respondentId: string): Promise<{ receipt_key_hash: string | null; receipt_until: string | null } | undefined> {
  return db.selectFrom('respondents').select(['receipt_key_hash', 'receipt_until']).where('id', '=', respondentId).executeTakeFirst();
}

/** How many respondents the round's open link has made. */
export async function countOpenLinkRespondents(db: Db, roundId: string): Promise<number> {
  const row = await db
    .selectFrom('respondents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', roundId)
    .where('via_open_link', '=', 1)
    .executeTakeFirstOrThrow();
  return toNumber(row.n);
}
