// Backup and restore: a SQLite backup taken while a writer keeps inserting holds every write
// acknowledged before it started, and restores to a database the app opens; a restore checks the
// backup and never overwrites a database unasked. On PostgreSQL, pg_dump/pg_restore (as the
// README says) give a copy the app runs on.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import SQLite from 'better-sqlite3';
import { createSmallWorld, PASSWORD } from '../../test/support/fixtures.ts';
import { createTestDatabase } from '../../test/support/test-databases.ts';
import { TestBrowser } from '../../test/support/test-browser.ts';
import { createAppContext } from '../app/bootstrap.ts';
import { loadConfig } from '../app/config.ts';
import { buildApp } from '../web/app.ts';
import { migrateToLatest, openDatabase } from './database.ts';
import { backupSqlite, BackupError, restoreSqlite } from './sqlite-backup.ts';

const dir = mkdtempSync(join(tmpdir(), 'mogna-backup-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function migratedFile(name: string): Promise<string> {
  const path = join(dir, name);
  const handle = openDatabase(`sqlite:${path}`);
  await migrateToLatest(handle.db, handle.dialect);
  await handle.close();
  return path;
}

describe('SQLite backup and restore', () => {
  test('a backup taken while a writer inserts holds every write acknowledged before it started', async () => {
    const live = await migratedFile('live.sqlite');
    const writer = new SQLite(live);
    writer.pragma('journal_mode = WAL');
    writer.pragma('busy_timeout = 5000');
    const insert = writer.prepare("insert into login_failures (email, failures, last_failure_at) values (?, 1, '2026-01-01T00:00:00Z')");
    // Enough pages that the online backup takes many steps, so the writer runs between them.
    const padding = 'x'.repeat(400);
    writer.transaction(() => {
      for (let i = 0; i < 20_000; i += 1) insert.run(`fill-${i}-${padding}`);
    })();
    const acknowledged: string[] = [];
    let writing = true;
    const loop = (async () => {
      for (let i = 0; writing; i += 1) {
        insert.run(`write-${i}`);
        acknowledged.push(`write-${i}`);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    while (acknowledged.length < 50) await new Promise((resolve) => setImmediate(resolve));
    const beforeBackup = [...acknowledged];
    const out = join(dir, 'backup.sqlite');
    await backupSqlite(live, out);
    const duringBackup = acknowledged.length - beforeBackup.length;
    writing = false;
    await loop;
    writer.close();
    assert.ok(duringBackup > 0, 'the writer kept writing while the backup ran');

    const restored = join(dir, 'restored.sqlite');
    await restoreSqlite(out, restored);
    const db = new SQLite(restored, { readonly: true });
    try {
      const present = new Set((db.prepare("select email from login_failures where email like 'write-%'").all() as Array<{ email: string }>).map((row) => row.email));
      const missing = beforeBackup.filter((email) => !present.has(email));
      assert.deepEqual(missing, [], 'every acknowledged write is in the backup');
      assert.equal((db.prepare("select count(*) as n from login_failures where email like 'fill-%'").get() as { n: number }).n, 20_000);
    } finally {
      db.close();
    }
    // The app opens the restored copy (its migrations find nothing to do).
    const handle = openDatabase(`sqlite:${restored}`);
    try {
      assert.deepEqual((await migrateToLatest(handle.db, handle.dialect)).results, []);
    } finally {
      await handle.close();
    }
  });

  test('a restore refuses a damaged backup, and an existing database without force', async () => {
    const good = join(dir, 'good-backup.sqlite');
    await backupSqlite(await migratedFile('source.sqlite'), good);
    const damaged = join(dir, 'damaged.sqlite');
    writeFileSync(damaged, 'SQLite format 3\0 but not really');
    const target = await migratedFile('target.sqlite');
    await assert.rejects(restoreSqlite(damaged, join(dir, 'fresh.sqlite')), (error: unknown) => error instanceof BackupError && /not a sound backup/.test(error.message));
    assert.equal(existsSync(join(dir, 'fresh.sqlite')), false);
    await assert.rejects(restoreSqlite(good, target), (error: unknown) => error instanceof BackupError && /add --force/.test(error.message));
    await restoreSqlite(good, target, { force: true });
    await assert.rejects(backupSqlite(target, good), (error: unknown) => error instanceof BackupError && /exists already/.test(error.message));
  });

  test('mogna backup and restore from the command line', () => {
    const bin = join(import.meta.dirname, '../../bin/mogna.js');
    const run = (args: string[], databaseUrl: string) => spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' });
    const file = join(dir, 'cli.sqlite');
    assert.equal(run(['migrate'], `sqlite:${file}`).status, 0);
    const backup = run(['backup', '--out', join(dir, 'cli-backup.sqlite')], `sqlite:${file}`);
    assert.equal(backup.status, 0, backup.stderr);
    assert.match(backup.stdout, /integrity checked/);
    const refused = run(['restore', join(dir, 'cli-backup.sqlite')], `sqlite:${file}`);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /--force/);
    assert.equal(run(['restore', '--force', join(dir, 'cli-backup.sqlite')], `sqlite:${file}`).status, 0);
    const postgres = run(['backup', '--out', join(dir, 'pg.dump')], 'postgres://nobody@127.0.0.1:1/none');
    assert.equal(postgres.status, 2);
    assert.match(postgres.stderr, /pg_dump -Fc/);
  });
});

const havePgTools = spawnSync('pg_dump', ['--version']).status === 0 && spawnSync('pg_restore', ['--version']).status === 0;

describe('PostgreSQL backup with pg_dump and pg_restore', { skip: !process.env.TEST_DATABASE_URL || !havePgTools ? 'needs TEST_DATABASE_URL and pg_dump/pg_restore' : false }, () => {
  test('the app runs on a copy restored into a new database', async () => {
    const source = await createTestDatabase('postgres');
    const copy = await createTestDatabase('postgres');
    try {
      const original = await createAppContext(loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: source.url, PUBLIC_URL: 'http://mogna.test' }));
      const world = await createSmallWorld(original.ctx);
      await original.database.close();
      const dump = join(dir, 'mogna.dump');
      execFileSync('pg_dump', ['-Fc', '-f', dump, source.url]);
      execFileSync('pg_restore', ['--clean', '--if-exists', '--no-owner', '-d', copy.url, dump]);
      const restored = await createAppContext(loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: copy.url, PUBLIC_URL: 'http://mogna.test' }));
      const app = await buildApp(restored.ctx);
      try {
        await app.ready();
        const browser = new TestBrowser(app);
        assert.equal((await browser.logIn(world.users.coordinatorA, PASSWORD)).status, 303);
        assert.equal((await browser.get(`/org/${world.orgA}`)).status, 200);
      } finally {
        await app.close();
        await restored.database.close();
      }
    } finally {
      await copy.dispose();
      await source.dispose();
    }
  });
});
