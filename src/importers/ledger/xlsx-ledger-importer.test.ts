import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { LedgerAggregate } from '../../domain/costs/ledger-aggregate.ts';
import { LedgerImportError } from './ledger-import-error.ts';
import { importXlsxLedger, xlsxLedgerImporter } from './xlsx-ledger-importer.ts';

async function* chunks(bytes: Buffer, size = 16 * 1024): AsyncIterable<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

const sums = (ledger: LedgerAggregate): Record<string, number> =>
  Object.fromEntries(ledger.rows.map((row) => [`${row.account}/${row.costCentre ?? '-'}`, row.amountOre]));

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const notes = book.addWorksheet('Info');
  notes.addRow(['Export från ekonomisystemet']);
  const sheet = book.addWorksheet('Huvudbok');
  sheet.addRow(['Huvudbok Melleruds kommun 2021']);
  sheet.addRow([]);
  sheet.addRow(['Datum', 'Konto', 'Kontonamn', 'Ansvar', 'Belopp']);
  sheet.addRow([new Date(Date.UTC(2021, 0, 15)), 6420, 'Licenser', '1200', 1234.5]);
  sheet.addRow([new Date(Date.UTC(2021, 1, 15)), 6420, { richText: [{ text: 'Licen' }, { text: 'ser' }] }, 1200, -0.1]);
  sheet.addRow([new Date(Date.UTC(2021, 2, 1)), '5011', 'Månadslön', 3100, { formula: '40000+10000', result: 50000 }]);
  sheet.addRow(['2021-04-01', 6810, 'Telefoni', null, '1 000,25']);
  sheet.addRow([null, null, 'Summa', null, 52234.65]);
  for (let index = 0; index < 2000; index++) sheet.addRow([new Date(Date.UTC(2021, 5, 1)), 7010, 'Resor', 1200, 0.01]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('XLSX ledger import', () => {
  it('streams the named sheet, finds the header row and reads numbers, text, rich text and formulas', async () => {
    const bytes = await workbook();
    const seen: number[] = [];
    const ledger = await xlsxLedgerImporter.import(chunks(bytes), {
      columns: { account: 'Konto', accountName: 'Kontonamn', costCentre: 'Ansvar', amount: 'Belopp', date: 'Datum' },
      sheet: 'Huvudbok',
      onProgress: (read) => seen.push(read),
    });
    assert.deepEqual(sums(ledger), { '5011/3100': 5000000, '6420/1200': 123440, '6810/-': 100025, '7010/1200': 2000 });
    assert.equal(ledger.accounts['6420'], 'Licenser');
    assert.equal(ledger.accounts['5011'], 'Månadslön');
    assert.equal(ledger.year, 2021);
    assert.equal(ledger.rowCount, 2004);
    assert.equal(ledger.format, 'xlsx');
    assert.deepEqual(ledger.warnings.map((w) => [w.code, w.line]), [['ROW_WITHOUT_ACCOUNT', 8]]);
    assert.equal(ledger.fileHash, createHash('sha256').update(bytes).digest('hex'));
    assert.equal(seen.at(-1), bytes.length);
  });

  it('reads the first sheet by default and a sheet by position', async () => {
    const bytes = await workbook();
    await assert.rejects(
      importXlsxLedger(chunks(bytes), { columns: { account: 'Konto', amount: 'Belopp' } }),
      (error: unknown) => error instanceof LedgerImportError && error.code === 'MISSING_COLUMN' && /Export från ekonomisystemet/.test(error.message),
    );
    const second = await importXlsxLedger(chunks(bytes), { columns: { account: 'Konto', amount: 'Belopp' }, sheet: 2 });
    assert.equal(second.rowCount, 2004);
    await assert.rejects(
      importXlsxLedger(chunks(bytes), { columns: { account: 'Konto', amount: 'Belopp' }, sheet: 'Saknas' }),
      (error: unknown) => error instanceof LedgerImportError && error.code === 'BAD_XLSX',
    );
  });

  it('names the row of an amount that is not a number', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Data');
    sheet.addRow(['Konto', 'Belopp']);
    sheet.addRow([6420, 10]);
    sheet.addRow([6420, 'tio']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    await assert.rejects(
      importXlsxLedger(chunks(bytes), { columns: { account: 'Konto', amount: 'Belopp' } }),
      (error: unknown) => error instanceof LedgerImportError && error.code === 'BAD_NUMBER' && error.line === 3,
    );
  });

  it('rejects a file that is not a workbook', async () => {
    await assert.rejects(
      importXlsxLedger(chunks(Buffer.from('Konto;Belopp\n1;2\n')), { columns: { account: 'Konto', amount: 'Belopp' } }),
      (error: unknown) => error instanceof LedgerImportError && error.code === 'BAD_XLSX',
    );
  });
});
