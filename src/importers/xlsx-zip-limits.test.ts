// ZIP bombs dressed as XLSX are refused before any parser unpacks them, by their declared sizes,
// their compression ratio and, when the directory lies, by what they really unpack to.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import yazl from 'yazl';
import { createSmallWorld, PASSWORD, type SmallWorld } from '../../test/support/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/support/test-context.ts';
import { TestBrowser, textOf } from '../../test/support/test-browser.ts';
import { assertXlsxWithinLimits } from './ledger/xlsx-ledger-limits.ts';
import { LedgerImportError } from './ledger/ledger-import-error.ts';
import { checkZipFile, XLSX_ZIP_LIMITS } from './xlsx-zip-limits.ts';

function zipOf(entries: Array<[name: string, content: Buffer]>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of entries) zip.addBuffer(content, name, { compress: true });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** An XLSX-looking archive with one highly compressible huge sheet. */
function bomb(megabytes: number): Promise<Buffer> {
  return zipOf([
    ['[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types/>')],
    ['xl/workbook.xml', Buffer.from('<?xml version="1.0"?><workbook/>')],
    ['xl/worksheets/sheet1.xml', Buffer.alloc(megabytes * 1024 * 1024, 'A')],
  ]);
}

/** Rewrites every entry's stated unpacked size (local header and central directory) to `size`. */
function understate(zip: Buffer, size: number): Buffer {
  const copy = Buffer.from(zip);
  for (let at = 0; at + 4 <= copy.length; at += 1) {
    const signature = copy.readUInt32LE(at);
    if (signature === 0x04034b50 && copy.readUInt32LE(at + 22) > size) copy.writeUInt32LE(size, at + 22);
    if (signature === 0x02014b50 && copy.readUInt32LE(at + 24) > size) copy.writeUInt32LE(size, at + 24);
  }
  return copy;
}

async function realWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Huvudbok');
  sheet.addRow(['Konto', 'Kostnadsställe', 'Belopp']);
  for (let row = 0; row < 2000; row += 1) sheet.addRow([String(6400 + (row % 90)), String(100 + (row % 7)), (row * 37) % 10_000]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('ZIP limits before an XLSX is parsed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mogna-zip-limits-'));
  const file = (name: string, content: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('an ordinary workbook passes and its unpacked size is counted', async () => {
    const check = await checkZipFile(file('real.xlsx', await realWorkbook()));
    assert.equal(check.ok, true, JSON.stringify(check));
    assert.ok(check.ok && check.unpackedBytes > 10_000);
  });

  test('a small file with a hugely compressible sheet is refused for its ratio', async () => {
    const zip = await bomb(64);
    assert.ok(zip.length < 1024 * 1024, 'the bomb itself is small');
    const check = await checkZipFile(file('bomb.xlsx', zip));
    assert.equal(check.ok, false);
    assert.equal(!check.ok && check.problem, 'ratio');
    await assert.rejects(assertXlsxWithinLimits(join(dir, 'bomb.xlsx')), (error: unknown) => error instanceof LedgerImportError && error.code === 'XLSX_SUSPICIOUS_RATIO');
  });

  test('entries that together unpack to more than the limit are refused', async () => {
    const zip = await zipOf([1, 2, 3].map((n) => [`xl/worksheets/sheet${n}.xml`, Buffer.from(Array.from({ length: 40_000 }, (_, i) => `<c>${(i * n * 7919) % 100_003}</c>`).join(''))]));
    const path = file('large.xlsx', zip);
    assert.equal((await checkZipFile(path)).ok, true, 'within the default limits');
    const check = await checkZipFile(path, { ...XLSX_ZIP_LIMITS, maxUnpackedBytes: 500_000 });
    assert.equal(!check.ok && check.problem, 'unpacked');
    await assert.rejects(assertXlsxWithinLimits(path, { ...XLSX_ZIP_LIMITS, maxUnpackedBytes: 500_000 }), (error: unknown) => error instanceof LedgerImportError && error.code === 'XLSX_UNPACKS_TOO_LARGE');
  });

  test('a directory that understates the sizes is caught by unpacking and counting', async () => {
    const path = file('liar.xlsx', understate(await bomb(16), 1000));
    const check = await checkZipFile(path);
    assert.equal(check.ok, false);
    assert.equal(!check.ok && check.problem, 'ratio');
  });

  test('a file that is not a ZIP archive is reported as unreadable', async () => {
    const check = await checkZipFile(file('text.xlsx', Buffer.from('Konto;Belopp\n6400;100\n')));
    assert.equal(!check.ok && check.problem, 'corrupt');
  });
});

describe('the ledger upload refuses a ZIP bomb', () => {
  let t: TestApp;
  let world: SmallWorld;
  let browser: TestBrowser;
  before(async () => {
    t = await createTestApp('sqlite');
    world = await createSmallWorld(t.ctx);
    browser = new TestBrowser(t.app);
    await browser.logIn(world.users.coordinatorA, PASSWORD);
  });
  after(async () => t.close());

  test('with a message that names the problem and what to do, before the column page', async () => {
    const yearUrl = `/org/${world.orgA}/costs/2025`;
    await browser.get(yearUrl);
    const started = performance.now();
    const response = await browser.upload(`${yearUrl}/ledger`, { name: 'huvudbok.xlsx', content: await bomb(64), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    assert.equal(response.status, 422);
    assert.ok(performance.now() - started < 10_000);
    const page = textOf(response.body);
    assert.match(page, /Excel-filen är packad på ett misstänkt sätt/);
    assert.match(page, /exportera huvudboken som CSV eller SIE/);
    assert.equal(response.location, undefined, 'no column-mapping step');
    const ledgers = await t.ctx.db.selectFrom('cost_ledgers').select('id').execute();
    assert.equal(ledgers.length, 0);
  });
});
