// An acknowledged answer survives the server being killed (kill -9): three times, a writer that
// submits responses on the app's SQLite file is killed mid-stream, and every response it had
// acknowledged (committed) is there, whole, when the file is opened again.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createAppContext } from '../app/bootstrap.ts';
import { loadConfig } from '../app/config.ts';

const WRITER = join(import.meta.dirname, '../../test/support/crash-writer.ts');

async function killMidStream(file: string, acksBeforeKill: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acked: string[] = [];
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`the writer acknowledged only ${acked.length}: ${errors}`)), 120_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) if (line.startsWith('ack ')) acked.push(line.slice(4));
      if (acked.length >= acksBeforeKill) {
        clearTimeout(timer);
        child.kill('SIGKILL');
        resolve();
      }
    });
  });
  await exited;
  return acked;
}

test('every acknowledged response survives kill -9 of the process writing it (3 runs)', { timeout: 300_000 }, async () => {
  for (const run of [1, 2, 3]) {
    const dir = mkdtempSync(join(tmpdir(), 'mogna-crash-'));
    try {
      const file = join(dir, 'mogna.sqlite');
      const acked = await killMidStream(file, 15 + run * 10);
      const { ctx, database } = await createAppContext(loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: `sqlite:${file}` }));
      try {
        const stored = await ctx.db
          .selectFrom('responses')
          .innerJoin('respondents', 'respondents.id', 'responses.respondent_id')
          .select(['respondents.id', 'responses.status', (eb) => eb.selectFrom('answers').whereRef('answers.response_id', '=', 'responses.id').select((e) => e.fn.countAll().as('n')).as('answers')])
          .execute();
        const byId = new Map(stored.map((row) => [row.id, row]));
        const missing = acked.filter((id) => byId.get(id)?.status !== 'submitted');
        assert.deepEqual(missing, [], `run ${run}: acknowledged responses lost`);
        const answerCounts = new Set(acked.map((id) => Number(byId.get(id)!.answers)));
        assert.equal(answerCounts.size, 1, `run ${run}: every acknowledged response has all its answers`);
      } finally {
        await database.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});
