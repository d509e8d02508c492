// Measurement rounds: creating, opening and closing them. A round belongs to one organisation
// and one calendar year and holds one or more instruments; the database itself enforces one
// round per organisation, instrument and year.
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import type { Actor } from '../../access/actor.ts';
import { authorizeManageOrganisation, authorizeViewOrganisation } from '../../access/organisation-policy.ts';
import { authorizeManageRound, authorizeViewRound } from '../../access/round-policy.ts';
import type { Round } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-service.ts';
import { refreshRoundSnapshots } from '../results/results-service.ts';

export const MIN_ANONYMITY_THRESHOLD = 2;
export const DEFAULT_ANONYMITY_THRESHOLD = 3;
/** Fewer submitted responses than this and the results page warns that the result may be over-estimated. */
export const DEFAULT_SMALL_SAMPLE_THRESHOLD = 5;

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
        open_link_token: input.openLink ? ctx.ids.token() : null,
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
