// Issue 15: a federation's yearly study. The federation sets the study up once (the parts, the
// members, the closing date, the anonymity threshold and the mail texts); creating it makes each
// member's round. A member may decline a part. Rounds learn their closing date, a contact person
// and a schedule of reminders; invitation and reminder texts can be written per round and, as a
// default, per study. The method's checklist is ticked per study and member.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('studies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('federation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    // The last day (YYYY-MM-DD, Europe/Stockholm) on which answers are taken.
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('anonymity_threshold', 'integer', (c) => c.notNull())
    // 'open' | 'closed'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('closed_at', 'text')
    .addUniqueConstraint('studies_federation_year_uq', ['federation_id', 'year'])
    .execute();

  // One row per member and part: 'maturity' | 'security' | 'capability-map' | 'costs'.
  await db.schema
    .createTable('study_members')
    .addColumn('study_id', 'text', (c) => c.notNull().references('studies.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('part', 'text', (c) => c.notNull())
    // The member's round that holds the part's instrument; null for 'costs' (a ledger, not a round).
    .addColumn('round_id', 'text', (c) => c.references('rounds.id').onDelete('set null'))
    .addColumn('declined_at', 'text')
    .addColumn('declined_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('study_members_pk', ['study_id', 'member_id', 'part'])
    .execute();
  await db.schema.createIndex('study_members_member_idx').on('study_members').column('member_id').execute();

  // A step of the method's checklist, ticked for the whole study (member_id '') or for one member.
  await db.schema
    .createTable('study_checklist')
    .addColumn('study_id', 'text', (c) => c.notNull().references('studies.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('step_key', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text', (c) => c.notNull())
    .addColumn('done_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('study_checklist_pk', ['study_id', 'member_id', 'step_key'])
    .execute();

  await db.schema.alterTable('rounds').addColumn('study_id', 'text').execute();
  await db.schema.alterTable('rounds').addColumn('closes_on', 'text').execute();
  await db.schema.alterTable('rounds').addColumn('contact_name', 'text').execute();
  await db.schema.alterTable('rounds').addColumn('contact_email', 'text').execute();
  // Days before closes_on on which a reminder goes by itself, comma-separated ('7,2'); '' for none.
  await db.schema.alterTable('rounds').addColumn('reminder_days', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.createIndex('rounds_study_idx').on('rounds').column('study_id').execute();

  // Each scheduled reminder is sent once: the row is written in the same transaction as the mails.
  await db.schema
    .createTable('round_scheduled_reminders')
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('days_before', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('sent', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('round_scheduled_reminders_pk', ['round_id', 'days_before'])
    .execute();

  // Invitation and reminder texts written by a coordinator (scope 'round') or, as the default of
  // every member's round, by the study's analyst (scope 'study'). Absent → the built-in text.
  await db.schema
    .createTable('mail_texts')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    // 'invitation' | 'reminder'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('mail_texts_pk', ['scope', 'scope_id', 'kind', 'locale'])
    .execute();

  // A bounce or a delivery failure reported after the mail left (a DSN); the outbox row keeps the send itself.
  await db.schema.alterTable('respondents').addColumn('bounced_at', 'text').execute();
  await db.schema.alterTable('respondents').addColumn('bounce_reason', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('respondents').dropColumn('bounce_reason').execute();
  await db.schema.alterTable('respondents').dropColumn('bounced_at').execute();
  await db.schema.dropTable('mail_texts').ifExists().execute();
  await db.schema.dropTable('round_scheduled_reminders').ifExists().execute();
  await db.schema.dropIndex('rounds_study_idx').ifExists().execute();
  for (const column of ['reminder_days', 'contact_email', 'contact_name', 'closes_on', 'study_id']) {
    await db.schema.alterTable('rounds').dropColumn(column).execute();
  }
  await db.schema.dropTable('study_checklist').ifExists().execute();
  await db.schema.dropTable('study_members').ifExists().execute();
  await db.schema.dropTable('studies').ifExists().execute();
}
