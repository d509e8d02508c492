// Use cases of the action plan (issue 16): read an organisation's plan of a year (its own
// actions, the shared actions of its federation it takes part in, and for a federation the
// anonymised overview of its members' plans), read one action with its history, create and edit
// an action, and change its status with a short note. Each asks src/access/action-policy.ts
// first; each change and its audit entry are one transaction.
import { authorizeReadActionPlan, authorizeWriteActionPlan, canWriteActionPlan } from '../../access/action-policy.ts';
import type { Actor } from '../../app/actor.ts';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import type { LocalizedText } from '../../i18n/messages.ts';
import { recordAudit } from '../audit/repository.ts';
import { DEFAULT_ANONYMITY_THRESHOLD } from '../rounds/repository.ts';
import {
  actionsOfOrganisation,
  findAction,
  insertAction,
  insertActionUpdate,
  memberActionsOfFederation,
  membersOfFederation,
  organisationInfo,
  participantsOf,
  setActionStatus,
  setParticipants,
  sharedActionsOfMember,
  updateAction,
  updatesOfActions,
  type ActionRow,
  type ActionUpdateRow,
  type MemberActionRow,
} from './repository.ts';
import type { ActionStatus, Database } from '../../db/schema.ts';
import type { Transaction } from 'kysely';
import type { ActionInput } from './schema.ts';

export interface PlanAction extends ActionRow {
  /** The capability's name when the action addresses one the catalogue knows. */
  capabilityName: LocalizedText | null;
  lastNote: string | null;
}

/** One area of the federation's overview: counts only, never a member. */
interface OverviewArea {
  kind: 'category' | 'source';
  /** The category's name, or the source kind. */
  name: LocalizedText | null;
  sourceKind: ActionRow['source_kind'];
  actions: number;
  done: number;
}

export type MembersOverview =
  | { shown: false; threshold: number }
  | { shown: true; threshold: number; members: number; actions: number; done: number; areas: OverviewArea[]; hiddenAreas: number };

export interface ActionPlan {
  organisation: { id: string; name: string; isFederation: boolean };
  year: number;
  actions: PlanAction[];
  /** The federation's shared actions this member takes part in (empty for a federation). */
  shared: PlanAction[];
  canWrite: boolean;
  overview: MembersOverview | null;
}

interface CapabilityFound {
  name: LocalizedText;
  category: { key: string; name: LocalizedText };
}

export function findCapability(ctx: AppContext, instrumentKey: string | null, capabilityKey: string | null): CapabilityFound | undefined {
  if (!instrumentKey || !capabilityKey) return undefined;
  const instrument = ctx.instruments.get(instrumentKey);
  for (const dimension of instrument?.dimensions ?? []) {
    for (const category of dimension.categories) {
      const capability = category.capabilities.find((c) => c.key === capabilityKey);
      if (capability) return { name: capability.name, category: { key: category.key, name: category.name } };
    }
  }
  return undefined;
}

/** Every capability of the catalogue's instruments, for the form's list. */
export function capabilityChoices(ctx: AppContext): Array<{ value: string; instrument: LocalizedText; name: LocalizedText }> {
  const choices: Array<{ value: string; instrument: LocalizedText; name: LocalizedText }> = [];
  for (const instrument of ctx.instruments.list()) {
    if (ctx.instruments.get(instrument.key) !== instrument) continue;
    for (const dimension of instrument.dimensions)
      for (const category of dimension.categories)
        for (const capability of category.capabilities) choices.push({ value: `${instrument.key}:${capability.key}`, instrument: instrument.name, name: capability.name });
  }
  return choices;
}

function withDetails(ctx: AppContext, rows: ActionRow[], updates: ActionUpdateRow[]): PlanAction[] {
  const last = new Map<string, string>();
  for (const update of updates) if (update.note !== '') last.set(update.action_id, update.note);
  return rows.map((row) => ({
    ...row,
    capabilityName: row.source_kind === 'capability' ? (findCapability(ctx, row.instrument_key, row.source_ref)?.name ?? null) : null,
    lastNote: last.get(row.id) ?? null,
  }));
}

async function requireOrganisation(ctx: AppContext, organisationId: string) {
  const organisation = await organisationInfo(ctx.db, organisationId);
  if (!organisation) throw new AppError('not_found');
  return { id: organisation.id, name: organisation.name, isFederation: organisation.kind === 'kommunalforbund' };
}

