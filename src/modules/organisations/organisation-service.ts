// Organisations, federations and the unit tree. Every function takes the actor and asks the
// organisation policy before it reads or writes.
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import type { Actor } from '../../access/actor.ts';
import {
  authorizeManageOrganisation,
  authorizeOperatePlatform,
  authorizeViewOrganisation,
  canViewOrganisation,
} from '../../access/organisation-policy.ts';
import type { Organisation, OrganisationKind, Round, Unit } from '../../db/schema.ts';
import { responseCounts } from '../rounds/repository.ts';
import { flattenUnitTree, type UnitNode } from './unit-tree.ts';

export type { UnitNode } from './unit-tree.ts';

export interface OrganisationSummary extends Organisation {
  memberCount: number;
  federationIds: string[];
  /** The organisation's newest round, if any, with its response counts. */
  latestRound: { id: string; name: string; year: number; status: Round['status']; respondents: number; submitted: number } | null;
}

/** The organisations the actor may see, federations first, then by name. */
export async function listVisibleOrganisations(ctx: AppContext, actor: Actor): Promise<OrganisationSummary[]> {
  if (actor.kind !== 'user') return [];
  let query = ctx.db.selectFrom('organisations').selectAll();
  if (!actor.isOperator) {
    const ids = [...new Set([...actor.roles.keys(), ...actor.viaFederation.keys()])];
    if (ids.length === 0) return [];
    query = query.where('id', 'in', ids);
  }
  const organisations = (await query.orderBy('name').execute()).filter((organisation) => canViewOrganisation(actor, organisation.id));
  const links = await ctx.db.selectFrom('federation_members').select(['federation_id', 'member_id']).execute();
  const latest = await latestRounds(ctx, organisations.map((organisation) => organisation.id));
  const counts = await responseCounts(ctx.db, [...latest.values()].map((round) => round.id));
  return organisations
    .map((organisation) => {
      const round = latest.get(organisation.id);
      return {
        ...organisation,
        memberCount: links.filter((link) => link.federation_id === organisation.id).length,
        federationIds: links.filter((link) => link.member_id === organisation.id).map((link) => link.federation_id),
        latestRound: round ? { id: round.id, name: round.name, year: round.year, status: round.status, ...(counts.get(round.id) ?? { respondents: 0, submitted: 0 }) } : null,
      };
    })
    .sort((a, b) => Number(b.kind === 'kommunalforbund') - Number(a.kind === 'kommunalforbund') || a.name.localeCompare(b.name, 'sv'));
}

