// Issue 13: the analyst's own texts per member and year, and issued versions frozen.
// - report_settings gets the study's title and subtitle.
// - report_member_texts: one row per member, year and text (summary, an interpretation after each
//   part, recommendations); a missing or empty text means "use the generated draft".
// - report_issue_files: the rendered DOCX and PDF of an issued version, exactly as issued (base64
//   text, a portable column type on both dialects), with their SHA-256; downloads of an issued
//   version serve these bytes, so later changes to the data never change it.
// - report_issue_digests: a digest per part's figures and per text of an issued version, so the
//   version history can say what changed between two versions.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The study's own title and subtitle on the title page (empty: the default title).
  await db.schema.alterTable('report_settings').addColumn('title', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('report_settings').addColumn('subtitle', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema
    .createTable('report_member_texts')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('text_key', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('report_member_texts_pk', ['organisation_id', 'year', 'text_key'])
    .execute();

  await db.schema
    .createTable('report_issue_files')
    .addColumn('issue_id', 'text', (c) => c.notNull().references('report_issues.id').onDelete('cascade'))
    // 'docx' | 'pdf'
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_issue_files_pk', ['issue_id', 'format'])
    .execute();

  await db.schema
    .createTable('report_issue_digests')
    .addColumn('issue_id', 'text', (c) => c.notNull().references('report_issues.id').onDelete('cascade'))
    // 'part' (a part's figures) | 'text' (an analyst's text)
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_issue_digests_pk', ['issue_id', 'scope', 'item_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['report_issue_digests', 'report_issue_files', 'report_member_texts']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.alterTable('report_settings').dropColumn('subtitle').execute();
  await db.schema.alterTable('report_settings').dropColumn('title').execute();
}
