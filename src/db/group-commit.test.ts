// Durable write units (ctx.writes): on SQLite, units that arrive together share one transaction
// and one commit, each in its own savepoint; a failing unit takes back only its own writes and
// rejects only its own promise; nothing is acknowledged before the COMMIT and, on a file, before
// the WAL is synced. On PostgreSQL each unit is a transaction of its own, behind the same interface.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import SQLite from 'better-sqlite3';
import { sql, type Transaction } from 'kysely';
import { createTestContext, type TestContext } from '../../test/support/test-context.ts';
import { testDialects } from '../../test/support/test-databases.ts';
import { createAppContext } from '../app/bootstrap.ts';
import { loadConfig } from '../app/config.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './database.ts';
import { createWrites, MAX_BATCH } from './group-commit.ts';
import type { Database } from './schema.ts';

const insertOrganisation = (trx: Transaction<Database>, id: string) =>
  trx.insertInto('organisations').values({ id, name: id, kind: 'kommun', org_number: null, size: null, created_at: '2026-01-01T00:00:00Z' }).execute();

async function organisationIds(t: TestContext, prefix: string): Promise<string[]> {
  const rows = await t.ctx.db.selectFrom('organisations').select('id').where('id', 'like', `${prefix}%`).orderBy('id').execute();
  return rows.map((row) => row.id);
}

for (const dialect of testDialects()) {
  describe(`write units (${dialect})`, () => {
    let t: TestContext;
    before(async () => {
      t = await createTestContext(dialect);
    });
    after(async () => t.close());

    test('units handed over together each commit and return their value; on SQLite they share one transaction', async () => {
      const units = ['a', 'b', 'c'].map((name) =>
        t.ctx.writes.run(async (trx) => {
          await insertOrganisation(trx, `together-${name}`);
          return { name, trx };
        }),
      );
      const results = await Promise.all(units);
      assert.deepEqual(
        results.map((result) => result.name),
        ['a', 'b', 'c'],
      );
      assert.deepEqual(await organisationIds(t, 'together-'), ['together-a', 'together-b', 'together-c']);
      const transactions = new Set(results.map((result) => result.trx));
      assert.equal(transactions.size, dialect === 'sqlite' ? 1 : 3);
    });

    test('a failing unit takes back only its own writes and rejects only its own promise', async () => {
      const first = t.ctx.writes.run(async (trx) => insertOrganisation(trx, 'partial-a'));
      const failing = t.ctx.writes.run(async (trx) => {
        await insertOrganisation(trx, 'partial-b');
        throw new Error('the use case refuses');
      });
      // A database error (a duplicate key) is no different.
      const duplicate = t.ctx.writes.run(async (trx) => {
        await insertOrganisation(trx, 'partial-c');
        await insertOrganisation(trx, 'partial-a');
      });
      const last = t.ctx.writes.run(async (trx) => {
        await insertOrganisation(trx, 'partial-d');
        return 'd';
      });
      const settled = await Promise.allSettled([first, failing, duplicate, last]);
      assert.deepEqual(
        settled.map((outcome) => outcome.status),
        ['fulfilled', 'rejected', 'rejected', 'fulfilled'],
      );
      assert.equal((settled[1] as PromiseRejectedResult).reason.message, 'the use case refuses');
      assert.equal((settled[3] as PromiseFulfilledResult<string>).value, 'd');
      assert.deepEqual(await organisationIds(t, 'partial-'), ['partial-a', 'partial-d']);
    });

    test('reads on the database meanwhile wait their turn and see committed units', async () => {
      const write = t.ctx.writes.run(async (trx) => insertOrganisation(trx, 'meanwhile-a'));
      const read = organisationIds(t, 'meanwhile-');
      await write;
      const seen = await read;
      assert.ok(seen.length === 0 || seen[0] === 'meanwhile-a');
      assert.deepEqual(await organisationIds(t, 'meanwhile-'), ['meanwhile-a']);
    });

    test(`more units than a batch holds (${MAX_BATCH}) all commit`, async () => {
      const count = MAX_BATCH + 10;
      const results = await Promise.all(
        Array.from({ length: count }, (_, i) =>
          t.ctx.writes.run(async (trx) => {
            await insertOrganisation(trx, `many-${String(i).padStart(3, '0')}`);
            return trx;
          }),
        ),
      );
      assert.equal((await organisationIds(t, 'many-')).length, count);
      assert.equal(new Set(results).size, dialect === 'sqlite' ? 2 : count);
    });
  });
}

