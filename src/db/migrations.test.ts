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
