// Batch ZIPs do not pile up in the temporary directory: finished ones go after a job's lifetime,
// partial ones (a batch cut off by SIGTERM or a crash) once nobody writes to them.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { localTempFiles, memoryJobStores } from '../../app/ports.ts';
import { BATCH_JOB_LIFETIME_MS, PARTIAL_IDLE_MS, sweepBatchFiles } from './batch-job-service.ts';

const dir = mkdtempSync(join(tmpdir(), 'mogna-batch-sweep-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const id = (n: number) => n.toString(16).padStart(32, '0');

function file(name: string, ageMs: number, now: number): void {
  const path = join(dir, name);
  writeFileSync(path, 'PK');
  const time = new Date(now - ageMs);
  utimesSync(path, time, time);
}

test('the sweep removes old finished ZIPs and abandoned partial ones, and nothing else', async () => {
  const now = Date.now();
  file(`mogna-reports-${id(1)}.zip`, BATCH_JOB_LIFETIME_MS + 60_000, now);
  file(`mogna-reports-${id(2)}.zip`, 60_000, now);
  file(`mogna-reports-${id(3)}.zip.partial`, PARTIAL_IDLE_MS + 60_000, now);
  file(`mogna-reports-${id(4)}.zip.partial`, 10_000, now);
  file('mogna-reports-notes.zip', BATCH_JOB_LIFETIME_MS * 5, now);
  file('someone-elses.zip', BATCH_JOB_LIFETIME_MS * 5, now);
  assert.equal(await sweepBatchFiles({ files: localTempFiles(dir, () => now), jobs: memoryJobStores() }), 2);
  assert.deepEqual(readdirSync(dir).sort(), [`mogna-reports-${id(2)}.zip`, `mogna-reports-${id(4)}.zip.partial`, 'mogna-reports-notes.zip', 'someone-elses.zip']);
  // Later on, the rest of ours goes too.
  assert.equal(await sweepBatchFiles({ files: localTempFiles(dir, () => now + BATCH_JOB_LIFETIME_MS), jobs: memoryJobStores() }), 2);
  assert.deepEqual(readdirSync(dir).sort(), ['mogna-reports-notes.zip', 'someone-elses.zip']);
});

test('a missing directory is no error', async () => {
  assert.equal(await sweepBatchFiles({ files: localTempFiles(join(dir, 'not-there')), jobs: memoryJobStores() }), 0);
});
