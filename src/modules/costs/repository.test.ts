// The SQL of every cost repository query, compiled for SQLite and PostgreSQL and compared with
// __snapshots__/repository.test.sql.json, so a changed query shows in review. What the queries
// do on each database is covered by service.test.ts and cost-pages.test.ts, run per dialect.
import { test } from 'node:test';
import type { LedgerAggregate } from '../../domain/costs/ledger-aggregate.ts';
import { assertSqlSnapshot, compileForBothDialects } from '../../../test/support/sql-snapshots.ts';
import {
  centralItCentres,
  deleteLedgerById,
  deleteRules,
  federationMembers,
  findColumnMapping,
  findLedger,
  ledgerCentreIds,
  ledgerYears,
  loadAggregate,
  loadTowers,
  ownRules,
  replaceLedger,
  replaceRules,
  replaceTowers,
  saveColumnMapping,
  setCentralItCentres,
  setTotalCost,
  type StoredLedger,
} from './repository.ts';

const ORG = '00000000-0000-4000-8000-000000000001';
const LEDGER = '00000000-0000-4000-8000-0000000000aa';

const aggregate: LedgerAggregate = {
  format: 'sie',
  year: 2025,
  fiscalYear: null,
  sieType: 4,
  encoding: 'cp437',
  accounts: { '5410': 'Förbrukningsinventarier' },
  costCentres: [{ id: '100', name: 'IT-enheten' }],
  rows: [{ account: '5410', costCentre: '100', amountOre: 123_400 }],
  rowCount: 1,
  fileHash: 'abc',
  byteCount: 100,
  warnings: [],
};

const stored: StoredLedger = {
  id: LEDGER,
  organisationId: ORG,
  year: 2025,
  fileName: 'hb.se',
  fileHash: 'abc',
  format: 'sie',
  sieType: 4,
  encoding: 'cp437',
  fileYear: 2025,
  rowCount: 1,
  byteCount: 100,
  warnings: [],
  totalCostOre: null,
  importedAt: '2026-01-01T00:00:00.000Z',
};

test('the SQL of each cost repository query, on both dialects', async () => {
  assertSqlSnapshot(import.meta.url, {
    federationMembers: await compileForBothDialects((db) => federationMembers(db, ORG)),
    findLedger: await compileForBothDialects((db) => findLedger(db, ORG, 2025)),
    ledgerYears: await compileForBothDialects((db) => ledgerYears(db, ORG)),
    loadAggregate: await compileForBothDialects((db) => loadAggregate(db, stored)),
    ledgerCentreIds: await compileForBothDialects((db) => ledgerCentreIds(db, LEDGER)),
    centralItCentres: await compileForBothDialects((db) => centralItCentres(db, LEDGER)),
    replaceLedger: await compileForBothDialects((db) =>
      db.transaction().execute((trx) => replaceLedger(trx, { id: LEDGER, organisationId: ORG, year: 2025, fileName: 'hb.se', aggregate, importedAt: stored.importedAt, importedBy: null })),
    ),
    deleteLedgerById: await compileForBothDialects((db) => db.transaction().execute((trx) => deleteLedgerById(trx, LEDGER))),
    setCentralItCentres: await compileForBothDialects((db) => db.transaction().execute((trx) => setCentralItCentres(trx, LEDGER, ['100', '200']))),
    setCentralItCentresNone: await compileForBothDialects((db) => db.transaction().execute((trx) => setCentralItCentres(trx, LEDGER, []))),
    setTotalCost: await compileForBothDialects((db) => setTotalCost(db, LEDGER, 1_000_000)),
    ownRules: await compileForBothDialects((db) => ownRules(db, ORG)),
    replaceRules: await compileForBothDialects((db) =>
      db.transaction().execute((trx) => replaceRules(trx, ORG, [{ from: '5410', to: '5419', pool: 'hardware', nameContains: null, comment: 'own' }])),
    ),
    deleteRules: await compileForBothDialects((db) => deleteRules(db, ORG)),
    findColumnMapping: await compileForBothDialects((db) => findColumnMapping(db, ORG)),
    saveColumnMapping: await compileForBothDialects((db) =>
      saveColumnMapping(db, ORG, { account: 'Konto', accountName: null, costCentre: 'Ansvar', amount: 'Belopp', date: null }, stored.importedAt),
    ),
    loadTowers: await compileForBothDialects((db) => loadTowers(db, [ORG, LEDGER], 2025)),
    replaceTowers: await compileForBothDialects((db) =>
      db.transaction().execute((trx) => replaceTowers(trx, ORG, 2025, { infrastructure: { fte: 2.5, costOre: null }, steer_and_support: { fte: null, costOre: 100_000 } })),
    ),
  });
});
