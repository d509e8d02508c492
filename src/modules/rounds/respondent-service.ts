// Respondents of a round: adding them, minting their personal links and counting who has
// answered. Only coordinators reach these functions (round policy); none of them returns
// what anyone answered.
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import { hashToken } from '../../app/ports.ts';
import type { Actor } from '../../access/actor.ts';
import type { Database } from '../../db/schema.ts';
import { toNumber } from '../../db/numbers.ts';
import { flattenUnitTree } from '../organisations/unit-tree.ts';
import { recordAudit } from '../audit/repository.ts';
import { getManagedRound, getRound, type RoundWithInstruments } from './round-service.ts';

/**
 * Records a change to a round's respondents once the round has opened (made-up respondents
 * must be visible): who, what and when, in the transaction that makes the change.
 */
async function logRespondentChange(
  ctx: AppContext,
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  round: RoundWithInstruments,
  change: { kind: 'added' | 'imported' | 'removed'; count: number; detail: string | null },
): Promise<void> {
  if (!round.opened_at) return;
  await db
    .insertInto('respondent_changes')
    .values({
      id: ctx.ids.id(),
      round_id: round.id,
      changed_at: ctx.clock.now().toISOString(),
      changed_by: actor.kind === 'user' ? actor.userId : null,
      changed_by_name: actor.kind === 'user' ? actor.name : '',
      kind: change.kind,
      respondent_count: change.count,
      detail: change.detail,
    })
    .execute();
}

export type RespondentStatus = 'not_invited' | 'invited' | 'started' | 'submitted';

export interface RespondentListEntry {
  id: string;
  email: string | null;
  name: string | null;
  role: string | null;
  unitId: string | null;
  viaOpenLink: boolean;
  status: RespondentStatus;
  invitedAt: string | null;
  remindedAt: string | null;
}

export interface NewRespondent {
  email: string;
  name?: string | null;
  role?: string | null;
  unitId?: string | null;
}

const EMAIL_PATTERN = /^[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:]{2,}$/;

export function isValidEmail(email: string): boolean {
  return EMAIL_PATTERN.test(email) && !email.includes('..') && email.length <= 254;
}

export async function listRespondents(ctx: AppContext, actor: Actor, roundId: string): Promise<RespondentListEntry[]> {
  await getManagedRound(ctx, actor, roundId);
  const rows = await ctx.db
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
  const byId = new Map<string, RespondentListEntry>();
  for (const row of rows) {
    const status = statusOf(row.invited_at, row.response_status, byId.get(row.id)?.status);
    byId.set(row.id, {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      unitId: row.unit_id,
      viaOpenLink: row.via_open_link === 1,
      status,
      invitedAt: row.invited_at,
      remindedAt: row.reminded_at,
    });
  }
  return [...byId.values()];
}

// A respondent with several instruments is "submitted" only when every response is; one
// started response makes the respondent "started".
function statusOf(invitedAt: string | null, responseStatus: string | null, previous: RespondentStatus | undefined): RespondentStatus {
  const own: RespondentStatus =
    responseStatus === 'submitted' ? 'submitted' : responseStatus === 'in_progress' ? 'started' : invitedAt ? 'invited' : 'not_invited';
  if (!previous) return own;
  if (previous === 'submitted' && own === 'submitted') return 'submitted';
  return previous === 'started' || own === 'started' || previous === 'submitted' || own === 'submitted' ? 'started' : own;
}

export async function addRespondent(ctx: AppContext, actor: Actor, roundId: string, input: NewRespondent): Promise<string> {
  const round = await getManagedRound(ctx, actor, roundId);
  const email = input.email.trim().toLowerCase();
  if (!isValidEmail(email)) throw new AppError('validation', 'email');
  const existing = await ctx.db
    .selectFrom('respondents')
    .select('id')
    .where('round_id', '=', roundId)
    .where('email', '=', email)
    .executeTakeFirst();
  if (existing) throw new AppError('conflict', 'duplicate email');
  return ctx.db.transaction().execute(async (trx) => {
    const [id] = await insertRespondents(ctx, trx, roundId, [{ ...input, email }]);
    await logRespondentChange(ctx, trx, actor, round, { kind: 'added', count: 1, detail: email });
    await recordAudit(ctx, { actor, organisationId: round.organisation_id, action: 'respondent_added', subject: { type: 'respondent', id: id! } }, trx);
    return id!;
  });
}

/**
 * Removes a respondent who has not submitted (e.g. a mistyped address), with their links and
 * any unfinished answers. A submitted response is part of the results and is never removed here.
 */