/** Counts of the members' plans, never from fewer members than the threshold. */
export function membersOverview(ctx: AppContext, rows: MemberActionRow[], threshold = DEFAULT_ANONYMITY_THRESHOLD): MembersOverview {
  const members = new Set(rows.map((row) => row.organisation_id));
  if (members.size < threshold) return { shown: false, threshold };
  const areas = new Map<string, OverviewArea & { members: Set<string> }>();
  for (const row of rows) {
    const category = row.source_kind === 'capability' ? findCapability(ctx, row.instrument_key, row.source_ref)?.category : undefined;
    const key = category ? `category:${category.key}` : `source:${row.source_kind}`;
    const area = areas.get(key) ?? { kind: category ? 'category' : 'source', name: category?.name ?? null, sourceKind: row.source_kind, actions: 0, done: 0, members: new Set<string>() };
    area.actions += 1;
    if (row.status === 'done') area.done += 1;
    area.members.add(row.organisation_id);
    areas.set(key, area);
  }
  const all = [...areas.values()];
  const shown = all.filter((area) => area.members.size >= threshold).map(({ members: _members, ...area }) => area);
  return {
    shown: true,
    threshold,
    members: members.size,
    actions: rows.length,
    done: rows.filter((row) => row.status === 'done').length,
    areas: shown.sort((a, b) => b.actions - a.actions),
    hiddenAreas: all.length - shown.length,
  };
}

export function defaultYear(ctx: AppContext): number {
  return ctx.clock.now().getUTCFullYear();
}

export async function actionPlan(ctx: AppContext, actor: Actor, organisationId: string, year: number | undefined): Promise<ActionPlan> {
  authorizeReadActionPlan(actor, organisationId);
  const organisation = await requireOrganisation(ctx, organisationId);
  const planYear = year ?? defaultYear(ctx);
  const own = await actionsOfOrganisation(ctx.db, organisationId, planYear);
  const shared = organisation.isFederation ? [] : await sharedActionsOfMember(ctx.db, organisationId, planYear);
  const updates = await updatesOfActions(ctx.db, [...own, ...shared].map((row) => row.id));
  return {
    organisation,
    year: planYear,
    actions: withDetails(ctx, own, updates),
    shared: withDetails(ctx, shared, updates),
    canWrite: canWriteActionPlan(actor, organisationId),
    overview: organisation.isFederation ? membersOverview(ctx, await memberActionsOfFederation(ctx.db, organisationId, planYear)) : null,
  };
}

/** Every action of an organisation (all years when `year` is undefined), for the export and the CLI. */
export async function actionsForExport(ctx: AppContext, actor: Actor, organisationId: string, year: number | undefined): Promise<{ organisation: { id: string; name: string }; actions: PlanAction[] }> {
  authorizeReadActionPlan(actor, organisationId);
  const organisation = await requireOrganisation(ctx, organisationId);
  const own = await actionsOfOrganisation(ctx.db, organisationId, year);
  return { organisation, actions: withDetails(ctx, own, await updatesOfActions(ctx.db, own.map((row) => row.id))) };
}

export interface ActionDetail {
  organisation: { id: string; name: string; isFederation: boolean };
  action: PlanAction;
  history: ActionUpdateRow[];
  participants: Array<{ id: string; name: string }>;
  /** The federation's members, for a shared action's form. */
  members: Array<{ id: string; name: string }>;
  canWrite: boolean;
}

/** An action seen from an organisation's plan: its own, or a shared action it takes part in. */
export async function actionDetail(ctx: AppContext, actor: Actor, organisationId: string, actionId: string): Promise<ActionDetail> {
  authorizeReadActionPlan(actor, organisationId);
  const organisation = await requireOrganisation(ctx, organisationId);
  const row = await findAction(ctx.db, actionId);
  if (!row) throw new AppError('not_found');
  const participants = await participantsOf(ctx.db, actionId);
  const own = row.organisation_id === organisationId;
  if (!own && !participants.some((p) => p.id === organisationId)) throw new AppError('not_found');
  const history = await updatesOfActions(ctx.db, [actionId]);
  return {
    organisation,
    action: withDetails(ctx, [row], history)[0]!,
    history,
    participants,
    members: organisation.isFederation ? await membersOfFederation(ctx.db, organisationId) : [],
    canWrite: own && canWriteActionPlan(actor, organisationId),
  };
}

