// The queries of the operator's benchmark administration: reference values by source, and each
// organisation's part in national comparisons. No actor and no access check: only
// benchmark-admin-service.ts (which asks src/access/results-policy.ts first) calls these.
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, ReferenceValuesTable } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface ReferenceSourceRef {
  instrumentKey: string;
  version: string;
  year: number;
  source: string;
}

/** Reference sources with how many values each holds, newest year first. */
export function referenceSourceRows(db: Db) {
  return db
    .selectFrom('reference_values')
    .select((eb) => ['instrument_key', 'instrument_version', 'year', 'source', eb.fn.countAll<number>().as('values')])
    .groupBy(['instrument_key', 'instrument_version', 'year', 'source'])
    .orderBy('year', 'desc')
    .orderBy('source')
    .execute();
}

export async function deleteReferenceSource(db: Db, ref: ReferenceSourceRef): Promise<void> {
  await db
    .deleteFrom('reference_values')
    .where('instrument_key', '=', ref.instrumentKey)
    .where('instrument_version', '=', ref.version)
    .where('year', '=', ref.year)
    .where('source', '=', ref.source)
    .execute();
}

export async function insertReferenceValues(db: Db, rows: Array<Insertable<ReferenceValuesTable>>): Promise<void> {
  await db.insertInto('reference_values').values(rows).execute();
}

/** Organisations that can take part in national comparisons (not federations), by name. */
export function participationRows(db: Db) {
  return db.selectFrom('organisations').select(['id', 'name', 'kind', 'benchmark_opt_out']).where('kind', '!=', 'kommunalforbund').orderBy('name').execute();
}

export async function setBenchmarkOptOut(db: Db, organisationId: string, optOut: boolean): Promise<void> {
  await db.updateTable('organisations').set({ benchmark_opt_out: optOut ? 1 : 0 }).where('id', '=', organisationId).execute();
}
