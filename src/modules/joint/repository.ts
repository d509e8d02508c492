// The joint assessments' queries: the round's one joint respondent (respondents.joint = 1), its
// responses and answers, the mail naming a respondent, and the members of a federation with their
// submitted joint answers. No access checks here: src/modules/joint/service.ts asks the policy
// first; plain rows in and out.
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, OutboxTable } from '../../db/schema.ts';
import type { ItemAnswer } from '../../domain/instruments/answer-set.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface JointRespondentRow {
  id: string;
  name: string | null;
  contact_email: string | null;
}

/** The round's joint respondent, if anyone has started or been named yet. */
export async function findJointRespondent(db: Db, roundId: string): Promise<JointRespondentRow | undefined> {
  return db.selectFrom('respondents').select(['id', 'name', 'contact_email']).where('round_id', '=', roundId).where('joint', '=', 1).executeTakeFirst();
}

export async function insertJointRespondent(db: Db, row: { id: string; roundId: string; createdAt: string }): Promise<void> {
  await db
    .insertInto('respondents')
    .values({ id: row.id, round_id: row.roundId, email: null, name: null, role: null, unit_id: null, via_open_link: 0, invited_at: null, reminded_at: null, created_at: row.createdAt, joint: 1 })
    .execute();
}

/** Names the person who answers for the organisation. */
export async function nameJointRespondent(db: Db, respondentId: string, person: { name: string; email: string; invitedAt: string }): Promise<void> {
  await db.updateTable('respondents').set({ name: person.name, contact_email: person.email, invited_at: person.invitedAt }).where('id', '=', respondentId).execute();
}

/** Ends every personal link of a respondent (a newly named person gets the only working one). */
export async function deleteRespondentLinks(db: Db, respondentId: string): Promise<void> {
  await db.deleteFrom('respondent_links').where('respondent_id', '=', respondentId).execute();
}

export interface JointResponseState {
  instrument_key: string;
  status: 'in_progress' | 'submitted';
  submitted_at: string | null;
}

export async function responseStates(db: Db, respondentId: string): Promise<JointResponseState[]> {
  return db.selectFrom('responses').select(['instrument_key', 'status', 'submitted_at']).where('respondent_id', '=', respondentId).execute();
}

/** Makes a submitted response editable again; its answers stay. */
export async function reopenResponse(db: Db, change: { respondentId: string; instrumentKey: string; updatedAt: string; updatedBy: string | null }): Promise<void> {
  await db
    .updateTable('responses')
    .set({ status: 'in_progress', submitted_at: null, updated_at: change.updatedAt, updated_by: change.updatedBy })
    .where('respondent_id', '=', change.respondentId)
    .where('instrument_key', '=', change.instrumentKey)
    .execute();
}

/** The round's submitted joint response to one instrument, if any. */
export async function submittedJointResponse(db: Db, roundId: string, instrumentKey: string): Promise<{ id: string; submitted_at: string | null } | undefined> {
  return db
    .selectFrom('responses')
    .innerJoin('respondents', 'respondents.id', 'responses.respondent_id')
    .select(['responses.id', 'responses.submitted_at'])
    .where('responses.round_id', '=', roundId)
    .where('respondents.joint', '=', 1)
    .where('responses.instrument_key', '=', instrumentKey)
    .where('responses.status', '=', 'submitted')
    .executeTakeFirst();
}

/** The answers of each response, by item key; "don't know" is a null value. */
export async function answersOfResponses(db: Db, responseIds: string[]): Promise<Map<string, Map<string, ItemAnswer>>> {
  const byResponse = new Map<string, Map<string, ItemAnswer>>(responseIds.map((id) => [id, new Map()]));
  if (responseIds.length === 0) return byResponse;
  const rows = await db
    .selectFrom('answers')
    .select(['response_id', 'item_key', 'value', 'dont_know', 'target_value', 'comment'])
    .where('response_id', 'in', responseIds)
    .execute();
  for (const row of rows) {
    byResponse.get(row.response_id)?.set(row.item_key, { value: row.dont_know === 1 ? null : row.value, target: row.target_value, comment: row.comment });
  }
  return byResponse;
}

export async function findOrganisation(db: Db, organisationId: string): Promise<{ id: string; name: string }> {
  return db.selectFrom('organisations').select(['id', 'name']).where('id', '=', organisationId).executeTakeFirstOrThrow();
}

/** A federation's members; none when the organisation is not a federation. */
export async function federationMembers(db: Db, federationId: string): Promise<Array<{ id: string; name: string }>> {
  return db
    .selectFrom('federation_members')
    .innerJoin('organisations', 'organisations.id', 'federation_members.member_id')
    .select(['organisations.id', 'organisations.name'])
    .where('federation_members.federation_id', '=', federationId)
    .execute();
}

export interface SubmittedJointResponseRow {
  id: string;
  organisation_id: string;
  year: number;
}

/** Every submitted joint response to one instrument by the organisations, over all years. */
export async function submittedJointResponsesOf(db: Db, organisationIds: string[], instrumentKey: string): Promise<SubmittedJointResponseRow[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('responses')
    .innerJoin('respondents', 'respondents.id', 'responses.respondent_id')
    .innerJoin('rounds', 'rounds.id', 'responses.round_id')
    .select(['responses.id', 'rounds.organisation_id', 'rounds.year'])
    .where('rounds.organisation_id', 'in', organisationIds)
    .where('respondents.joint', '=', 1)
    .where('responses.instrument_key', '=', instrumentKey)
    .where('responses.status', '=', 'submitted')
    .execute();
  // pg may hand an integer column back as a string.
  return rows.map((row) => ({ ...row, year: Number(row.year) }));
}

export async function insertOutboxMessage(db: Db, message: Insertable<OutboxTable>): Promise<void> {
  await db.insertInto('outbox').values(message).execute();
}
