// The SQL of every personal-data repository query, compiled for SQLite and PostgreSQL and
// compared with __snapshots__/repository.test.sql.json, so a changed query shows in review. What
// the queries do on each database is covered by personal-data.test.ts, run per dialect.
import { test } from 'node:test';
import { assertSqlSnapshot, compileForBothDialects } from '../../../test/support/sql-snapshots.ts';
import {
  auditRowsAbout,
  clearIdentities,
  closedRoundsWithIdentities,
  deleteMailsTo,
  deleteRoundMails,
  eraseAccount,
  findAccountByEmail,
  findAccountIdByEmail,
  mailsTo,
  membershipsOf,
  respondentsByEmail,
  respondentsOfRound,
  respondentsWithAddress,
  responsesOf,
  roundStatus,
} from './repository.ts';

const ROUND = '00000000-0000-4000-8000-000000000001';
const USER = '00000000-0000-4000-8000-000000000002';
const EMAIL = 'anna@alfa.example';

test('the SQL of each personal-data repository query, on both dialects', async () => {
  assertSqlSnapshot(import.meta.url, {
    closedRoundsWithIdentities: await compileForBothDialects((db) => closedRoundsWithIdentities(db)),
    roundStatus: await compileForBothDialects((db) => roundStatus(db, ROUND)),
    clearIdentitiesOfRound: await compileForBothDialects((db) => db.transaction().execute((trx) => clearIdentities(trx, respondentsOfRound(ROUND)))),
    clearIdentitiesWithAddress: await compileForBothDialects((db) => db.transaction().execute((trx) => clearIdentities(trx, respondentsWithAddress(EMAIL)))),
    deleteRoundMails: await compileForBothDialects((db) => deleteRoundMails(db, ROUND)),
    findAccountByEmail: await compileForBothDialects((db) => findAccountByEmail(db, EMAIL)),
    membershipsOf: await compileForBothDialects((db) => membershipsOf(db, USER)),
    respondentsByEmail: await compileForBothDialects((db) => respondentsByEmail(db, EMAIL)),
    responsesOf: await compileForBothDialects((db) => responsesOf(db, [ROUND])),
    mailsTo: await compileForBothDialects((db) => mailsTo(db, EMAIL)),
    auditRowsAbout: await compileForBothDialects((db) => auditRowsAbout(db, [ROUND, USER], USER)),
    deleteMailsTo: await compileForBothDialects((db) => deleteMailsTo(db, EMAIL)),
    findAccountIdByEmail: await compileForBothDialects((db) => findAccountIdByEmail(db, EMAIL)),
    eraseAccount: await compileForBothDialects((db) => eraseAccount(db, USER, '2026-01-01T00:00:00.000Z')),
  });
});
