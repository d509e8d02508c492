// Migrations build the same schema on both dialects, run twice without harm, and databases
// that share a PostgreSQL server (one schema each) migrate side by side without mixing up.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTestDatabase, testDialects } from '../../test/support/test-databases.ts';
import { migrateToLatest, openDatabase } from './database.ts';
import { migrations } from './migrations/index.ts';

const CORE_TABLES = ['answers', 'federation_members', 'memberships', 'organisations', 'outbox', 'respondent_links', 'respondents', 'responses', 'round_instruments', 'rounds', 'sessions', 'units', 'users'];

for (const dialect of testDialects()) {
  describe(`migrations (${dialect})`, () => {
    test('create every core table, and a second run changes nothing', async () => {
      const database = await createTestDatabase(dialect);
      const handle = openDatabase(database.url);
      try {
        const first = await migrateToLatest(handle.db, handle.dialect);
        assert.deepEqual(first.results?.map((result) => result.migrationName), Object.keys(migrations));
        const second = await migrateToLatest(handle.db, handle.dialect);
        assert.deepEqual(second.results, []);
        const tables = (await handle.db.introspection.getTables()).map((table) => table.name);
        for (const table of CORE_TABLES) assert.ok(tables.includes(table), `table ${table}`);
      } finally {
        await handle.close();
        await database.dispose();
      }
    });

    test('databases migrated at the same time stay separate', async () => {
      const databases = await Promise.all([1, 2, 3, 4].map(() => createTestDatabase(dialect)));
      const handles = databases.map((database) => openDatabase(database.url));
      try {
        const results = await Promise.all(handles.map((handle) => migrateToLatest(handle.db, handle.dialect)));
        for (const result of results) assert.equal(result.results?.length, Object.keys(migrations).length);
      } finally {
        await Promise.all(handles.map((handle) => handle.close()));
        await Promise.all(databases.map((database) => database.dispose()));
      }
    });
  });
}

describe('PostgreSQL connections', { skip: !testDialects().includes('postgres') && 'needs TEST_DATABASE_URL' }, () => {
  test('an idle connection closed by the server does not crash the process, and the next query reconnects', async () => {
    const database = await createTestDatabase('postgres');
    const handle = openDatabase(database.url);
    const warnings: string[] = [];
    const onWarning = (warning: Error & { code?: string }) => {
      if (warning.code === 'MOGNA_PG_IDLE_ERROR') warnings.push(warning.message);
    };
    process.on('warning', onWarning);
    try {
      await migrateToLatest(handle.db, handle.dialect);
      const { sql } = await import('kysely');
      const before = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db);
      const admin = openDatabase(process.env.TEST_DATABASE_URL!);
      await sql`select pg_terminate_backend(${before.rows[0]!.pid})`.execute(admin.db);
      await admin.close();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const after = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
      assert.equal(after.rows[0]!.one, 1);
      assert.equal(warnings.length, 1);
    } finally {
      process.off('warning', onWarning);
      await handle.close();
      await database.dispose();
    }
  });
});
