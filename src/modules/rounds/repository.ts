// The queries of rounds, their respondents and their mail: Kysely only, no actor, plain rows in
// and out. The services (round-service.ts, respondent-service.ts, invitation-service.ts) ask the
// round policy first. The functions marked "without an access check" are also called by other
// modules' services (survey, joint, organisations), the demo seeder and tests.
import type { ReminderCutoffs } from '../../domain/mail/reminder-rule.ts';
import { sql, type Insertable, type SqlBool, type Kysely, type Transaction } from 'kysely';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import { hashToken } from '../../app/ports.ts';
import type { Database, OutboxMessage, OutboxTable, RespondentChange, RespondentChangesTable, RespondentsTable, Round, RoundsTable } from '../../db/schema.ts';
import { toNumber } from '../../db/numbers.ts';

export type Db = Kysely<Database> | Transaction<Database>;

export interface RoundInstrumentRow {
  key: string;
  version: string;
}

/** What the record makers below need besides the database: ids, the time and the instruments. */
type RecordContext = Pick<AppContext, 'db' | 'ids' | 'clock' | 'instruments'>;

export const MIN_ANONYMITY_THRESHOLD = 2;
export const DEFAULT_ANONYMITY_THRESHOLD = 3;
/** Fewer submitted responses than this and the results page warns that the result may be over-estimated. */
export const DEFAULT_SMALL_SAMPLE_THRESHOLD = 5;
/** The open link's cap on respondents when the coordinator sets none; the most it may be set to. */
export const DEFAULT_OPEN_LINK_CAP = 100;
export const MAX_OPEN_LINK_CAP = 10_000;

export interface NewRound {
  name: string;
  year: number;
  instrumentKeys: string[];
  openLink: boolean;
  /** Most respondents the open link may create (default DEFAULT_OPEN_LINK_CAP). */
  openLinkCap?: number;
  anonymityThreshold?: number;
  smallSampleThreshold?: number;
}

/**
 * Makes a round with its instruments' current versions. Without an access check: for the round
 * service (which asks the policy first), the demo seeder and tests.
 */
export async function insertRound(
  ctx: RecordContext,
  organisationId: string,
  input: NewRound & { status?: Round['status']; createdAt?: string },
): Promise<string> {
  const threshold = input.anonymityThreshold ?? DEFAULT_ANONYMITY_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < MIN_ANONYMITY_THRESHOLD) throw new AppError('validation', 'threshold');
  if (input.instrumentKeys.length === 0) throw new AppError('validation', 'no instruments');
  const cap = input.openLinkCap ?? DEFAULT_OPEN_LINK_CAP;
  if (!Number.isInteger(cap) || cap < 1 || cap > MAX_OPEN_LINK_CAP) throw new AppError('validation', 'open link cap');
  const instruments = input.instrumentKeys.map((key) => {
    const instrument = ctx.instruments.get(key);
    if (!instrument) throw new AppError('validation', `unknown instrument ${key}`);
    return instrument;
  });
  const taken = await takenInstrument(ctx.db, organisationId, input.year, input.instrumentKeys);
  if (taken) throw new AppError('round_exists', taken);
  const id = ctx.ids.id();
  const now = input.createdAt ?? ctx.clock.now().toISOString();
  const round: Insertable<RoundsTable> = {
    id,
    organisation_id: organisationId,
    year: input.year,
    name: input.name.trim(),
    status: input.status ?? 'draft',
    open_link_token: null,
    // Only the hash is kept; the coordinator gets a token to share from mintOpenLink.
    open_link_hash: input.openLink ? hashToken(ctx.ids.token()) : null,
    open_link_cap: input.openLink ? cap : null,
    anonymity_threshold: threshold,
    small_sample_threshold: input.smallSampleThreshold ?? DEFAULT_SMALL_SAMPLE_THRESHOLD,
    created_at: now,
    opened_at: input.status && input.status !== 'draft' ? now : null,
    closed_at: input.status === 'closed' ? now : null,
  };
  await ctx.db.transaction().execute((trx) => insertRoundRows(trx, round, instruments.map((instrument) => ({ key: instrument.key, version: instrument.version }))));
  return id;
}

export interface NewRespondent {
  email: string;
  name?: string | null;
  role?: string | null;
  unitId?: string | null;
}

