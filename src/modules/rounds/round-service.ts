// Measurement rounds: creating, opening and closing them. A round belongs to one organisation
// and one calendar year and holds one or more instruments; the database itself enforces one
// round per organisation, instrument and year. Every function takes the actor and asks the round
// policy first; the queries are in repository.ts.
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import type { Actor } from '../../app/actor.ts';
import { authorizeManageOrganisation, authorizeViewOrganisation } from '../../access/organisation-policy.ts';
import { authorizeManageRound, authorizeViewRound, canManageRound } from '../../access/round-policy.ts';
import { hashToken } from '../../app/ports.ts';
import type { Organisation, RespondentChange, Round } from '../../db/schema.ts';
import { recordAudit } from '../audit/repository.ts';
import { findStudyById } from '../studies/repository.ts';
import { getOrganisation } from '../organisations/service.ts';
import { refreshRoundSnapshots } from '../results/service.ts';
import {
  countInvitedAddedAfter,
  DEFAULT_OPEN_LINK_CAP,
  findRound,
  firstAnswerAt,
  insertRound,
  instrumentsOfRound,
  instrumentsOfRounds,
  markRoundClosed,
  markRoundOpen,
  MAX_OPEN_LINK_CAP,
  respondentChangesOf,
  roundsOfOrganisation,
  storeOpenLink,
  storeOpenLinkCap,
  type NewRound,
  type RoundInstrumentRow,
} from './repository.ts';

export {
  
  
  
  
  
  type NewRound,
} from './repository.ts';

type RoundInstrumentRef = RoundInstrumentRow;

export interface RoundWithInstruments extends Round {
  instruments: RoundInstrumentRef[];
}

export async function createRound(ctx: AppContext, actor: Actor, organisationId: string, input: NewRound): Promise<string> {
  authorizeManageOrganisation(actor, organisationId);
  return insertRound(ctx, organisationId, input);
}

/** The organisation a coordinator is about to create a round for: seen by the actor, and managed. */
export async function organisationForNewRound(ctx: AppContext, actor: Actor, organisationId: string): Promise<Organisation> {
  const organisation = await getOrganisation(ctx, actor, organisationId);
  if (!canManageRound(actor, { organisation_id: organisationId })) throw new AppError('forbidden');
  return organisation;
}

async function loadRound(ctx: AppContext, roundId: string): Promise<RoundWithInstruments> {
  const round = await findRound(ctx.db, roundId);
  if (!round) throw new AppError('not_found');
  return { ...round, instruments: await instrumentsOfRound(ctx.db, roundId) };
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
  const rounds = await roundsOfOrganisation(ctx.db, organisationId);
  if (rounds.length === 0) return [];
  const instruments = await instrumentsOfRounds(ctx.db, rounds.map((round) => round.id));
  return rounds.map((round) => ({
    ...round,
    instruments: instruments.filter((row) => row.roundId === round.id).map((row) => ({ key: row.key, version: row.version })),
  }));
}

/** Opens a draft round, or reopens a closed one during its own year (never an earlier year's). */
export async function openRound(ctx: AppContext, actor: Actor, roundId: string): Promise<void> {
  const round = await getManagedRound(ctx, actor, roundId);
  if (round.status === 'open') return;
  const now = ctx.clock.now();
  if (round.status === 'closed' && round.year < now.getUTCFullYear()) throw new AppError('round_year_over');
  // A study's results, comparisons and reports rest on its closed rounds: one member cannot reopen its own.
  if (round.status === 'closed' && (await isStudyOfRoundClosed(ctx, round))) throw new AppError('study_closed');
  await ctx.db.transaction().execute(async (trx) => {
    await markRoundOpen(trx, roundId, round.opened_at ?? now.toISOString());
    const action = round.status === 'closed' ? 'round_reopened' : 'round_opened';
    await recordAudit(ctx, { actor, organisationId: round.organisation_id, action, subject: { type: 'round', id: roundId } }, trx);
  });
}

/** Whether the round belongs to a federation's study that has closed. */
export async function isStudyOfRoundClosed(ctx: AppContext, round: Round): Promise<boolean> {
  if (!round.study_id) return false;
  return (await findStudyById(ctx.db, round.study_id))?.status === 'closed';
}

export async function closeRound(ctx: AppContext, actor: Actor, roundId: string): Promise<void> {
  const round = await getManagedRound(ctx, actor, roundId);
  if (round.status === 'closed') return;
  await ctx.db.transaction().execute(async (trx) => {
    await markRoundClosed(trx, roundId, ctx.clock.now().toISOString());
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
  await storeOpenLink(ctx.db, roundId, hashToken(token), round.open_link_cap ?? DEFAULT_OPEN_LINK_CAP);
  return token;
}

/** Whether a token is the round's current open link (so a page may show it to its creator). */
export function isOpenLinkOf(round: Round, token: string): boolean {
  return round.open_link_hash !== null && /^[A-Za-z0-9_-]{20,100}$/.test(token) && hashToken(token) === round.open_link_hash;
}

export async function setOpenLinkCap(ctx: AppContext, actor: Actor, roundId: string, cap: number): Promise<void> {
  await getManagedRound(ctx, actor, roundId);
  if (!Number.isInteger(cap) || cap < 1 || cap > MAX_OPEN_LINK_CAP) throw new AppError('validation', 'open link cap');
  await storeOpenLinkCap(ctx.db, roundId, cap);
}

/** The log of changes to the round's respondents after it opened, newest first (coordinators only). */
export async function listRespondentChanges(ctx: AppContext, actor: Actor, roundId: string): Promise<RespondentChange[]> {
  await getManagedRound(ctx, actor, roundId);
  return respondentChangesOf(ctx.db, roundId);
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
  const first = await firstAnswerAt(ctx.db, roundId);
  if (!first) return { firstAnswerAt: null, added: 0 };
  return { firstAnswerAt: first, added: await countInvitedAddedAfter(ctx.db, roundId, first) };
}
