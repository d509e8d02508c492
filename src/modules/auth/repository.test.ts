// The SQL of every auth repository query, compiled for SQLite and PostgreSQL and compared with
// __snapshots__/repository.test.sql.json, so a changed query shows in review. What the queries
// do on each database is covered by login.test.ts, login-hardening.test.ts and the operator's
// page tests, run per dialect.
import { test } from 'node:test';
import type { AppContext } from '../../app/app-context.ts';
import { assertSqlSnapshot, compileForBothDialects } from '../../../test/support/sql-snapshots.ts';
import {
  countUsers,
  createUser,
  deleteLoginFailures,
  deleteSession,
  deleteSessionsExpiredBy,
  findLoginFailure,
  findLoginUser,
  findPasswordOf,
  findSession,
  findUserIdByEmail,
  insertSession,
  replacePassword,
  saveLoginFailure,
  setMembership,
} from './repository.ts';

const USER = '00000000-0000-4000-8000-000000000001';
const ORG = '00000000-0000-4000-8000-000000000002';
const NOW = '2026-01-01T00:00:00.000Z';
const context = (db: AppContext['db']) => ({ db, ids: { id: () => USER, token: () => 'token' }, clock: { now: () => new Date(NOW) } }) as unknown as AppContext;

test('the SQL of each auth repository query, on both dialects', async () => {
  assertSqlSnapshot(import.meta.url, {
    createUser: await compileForBothDialects((db) =>
      createUser(context(db), { email: ' Ny@Example.se ', name: 'Ny', password: 'ett långt lösenord', memberships: [{ organisationId: ORG, role: 'viewer' }] }, 'cli'),
    ),
    setMembership: await compileForBothDialects((db) => setMembership(context(db), USER, ORG, 'analyst', 'cli')),
    setMembershipNone: await compileForBothDialects((db) => setMembership(context(db), USER, ORG, null, 'cli')),
    findUserIdByEmail: await compileForBothDialects((db) => findUserIdByEmail(db, 'ny@example.se')),
    countUsers: await compileForBothDialects((db) => countUsers(db)),
    findLoginUser: await compileForBothDialects((db) => findLoginUser(db, 'ny@example.se')),
    findPasswordOf: await compileForBothDialects((db) => findPasswordOf(db, USER)),
    replacePassword: await compileForBothDialects((db) => replacePassword(db, USER, 'hash', 'kept')),
    replacePasswordAll: await compileForBothDialects((db) => replacePassword(db, USER, 'hash', undefined)),
    insertSession: await compileForBothDialects((db) => insertSession(db, { id: 'hash', userId: USER, createdAt: NOW, expiresAt: NOW })),
    findSession: await compileForBothDialects((db) => findSession(db, 'hash')),
    deleteSession: await compileForBothDialects((db) => deleteSession(db, 'hash')),
    deleteSessionsExpiredBy: await compileForBothDialects((db) => deleteSessionsExpiredBy(db, NOW)),
    findLoginFailure: await compileForBothDialects((db) => findLoginFailure(db, 'ny@example.se')),
    saveLoginFailure: await compileForBothDialects((db) => saveLoginFailure(db, 'ny@example.se', { failures: 6, last_failure_at: NOW, locked_until: NOW })),
    deleteLoginFailures: await compileForBothDialects((db) => deleteLoginFailures(db, 'ny@example.se')),
  });
});
