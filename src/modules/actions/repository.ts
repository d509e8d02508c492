// The action plan's queries: an organisation's actions (and the federation's shared actions a
// member takes part in), each action's status updates, and the members' actions of a federation
// for the anonymised overview. No actor and no access check here: only the service (which asks
// src/access/action-policy.ts first) calls it.
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type ActionRow = Selectable<Database['actions']>;
export type ActionUpdateRow = Selectable<Database['action_updates']>;

export function findAction(db: Db, actionId: string): Promise<ActionRow | undefined> {
  return db.selectFrom('actions').selectAll().where('id', '=', actionId).executeTakeFirst();
}

/** The organisation's own actions of the year (or of every year), by due day then title. */
export function actionsOfOrganisation(db: Db, organisationId: string, year: number | undefined): Promise<ActionRow[]> {
  let query = db.selectFrom('actions').selectAll().where('organisation_id', '=', organisationId);
  if (year !== undefined) query = query.where('year', '=', year);
  return query.orderBy('year', 'desc').orderBy('due_on').orderBy('title').orderBy('id').execute();
}

/** The federations' shared actions the member takes part in. */
export function sharedActionsOfMember(db: Db, memberId: string, year: number | undefined): Promise<ActionRow[]> {
  let query = db
    .selectFrom('actions')
    .innerJoin('action_participants', 'action_participants.action_id', 'actions.id')
    .selectAll('actions')
    .where('action_participants.organisation_id', '=', memberId);
  if (year !== undefined) query = query.where('actions.year', '=', year);
  return query.orderBy('actions.year', 'desc').orderBy('actions.due_on').orderBy('actions.title').orderBy('actions.id').execute();
}

export async function insertAction(db: Db, row: Insertable<Database['actions']>): Promise<void> {
  await db.insertInto('actions').values(row).execute();
}

export async function updateAction(
  db: Db,
  actionId: string,
  fields: Pick<ActionRow, 'title' | 'description' | 'year' | 'source_kind' | 'source_ref' | 'instrument_key' | 'owner' | 'due_on' | 'status' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('actions').set(fields).where('id', '=', actionId).execute();
}

export async function setActionStatus(db: Db, actionId: string, status: ActionRow['status'], at: string): Promise<void> {
  await db.updateTable('actions').set({ status, updated_at: at }).where('id', '=', actionId).execute();
}

export async function insertActionUpdate(db: Db, row: Insertable<Database['action_updates']>): Promise<void> {
  await db.insertInto('action_updates').values(row).execute();
}

/** Every update of the given actions, oldest first. */
export async function updatesOfActions(db: Db, actionIds: readonly string[]): Promise<ActionUpdateRow[]> {
  if (actionIds.length === 0) return [];
  return db.selectFrom('action_updates').selectAll().where('action_id', 'in', actionIds).orderBy('at').orderBy('id').execute();
}

export async function setParticipants(db: Db, actionId: string, memberIds: readonly string[]): Promise<void> {
  await db.deleteFrom('action_participants').where('action_id', '=', actionId).execute();
  if (memberIds.length === 0) return;
  await db
    .insertInto('action_participants')
    .values(memberIds.map((organisation_id) => ({ action_id: actionId, organisation_id })))
    .execute();
}

export async function participantsOf(db: Db, actionId: string): Promise<Array<{ id: string; name: string }>> {
  return db
    .selectFrom('action_participants')
    .innerJoin('organisations', 'organisations.id', 'action_participants.organisation_id')
    .select(['organisations.id', 'organisations.name'])
    .where('action_participants.action_id', '=', actionId)
    .orderBy('organisations.name')
    .orderBy('organisations.id')
    .execute();
}

export function membersOfFederation(db: Db, federationId: string): Promise<Array<{ id: string; name: string }>> {
  return db
    .selectFrom('federation_members')
    .innerJoin('organisations', 'organisations.id', 'federation_members.member_id')
    .select(['organisations.id', 'organisations.name'])
    .where('federation_members.federation_id', '=', federationId)
    .orderBy('organisations.name')
    .orderBy('organisations.id')
    .execute();
}

export interface MemberActionRow {
  organisation_id: string;
  source_kind: ActionRow['source_kind'];
  source_ref: string | null;
  instrument_key: string | null;
  status: ActionRow['status'];
}

/** The members' own actions of the year: for counting only, the ids never leave the service. */
export function memberActionsOfFederation(db: Db, federationId: string, year: number): Promise<MemberActionRow[]> {
  return db
    .selectFrom('actions')
    .innerJoin('federation_members', 'federation_members.member_id', 'actions.organisation_id')
    .select(['actions.organisation_id', 'actions.source_kind', 'actions.source_ref', 'actions.instrument_key', 'actions.status'])
    .where('federation_members.federation_id', '=', federationId)
    .where('actions.year', '=', year)
    .orderBy('actions.organisation_id')
    .orderBy('actions.id')
    .execute();
}

export async function organisationInfo(db: Db, organisationId: string): Promise<{ id: string; name: string; kind: string } | undefined> {
  return db.selectFrom('organisations').select(['id', 'name', 'kind']).where('id', '=', organisationId).executeTakeFirst();
}