/** The federation's members, for a new shared action's form (empty for a member). */
export async function planForm(ctx: AppContext, actor: Actor, organisationId: string) {
  authorizeWriteActionPlan(actor, organisationId);
  const organisation = await requireOrganisation(ctx, organisationId);
  return { organisation, members: organisation.isFederation ? await membersOfFederation(ctx.db, organisationId) : [] };
}

async function checkParticipants(ctx: AppContext, organisationId: string, isFederation: boolean, participants: readonly string[]): Promise<string[]> {
  if (!isFederation) return [];
  const members = new Set((await membersOfFederation(ctx.db, organisationId)).map((m) => m.id));
  const chosen = [...new Set(participants)];
  if (chosen.some((id) => !members.has(id))) throw new AppError('validation');
  return chosen;
}

export function userOf(actor: Actor): string | null {
  return actor.kind === 'user' && actor.userId !== '' ? actor.userId : null;
}

/** A new action and the first entry of its history, as created by hand or by an import. */
export async function writeNewAction(ctx: AppContext, trx: Transaction<Database>, action: { id: string; organisationId: string; input: ActionInput; at: string; by: string | null }): Promise<void> {
  const { id, input, at, by } = action;
  await insertAction(trx, {
    id,
    organisation_id: action.organisationId,
    year: input.year,
    title: input.title,
    description: input.description,
    source_kind: input.sourceKind,
    source_ref: input.sourceRef,
    instrument_key: input.instrumentKey,
    owner: input.owner,
    due_on: input.dueOn,
    status: input.status,
    created_at: at,
    created_by: by,
    updated_at: at,
  });
  await insertActionUpdate(trx, { id: ctx.ids.id(), action_id: id, at, by_user: by, status: input.status, note: '' });
}

export async function createAction(ctx: AppContext, actor: Actor, organisationId: string, input: ActionInput, participants: readonly string[] = []): Promise<string> {
  authorizeWriteActionPlan(actor, organisationId);
  const organisation = await requireOrganisation(ctx, organisationId);
  const members = await checkParticipants(ctx, organisationId, organisation.isFederation, participants);
  const id = ctx.ids.id();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await writeNewAction(ctx, trx, { id, organisationId, input, at: now, by: userOf(actor) });
    await setParticipants(trx, id, members);
    await recordAudit(ctx, { actor, organisationId, action: 'action_created', subject: { type: 'action', id }, detail: { year: input.year, participants: members.length } }, trx);
  });
  return id;
}

async function ownAction(ctx: AppContext, organisationId: string, actionId: string): Promise<ActionRow> {
  const row = await findAction(ctx.db, actionId);
  if (!row || row.organisation_id !== organisationId) throw new AppError('not_found');
  return row;
}

export async function editAction(ctx: AppContext, actor: Actor, organisationId: string, actionId: string, input: ActionInput, participants: readonly string[] = []): Promise<void> {
  authorizeWriteActionPlan(actor, organisationId);
  const organisation = await requireOrganisation(ctx, organisationId);
  const before = await ownAction(ctx, organisationId, actionId);
  const members = await checkParticipants(ctx, organisationId, organisation.isFederation, participants);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateAction(trx, actionId, {
      title: input.title,
      description: input.description,
      year: input.year,
      source_kind: input.sourceKind,
      source_ref: input.sourceRef,
      instrument_key: input.instrumentKey,
      owner: input.owner,
      due_on: input.dueOn,
      status: input.status,
      updated_at: now,
    });
    if (before.status !== input.status) await insertActionUpdate(trx, { id: ctx.ids.id(), action_id: actionId, at: now, by_user: userOf(actor), status: input.status, note: '' });
    if (organisation.isFederation) await setParticipants(trx, actionId, members);
    await recordAudit(ctx, { actor, organisationId, action: 'action_updated', subject: { type: 'action', id: actionId }, detail: { year: input.year } }, trx);
  });
}

export async function changeActionStatus(ctx: AppContext, actor: Actor, organisationId: string, actionId: string, input: { status: ActionStatus; note: string }): Promise<void> {
  authorizeWriteActionPlan(actor, organisationId);
  await ownAction(ctx, organisationId, actionId);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await setActionStatus(trx, actionId, input.status, now);
    await insertActionUpdate(trx, { id: ctx.ids.id(), action_id: actionId, at: now, by_user: userOf(actor), status: input.status, note: input.note });
    await recordAudit(ctx, { actor, organisationId, action: 'action_status_changed', subject: { type: 'action', id: actionId }, detail: { status: input.status } }, trx);
  });
}