export async function removeRespondent(ctx: AppContext, actor: Actor, roundId: string, respondentId: string): Promise<void> {
  const round = await getManagedRound(ctx, actor, roundId);
  await ctx.db.transaction().execute(async (trx) => {
    const respondent = await trx
      .selectFrom('respondents')
      .select(['id', 'email', 'via_open_link'])
      .where('id', '=', respondentId)
      .where('round_id', '=', roundId)
      .executeTakeFirst();
    if (!respondent) throw new AppError('not_found');
    const submitted = await trx
      .selectFrom('responses')
      .select('id')
      .where('respondent_id', '=', respondentId)
      .where('status', '=', 'submitted')
      .executeTakeFirst();
    if (submitted) throw new AppError('conflict', 'submitted respondents are kept');
    const responses = await trx.selectFrom('responses').select('id').where('respondent_id', '=', respondentId).execute();
    if (responses.length > 0) {
      await trx.deleteFrom('answers').where('response_id', 'in', responses.map((response) => response.id)).execute();
      await trx.deleteFrom('responses').where('respondent_id', '=', respondentId).execute();
    }
    await trx.deleteFrom('respondent_links').where('respondent_id', '=', respondentId).execute();
    await trx.updateTable('outbox').set({ respondent_id: null }).where('respondent_id', '=', respondentId).execute();
    await trx.deleteFrom('respondents').where('id', '=', respondentId).execute();
    await logRespondentChange(ctx, trx, actor, round, { kind: 'removed', count: 1, detail: respondent.email ?? (respondent.via_open_link === 1 ? 'open link' : null) });
    await recordAudit(ctx, { actor, organisationId: round.organisation_id, action: 'respondent_removed', subject: { type: 'respondent', id: respondentId } }, trx);
  });
}

/** Adds many respondents in one transaction: all of them or none. */
export async function importRespondents(ctx: AppContext, actor: Actor, roundId: string, rows: NewRespondent[]): Promise<number> {
  const round = await getManagedRound(ctx, actor, roundId);
  await ctx.db.transaction().execute(async (trx) => {
    await insertRespondents(ctx, trx, roundId, rows);
    await logRespondentChange(ctx, trx, actor, round, { kind: 'imported', count: rows.length, detail: null });
    const detail = { count: rows.length };
    await recordAudit(ctx, { actor, organisationId: round.organisation_id, action: 'respondents_imported', subject: { type: 'round', id: roundId }, detail }, trx);
  });
  return rows.length;
}

export async function existingEmails(ctx: AppContext, actor: Actor, roundId: string): Promise<Set<string>> {
  await getManagedRound(ctx, actor, roundId);
  const rows = await ctx.db.selectFrom('respondents').select('email').where('round_id', '=', roundId).execute();
  return new Set(rows.flatMap((row) => (row.email ? [row.email.toLowerCase()] : [])));
}

const INSERT_CHUNK = 500;

export async function insertRespondents(
  ctx: AppContext,
  db: Kysely<Database> | Transaction<Database>,
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
  // Chunked so PostgreSQL's limit of 65 535 bind parameters is never reached.
  for (let start = 0; start < values.length; start += INSERT_CHUNK) {
    await db.insertInto('respondents').values(values.slice(start, start + INSERT_CHUNK)).execute();
  }
  return values.map((value) => value.id);
}

/** Mints a new personal link for a respondent and returns its token (shown or sent once). */
export async function mintRespondentLink(
  ctx: AppContext,
  db: Kysely<Database> | Transaction<Database>,
  respondentId: string,
): Promise<string> {
  const token = ctx.ids.token();
  await db
    .insertInto('respondent_links')
    .values({ token_hash: hashToken(token), respondent_id: respondentId, created_at: ctx.clock.now().toISOString() })
    .execute();
  return token;
}

export interface ProgressCounts {
  respondents: number;
  started: number;
  submitted: number;
}

export interface ProgressGroup extends ProgressCounts {
  key: string | null;
  label: string | null;
  depth: number;
}

export interface RoundProgress {
  total: ProgressCounts;
  /** The total split by way of taking part: invited by the coordinator, or through the open link. */
  invited: ProgressCounts;
  openLink: ProgressCounts;
  byUnit: ProgressGroup[];
  byRole: ProgressGroup[];
}

/**
 * Response counts overall, per unit (each unit includes the units below it) and per role.
 * Counts only: they say how many have answered, never what.
 */
