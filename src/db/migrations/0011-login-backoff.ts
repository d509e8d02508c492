// Per-account login back-off (issue 12). One row per e-mail address that has failed to sign in
// (known account or not, so the table does not tell which addresses exist): how many failures
// in a row, when the last one was, and until when further attempts are refused. Kept in the
// database so a restart does not reset the count.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('login_failures')
    .addColumn('email', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('login_failures').ifExists().execute();
}