/**
 * Adds respondents to a round and returns their ids. Without an access check: for the respondent
 * service, the survey's open link (which adds its own respondents), the demo seeder and tests.
 */
export async function insertRespondents(
  ctx: Pick<RecordContext, 'ids' | 'clock'>,
  db: Db,
  roundId: string,
  rows: Array<NewRespondent & { viaOpenLink?: boolean; invitedAt?: string | null }>,
): Promise<string[]> {
  const now = ctx.clock.now().toISOString();
  const values = rows.map((row) => ({
    id: ctx.ids.id(),
    round_id: roundId,
    email: row.email ? row.email.trim().toLowerCase() : null,
    name: row.name?.trim() || null,
    role: row.role?.trim() || null,
    unit_id: row.unitId ?? null,
    via_open_link: row.viaOpenLink ? 1 : 0,
    invited_at: row.invitedAt ?? null,
    reminded_at: null,
    created_at: now,
  }));
  await insertRespondentRows(db, values);
  return values.map((value) => value.id);
}

/** Mints a new personal link for a respondent and returns its token (shown or sent once); only its hash is stored. */
export async function mintRespondentLink(ctx: Pick<RecordContext, 'ids' | 'clock'>, db: Db, respondentId: string): Promise<string> {
  const token = ctx.ids.token();
  await insertRespondentLink(db, { tokenHash: hashToken(token), respondentId, createdAt: ctx.clock.now().toISOString() });
  return token;
}

// ---- Rounds ----------------------------------------------------------------------------------

/** The first of the instruments the organisation already has a round of in the year, if any. */
export async function takenInstrument(db: Db, organisationId: string, year: number, instrumentKeys: string[]): Promise<string | undefined> {
  const taken = await db
    .selectFrom('round_instruments')
    .select('instrument_key')
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .where('instrument_key', 'in', instrumentKeys)
    .executeTakeFirst();
  return taken?.instrument_key;
}

/** A round with its instruments (call inside a transaction). */
export async function insertRoundRows(db: Db, round: Insertable<RoundsTable>, instruments: RoundInstrumentRow[]): Promise<void> {
  await db.insertInto('rounds').values(round).execute();
  await db
    .insertInto('round_instruments')
    .values(
      instruments.map((instrument) => ({
        round_id: round.id,
        organisation_id: round.organisation_id,
        year: round.year,
        instrument_key: instrument.key,
        instrument_version: instrument.version,
      })),
    )
    .execute();
}

export async function findRound(db: Db, roundId: string): Promise<Round | undefined> {
  return db.selectFrom('rounds').selectAll().where('id', '=', roundId).executeTakeFirst();
}

export async function instrumentsOfRound(db: Db, roundId: string): Promise<RoundInstrumentRow[]> {
  const rows = await db.selectFrom('round_instruments').select(['instrument_key', 'instrument_version']).where('round_id', '=', roundId).orderBy('instrument_key').execute();
  return rows.map((row) => ({ key: row.instrument_key, version: row.instrument_version }));
}

/** The organisation's rounds, the newest year first. */
export async function roundsOfOrganisation(db: Db, organisationId: string): Promise<Round[]> {
  return db.selectFrom('rounds').selectAll().where('organisation_id', '=', organisationId).orderBy('year', 'desc').orderBy('created_at', 'desc').execute();
}

export async function instrumentsOfRounds(db: Db, roundIds: string[]): Promise<Array<RoundInstrumentRow & { roundId: string }>> {
  if (roundIds.length === 0) return [];
  const rows = await db.selectFrom('round_instruments').select(['round_id', 'instrument_key', 'instrument_version']).where('round_id', 'in', roundIds).execute();
  return rows.map((row) => ({ roundId: row.round_id, key: row.instrument_key, version: row.instrument_version }));
}

export async function markRoundOpen(db: Db, roundId: string, openedAt: string): Promise<void> {
  await db.updateTable('rounds').set({ status: 'open', opened_at: openedAt, closed_at: null }).where('id', '=', roundId).execute();
}

export async function markRoundClosed(db: Db, roundId: string, closedAt: string): Promise<void> {
  await db.updateTable('rounds').set({ status: 'closed', closed_at: closedAt }).where('id', '=', roundId).execute();
}

