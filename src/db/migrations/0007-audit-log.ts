// The audit log and account deactivation (issue 12). The log is append-only: the code has no
// update or delete path, and a trigger on each dialect refuses UPDATE and DELETE, so even a
// mistaken query cannot rewrite history. Entries hold ids, an action name and a small JSON
// detail; never answers, tokens, links or e-mail addresses. An IP address is kept only for
// login events. A user erased under GDPR keeps a row (ids in the log still point somewhere)
// with its personal fields blanked and `deactivated_at` set.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    // 'user', 'system' (the sweep) or 'cli' (a command run on the server).
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    // No foreign key: the log outlives accounts and organisations, and must never be changed by a cascade.
    .addColumn('actor_user_id', 'text')
    .addColumn('organisation_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('audit_log_organisation_idx').on('audit_log').columns(['organisation_id', 'at']).execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_subject_idx').on('audit_log').column('subject_id').execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').column('actor_user_id').execute();

  await db.schema.alterTable('users').addColumn('deactivated_at', 'text').execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function audit_log_refuse_change() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end; $$`.execute(db);
    await sql`create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function audit_log_refuse_change()`.execute(db);
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').ifExists().execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`drop function if exists audit_log_refuse_change()`.execute(db);
  await db.schema.alterTable('users').dropColumn('deactivated_at').execute();
}
