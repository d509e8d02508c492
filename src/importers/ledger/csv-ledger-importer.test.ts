import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import type { LedgerAggregate } from '../../domain/costs/ledger-aggregate.ts';
import { parseColumnMapping } from './column-mapping.ts';
import { csvLedgerImporter, importCsvLedger, sniffDelimiter, type CsvLedgerImportOptions } from './csv-ledger-importer.ts';
import { LedgerImportError, type LedgerImportErrorCode } from './ledger-import-error.ts';

async function* chunks(bytes: Buffer, size = 64 * 1024): AsyncIterable<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

const columns = { account: 'Konto', accountName: 'Kontonamn', costCentre: 'Ansvar', amount: 'Belopp', date: 'Datum' };
const read = (bytes: Buffer, options: Partial<CsvLedgerImportOptions> = {}, size?: number): Promise<LedgerAggregate> =>
  importCsvLedger(chunks(bytes, size), { columns, ...options });
const sums = (ledger: LedgerAggregate): Record<string, number> =>
  Object.fromEntries(ledger.rows.map((row) => [`${row.account}/${row.costCentre ?? '-'}`, row.amountOre]));

async function rejects(promise: Promise<unknown>, code: LedgerImportErrorCode, line: number | null): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof LedgerImportError, String(error));
    assert.equal(error.code, code, error.message);
    assert.equal(error.line, line, error.message);
    return true;
  });
}

const swedish = [
  'Huvudbok 2021;;;;',
  'Datum;Konto;Kontonamn;Ansvar;Belopp',
  '2021-01-15;6420;Licenser;1200;"1 234,50"',
  '2021-02-15;6420;Licenser;1200;-234,50',
  '2021-03-01;5011;Månadslön;3100;50 000,00',
  '20210401;6810;"Telefoni; fast";;100',
  ';;Summa;;51 100,00',
  '',
].join('\r\n');

describe('CSV ledger import', () => {
  it('reads a semicolon file in Windows-1252 with decimal commas and a title row', async () => {
    const bytes = iconv.encode(swedish, 'windows-1252');
    const ledger = await read(bytes);
    assert.deepEqual(sums(ledger), { '5011/3100': 5000000, '6420/1200': 100000, '6810/-': 10000 });
    assert.equal(ledger.accounts['5011'], 'Månadslön');
    assert.equal(ledger.accounts['6810'], 'Telefoni; fast');
    assert.equal(ledger.encoding, 'windows-1252');
    assert.equal(ledger.format, 'csv');
    assert.equal(ledger.year, 2021);
    assert.equal(ledger.rowCount, 4);
    assert.deepEqual(ledger.costCentres, [
      { id: '1200', name: '' },
      { id: '3100', name: '' },
    ]);
    assert.deepEqual(ledger.warnings.map((w) => [w.code, w.line]), [['ROW_WITHOUT_ACCOUNT', 7]]);
    assert.equal(ledger.fileHash, createHash('sha256').update(bytes).digest('hex'));
  });

  it('reads UTF-8 with a BOM the same way, in any chunk size', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(swedish, 'utf8')]);
    const whole = await read(bytes);
    assert.equal(whole.encoding, 'utf-8');
    assert.equal(whole.accounts['5011'], 'Månadslön');
    for (const size of [1, 7, 100]) {
      const ledger = await read(bytes, {}, size);
      assert.deepEqual(sums(ledger), sums(whole));
      assert.deepEqual(ledger.accounts, whole.accounts);
    }
  });

  it('reads a comma file with decimal points, column numbers and no header', async () => {
    const ledger = await csvLedgerImporter.import(chunks(Buffer.from('6420,1200,"1,234.50"\n6420,1200,-0.5\n')), {
      columns: { account: '1', costCentre: '2', amount: '3' },
    });
    assert.deepEqual(sums(ledger), { '6420/1200': 123400 });
    assert.equal(ledger.year, null);
  });

  it('reads tab-separated files and skips a header row when columns are numbered', async () => {
    const ledger = await read(Buffer.from('Konto\tBelopp\n6420\t12,5\n'), { columns: { account: '1', amount: '2' } });
    assert.deepEqual(sums(ledger), { '6420/-': 1250 });
    assert.deepEqual(ledger.warnings.map((w) => w.code), ['NO_COST_CENTRES']);
  });

  it('warns when the dates span several years', async () => {
    const ledger = await read(Buffer.from('Datum;Konto;Belopp\n2021-12-31;1;1\n2022-01-01;1;1\n2022-01-02;1;1\n'), {
      columns: { account: 'konto', amount: 'BELOPP', date: 'datum' },
    });
    assert.equal(ledger.year, 2022);
    assert.ok(ledger.warnings.some((w) => w.code === 'SEVERAL_YEARS'));
  });

  it('names the line of an amount that is not a number, and missing columns', async () => {
    await rejects(read(Buffer.from('Konto;Belopp\n6420;12\n6420;tolv\n')), 'MISSING_COLUMN', null);
    await rejects(read(Buffer.from('Konto;Belopp\n6420;12\n6420;tolv\n'), { columns: { account: 'Konto', amount: 'Belopp' } }), 'BAD_NUMBER', 3);
    await rejects(read(Buffer.from(''), { columns: { account: 'Konto', amount: 'Belopp' } }), 'EMPTY_FILE', null);
    await rejects(read(Buffer.from('a;b\n\u0000;1\n'), { columns: { account: 'a', amount: 'b' } }), 'BAD_ENCODING', 2);
    await rejects(read(Buffer.from('Konto;Belopp\n"6420;12\n'), { columns: { account: 'Konto', amount: 'Belopp' } }), 'BAD_CSV', 2);
  });

  it('sniffs the separator outside quotes', () => {
    assert.equal(sniffDelimiter('a;b;c'), ';');
    assert.equal(sniffDelimiter('a,b,"c;d"'), ',');
    assert.equal(sniffDelimiter('a\tb\tc'), '\t');
    assert.equal(sniffDelimiter('konto'), ';');
  });
});

describe('column mappings', () => {
  it('parses key=column lists with Swedish and snake-case keys', () => {
    assert.deepEqual(parseColumnMapping('account=Konto, amount=Belopp;cost_centre=Ansvar,kontonamn=Namn,datum=Datum'), {
      account: 'Konto',
      amount: 'Belopp',
      costCentre: 'Ansvar',
      accountName: 'Namn',
      date: 'Datum',
    });
    assert.match(String(parseColumnMapping('account=Konto')), /needs at least account= and amount=/);
    assert.match(String(parseColumnMapping('konto=1,amount=2,colour=3')), /unknown column key "colour"/);
    assert.match(String(parseColumnMapping('account')), /not key=column/);
  });
});
