// Two processes that start on one new SQLite file at the same moment (two servers, or a server
// and `mogna migrate`) both migrate it: they must take turns, and both must succeed.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import { migrations } from './migrations/index.ts';

const BIN = join(import.meta.dirname, '../../bin/mogna.js');

function migrate(file: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'migrate'], { env: { ...process.env, DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

test('two processes migrating one new SQLite file at once both succeed, five times over', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mogna-migrate-lock-'));
  try {
    for (let run = 1; run <= 5; run += 1) {
      const file = join(dir, `run-${run}.sqlite`);
      const results = await Promise.all([migrate(file), migrate(file)]);
      for (const result of results) assert.equal(result.code, 0, `run ${run}: ${result.output}`);
      const db = new SQLite(file, { readonly: true });
      try {
        const applied = db.prepare('select name from kysely_migration order by name').all() as Array<{ name: string }>;
        assert.deepEqual(applied.map((row) => row.name), Object.keys(migrations).sort(), `run ${run}: every migration once`);
      } finally {
        db.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
