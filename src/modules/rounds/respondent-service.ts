// Respondents of a round: adding them, minting their personal links and counting who has
// answered. Only coordinators reach these functions (round policy); none of them returns
// what anyone answered.
import { respondentMailProblem, type RespondentMailProblem } from '../../domain/mail/delivery-status.ts';
import { mailProblemsOf } from './schedule-repository.ts';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import type { Actor } from '../../app/actor.ts';
import { isValidEmail, normaliseEmail } from '../../domain/email.ts';
import { flattenUnitTree } from '../organisations/unit-tree.ts';
import { recordAudit } from '../audit/repository.ts';
import {
  deleteRespondent,
  emailsOfRound,
  findRespondentIdByEmail,
  findRespondentOfRound,
  hasSubmitted,
  insertRespondentChange,
  insertRespondents,
  progressRowsOf,
  respondentRowsOf,
  rolesOfRound,
  unitsOf,
  type Db,
  type NewRespondent,
} from './repository.ts';
import { createRoleSpeller } from '../respondents/respondent-roles.ts';
import { getManagedRound, getRound, type RoundWithInstruments } from './round-service.ts';

export type { NewRespondent } from './repository.ts';

/**
 * Records a change to a round's respondents once the round has opened (made-up respondents
 * must be visible): who, what and when, in the transaction that makes the change.
 */
async function logRespondentChange(
  ctx: AppContext,
  db: Db,
  actor: Actor,
  round: RoundWithInstruments,
  change: { kind: 'added' | 'imported' | 'removed'; count: number; detail: string | null },
): Promise<void> {
  if (!round.opened_at) return;
  await insertRespondentChange(db, {
    id: ctx.ids.id(),
    round_id: round.id,
    changed_at: ctx.clock.now().toISOString(),
    changed_by: actor.kind === 'user' ? actor.userId : null,
    changed_by_name: actor.kind === 'user' ? actor.name : '',
    kind: change.kind,
    respondent_count: change.count,
    detail: change.detail,
  });
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
  /** The last mail to them failed or bounced (issue 15); null when nothing is known to be wrong. */
  mailProblem: RespondentMailProblem | null;
}


export async function listRespondents(ctx: AppContext, actor: Actor, roundId: string): Promise<RespondentListEntry[]> {
  await getManagedRound(ctx, actor, roundId);
  const [rows, problems] = await Promise.all([respondentRowsOf(ctx.db, roundId), mailProblemsOf(ctx.db, roundId)]);
  const problemOf = new Map(problems.map((row) => [row.respondent_id, respondentMailProblem({ bouncedAt: row.bounced_at, bounceReason: row.bounce_reason, lastMailAt: row.last_mail_at, lastDelivery: row.last_delivery, lastError: row.last_error })]));
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
      mailProblem: problemOf.get(row.id) ?? null,
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
  const email = normaliseEmail(input.email);
  if (!isValidEmail(email)) throw new AppError('validation', 'email');
  if ((await findRespondentIdByEmail(ctx.db, roundId, email)) !== undefined) throw new AppError('conflict', 'duplicate email');
  // "chef" typed in the form joins the round's "Chef", as in an uploaded file.
  const role = createRoleSpeller(await rolesOfRound(ctx.db, roundId))(input.role ?? null);
  return ctx.db.transaction().execute(async (trx) => {
    const [id] = await insertRespondents(ctx, trx, roundId, [{ ...input, email, role }]);
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
    const respondent = await findRespondentOfRound(trx, roundId, respondentId);
    if (!respondent) throw new AppError('not_found');
    if (await hasSubmitted(trx, respondentId)) throw new AppError('conflict', 'submitted respondents are kept');
    await deleteRespondent(trx, respondentId);
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
  const emails = await emailsOfRound(ctx.db, roundId);
  return new Set(emails.flatMap((email) => (email ? [email.toLowerCase()] : [])));
}

/** The roles already in the round, earliest respondent first: an upload spells its roles the same way. */
export async function existingRoles(ctx: AppContext, actor: Actor, roundId: string): Promise<Array<string | null>> {
  await getManagedRound(ctx, actor, roundId);
  return rolesOfRound(ctx.db, roundId);
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
  const rows = await progressRowsOf(ctx.db, roundId);
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
  const units = await unitsOf(ctx.db, round.organisation_id);
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