export async function storeOpenLink(db: Db, roundId: string, hash: string, cap: number): Promise<void> {
  await db.updateTable('rounds').set({ open_link_hash: hash, open_link_cap: cap }).where('id', '=', roundId).execute();
}

export async function storeOpenLinkCap(db: Db, roundId: string, cap: number): Promise<void> {
  await db.updateTable('rounds').set({ open_link_cap: cap }).where('id', '=', roundId).execute();
}

// ---- Respondent changes ----------------------------------------------------------------------

export async function insertRespondentChange(db: Db, change: Insertable<RespondentChangesTable>): Promise<void> {
  await db.insertInto('respondent_changes').values(change).execute();
}

/** The log of changes to the round's respondents, newest first. */
export async function respondentChangesOf(db: Db, roundId: string): Promise<RespondentChange[]> {
  return db.selectFrom('respondent_changes').selectAll().where('round_id', '=', roundId).orderBy('changed_at', 'desc').orderBy('id').execute();
}

/** When the round's first answer (of a person, not the joint respondent) was started; null before that. */
export async function firstAnswerAt(db: Db, roundId: string): Promise<string | null> {
  const first = await db
    .selectFrom('responses')
    .innerJoin('respondents', 'respondents.id', 'responses.respondent_id')
    .select((eb) => eb.fn.min<string>('responses.started_at').as('first'))
    .where('responses.round_id', '=', roundId)
    .where('respondents.joint', '=', 0)
    .executeTakeFirst();
  return first?.first ?? null;
}

/** Invited respondents (not the open link's, not the joint one) added after `after`. */
export async function countInvitedAddedAfter(db: Db, roundId: string, after: string): Promise<number> {
  const row = await db
    .selectFrom('respondents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', roundId)
    .where('joint', '=', 0)
    .where('via_open_link', '=', 0)
    .where('created_at', '>', after)
    .executeTakeFirstOrThrow();
  return toNumber(row.n);
}

// ---- Respondents -----------------------------------------------------------------------------

export interface RespondentStatusRow {
  id: string;
  email: string | null;
  name: string | null;
  role: string | null;
  unit_id: string | null;
  via_open_link: number;
  invited_at: string | null;
  reminded_at: string | null;
  response_status: string | null;
}

/** The round's respondents (not the joint one), one row per response (or one without any). */
export async function respondentRowsOf(db: Db, roundId: string): Promise<RespondentStatusRow[]> {
  return db
    .selectFrom('respondents')
    .leftJoin('responses', 'responses.respondent_id', 'respondents.id')
    .select([
      'respondents.id',
      'respondents.email',
      'respondents.name',
      'respondents.role',
      'respondents.unit_id',
      'respondents.via_open_link',
      'respondents.invited_at',
      'respondents.reminded_at',
      'responses.status as response_status',
    ])
    .where('respondents.round_id', '=', roundId)
    .where('respondents.joint', '=', 0)
    .orderBy('respondents.email')
    .orderBy('respondents.created_at')
    .execute();
}

export async function findRespondentIdByEmail(db: Db, roundId: string, email: string): Promise<string | undefined> {
  const row = await db.selectFrom('respondents').select('id').where('round_id', '=', roundId).where('email', '=', email).executeTakeFirst();
  return row?.id;
}

export async function findRespondentOfRound(
  db: Db,
  roundId: string,
  respondentId: string,
): Promise<{ id: string; email: string | null; name: string | null; via_open_link: number; joint: number; invited_at: string | null } | undefined> {
  return db.selectFrom('respondents').select(['id', 'email', 'name', 'via_open_link', 'joint', 'invited_at']).where('id', '=', respondentId).where('round_id', '=', roundId).executeTakeFirst();
}

export async function hasSubmitted(db: Db, respondentId: string): Promise<boolean> {
  const row = await db.selectFrom('responses').select('id').where('respondent_id', '=', respondentId).where('status', '=', 'submitted').executeTakeFirst();
  return row !== undefined;
}

