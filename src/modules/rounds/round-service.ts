// Measurement rounds: creating, opening and closing them. A round belongs to one organisation
// and one calendar year and holds one or more instruments; the database itself enforces one
// round per organisation, instrument and year.
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import type { Actor } from '../../access/actor.ts';
import { authorizeManageOrganisation, authorizeViewOrganisation } from '../../access/organisation-policy.ts';
import { authorizeManageRound, authorizeViewRound } from '../../access/round-policy.ts';
import { hashToken } from '../../app/ports.ts';
import type { RespondentChange, Round } from '../../db/schema.ts';
import { toNumber } from '../../db/numbers.ts';
import { recordAudit } from '../audit/audit-service.ts';
import { refreshRoundSnapshots } from '../results/service.ts';

export const MIN_ANONYMITY_THRESHOLD = 2;
export const DEFAULT_ANONYMITY_THRESHOLD = 3;
/** Fewer submitted responses than this and the results page warns that the result may be over-estimated. */
export const DEFAULT_SMALL_SAMPLE_THRESHOLD = 5;
/** The open link's cap on respondents when the coordinator sets none; the most it may be set to. */
export const DEFAULT_OPEN_LINK_CAP = 100;
export const MAX_OPEN_LINK_CAP = 10_000;

export interface RoundInstrumentRef {
  key: string;
  version: string;
}

export interface RoundWithInstruments extends Round {
  instruments: RoundInstrumentRef[];
}

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

export async function createRound(ctx: AppContext, actor: Actor, organisationId: string, input: NewRound): Promise<string> {
  authorizeManageOrganisation(actor, organisationId);
  return insertRound(ctx, organisationId, input);
}

/** Without an access check: for the demo seeder and the CLI. */
export async function insertRound(
  ctx: AppContext,
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
  const taken = await ctx.db
    .selectFrom('round_instruments')
    .select('instrument_key')
    .where('organisation_id', '=', organisationId)
    .where('year', '=', input.year)
    .where('instrument_key', 'in', input.instrumentKeys)
    .executeTakeFirst();
  if (taken) throw new AppError('round_exists', taken.instrument_key);
  const id = ctx.ids.id();
  const now = input.createdAt ?? ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('rounds')
      .values({
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
      })
      .execute();
    await trx
      .insertInto('round_instruments')
      .values(
        instruments.map((instrument) => ({
          round_id: id,
          organisation_id: organisationId,
          year: input.year,
          instrument_key: instrument.key,
          instrument_version: instrument.version,
        })),
      )
      .execute();
  });
  return id;
}

async function loadRound(ctx: AppContext, roundId: string): Promise<RoundWithInstruments> {
  const round = await ctx.db.selectFrom('rounds').selectAll().where('id', '=', roundId).executeTakeFirst();
  if (!round) throw new AppError('not_found');
  const instruments = await ctx.db
    .selectFrom('round_instruments')
    .select(['instrument_key', 'instrument_version'])
    .where('round_id', '=', roundId)
    .orderBy('instrument_key')
    .execute();
  return { ...round, instruments: instruments.map((row) => ({ key: row.instrument_key, version: row.instrument_version })) };
}

export async function getRound(ctx: AppContext, actor: Actor, roundId: string): Promise<RoundWithInstruments> {
  const round = await loadRound(ctx, roundId);
  authorizeViewRound(actor, round);
  return round;
}

export async function getManagedRound(ctx: AppContext, actor: Actor, roundId: string): Promise<RoundWithInstruments> {
  const round = await loadRound(ctx, roundId);
  authorizeManageRound(actor, round);
  return round;
}

export async function listRounds(ctx: AppContext, actor: Actor, organisationId: string): Promise<RoundWithInstruments[]> {
  authorizeViewOrganisation(actor, organisationId);
  const rounds = await ctx.db
    .selectFrom('rounds')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('year', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  if (rounds.length === 0) return [];
  const instruments = await ctx.db
    .selectFrom('round_instruments')
    .select(['round_id', 'instrument_key', 'instrument_version'])
    .where('round_id', 'in', rounds.map((round) => round.id))
    .execute();
  return rounds.map((round) => ({
    ...round,
    instruments: instruments
      .filter((row) => row.round_id === round.id)
      .map((row) => ({ key: row.instrument_key, version: row.instrument_version })),
  }));
}

/** Opens a draft round, or reopens a closed one during its own year (never an earlier year's). */
export async function openRound(ctx: AppContext, actor: Actor, roundId: string): Promise<void> {
  const round = await getManagedRound(ctx, actor, roundId);
  if (round.status === 'open') return;
  const now = ctx.clock.now();
  if (round.status === 'closed' && round.year < now.getUTCFullYear()) throw new AppError('round_year_over');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('rounds')
      .set({ status: 'open', opened_at: round.opened_at ?? now.toISOString(), closed_at: null })
      .where('id', '=', roundId)
      .execute();
    const action = round.status === 'closed' ? 'round_reopened' : 'round_opened';
    await recordAudit(ctx, { actor, organisationId: round.organisation_id, action, subject: { type: 'round', id: roundId } }, trx);
  });
}

