// Migration 0006 moves an existing open link's token to its hash: the link keeps working, the
// token itself is no longer in the database, and the round gets the default cap.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { Migrator, sql } from 'kysely';
import { createTestDatabase, testDialects } from '../../test/support/test-databases.ts';
import { migrateToLatest, openDatabase } from './database.ts';
import { migrations } from './migrations/index.ts';

for (const dialect of testDialects()) {
  describe(`migration 0006-private-links (${dialect})`, () => {
    test('an open link made before it is kept only as its hash, with the default cap; the outbox loses its personal links', async () => {
      const database = await createTestDatabase(dialect);
      const handle = openDatabase(database.url);
      try {
        const migrationTableSchema =
          handle.dialect === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db)).rows[0]?.schema : undefined;
        const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations }, migrationTableSchema });
        const before = await migrator.migrateTo('0005-reports');
        assert.equal(before.error, undefined);
        const token = 'Abcdefghijklmnopqrstuvwxyz0123456789_-ABCDE';
        await sql`insert into organisations (id, name, kind, created_at) values ('org-1', 'Alfa kommun', 'kommun', '2026-01-01T00:00:00.000Z')`.execute(handle.db);
        await sql`insert into rounds (id, organisation_id, year, name, status, open_link_token, created_at) values ('round-1', 'org-1', 2026, 'Öppen', 'open', ${token}, '2026-01-01T00:00:00.000Z')`.execute(handle.db);
        await sql`insert into rounds (id, organisation_id, year, name, status, open_link_token, created_at) values ('round-2', 'org-1', 2026, 'Utan länk', 'open', null, '2026-01-01T00:00:00.000Z')`.execute(handle.db);

        const body = `Hej!\n\nSvara här: http://mogna.test/s/${token}\n\nIn English: http://mogna.test/s/${token}?lang=en\n`;
        await sql`insert into outbox (id, organisation_id, round_id, respondent_id, kind, recipient, subject, body, created_at, delivery) values ('mail-1', 'org-1', 'round-1', null, 'invitation', 'anna@alfa.example', 'Enkät', ${body}, '2026-01-01T00:00:00.000Z', 'outbox')`.execute(handle.db);

        await migrateToLatest(handle.db, handle.dialect);
        const mail = await handle.db.selectFrom('outbox').select('body').executeTakeFirstOrThrow();
        assert.equal(mail.body, 'Hej!\n\nSvara här: [personlig länk – skickad via e-post]\n\nIn English: [personlig länk – skickad via e-post]\n');
        const rounds = await handle.db.selectFrom('rounds').select(['id', 'open_link_token', 'open_link_hash', 'open_link_cap']).orderBy('id').execute();
        assert.deepEqual(rounds, [
          { id: 'round-1', open_link_token: null, open_link_hash: createHash('sha256').update(token).digest('hex'), open_link_cap: 100 },
          { id: 'round-2', open_link_token: null, open_link_hash: null, open_link_cap: null },
        ]);
      } finally {
        await handle.close();
        await database.dispose();
      }
    });
  });
}
