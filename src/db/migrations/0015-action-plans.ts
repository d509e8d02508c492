// Issue 16: from results to change. An organisation's action plan (actions with an owner, a due
// day, a status and a note per update), a federation's shared actions with the members taking
// part, and the notes and decisions of a results workshop per organisation, year and topic.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The organisation whose plan holds it; for a shared action, the federation.
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    // The measurement year whose results it answers.
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // 'recommendation' | 'capability' | 'workshop' | 'free'
    .addColumn('source_kind', 'text', (c) => c.notNull())
    // The capability key, recommendation key or workshop topic it addresses; null for a free action.
    .addColumn('source_ref', 'text')
    .addColumn('instrument_key', 'text')
    // A person's name or a role, as the organisation writes it.
    .addColumn('owner', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('due_on', 'text')
    // 'planned' | 'in_progress' | 'done' | 'dropped'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('actions_organisation_idx').on('actions').columns(['organisation_id', 'year']).execute();

  // The members taking part in a federation's shared action.
  await db.schema
    .createTable('action_participants')
    .addColumn('action_id', 'text', (c) => c.notNull().references('actions.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('action_participants_pk', ['action_id', 'organisation_id'])
    .execute();

  // Each change of status, with its short note.
  await db.schema
    .createTable('action_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('action_id', 'text', (c) => c.notNull().references('actions.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_user', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('action_updates_action_idx').on('action_updates').columns(['action_id', 'at']).execute();

  // The room's notes of a workshop topic, saved as the facilitator types.
  await db.schema
    .createTable('workshop_notes')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('topic_key', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decisions', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('workshop_notes_pk', ['organisation_id', 'year', 'topic_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('workshop_notes').ifExists().execute();
  await db.schema.dropTable('action_updates').ifExists().execute();
  await db.schema.dropTable('action_participants').ifExists().execute();
  await db.schema.dropTable('actions').ifExists().execute();
}
