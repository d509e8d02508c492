// The SQL of every workshop repository query, compiled for SQLite and PostgreSQL and compared with
// __snapshots__/repository.test.sql.json. What the queries do on each database is covered by
// workshop-pages.test.ts, run per dialect.
import { test } from 'node:test';
import { assertSqlSnapshot, compileForBothDialects } from '../../../test/support/sql-snapshots.ts';
import { closedRoundOfYear, notesOfYear, organisationName, roundInstruments, saveNotes } from './repository.ts';

const ORG = '00000000-0000-4000-8000-000000000001';

test('workshop repository SQL', async () => {
  assertSqlSnapshot(import.meta.url, {
    closedRoundOfYear: await compileForBothDialects((db) => closedRoundOfYear(db, ORG, 2025)),
    roundInstruments: await compileForBothDialects((db) => roundInstruments(db, ORG)),
    organisationName: await compileForBothDialects((db) => organisationName(db, ORG)),
    notesOfYear: await compileForBothDialects((db) => notesOfYear(db, ORG, 2025)),
    saveNotes: await compileForBothDialects((db) =>
      saveNotes(db, { organisationId: ORG, year: 2025, topicKey: 'matrix', notes: 'n', decisions: 'd', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'u' }),
    ),
  });
});
