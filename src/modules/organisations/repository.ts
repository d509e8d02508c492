// Every query of organisations, federation links and the unit tree. No access checks and no actor
// here: only the organisation service (which asks src/access/organisation-policy.ts first), other
// modules' services, the demo seeder, the CLI's operator commands and test fixtures call these
// functions. Plain rows in and out. `insertOrganisation` takes the ids and the clock beside the
// database, since it makes the new organisation's id and time.
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../app/app-context.ts';
import type { Database, Organisation, OrganisationKind, Round, Unit } from '../../db/schema.ts';
import { flattenUnitTree, type UnitNode } from './unit-tree.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Every organisation (ids null) or the given ones, by name. */
export async function listOrganisations(db: Db, ids: string[] | null): Promise<Organisation[]> {
  let query = db.selectFrom('organisations').selectAll();
  if (ids !== null) query = query.where('id', 'in', ids);
  return query.orderBy('name').execute();
}

export async function federationLinks(db: Db): Promise<Array<{ federation_id: string; member_id: string }>> {
  return db.selectFrom('federation_members').select(['federation_id', 'member_id']).execute();
}

/** The newest round of each organisation (highest year, then latest created). */
export async function latestRounds(db: Db, organisationIds: string[]): Promise<Map<string, Round>> {
  const latest = new Map<string, Round>();
  if (organisationIds.length === 0) return latest;
  const rounds = await db
    .selectFrom('rounds')
    .selectAll()
    .where('organisation_id', 'in', organisationIds)
    .orderBy('year', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  for (const round of rounds) if (!latest.has(round.organisation_id)) latest.set(round.organisation_id, round);
  return latest;
}

export async function findOrganisation(db: Db, organisationId: string): Promise<Organisation | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', organisationId).executeTakeFirst();
}

/** An organisation's id and name, for pages and mails that only name it. */
export async function findOrganisationRef(db: Db, organisationId: string): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('organisations').select(['id', 'name']).where('id', '=', organisationId).executeTakeFirst();
}

/** The name of an organisation that must exist (the organisation of a round already read). */
export async function organisationNameOf(db: Db, organisationId: string): Promise<string> {
  const row = await db.selectFrom('organisations').select('name').where('id', '=', organisationId).executeTakeFirstOrThrow();
  return row.name;
}

/** The federation a member belongs to (the first by id, when it belongs to several). */
export async function federationOfMember(db: Db, memberId: string): Promise<string | undefined> {
  const link = await db.selectFrom('federation_members').select('federation_id').where('member_id', '=', memberId).orderBy('federation_id').executeTakeFirst();
  return link?.federation_id;
}

/** A federation's members, by name. */
export async function membersOf(db: Db, federationId: string): Promise<Organisation[]> {
  return db
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

/** Adds an organisation (and its federation link) without an access check; returns its id. */
export async function insertOrganisation(ctx: Pick<AppContext, 'db' | 'ids' | 'clock'>, input: NewOrganisation): Promise<string> {
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

export interface FederationWithMembers {
  federation: { id: string; name: string };
  members: Array<{ id: string; name: string; kind: string }>;
}

/**
 * Which federation a comparison is about: the organisation itself when it has members, or else
 * the federation it belongs to (the first, if it belongs to several).
 */
export async function federationOf(db: Db, organisationId: string): Promise<FederationWithMembers | null> {
  const ownMembers = await db.selectFrom('federation_members').select('member_id').where('federation_id', '=', organisationId).executeTakeFirst();
  let federationId = organisationId;
  if (!ownMembers) {
    const parent = await db.selectFrom('federation_members').select('federation_id').where('member_id', '=', organisationId).orderBy('federation_id').executeTakeFirst();
    if (!parent) return null;
    federationId = parent.federation_id;
  }
  const federation = await db.selectFrom('organisations').select(['id', 'name']).where('id', '=', federationId).executeTakeFirstOrThrow();
  const members = await db
    .selectFrom('federation_members')
    .innerJoin('organisations', 'organisations.id', 'federation_members.member_id')
    .select(['organisations.id', 'organisations.name', 'organisations.kind'])
    .where('federation_members.federation_id', '=', federationId)
    .orderBy('organisations.name')
    .execute();
  return { federation, members };
}

export async function unitsOf(db: Db, organisationId: string): Promise<Unit[]> {
  return db.selectFrom('units').selectAll().where('organisation_id', '=', organisationId).execute();
}

/** The unit tree flattened in display order (each unit followed by its children). */
export async function loadUnitTree(db: Db, organisationId: string): Promise<UnitNode[]> {
  return flattenUnitTree(await unitsOf(db, organisationId));
}

export async function findUnit(db: Db, organisationId: string, unitId: string): Promise<Unit | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', unitId).where('organisation_id', '=', organisationId).executeTakeFirst();
}

export async function insertUnit(db: Db, unit: Unit): Promise<void> {
  await db.insertInto('units').values(unit).execute();
}

export async function setUnitName(db: Db, unitId: string, name: string): Promise<void> {
  await db.updateTable('units').set({ name }).where('id', '=', unitId).execute();
}

/** Whether a unit has units below it or a respondent in any round. */
export async function unitInUse(db: Db, unitId: string): Promise<boolean> {
  const child = await db.selectFrom('units').select('id').where('parent_id', '=', unitId).executeTakeFirst();
  const respondent = await db.selectFrom('respondents').select('id').where('unit_id', '=', unitId).executeTakeFirst();
  return Boolean(child || respondent);
}

export async function deleteUnit(db: Db, unitId: string): Promise<void> {
  await db.deleteFrom('units').where('id', '=', unitId).execute();
}
