// Published results (issue 12, "Respondent privacy"). Results leave the server only as a
// published state of a closed round: the figures as they stood when the round closed, with the
// groups (member ids) that were shown, so a later closing of the same round can be audited
// together with everything published before it. A round closed, reopened and closed again gets
// a new state only when no combination of old and new figures isolates fewer respondents than
// the round's threshold; otherwise the previous state stays published.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('published_results')
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('instrument_key', 'text', (c) => c.notNull())
    // 1, 2, … per round and instrument; the highest is the one shown.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('instrument_version', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    // Ids of the respondents whose submitted answers the state counts (sorted JSON array).
    .addColumn('respondents_json', 'text', (c) => c.notNull())
    // Every published group as an array of respondent ids, the whole organisation first.
    .addColumn('groups_json', 'text', (c) => c.notNull())
    // The unrounded organisation result and breakdown; presenters round them once.
    .addColumn('result_json', 'text', (c) => c.notNull())
    .addColumn('breakdown_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('published_results_pk', ['round_id', 'instrument_key', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('published_results').ifExists().execute();
}
