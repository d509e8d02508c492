// The SQL of every results repository query, compiled for SQLite and PostgreSQL and compared with
// __snapshots__/repository.test.sql.json, so a changed query shows in review. What the queries
// do on each database is covered by results-service.test.ts, published-results.test.ts and
// results-pages.test.ts, run per dialect.
import { test } from 'node:test';
import { assertSqlSnapshot, compileForBothDialects } from '../../../test/support/sql-snapshots.ts';
import {
  closedRoundsOf,
  countSubmitted,
  federationMemberIds,
  federationsOf,
  findOrganisation,
  findRound,
  insertPublishedState,
  latestPublishedState,
  latestSeqRows,
  membersOf,
  organisationUnits,
  previousRound,
  publishedResultRows,
  publishedStates,
  referenceValues,
  resultsVersionRows,
  roundInstruments,
  submittedAnswers,
  submittedResponses,
  upsertResultSnapshot,
} from './repository.ts';

const ORG = '00000000-0000-4000-8000-000000000001';
const ROUND = '00000000-0000-4000-8000-0000000000aa';
const OTHER = '00000000-0000-4000-8000-0000000000bb';
const KEY = 'digital-mognad';

test('the SQL of each results repository query, on both dialects', async () => {
  assertSqlSnapshot(import.meta.url, {
    findRound: await compileForBothDialects((db) => findRound(db, ROUND)),
    findOrganisation: await compileForBothDialects((db) => findOrganisation(db, ORG)),
    roundInstruments: await compileForBothDialects((db) => roundInstruments(db, ROUND)),
    submittedResponses: await compileForBothDialects((db) => submittedResponses(db, ROUND, KEY)),
    submittedAnswers: await compileForBothDialects((db) => submittedAnswers(db, ROUND, KEY)),
    countSubmitted: await compileForBothDialects((db) => countSubmitted(db, ROUND, KEY)),
    latestSeqRows: await compileForBothDialects((db) => latestSeqRows(db, [ROUND, OTHER], KEY)),
    publishedResultRows: await compileForBothDialects((db) => publishedResultRows(db, KEY, [{ id: ROUND, seq: 1 }, { id: OTHER, seq: 2 }])),
    latestPublishedState: await compileForBothDialects((db) => latestPublishedState(db, ROUND, KEY)),
    publishedStates: await compileForBothDialects((db) => publishedStates(db, ROUND, KEY)),
    insertPublishedState: await compileForBothDialects((db) =>
      insertPublishedState(db, {
        round_id: ROUND,
        instrument_key: KEY,
        seq: 1,
        instrument_version: '1.0.0',
        published_at: '2026-01-01T00:00:00.000Z',
        respondents_json: '[]',
        groups_json: '[]',
        result_json: '{}',
        breakdown_json: '{}',
      }),
    ),
    organisationUnits: await compileForBothDialects((db) => organisationUnits(db, ORG)),
    upsertResultSnapshot: await compileForBothDialects((db) =>
      upsertResultSnapshot(db, { round_id: ROUND, instrument_key: KEY, instrument_version: '1.0.0', fingerprint: 'published|1', result_json: '{}', computed_at: '2026-01-01T00:00:00.000Z' }),
    ),
    closedRoundsOf: await compileForBothDialects((db) => closedRoundsOf(db, KEY, '1.0.0', 2025)),
    federationMemberIds: await compileForBothDialects((db) => federationMemberIds(db, ORG)),
    federationsOf: await compileForBothDialects((db) => federationsOf(db, ORG)),
    membersOf: await compileForBothDialects((db) => membersOf(db, ORG)),
    referenceValues: await compileForBothDialects((db) => referenceValues(db, KEY, '1.0.0', 2025)),
    previousRound: await compileForBothDialects((db) => previousRound(db, ORG, KEY, 2025)),
    resultsVersionRows: await compileForBothDialects((db) => resultsVersionRows(db, ORG, KEY, 2025)),
  });
});
