// The SQL of the federation maturity repository, compiled for SQLite and PostgreSQL and compared
// with __snapshots__/repository.test.sql.json. What it returns on each database is covered by
// federation-maturity.test.ts, run per dialect.
import { test } from 'node:test';
import { assertSqlSnapshot, compileForBothDialects } from '../../../test/support/sql-snapshots.ts';
import { closedMemberRounds } from './repository.ts';

test('the SQL of each federation maturity repository query, on both dialects', async () => {
  assertSqlSnapshot(import.meta.url, {
    closedMemberRounds: await compileForBothDialects((db) => closedMemberRounds(db, 'digital-mognad', ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'])),
  });
});