export async function roundProgress(ctx: AppContext, actor: Actor, roundId: string): Promise<RoundProgress> {
  const round = await getRound(ctx, actor, roundId);
  const rows = await ctx.db
    .selectFrom('respondents')
    .leftJoin('responses', 'responses.respondent_id', 'respondents.id')
    .select(['respondents.id', 'respondents.unit_id', 'respondents.role', 'respondents.via_open_link', 'responses.status'])
    .where('respondents.round_id', '=', roundId)
    // The joint respondent stands for the organisation's joint answer, not for a person.
    .where('respondents.joint', '=', 0)
    .execute();
  const perRespondent = new Map<string, { unitId: string | null; role: string | null; viaOpenLink: boolean; statuses: string[] }>();
  for (const row of rows) {
    const entry = perRespondent.get(row.id) ?? { unitId: row.unit_id, role: row.role, viaOpenLink: row.via_open_link === 1, statuses: [] };
    if (row.status) entry.statuses.push(row.status);
    perRespondent.set(row.id, entry);
  }
  // Respondents answer the individual instruments only; joint ones are answered once per organisation.
  const instrumentCount = round.instruments.filter((ref) => ctx.instruments.get(ref.key, ref.version)?.respondentMode !== 'joint').length;
  const classify = (statuses: string[]) => ({
    started: statuses.length > 0,
    submitted: statuses.length === instrumentCount && statuses.every((status) => status === 'submitted'),
  });
  const units = await ctx.db
    .selectFrom('units')
    .select(['id', 'parent_id', 'name'])
    .where('organisation_id', '=', round.organisation_id)
    .execute();
  const tree = flattenUnitTree(units.map((unit) => ({ ...unit, organisation_id: round.organisation_id })));
  const parentOf = new Map(units.map((unit) => [unit.id, unit.parent_id]));
  const empty = (): ProgressCounts => ({ respondents: 0, started: 0, submitted: 0 });
  const total = empty();
  const invited = empty();
  const openLink = empty();
  const unitCounts = new Map<string | null, ProgressCounts>();
  const roleCounts = new Map<string | null, ProgressCounts>();
  const add = (counts: ProgressCounts, state: { started: boolean; submitted: boolean }) => {
    counts.respondents += 1;
    if (state.started) counts.started += 1;
    if (state.submitted) counts.submitted += 1;
  };
  for (const respondent of perRespondent.values()) {
    const state = classify(respondent.statuses);
    add(total, state);
    add(respondent.viaOpenLink ? openLink : invited, state);
    const roleKey = respondent.role?.trim() || null;
    const roleEntry = roleCounts.get(roleKey) ?? empty();
    add(roleEntry, state);
    roleCounts.set(roleKey, roleEntry);
    if (respondent.unitId === null) {
      const none = unitCounts.get(null) ?? empty();
      add(none, state);
      unitCounts.set(null, none);
    }
    // Roll up: a respondent counts for their unit and every unit above it.
    for (let unitId = respondent.unitId; unitId; unitId = parentOf.get(unitId) ?? null) {
      const entry = unitCounts.get(unitId) ?? empty();
      add(entry, state);
      unitCounts.set(unitId, entry);
    }
  }
  const byUnit: ProgressGroup[] = tree
    .filter((unit) => unitCounts.has(unit.id))
    .map((unit) => ({ key: unit.id, label: unit.name, depth: unit.depth, ...unitCounts.get(unit.id)! }));
  if (unitCounts.has(null)) byUnit.push({ key: null, label: null, depth: 0, ...unitCounts.get(null)! });
  const byRole: ProgressGroup[] = [...roleCounts.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'sv')))
    .map(([role, counts]) => ({ key: role, label: role, depth: 0, ...counts }));
  return { total, invited, openLink, byUnit, byRole };
}

export async function countSubmitted(ctx: AppContext, roundId: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('responses')
    .select((eb) => eb.fn.count<number>('respondent_id').distinct().as('n'))
    .where('round_id', '=', roundId)
    .where('status', '=', 'submitted')
    .executeTakeFirstOrThrow();
  return toNumber(row.n);
}

/**
 * Respondents and submitted respondents per round, for many rounds in two queries (the
 * dashboard of an operator may list hundreds). A submit marks all of a respondent's responses
 * at once, so one submitted response means the respondent has submitted.
 */
export async function responseCounts(ctx: AppContext, roundIds: string[]): Promise<Map<string, { respondents: number; submitted: number }>> {
  const counts = new Map<string, { respondents: number; submitted: number }>();
  if (roundIds.length === 0) return counts;
  const respondents = await ctx.db
    .selectFrom('respondents')
    .select(['round_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('round_id', 'in', roundIds)
    .where('joint', '=', 0)
    .groupBy('round_id')
    .execute();
  const submitted = await ctx.db
    .selectFrom('responses')
    .innerJoin('respondents', 'respondents.id', 'responses.respondent_id')
    .select(['responses.round_id', (eb) => eb.fn.count<number>('responses.respondent_id').distinct().as('n')])
    .where('responses.round_id', 'in', roundIds)
    .where('responses.status', '=', 'submitted')
    .where('respondents.joint', '=', 0)
    .groupBy('responses.round_id')
    .execute();
  for (const row of respondents) counts.set(row.round_id, { respondents: toNumber(row.n), submitted: 0 });
  for (const row of submitted) {
    const entry = counts.get(row.round_id) ?? { respondents: 0, submitted: 0 };
    entry.submitted = toNumber(row.n);
    counts.set(row.round_id, entry);
  }
  return counts;
}