describe('write units on a SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mogna-group-commit-'));
  const file = join(dir, 'writes.sqlite');
  let app: Awaited<ReturnType<typeof createAppContext>>;
  let other: SQLite.Database;
  before(async () => {
    app = await createAppContext(loadConfig({ LOG_LEVEL: 'silent', REPORT_WORKERS: '0', DATABASE_URL: `sqlite:${file}` }));
    other = new SQLite(file, { readonly: true });
  });
  after(async () => {
    other.close();
    await app.database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const committed = (id: string) => other.prepare('select count(*) as n from organisations where id = ?').get(id) as { n: number };

  test('no unit is acknowledged before the COMMIT, and every unit is committed when it is', async () => {
    const { writes } = app.ctx;
    let firstAcknowledged = false;
    const checks: string[] = [];
    const first = writes.run(async (trx) => insertOrganisation(trx, 'ack-a')).then(() => {
      firstAcknowledged = true;
      // Another connection sees the row: it is committed (in WAL, on disk).
      assert.equal(committed('ack-a').n, 1);
      assert.equal(committed('ack-b').n, 1);
    });
    const second = writes.run(async (trx) => {
      await insertOrganisation(trx, 'ack-b');
      checks.push(`first acknowledged: ${firstAcknowledged}`, `first committed: ${committed('ack-a').n}`);
    });
    await Promise.all([first, second]);
    assert.deepEqual(checks, ['first acknowledged: false', 'first committed: 0']);
  });

  test('a failing COMMIT rejects every unit of the batch and keeps none of their writes', async () => {
    const { writes } = app.ctx;
    const good = writes.run(async (trx) => insertOrganisation(trx, 'commit-good'));
    // Foreign keys checked only at COMMIT: the orphan unit passes its own statement, and the
    // commit of the whole batch fails.
    const orphan = writes.run(async (trx) => {
      await sql`pragma defer_foreign_keys = on`.execute(trx);
      await trx.insertInto('units').values({ id: 'commit-orphan', organisation_id: 'no-such-organisation', parent_id: null, name: 'Orphan' }).execute();
    });
    const settled = await Promise.allSettled([good, orphan]);
    assert.deepEqual(
      settled.map((outcome) => outcome.status),
      ['rejected', 'rejected'],
    );
    assert.match(String((settled[0] as PromiseRejectedResult).reason), /FOREIGN KEY/);
    assert.equal(committed('commit-good').n, 0);
    assert.equal((other.prepare("select count(*) as n from units where id = 'commit-orphan'").get() as { n: number }).n, 0);
    // The connection is usable again.
    await writes.run(async (trx) => insertOrganisation(trx, 'commit-after'));
    assert.equal(committed('commit-after').n, 1);
  });

  test('closing the app first commits the units already handed over', async () => {
    const pending = app.ctx.writes.run(async (trx) => insertOrganisation(trx, 'close-a'));
    await app.database.close();
    await pending;
    assert.equal(committed('close-a').n, 1);
    app = await createAppContext(loadConfig({ LOG_LEVEL: 'silent', REPORT_WORKERS: '0', DATABASE_URL: `sqlite:${file}` }));
  });
});

describe('the WAL sync that acknowledges a SQLite batch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mogna-wal-sync-'));
  const file = join(dir, 'writes.sqlite');
  let database: DatabaseHandle;
  let other: SQLite.Database;
  before(async () => {
    database = openDatabase(`sqlite:${file}`);
    await migrateToLatest(database.db, database.dialect);
    other = new SQLite(file, { readonly: true });
  });
  after(async () => {
    other.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const committed = (id: string) => (other.prepare('select count(*) as n from organisations where id = ?').get(id) as { n: number }).n;

  test('a committed unit is acknowledged only after its WAL file is synced, and the connection is back at synchronous=FULL', async () => {
    const syncs: string[] = [];
    let releaseSync!: () => void;
    const held = new Promise<void>((done) => (releaseSync = done));
    const writes = createWrites(database.db, 'sqlite', {
      sqliteFile: file,
      syncFile: async (path) => {
        syncs.push(path);
        await held;
      },
    });
    let acknowledged = false;
    const unit = writes.run(async (trx) => insertOrganisation(trx, 'wal-a')).then(() => (acknowledged = true));
    while (syncs.length === 0) await new Promise((done) => setImmediate(done));
    assert.deepEqual(syncs, [`${file}-wal`]);
    assert.equal(committed('wal-a'), 1, 'committed');
    assert.equal(acknowledged, false, 'not acknowledged while the sync runs');
    const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(database.db);
    assert.equal(rows[0]!.synchronous, 2, 'FULL for every other transaction');
    releaseSync();
    await unit;
    assert.equal(acknowledged, true);
  });

  test('a failed WAL sync rejects the units of its batch', async () => {
    const writes = createWrites(database.db, 'sqlite', {
      sqliteFile: file,
      syncFile: async () => {
        throw new Error('EIO: the disk went away');
      },
    });
    await assert.rejects(
      writes.run(async (trx) => insertOrganisation(trx, 'wal-b')),
      /EIO/,
    );
  });

  test('with the real fdatasync, units are acknowledged and drain waits for their syncs', async () => {
    const writes = createWrites(database.db, 'sqlite', { sqliteFile: file });
    const units = ['wal-c', 'wal-d', 'wal-e'].map((id) => writes.run(async (trx) => insertOrganisation(trx, id)));
    await writes.drain();
    const settled = await Promise.race([Promise.all(units).then(() => 'all acknowledged'), new Promise((done) => setImmediate(() => done('still pending')))]);
    assert.equal(settled, 'all acknowledged');
    assert.equal(committed('wal-e'), 1);
  });
});
