// The upload helpers: the column-mapping step's choices, and a file cut off at the multipart size
// limit is refused instead of being imported in part (checked with the real multipart plugin).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { utimes } from 'node:fs/promises';
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import Fastify from 'fastify';
import { columnMappingOf, columnOptionValue, preselectColumns, UploadTooLargeError, watchedUpload } from './cost-upload.ts';
import { findPendingUpload, pendingUploadDir, removePendingUpload, stagePendingUpload, sweepPendingUploads } from './pending-upload.ts';

function multipartBody(fields: Record<string, string>, file: string): { payload: Buffer; contentType: string } {
  const boundary = '----mognaupload';
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="hb.se"\r\nContent-Type: application/octet-stream\r\n\r\n${file}\r\n--${boundary}--\r\n`);
  return { payload: Buffer.from(parts.join('')), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('ledger upload helpers', () => {
  it('requires account, cost centre and amount', () => {
    const values = { account: 'Konto', accountName: '', costCentre: '', amount: 'Belopp', date: '' };
    assert.deepEqual(columnMappingOf(values), { missing: ['costCentre'] });
    assert.deepEqual(columnMappingOf({ ...values, costCentre: '3' }), {
      mapping: { account: 'Konto', accountName: null, costCentre: '3', amount: 'Belopp', date: null },
    });
  });

  it('stores a heading when it names one column, else the column number', () => {
    const headings = ['Konto', '', 'Belopp', 'Belopp', '2025'];
    assert.deepEqual(headings.map((_heading, index) => columnOptionValue(headings, index)), ['Konto', '2', 'Belopp', '4', '5']);
  });

  it('preselects the saved columns that are in the file, then headings that read like the fields', () => {
    const headings = ['Datum', 'Kontonr', 'Benämning', 'KST', 'Projekt', 'Utfall'];
    assert.deepEqual(preselectColumns(headings, null), { account: 'Kontonr', accountName: 'Benämning', costCentre: 'KST', amount: 'Utfall', date: 'Datum' });
    assert.deepEqual(preselectColumns(headings, { account: 'kontonr', accountName: null, costCentre: 'Projekt', amount: '6', date: 'Saknas' }), {
      account: 'Kontonr',
      accountName: 'Benämning',
      costCentre: 'Projekt',
      amount: '6',
      date: 'Datum',
    });
  });

  for (const [size, expect] of [
    [64, 'whole'],
    [10, 'too large'],
  ] as const) {
    it(`a ${size}-byte limit on a 40-byte file gives: ${expect}`, async () => {
      const app = Fastify();
      await app.register(multipart);
      app.post('/', async (request) => {
        const file = await request.file({ limits: { fileSize: size } });
        const upload = watchedUpload(file!.file);
        let bytes = 0;
        try {
          for await (const chunk of upload.source) bytes += chunk.length;
          return { bytes, truncated: upload.truncated() };
        } catch (error) {
          file!.file.resume();
          return { error: error instanceof UploadTooLargeError ? 'too large' : String(error), truncated: upload.truncated() };
        }
      });
      const body = multipartBody({ account: 'Konto' }, 'x'.repeat(40));
      const response = await app.inject({ method: 'POST', url: '/', payload: body.payload, headers: { 'content-type': body.contentType } });
      const result = response.json() as { bytes?: number; error?: string; truncated: boolean };
      if (expect === 'whole') assert.deepEqual(result, { bytes: 40, truncated: false });
      else assert.deepEqual(result, { error: 'too large', truncated: true });
      await app.close();
    });
  }

  it('staged uploads belong to their owner, read back whole and are swept after an hour', async () => {
    const meta = { organisationId: 'org', year: 2025, userId: 'user', fileName: 'hb.csv', format: 'csv' as const, createdAt: '2026-11-25T10:00:00Z' };
    const source = async function* () {
      yield Buffer.from('Konto;Belopp\n');
      yield Buffer.from('5010;1,00\n');
    };
    const fresh = await stagePendingUpload(source(), meta);
    const old = await stagePendingUpload(source(), meta);
    assert.equal(await findPendingUpload(fresh, { userId: 'someone else', organisationId: 'org', year: 2025 }), null);
    assert.equal(await findPendingUpload(fresh, { userId: 'user', organisationId: 'org', year: 2024 }), null);
    assert.equal(await findPendingUpload('../../etc/passwd', { userId: 'user', organisationId: 'org', year: 2025 }), null);
    const pending = await findPendingUpload(fresh, { userId: 'user', organisationId: 'org', year: 2025 });
    assert.deepEqual(pending?.meta, meta);
    const chunks: Buffer[] = [];
    for await (const chunk of pending!.open()) chunks.push(Buffer.from(chunk));
    assert.equal(Buffer.concat(chunks).toString(), 'Konto;Belopp\n5010;1,00\n');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(join(pendingUploadDir(), `${old}.data`), twoHoursAgo, twoHoursAgo);
    // (Another test's upload may sweep it first: what matters is that it is gone.)
    await sweepPendingUploads();
    assert.equal(await findPendingUpload(old, { userId: 'user', organisationId: 'org', year: 2025 }), null);
    assert.ok(await findPendingUpload(fresh, { userId: 'user', organisationId: 'org', year: 2025 }));
    await removePendingUpload(fresh);
    assert.equal(await findPendingUpload(fresh, { userId: 'user', organisationId: 'org', year: 2025 }), null);
  });
});
