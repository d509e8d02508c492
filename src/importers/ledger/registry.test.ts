import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { errorCatalogue } from '../../app/errors.ts';
import { messages } from '../../i18n/messages.ts';
import { LEDGER_IMPORT_ERROR_CODES, LedgerImportError, ledgerErrorCode } from './ledger-import-error.ts';
import { findLedgerFormat, findLedgerFormatByFileName, LEDGER_FORMATS, LEDGER_UPLOAD_ACCEPT, ledgerFormat, ledgerFormatByFileName, sniffLedgerFormat } from './registry.ts';

async function* once(bytes: Buffer): AsyncIterable<Buffer> {
  yield bytes;
}

describe('the ledger format registry', () => {
  it('finds every format by each of its extensions, in any case', () => {
    const expected: Record<string, string> = { se: 'sie', si: 'sie', sie: 'sie', csv: 'csv', txt: 'csv', tsv: 'csv', xlsx: 'xlsx' };
    for (const [extension, format] of Object.entries(expected)) {
      assert.equal(ledgerFormatByFileName(`Huvudbok 2025.${extension}`).format, format, extension);
      assert.equal(findLedgerFormatByFileName(`HUVUDBOK.${extension.toUpperCase()} `)?.format, format, extension);
    }
    for (const entry of LEDGER_FORMATS) {
      assert.ok(entry.extensions.length > 0, entry.format);
      for (const extension of entry.extensions) assert.equal(ledgerFormatByFileName(`file.${extension}`), entry);
      assert.equal(ledgerFormat(entry.format), entry);
      assert.equal(findLedgerFormat(entry.format.toUpperCase()), entry);
    }
  });

  it('gives the catalogue error for an unknown or missing extension', () => {
    for (const name of ['ledger.pdf', 'ledger.xls', 'ledger', 'ledger.se.bak']) {
      assert.equal(findLedgerFormatByFileName(name), null, name);
      assert.throws(
        () => ledgerFormatByFileName(name),
        (error: unknown) => {
          assert.ok(error instanceof LedgerImportError);
          assert.equal(error.code, 'UNKNOWN_FORMAT');
          assert.equal(error.catalogueCode, 'ledger_unknown_format');
          assert.equal(error.status, 400);
          assert.equal(error.line, null);
          return true;
        },
      );
    }
    assert.equal(findLedgerFormat('pdf'), null);
    assert.throws(() => ledgerFormat('pdf' as never), /no ledger importer/);
  });

  it('says which formats need a column mapping, and reads through the entry', async () => {
    assert.deepEqual(
      LEDGER_FORMATS.map((entry) => [entry.format, entry.needsColumns]),
      [
        ['sie', false],
        ['csv', true],
        ['xlsx', true],
      ],
    );
    const sie = await ledgerFormat('sie').read(once(Buffer.from('#FLAGGA 0\n#SIETYP 4\n#VER A 1 20210101 ""\n{\n#TRANS 6420 {1 "1200"} 10\n#TRANS 1930 {} -10\n}\n')), {});
    assert.equal(sie.format, 'sie');
    const csv = await ledgerFormat('csv').read(once(Buffer.from('Konto;Belopp\n6420;12,5\n')), { columns: { account: 'Konto', amount: 'Belopp' } });
    assert.deepEqual(csv.rows, [{ account: '6420', costCentre: null, amountOre: 1250 }]);
    await assert.rejects(ledgerFormat('csv').read(once(Buffer.from('a;b\n')), {}), /needs a column mapping/);
    const header = await ledgerFormat('csv').readHeader?.(once(Buffer.from('Konto;Belopp\n6420;1\n')));
    assert.deepEqual(header?.headings, ['Konto', 'Belopp']);
    assert.equal(ledgerFormat('sie').readHeader, undefined);
  });

  it('offers the usual extensions in the file picker and labels a stored ledger', () => {
    assert.equal(LEDGER_UPLOAD_ACCEPT, '.se,.si,.sie,.csv,.txt,.xlsx');
    for (const entry of LEDGER_FORMATS) for (const extension of entry.offered) assert.ok(entry.extensions.includes(extension), extension);
    assert.equal(ledgerFormat('sie').label({ sieType: 4 }), 'SIE 4');
    assert.equal(ledgerFormat('sie').label({ sieType: null }), 'SIE');
    assert.equal(ledgerFormat('csv').label({ sieType: null }), 'CSV');
    assert.equal(ledgerFormat('xlsx').label({ sieType: null }), 'XLSX');
  });

  it('sniffs SIE, XLSX and text from the first bytes', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Huvudbok').addRow(['Konto', 'Belopp']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    assert.equal(sniffLedgerFormat(xlsx.subarray(0, 512))?.format, 'xlsx');
    assert.equal(sniffLedgerFormat(Buffer.from('\uFEFF\r\n#FLAGGA 0\n'))?.format, 'sie');
    assert.equal(sniffLedgerFormat(Buffer.from('Konto;Belopp\n'))?.format, 'csv');
    assert.equal(sniffLedgerFormat(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00]))?.format, undefined);
    assert.equal(sniffLedgerFormat(Buffer.alloc(0)), null);
    for (const entry of LEDGER_FORMATS) assert.ok(entry.mimeTypes.length > 0, entry.format);
  });
});

describe('ledger import errors in the error catalogue', () => {
  it('has a status and a Swedish and English text for every code', () => {
    for (const code of LEDGER_IMPORT_ERROR_CODES) {
      const error = new LedgerImportError(code, 3, 'detail');
      assert.equal(error.catalogueCode, ledgerErrorCode(code));
      assert.equal(error.catalogueCode, `ledger_${code.toLowerCase()}`);
      assert.equal(error.status, errorCatalogue[error.catalogueCode]);
      assert.equal(error.status, code === 'UNKNOWN_FORMAT' ? 400 : 422, code);
      for (const locale of ['sv', 'en'] as const) {
        const text = messages(locale).errors[error.catalogueCode];
        assert.ok(text.title.length > 0 && text.body.length > 0, `${locale} ${code}`);
      }
    }
    const ledgerEntries = Object.keys(errorCatalogue).filter((code) => code.startsWith('ledger_'));
    assert.deepEqual(ledgerEntries.sort(), LEDGER_IMPORT_ERROR_CODES.map(ledgerErrorCode).sort());
  });

  it('keeps the texts the upload page shows', () => {
    assert.equal(messages('sv').errors.ledger_not_sie.body, 'Filen är inte en SIE-fil.');
    assert.equal(messages('en').errors.ledger_missing_column.body, 'A column of the column mapping is not in the file.');
    assert.equal(messages('sv').errors.ledger_unknown_format.body, messages('sv').costs.uploadUnknownFormat);
  });
});
