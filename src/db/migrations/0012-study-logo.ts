// Issue 13: the study's logo, printed on the cover of every report of the study. One row per
// study organisation and year (like report_settings). The image is kept as base64 text, a
// portable column type on both dialects, with its type and the dimensions read from its bytes.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_study_logos')
    .addColumn('study_organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    // 'png' | 'jpeg', from the file's magic bytes (never from its name)
    .addColumn('image_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('report_study_logos_pk', ['study_organisation_id', 'year'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_study_logos').ifExists().execute();
}