export async function closeRound(ctx: AppContext, actor: Actor, roundId: string): Promise<void> {
  const round = await getManagedRound(ctx, actor, roundId);
  if (round.status === 'closed') return;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('rounds').set({ status: 'closed', closed_at: ctx.clock.now().toISOString() }).where('id', '=', roundId).execute();
    await recordAudit(ctx, { actor, organisationId: round.organisation_id, action: 'round_closed', subject: { type: 'round', id: roundId } }, trx);
  });
  // The closed round now counts in benchmarks: score it once here rather than on a page request.
  await refreshRoundSnapshots(ctx, roundId);
}

/**
 * Makes a new open link for the round and returns its token, to be shown once to the
 * coordinator: only its hash is stored, and any earlier open link stops working.
 */
export async function mintOpenLink(ctx: AppContext, actor: Actor, roundId: string): Promise<string> {
  const round = await getManagedRound(ctx, actor, roundId);
  const token = ctx.ids.token();
  await ctx.db
    .updateTable('rounds')
    .set({ open_link_hash: hashToken(token), open_link_cap: round.open_link_cap ?? DEFAULT_OPEN_LINK_CAP })
    .where('id', '=', roundId)
    .execute();
  return token;
}

/** Whether a token is the round's current open link (so a page may show it to its creator). */
export function isOpenLinkOf(round: Round, token: string): boolean {
  return round.open_link_hash !== null && /^[A-Za-z0-9_-]{20,100}$/.test(token) && hashToken(token) === round.open_link_hash;
}

export async function setOpenLinkCap(ctx: AppContext, actor: Actor, roundId: string, cap: number): Promise<void> {
  await getManagedRound(ctx, actor, roundId);
  if (!Number.isInteger(cap) || cap < 1 || cap > MAX_OPEN_LINK_CAP) throw new AppError('validation', 'open link cap');
  await ctx.db.updateTable('rounds').set({ open_link_cap: cap }).where('id', '=', roundId).execute();
}

/** The log of changes to the round's respondents after it opened, newest first (coordinators only). */
export async function listRespondentChanges(ctx: AppContext, actor: Actor, roundId: string): Promise<RespondentChange[]> {
  await getManagedRound(ctx, actor, roundId);
  return ctx.db.selectFrom('respondent_changes').selectAll().where('round_id', '=', roundId).orderBy('changed_at', 'desc').orderBy('id').execute();
}

export interface LateRespondents {
  /** When the first answer of the round was saved; null before anyone answered. */
  firstAnswerAt: string | null;
  /** Invited respondents (not the open link's) added after that moment and still in the round. */
  added: number;
}

/**
 * How many respondents the coordinator added after the first answer came in. Anyone who may
 * see the round (and so its results) may read the count: it names no one. Open-link
 * respondents are counted apart (roundProgress), since they always arrive after the first answer.
 */
export async function respondentsAddedAfterFirstAnswer(ctx: AppContext, actor: Actor, roundId: string): Promise<LateRespondents> {
  await getRound(ctx, actor, roundId);
  const first = await ctx.db
    .selectFrom('responses')
    .innerJoin('respondents', 'respondents.id', 'responses.respondent_id')
    .select((eb) => eb.fn.min<string>('responses.started_at').as('first'))
    .where('responses.round_id', '=', roundId)
    .where('respondents.joint', '=', 0)
    .executeTakeFirst();
  const firstAnswerAt = first?.first ?? null;
  if (!firstAnswerAt) return { firstAnswerAt: null, added: 0 };
  const row = await ctx.db
    .selectFrom('respondents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', roundId)
    .where('joint', '=', 0)
    .where('via_open_link', '=', 0)
    .where('created_at', '>', firstAnswerAt)
    .executeTakeFirstOrThrow();
  return { firstAnswerAt, added: toNumber(row.n) };
}
