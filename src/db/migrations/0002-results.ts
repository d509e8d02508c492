// Results of the maturity survey (issue 3): reference values imported by the operator,
// stored per-round scores for benchmarks, and the small-sample warning limit per round.
// Portable types only: reference values are integer thousandths, instants ISO text.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reference_values')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instrument_key', 'text', (c) => c.notNull())
    .addColumn('instrument_version', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    /** A capability, category or dimension key, or "maturity-percent". */
    .addColumn('measure', 'text', (c) => c.notNull())
    /** The value × 1000 (3.456 → 3456; 47.2 % → 47200). */
    .addColumn('value_milli', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text')
    .execute();
  await db.schema
    .createIndex('reference_values_lookup')
    .on('reference_values')
    .columns(['instrument_key', 'instrument_version', 'year'])
    .execute();

  // An organisation's scores for one round and instrument, kept so that benchmarks over many
  // organisations need not re-read every answer. `fingerprint` (submitted responses and the
  // latest submission) tells when a stored result is out of date.
  await db.schema
    .createTable('result_snapshots')
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('instrument_key', 'text', (c) => c.notNull())
    .addColumn('instrument_version', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('result_snapshots_pk', ['round_id', 'instrument_key'])
    .execute();

  await db.schema
    .alterTable('rounds')
    .addColumn('small_sample_threshold', 'integer', (c) => c.notNull().defaultTo(5))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('rounds').dropColumn('small_sample_threshold').execute();
  await db.schema.dropTable('result_snapshots').execute();
  await db.schema.dropTable('reference_values').execute();
}
