// Every query of the results workshop: the organisation's closed round of a year and the notes and
// decisions per topic. No access checks and no actor here: only the workshop service (which asks
// the results policy first) calls these functions.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface TopicNotes {
  topicKey: string;
  notes: string;
  decisions: string;
  updatedAt: string;
}

/** The organisation's latest closed round of the year (the one a workshop discusses), if any. */
export async function closedRoundOfYear(db: Db, organisationId: string, year: number): Promise<{ id: string; name: string } | undefined> {
  return db
    .selectFrom('rounds')
    .select(['id', 'name'])
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .where('status', '=', 'closed')
    .orderBy('closed_at', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/** The keys and versions of a round's instruments (the joint ones give the capability map and security topics). */
export function roundInstruments(db: Db, roundId: string): Promise<Array<{ instrument_key: string; instrument_version: string }>> {
  return db.selectFrom('round_instruments').select(['instrument_key', 'instrument_version']).where('round_id', '=', roundId).orderBy('instrument_key').execute();
}

export async function organisationName(db: Db, organisationId: string): Promise<string | undefined> {
  const row = await db.selectFrom('organisations').select('name').where('id', '=', organisationId).executeTakeFirst();
  return row?.name;
}

export async function notesOfYear(db: Db, organisationId: string, year: number): Promise<TopicNotes[]> {
  const rows = await db
    .selectFrom('workshop_notes')
    .select(['topic_key', 'notes', 'decisions', 'updated_at'])
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .orderBy('topic_key')
    .execute();
  return rows.map((row) => ({ topicKey: row.topic_key, notes: row.notes, decisions: row.decisions, updatedAt: row.updated_at }));
}

export async function saveNotes(db: Db, change: { organisationId: string; year: number; topicKey: string; notes: string; decisions: string; updatedAt: string; updatedBy: string }): Promise<void> {
  const values = { notes: change.notes, decisions: change.decisions, updated_at: change.updatedAt, updated_by: change.updatedBy };
  await db
    .insertInto('workshop_notes')
    .values({ organisation_id: change.organisationId, year: change.year, topic_key: change.topicKey, ...values })
    .onConflict((conflict) => conflict.columns(['organisation_id', 'year', 'topic_key']).doUpdateSet(values))
    .execute();
}
