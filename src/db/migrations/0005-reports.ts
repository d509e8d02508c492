// Reports (issue 6). Two small tables: the texts an analyst writes once per study (a federation,
// or an organisation outside any federation, and a year) and the history of issued report
// versions. A version is a record of who issued which report when and why, with its KLASSA
// classification; the document itself is rebuilt from the data on every download, so no file is
// stored. The goal picture is kept as text with one bullet per line.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_settings')
    .addColumn('study_organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('background', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('goal', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('goal_picture', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('report_settings_pk', ['study_organisation_id', 'year'])
    .execute();

  await db.schema
    .createTable('report_issues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    // 'member' or 'federation'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    // The issuer's name as it stood then: the history must not change when an account does.
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('classification', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('report_issues_version_uq', ['subject_organisation_id', 'year', 'kind', 'version_number'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['report_issues', 'report_settings']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