/** The newest round of each organisation (highest year, then latest created). */
async function latestRounds(ctx: AppContext, organisationIds: string[]): Promise<Map<string, Round>> {
  const latest = new Map<string, Round>();
  if (organisationIds.length === 0) return latest;
  const rounds = await ctx.db
    .selectFrom('rounds')
    .selectAll()
    .where('organisation_id', 'in', organisationIds)
    .orderBy('year', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  for (const round of rounds) if (!latest.has(round.organisation_id)) latest.set(round.organisation_id, round);
  return latest;
}

export async function getOrganisation(ctx: AppContext, actor: Actor, organisationId: string): Promise<Organisation> {
  authorizeViewOrganisation(actor, organisationId);
  const organisation = await ctx.db.selectFrom('organisations').selectAll().where('id', '=', organisationId).executeTakeFirst();
  if (!organisation) throw new AppError('not_found');
  return organisation;
}

export async function listMembers(ctx: AppContext, actor: Actor, federationId: string): Promise<Organisation[]> {
  authorizeViewOrganisation(actor, federationId);
  return ctx.db
    .selectFrom('organisations')
    .innerJoin('federation_members', 'federation_members.member_id', 'organisations.id')
    .selectAll('organisations')
    .where('federation_members.federation_id', '=', federationId)
    .orderBy('organisations.name')
    .execute();
}

export interface NewOrganisation {
  name: string;
  kind: OrganisationKind;
  orgNumber?: string | null;
  size?: number | null;
  federationId?: string | null;
}

export async function createOrganisation(ctx: AppContext, actor: Actor, input: NewOrganisation): Promise<string> {
  authorizeOperatePlatform(actor);
  return insertOrganisation(ctx, input);
}

/** Without an access check: for the CLI and the demo seeder, which run as the operator. */
export async function insertOrganisation(ctx: AppContext, input: NewOrganisation): Promise<string> {
  const id = ctx.ids.id();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organisations')
      .values({
        id,
        name: input.name.trim(),
        kind: input.kind,
        org_number: input.orgNumber ?? null,
        size: input.size ?? null,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    if (input.federationId) {
      await trx.insertInto('federation_members').values({ federation_id: input.federationId, member_id: id }).execute();
    }
  });
  return id;
}

/** The unit tree flattened in display order (each unit followed by its children). */
export async function listUnits(ctx: AppContext, actor: Actor, organisationId: string): Promise<UnitNode[]> {
  authorizeViewOrganisation(actor, organisationId);
  return loadUnitTree(ctx, organisationId);
}

export async function loadUnitTree(ctx: AppContext, organisationId: string): Promise<UnitNode[]> {
  const units = await ctx.db.selectFrom('units').selectAll().where('organisation_id', '=', organisationId).execute();
  return flattenUnitTree(units);
}

export async function addUnit(
  ctx: AppContext,
  actor: Actor,
  organisationId: string,
  input: { name: string; parentId: string | null },
): Promise<string> {
  authorizeManageOrganisation(actor, organisationId);
  const name = input.name.trim();
  if (!name) throw new AppError('validation', 'unit name required');
  const units = await ctx.db.selectFrom('units').selectAll().where('organisation_id', '=', organisationId).execute();
  if (input.parentId && !units.some((unit) => unit.id === input.parentId)) throw new AppError('validation', 'unknown parent');
  if (units.some((unit) => unit.parent_id === input.parentId && unit.name.toLowerCase() === name.toLowerCase())) {
    throw new AppError('conflict', 'unit exists');
  }
  const id = ctx.ids.id();
  await ctx.db.insertInto('units').values({ id, organisation_id: organisationId, parent_id: input.parentId, name }).execute();
  return id;
}

async function loadOwnUnit(ctx: AppContext, organisationId: string, unitId: string): Promise<Unit> {
  const unit = await ctx.db.selectFrom('units').selectAll().where('id', '=', unitId).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!unit) throw new AppError('not_found');
  return unit;
}

export async function renameUnit(ctx: AppContext, actor: Actor, organisationId: string, unitId: string, name: string): Promise<void> {
  authorizeManageOrganisation(actor, organisationId);
  const unit = await loadOwnUnit(ctx, organisationId, unitId);
  const trimmed = name.trim();
  if (!trimmed) throw new AppError('validation', 'unit name required');
  const siblings = await ctx.db.selectFrom('units').select(['id', 'name', 'parent_id']).where('organisation_id', '=', organisationId).execute();
  if (siblings.some((other) => other.id !== unitId && other.parent_id === unit.parent_id && other.name.toLowerCase() === trimmed.toLowerCase())) {
    throw new AppError('conflict', 'unit exists');
  }
  await ctx.db.updateTable('units').set({ name: trimmed }).where('id', '=', unitId).execute();
}

/**
 * Removes a unit that nothing depends on: no units below it and no respondent in any round,
 * so earlier years' breakdowns never lose their groups.
 */
export async function removeUnit(ctx: AppContext, actor: Actor, organisationId: string, unitId: string): Promise<void> {
  authorizeManageOrganisation(actor, organisationId);
  await loadOwnUnit(ctx, organisationId, unitId);
  const child = await ctx.db.selectFrom('units').select('id').where('parent_id', '=', unitId).executeTakeFirst();
  const respondent = await ctx.db.selectFrom('respondents').select('id').where('unit_id', '=', unitId).executeTakeFirst();
  if (child || respondent) throw new AppError('conflict', 'unit in use');
  await ctx.db.deleteFrom('units').where('id', '=', unitId).execute();
}
