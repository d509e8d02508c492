// Reading the column headings of a spreadsheet export for the column-mapping step.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readHeaderRow } from './header-row.ts';

async function* bytes(data: Buffer): AsyncIterable<Buffer> {
  // Two chunks, so a heading may straddle a chunk boundary.
  yield data.subarray(0, 7);
  yield data.subarray(7);
}

describe('readHeaderRow', () => {
  it('finds the heading row of a Windows-1252 CSV below a title row', async () => {
    const csv = iconv.encode('Huvudbok Åmåls kommun\r\n\r\nKonto;Kontobenämning;Ansvar;Belopp;\r\n5010;Löner;100;1 000,00;\r\n', 'windows-1252');
    assert.deepEqual(await readHeaderRow(bytes(csv), 'csv'), { headings: ['Konto', 'Kontobenämning', 'Ansvar', 'Belopp'], sample: [['5010', 'Löner', '100', '1 000,00']] });
  });

  it('reads comma-separated UTF-8 with quotes and a blank heading', async () => {
    const csv = Buffer.from('\uFEFF"Konto","",Belopp\n5010,x,12.50\n');
    assert.deepEqual(await readHeaderRow(bytes(csv), 'csv'), { headings: ['Konto', '', 'Belopp'], sample: [['5010', 'x', '12.50']] });
  });

  it('finds the heading row of the first worksheet of an XLSX file', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Huvudbok');
    sheet.addRow(['Huvudbok 2025']);
    sheet.addRow([]);
    sheet.addRow(['Datum', 'Konto', { richText: [{ text: 'Kon' }, { text: 'tonamn' }] }, null, 'Belopp']);
    sheet.addRow([new Date(Date.UTC(2025, 0, 15)), 5010, 'Löner', '100', 1000]);
    sheet.addRow([]);
    for (let row = 0; row < 5; row++) sheet.addRow([new Date(Date.UTC(2025, 1, 1 + row)), 6420, 'Licenser', '200', 10.5, 'extra']);
    const data = Buffer.from(await book.xlsx.writeBuffer());
    assert.deepEqual(await readHeaderRow(bytes(data), 'xlsx'), {
      headings: ['Datum', 'Konto', 'Kontonamn', '', 'Belopp'],
      // Three rows after the headings, blank rows left out, cut to the headings' width.
      sample: [
        ['2025-01-15', '5010', 'Löner', '100', '1000'],
        ['2025-02-01', '6420', 'Licenser', '200', '10.5'],
        ['2025-02-02', '6420', 'Licenser', '200', '10.5'],
      ],
    });
  });

  it('gives null for a file without a heading row or that is not a spreadsheet', async () => {
    assert.equal(await readHeaderRow(bytes(Buffer.from('bara en rad\noch en till\n')), 'csv'), null);
    assert.equal(await readHeaderRow(bytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3])), 'xlsx'), null);
    assert.equal(await readHeaderRow(bytes(Buffer.from([0xff, 0xfe, 0, 0x41, 0, 0x42])), 'csv'), null);
  });
});
