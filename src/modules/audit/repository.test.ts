// The SQL of every audit repository query, compiled for SQLite and PostgreSQL and compared with
// __snapshots__/repository.test.sql.json, so a changed query shows in review. What the queries
// do on each database is covered by audit-log.test.ts, run per dialect.
import { test } from 'node:test';
import type { AppContext } from '../../app/app-context.ts';
import { assertSqlSnapshot, compileForBothDialects } from '../../../test/support/sql-snapshots.ts';
import { readAudit, recordAudit, recordLogin } from './repository.ts';

const ORG = '00000000-0000-4000-8000-000000000001';
const USER = '00000000-0000-4000-8000-000000000002';
const context = (db: AppContext['db']) => ({ db, ids: { id: () => ORG, token: () => 'token' }, clock: { now: () => new Date('2026-01-01T00:00:00.000Z') } }) as unknown as AppContext;

test('the SQL of each audit repository query, on both dialects', async () => {
  assertSqlSnapshot(import.meta.url, {
    recordAudit: await compileForBothDialects((db) =>
      recordAudit(context(db), { actor: 'cli', organisationId: ORG, action: 'membership_changed', subject: { type: 'user', id: USER }, detail: { role: 'viewer' } }),
    ),
    recordLogin: await compileForBothDialects((db) => recordLogin(context(db), USER, true, '127.0.0.1')),
    readAuditPlatform: await compileForBothDialects((db) => readAudit(db, null, { page: 2 })),
    readAuditOrganisation: await compileForBothDialects((db) => readAudit(db, ORG, { since: '2026-01-01', until: '2026-01-31', page: 1, pageSize: 10 })),
  });
});