/** Deletes a respondent with their unfinished responses and links; their mail stays, naming no one. */
export async function deleteRespondent(db: Db, respondentId: string): Promise<void> {
  const responses = await db.selectFrom('responses').select('id').where('respondent_id', '=', respondentId).execute();
  if (responses.length > 0) {
    await db.deleteFrom('answers').where('response_id', 'in', responses.map((response) => response.id)).execute();
    await db.deleteFrom('responses').where('respondent_id', '=', respondentId).execute();
  }
  await db.deleteFrom('respondent_links').where('respondent_id', '=', respondentId).execute();
  await db.updateTable('outbox').set({ respondent_id: null }).where('respondent_id', '=', respondentId).execute();
  await db.deleteFrom('respondents').where('id', '=', respondentId).execute();
}

export async function emailsOfRound(db: Db, roundId: string): Promise<Array<string | null>> {
  const rows = await db.selectFrom('respondents').select('email').where('round_id', '=', roundId).execute();
  return rows.map((row) => row.email);
}

/** The roles of the round's respondents, earliest respondent first (the spelling a new row should follow). */
export async function rolesOfRound(db: Db, roundId: string): Promise<Array<string | null>> {
  const rows = await db.selectFrom('respondents').select('role').where('round_id', '=', roundId).where('role', 'is not', null).orderBy('created_at').orderBy('id').execute();
  return rows.map((row) => row.role);
}

const INSERT_CHUNK = 500;

/** Respondent rows, chunked so PostgreSQL's limit of 65 535 bind parameters is never reached. */
export async function insertRespondentRows(db: Db, rows: Array<Insertable<RespondentsTable>>): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await db.insertInto('respondents').values(rows.slice(start, start + INSERT_CHUNK)).execute();
  }
}

export async function insertRespondentLink(db: Db, link: { tokenHash: string; respondentId: string; createdAt: string }): Promise<void> {
  await db.insertInto('respondent_links').values({ token_hash: link.tokenHash, respondent_id: link.respondentId, created_at: link.createdAt }).execute();
}

export interface ProgressRow {
  id: string;
  unit_id: string | null;
  role: string | null;
  via_open_link: number;
  status: string | null;
}

/** Each respondent's responses' statuses (not the joint respondent: it stands for the organisation). */
export async function progressRowsOf(db: Db, roundId: string): Promise<ProgressRow[]> {
  return db
    .selectFrom('respondents')
    .leftJoin('responses', 'responses.respondent_id', 'respondents.id')
    .select(['respondents.id', 'respondents.unit_id', 'respondents.role', 'respondents.via_open_link', 'responses.status'])
    .where('respondents.round_id', '=', roundId)
    .where('respondents.joint', '=', 0)
    .execute();
}

export async function unitsOf(db: Db, organisationId: string): Promise<Array<{ id: string; parent_id: string | null; name: string }>> {
  return db.selectFrom('units').select(['id', 'parent_id', 'name']).where('organisation_id', '=', organisationId).execute();
}

/** How many respondents have submitted in the round (without an access check: for the bench and tests). */
export async function countSubmitted(db: Db, roundId: string): Promise<number> {
  const row = await db
    .selectFrom('responses')
    .select((eb) => eb.fn.count<number>('respondent_id').distinct().as('n'))
    .where('round_id', '=', roundId)
    .where('status', '=', 'submitted')
    .executeTakeFirstOrThrow();
  return toNumber(row.n);
}

export interface RoundCounts {
  /** Respondents of the round (not its joint respondent). */
  respondents: number;
  /** Of them, those invited by mail. */
  invited: number;
  /** Of them, those who submitted. */
  submitted: number;
}

/**
 * Respondents, invited respondents and submitted respondents per round, for many rounds in two
 * queries (without an access check: the calling service asks its policy). A submit marks all of
 * a respondent's responses at once, so one submitted response means the respondent has submitted.
 * The organisation page and the study's dashboard both count with this, so they agree.
 */
