// The platform commands as a user runs them: child processes on a scratch SQLite file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/mogna.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mogna-cli-'));
const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'cli.sqlite')}`, LOG_LEVEL: 'silent' };

function mogna(args: string[], extraEnv: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { env: { ...env, ...extraEnv }, encoding: 'utf8', input, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('mogna platform commands', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('migrate brings an empty database up to date', () => {
    const result = mogna(['migrate']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /up to date \(sqlite\)/);
  });

  test('demo seeds once; org list --json prints the organisations', () => {
    const first = mogna(['demo']);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /Seeded Demoförbundet: 15 organisations/);
    const second = mogna(['demo']);
    assert.match(second.stdout, /was not seeded again/);
    const list = mogna(['org', 'list', '--json']);
    assert.equal(list.code, 0, list.stderr);
    const organisations = JSON.parse(list.stdout) as Array<{ id: string; name: string; kind: string; members: string[] }>;
    assert.equal(organisations.length, 15);
    for (const organisation of organisations) {
      assert.equal(typeof organisation.id, 'string');
      assert.equal(typeof organisation.name, 'string');
      assert.ok(['kommun', 'kommunalforbund'].includes(organisation.kind));
    }
    assert.equal(organisations.find((organisation) => organisation.kind === 'kommunalforbund')?.members.length, 14);
  });

  test('results refresh stores the results of every closed demo round, and says what is wrong with a bad year', () => {
    const storedResults = () => {
      const database = new Database(join(dir, 'cli.sqlite'), { readonly: true });
      try {
        return (database.prepare("select count(*) as n from result_snapshots where instrument_key = 'digital-mognad'").get() as { n: number }).n;
      } finally {
        database.close();
      }
    };
    assert.equal(storedResults(), 0, 'the seeder stores no results');
    const all = mogna(['results', 'refresh']);
    assert.equal(all.code, 0, all.stderr);
    // 14 members with closed rounds in the two previous years.
    assert.match(all.stdout, /Results are up to date for 28 closed rounds/);
    assert.equal(storedResults(), 28, 'one stored result per closed round');
    const bad = mogna(['results', 'refresh', '--year', 'förra']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--year must be a year such as 2025, not "förra"/);
  });

  test('user create takes the password from the environment or standard input and refuses duplicates', () => {
    const created = mogna(['user', 'create', '--operator', '--email', 'ny@mogna.example', '--name', 'Ny Operatör'], { MOGNA_PASSWORD: 'a-long-enough-password' });
    assert.equal(created.code, 0, created.stderr);
    const again = mogna(['user', 'create', '--email', 'ny@mogna.example', '--name', 'Igen'], {}, 'another-long-password\n');
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists/);
    const short = mogna(['user', 'create', '--email', 'kort@mogna.example', '--name', 'Kort'], { MOGNA_PASSWORD: 'short' });
    assert.equal(short.code, 2);
    assert.match(short.stderr, /at least 12 characters/);
  });

  test('bad arguments print usage and exit with code 2', () => {
    const unknown = mogna(['org', 'lst']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Usage: mogna org/);
    const missing = mogna(['user', 'create']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /required option/);
    assert.equal(mogna([]).code, 2);
    assert.equal(mogna(['--help']).code, 0);
    const badConfig = mogna(['migrate'], { PORT: 'not-a-port' });
    assert.equal(badConfig.code, 2);
    assert.match(badConfig.stderr, /PORT/);
  });
});

describe('mogna serve', () => {
  test('never seeds, and on an empty database explains how to create the first account', async () => {
    const { spawn } = await import('node:child_process');
    const { createServer } = await import('node:net');
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const chosen = (probe.address() as { port: number }).port;
        probe.close(() => resolve(chosen));
      });
    });
    const scratch = mkdtempSync(join(tmpdir(), 'mogna-serve-'));
    const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], {
      env: { ...env, DATABASE_URL: `sqlite:${join(scratch, 'serve.sqlite')}` },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const deadline = Date.now() + 60_000;
      while (!output.includes('user create') && Date.now() < deadline && child.exitCode === null) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.match(output, /Mogna is serving at/);
      assert.match(output, /No accounts exist yet/);
      assert.match(output, /user create --operator/);
      const login = await fetch(`http://127.0.0.1:${port}/login`);
      assert.equal(login.status, 200);
      const list = mogna(['org', 'list', '--json'], { DATABASE_URL: `sqlite:${join(scratch, 'serve.sqlite')}` });
      assert.deepEqual(JSON.parse(list.stdout), []);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
