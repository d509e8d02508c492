// Organisations, federations and the unit tree. Every use case takes the actor and asks the
// organisation policy before it reads or writes; every query is in repository.ts.
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import type { Actor } from '../../app/actor.ts';
import {
  authorizeManageOrganisation,
  authorizeOperatePlatform,
  authorizeViewOrganisation,
  canManageOrganisation,
  canViewOrganisation,
} from '../../access/organisation-policy.ts';
import type { Organisation, Round } from '../../db/schema.ts';
import { responseCounts } from '../rounds/repository.ts';
import { listRounds, type RoundWithInstruments } from '../rounds/round-service.ts';
import {
  deleteUnit,
  federationLinks,
  federationOf,
  findOrganisation,
  findUnit,
  insertOrganisation,
  insertUnit,
  latestRounds,
  listOrganisations,
  loadUnitTree,
  membersOf,
  setUnitName,
  unitInUse,
  unitsOf,
  type NewOrganisation,
} from './repository.ts';
import type { UnitNode } from './unit-tree.ts';

export type { NewOrganisation } from './repository.ts';
;

export interface OrganisationSummary extends Organisation {
  memberCount: number;
  federationIds: string[];
  /** The organisation's newest round, if any, with its response counts. */
  latestRound: { id: string; name: string; year: number; status: Round['status']; respondents: number; submitted: number } | null;
}

/** The organisations the actor may see, federations first, then by name. */
export async function listVisibleOrganisations(ctx: AppContext, actor: Actor): Promise<OrganisationSummary[]> {
  if (actor.kind !== 'user') return [];
  let ids: string[] | null = null;
  if (!actor.isOperator) {
    ids = [...new Set([...actor.roles.keys(), ...actor.viaFederation.keys()])];
    if (ids.length === 0) return [];
  }
  const organisations = (await listOrganisations(ctx.db, ids)).filter((organisation) => canViewOrganisation(actor, organisation.id));
  const links = await federationLinks(ctx.db);
  const latest = await latestRounds(ctx.db, organisations.map((organisation) => organisation.id));
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

export async function getOrganisation(ctx: AppContext, actor: Actor, organisationId: string): Promise<Organisation> {
  authorizeViewOrganisation(actor, organisationId);
  const organisation = await findOrganisation(ctx.db, organisationId);
  if (!organisation) throw new AppError('not_found');
  return organisation;
}

async function listMembers(ctx: AppContext, actor: Actor, federationId: string): Promise<Organisation[]> {
  authorizeViewOrganisation(actor, federationId);
  return membersOf(ctx.db, federationId);
}

/** Everything an organisation's page shows, and whether the actor may change it. */
export interface OrganisationOverview {
  organisation: Organisation;
  rounds: RoundWithInstruments[];
  units: UnitNode[];
  members: Organisation[];
  /** A member of a federation also reaches the federation's comparisons (anonymised). */
  inFederation: boolean;
  canManage: boolean;
}

export async function getOrganisationOverview(ctx: AppContext, actor: Actor, organisationId: string): Promise<OrganisationOverview> {
  const organisation = await getOrganisation(ctx, actor, organisationId);
  const [rounds, units, members, federation] = await Promise.all([
    listRounds(ctx, actor, organisationId),
    listUnits(ctx, actor, organisationId),
    organisation.kind === 'kommunalforbund' ? listMembers(ctx, actor, organisationId) : Promise.resolve([]),
    federationOf(ctx.db, organisationId),
  ]);
  return {
    organisation,
    rounds,
    units,
    members,
    inFederation: federation !== null && federation.federation.id !== organisationId,
    canManage: canManageOrganisation(actor, organisationId),
  };
}

export async function createOrganisation(ctx: AppContext, actor: Actor, input: NewOrganisation): Promise<string> {
  authorizeOperatePlatform(actor);
  return insertOrganisation(ctx, input);
}

/** The unit tree flattened in display order (each unit followed by its children). */
async function listUnits(ctx: AppContext, actor: Actor, organisationId: string): Promise<UnitNode[]> {
  authorizeViewOrganisation(actor, organisationId);
  return loadUnitTree(ctx.db, organisationId);
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
  const units = await unitsOf(ctx.db, organisationId);
  if (input.parentId && !units.some((unit) => unit.id === input.parentId)) throw new AppError('validation', 'unknown parent');
  if (units.some((unit) => unit.parent_id === input.parentId && unit.name.toLowerCase() === name.toLowerCase())) {
    throw new AppError('conflict', 'unit exists');
  }
  const id = ctx.ids.id();
  await insertUnit(ctx.db, { id, organisation_id: organisationId, parent_id: input.parentId, name });
  return id;
}

export async function renameUnit(ctx: AppContext, actor: Actor, organisationId: string, unitId: string, name: string): Promise<void> {
  authorizeManageOrganisation(actor, organisationId);
  const unit = await findUnit(ctx.db, organisationId, unitId);
  if (!unit) throw new AppError('not_found');
  const trimmed = name.trim();
  if (!trimmed) throw new AppError('validation', 'unit name required');
  const siblings = await unitsOf(ctx.db, organisationId);
  if (siblings.some((other) => other.id !== unitId && other.parent_id === unit.parent_id && other.name.toLowerCase() === trimmed.toLowerCase())) {
    throw new AppError('conflict', 'unit exists');
  }
  await setUnitName(ctx.db, unitId, trimmed);
}

/**
 * Removes a unit that nothing depends on: no units below it and no respondent in any round,
 * so earlier years' breakdowns never lose their groups.
 */
export async function removeUnit(ctx: AppContext, actor: Actor, organisationId: string, unitId: string): Promise<void> {
  authorizeManageOrganisation(actor, organisationId);
  if (!(await findUnit(ctx.db, organisationId, unitId))) throw new AppError('not_found');
  if (await unitInUse(ctx.db, unitId)) throw new AppError('conflict', 'unit in use');
  await deleteUnit(ctx.db, unitId);
}
