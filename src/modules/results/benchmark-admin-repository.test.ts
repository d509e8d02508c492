// The SQL of the benchmark administration's queries, compiled for SQLite and PostgreSQL and
// compared with __snapshots__/benchmark-admin-repository.test.sql.json. What they do on each
// database is covered by benchmark-admin.test.ts, run per dialect.
import { test } from 'node:test';
import { assertSqlSnapshot, compileForBothDialects } from '../../../test/support/sql-snapshots.ts';
import { deleteReferenceSource, insertReferenceValues, participationRows, referenceSourceRows, setBenchmarkOptOut } from './benchmark-admin-repository.ts';

const ORG = '00000000-0000-4000-8000-000000000001';
const REF = { instrumentKey: 'digital-mognad', version: '1.0.0', year: 2025, source: 'Nationell rapport' };

test('the SQL of each benchmark administration query, on both dialects', async () => {
  assertSqlSnapshot(import.meta.url, {
    referenceSourceRows: await compileForBothDialects((db) => referenceSourceRows(db)),
    deleteReferenceSource: await compileForBothDialects((db) => deleteReferenceSource(db, REF)),
    insertReferenceValues: await compileForBothDialects((db) =>
      insertReferenceValues(db, [
        { id: 'a', instrument_key: REF.instrumentKey, instrument_version: REF.version, year: REF.year, measure: 'maturity-percent', value_milli: 47000, source: REF.source, organisations: 12, imported_at: '2026-01-01T00:00:00.000Z', imported_by: null },
      ]),
    ),
    participationRows: await compileForBothDialects((db) => participationRows(db)),
    setBenchmarkOptOut: await compileForBothDialects((db) => setBenchmarkOptOut(db, ORG, true)),
  });
});