export async function responseCounts(db: Db, roundIds: string[]): Promise<Map<string, RoundCounts>> {
  const counts = new Map<string, RoundCounts>();
  if (roundIds.length === 0) return counts;
  const people = await db
    .selectFrom('respondents')
    .select(['round_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('invited_at').as('invited')])
    .where('round_id', 'in', roundIds)
    .where('joint', '=', 0)
    .groupBy('round_id')
    .execute();
  const submitted = await db
    .selectFrom('responses')
    .innerJoin('respondents', 'respondents.id', 'responses.respondent_id')
    .select(['responses.round_id', (eb) => eb.fn.count<number>('responses.respondent_id').distinct().as('n')])
    .where('responses.round_id', 'in', roundIds)
    .where('responses.status', '=', 'submitted')
    .where('respondents.joint', '=', 0)
    .groupBy('responses.round_id')
    .execute();
  for (const row of people) counts.set(row.round_id, { respondents: toNumber(row.n), invited: toNumber(row.invited), submitted: 0 });
  for (const row of submitted) {
    const entry = counts.get(row.round_id) ?? { respondents: 0, invited: 0, submitted: 0 };
    entry.submitted = toNumber(row.n);
    counts.set(row.round_id, entry);
  }
  return counts;
}

// ---- Mail ------------------------------------------------------------------------------------

export interface MailRecipient {
  id: string;
  email: string | null;
  name: string | null;
}

/**
 * Who an invitation (not yet invited) or a reminder would go to now. A reminder goes to someone
 * invited at or before `invitedBefore`, not reminded since `notRemindedSince`, who has not submitted.
 */
export async function mailRecipientsOf(db: Db, roundId: string, kind: 'invitation' | 'reminder', cutoffs: ReminderCutoffs): Promise<MailRecipient[]> {
  let query = db
    .selectFrom('respondents')
    .select(['respondents.id', 'respondents.email', 'respondents.name'])
    .where('respondents.round_id', '=', roundId)
    .where('respondents.joint', '=', 0)
    .where('respondents.email', 'is not', null);
  if (kind === 'invitation') {
    query = query.where('respondents.invited_at', 'is', null);
  } else {
    query = query
      .where('respondents.invited_at', '<=', cutoffs.invitedBefore)
      .where((eb) => eb.or([eb('respondents.reminded_at', 'is', null), eb('respondents.reminded_at', '<', cutoffs.notRemindedSince)]))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('responses')
              .select('responses.id')
              .whereRef('responses.respondent_id', '=', 'respondents.id')
              .where('responses.status', '=', 'submitted'),
          ),
        ),
      );
  }
  return query.orderBy('respondents.email').execute();
}

export async function insertOutboxMessage(db: Db, message: Insertable<OutboxTable>): Promise<void> {
  await db.insertInto('outbox').values(message).execute();
}

export async function markMailed(db: Db, respondentId: string, kind: 'invitation' | 'reminder', at: string): Promise<void> {
  await db
    .updateTable('respondents')
    .set(kind === 'invitation' ? { invited_at: at } : { reminded_at: at })
    .where('id', '=', respondentId)
    .execute();
}

export type OutboxRow = Pick<OutboxMessage, 'id' | 'kind' | 'recipient' | 'created_at' | 'delivery' | 'error'>;

export interface OutboxSearch {
  /** Part of the recipient's address, matched without regard to case; '' for every mail. */
  recipientContains: string;
  /** Kinds matched as well (the kinds whose name contains what was searched for). */
  kinds: OutboxMessage['kind'][];
  page: number;
  pageSize: number;
}

/** LIKE's wildcards in searched text are taken literally. */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** One page of the round's mail without the bodies, newest first, and how many match in all. */
export async function outboxPageOf(db: Db, roundId: string, search: OutboxSearch): Promise<{ rows: OutboxRow[]; total: number }> {
  let base = db.selectFrom('outbox').where('round_id', '=', roundId);
  if (search.recipientContains !== '') {
    const pattern = containsPattern(search.recipientContains);
    base = base.where((eb) =>
      eb.or([
        sql<SqlBool>`lower(${eb.ref('recipient')}) like ${pattern} escape '\\'`,
        ...(search.kinds.length > 0 ? [eb('kind', 'in', search.kinds)] : []),
      ]),
    );
  }
  const count = await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  const rows = await base
    .select(['id', 'kind', 'recipient', 'created_at', 'delivery', 'error'])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(search.pageSize)
    .offset((search.page - 1) * search.pageSize)
    .execute();
  return { rows, total: Number(count?.n ?? 0) };
}

/** One mail of the round, with its stored (link-free) body. */
export async function outboxMessageOf(db: Db, roundId: string, messageId: string): Promise<OutboxMessage | undefined> {
  return db.selectFrom('outbox').selectAll().where('round_id', '=', roundId).where('id', '=', messageId).executeTakeFirst();
}
