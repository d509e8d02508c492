import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import type { LedgerAggregate } from '../../domain/costs/ledger-aggregate.ts';
import { LedgerImportError, type LedgerImportErrorCode } from './ledger-import-error.ts';
import { importSie, sieDate, sieImporter } from './sie-importer.ts';

const sieReal = new URL('../../../test/fixtures/sie-real/', import.meta.url);

async function* chunks(bytes: Buffer, size = 64 * 1024): AsyncIterable<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

const cp437 = (text: string): Buffer => iconv.encode(text, 'cp437');
const read = (text: string | Buffer, size?: number): Promise<LedgerAggregate> =>
  importSie(chunks(typeof text === 'string' ? cp437(text) : text, size));

async function rejects(input: string | Buffer, code: LedgerImportErrorCode, line: number | null, message?: RegExp): Promise<void> {
  await assert.rejects(read(input), (error: unknown) => {
    assert.ok(error instanceof LedgerImportError, `expected LedgerImportError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.equal(error.line, line, error.message);
    if (message) assert.match(error.message, message);
    return true;
  });
}

const sums = (ledger: LedgerAggregate): Record<string, number> =>
  Object.fromEntries(ledger.rows.map((row) => [`${row.account}/${row.costCentre ?? '-'}`, row.amountOre]));

const HEAD = '#FLAGGA 0\n#FORMAT PC8\n#SIETYP 4\n#RAR 0 20210101 20211231\n';

describe('SIE type 4', () => {
  it('sums #TRANS per account and cost centre, skipping #RTRANS and #BTRANS', async () => {
    const ledger = await read(
      [
        '#FLAGGA 0',
        '#PROGRAM "Test" 1.0',
        '#FORMAT PC8',
        '#GEN 20220101',
        '#SIETYP 4',
        '#RAR 0 20210101 20211231',
        '#RAR -1 20200101 20201231',
        '#DIM 1 "Kostnadsställe"',
        '#OBJEKT 1 "100" "IT-avdelningen"',
        '#OBJEKT   1    "200"  "Skola"',
        '#OBJEKT 6 "P1" "Projekt"',
        '#KONTO 6420 "Licenser"',
        '#KONTO 5010 Löner',
        '#VER A 1 20210105 "Faktura" 20210106',
        '{',
        '   #TRANS 6420 {1 "100"} 1000.50',
        '\t#TRANS\t6420\t{ "6" "P1" "1" "100" }\t-0.50\t20210105\t"Kredit"\t1\t"sign"',
        '#BTRANS 6420 {1 "100"} 99999 20210107 "" "" "ändrad"',
        '#RTRANS 6420 {1 "200"} 400 20210107 "" "" "ändrad"',
        '#TRANS 6420 {1 "200"} 400',
        '#TRANS 2440 {} -1400.00',
        '}',
        '#VER "B" "2" 20210201 "Lön" {',
        '#TRANS 5010 {1 200} 250',
        '#TRANS 5010 {} 50',
        '#TRANS 1930 {} -300',
        '}',
      ].join('\r\n'),
    );
    assert.deepEqual(sums(ledger), {
      '1930/-': -30000,
      '2440/-': -140000,
      '5010/-': 5000,
      '5010/200': 25000,
      '6420/100': 100000,
      '6420/200': 40000,
    });
    assert.equal(ledger.rowCount, 7);
    assert.equal(ledger.sieType, 4);
    assert.equal(ledger.year, 2021);
    assert.deepEqual(ledger.fiscalYear, { start: '2021-01-01', end: '2021-12-31' });
    assert.equal(ledger.accounts['5010'], 'Löner');
    assert.equal(ledger.accounts['1930'], '', 'accounts without #KONTO get an empty name');
    assert.deepEqual(ledger.costCentres, [
      { id: '100', name: 'IT-avdelningen' },
      { id: '200', name: 'Skola' },
    ]);
    assert.equal(ledger.encoding, 'cp437');
    assert.deepEqual(ledger.warnings, []);
  });

  it('warns about an unbalanced voucher with its line, and keeps its rows', async () => {
    const ledger = await read(`${HEAD}#VER A 1 20210101\n{\n#TRANS 6420 {1 1} 100\n#TRANS 2440 {} -99.50\n}\n`);
    assert.deepEqual(sums(ledger), { '2440/-': -9950, '6420/1': 10000 });
    assert.deepEqual(ledger.warnings.map((w) => [w.code, w.line]), [['UNBALANCED_VOUCHER', 5]]);
    assert.match(ledger.warnings[0]?.message ?? '', /0\.50/);
  });

  it('warns about rounding, vouchers outside the year, missing lists and no cost centres', async () => {
    const ledger = await read(`${HEAD}#VER A 1 20220101\n{\n#TRANS 6420 100.005\n#TRANS 2440 {} -100.005\n}\n#VER A 2 20210101\n#VER A 3 20210101\n{\n}\n`);
    assert.deepEqual(
      ledger.warnings.map((w) => w.code),
      ['TRANS_WITHOUT_OBJECT_LIST', 'ROUNDED_AMOUNT', 'VOUCHER_WITHOUT_ROWS', 'VOUCHERS_OUTSIDE_YEAR', 'NO_COST_CENTRES'],
    );
    assert.deepEqual(sums(ledger), { '2440/-': -10001, '6420/-': 10001 });
  });

  it('reads a file without #RAR, and one without #SIETYP that has vouchers', async () => {
    const noYear = await read('#FLAGGA 0\n#SIETYP 4\n#VER A 1 20210101\n{\n#TRANS 1 {} 1\n#TRANS 2 {} -1\n}\n');
    assert.equal(noYear.year, null);
    assert.equal(noYear.fiscalYear, null);
    const noType = await read('#FLAGGA 0\n#VER A 1 20210101\n{\n#TRANS 1 {} 1\n#TRANS 2 {} -1\n}\n');
    assert.equal(noType.sieType, 4);
    assert.ok(noType.warnings.some((w) => w.code === 'MISSING_SIETYP'));
  });

  it('uses another dimension for cost centres when asked', async () => {
    const text = `${HEAD}#OBJEKT 6 P1 Projekt\n#VER A 1 20210101\n{\n#TRANS 6420 {1 1 6 P1} 5\n#TRANS 2440 {} -5\n}\n`;
    const ledger = await importSie(chunks(cp437(text)), { costCentreDimension: '6' });
    assert.deepEqual(sums(ledger), { '2440/-': -500, '6420/P1': 500 });
    assert.deepEqual(ledger.costCentres, [{ id: 'P1', name: 'Projekt' }]);
  });

  it('computes the SHA-256 and byte count while streaming, and reports progress', async () => {
    const bytes = cp437(`${HEAD}#VER A 1 20210101\n{\n#TRANS 1 {} 0\n}\n`);
    const seen: number[] = [];
    const ledger = await sieImporter.import(chunks(bytes, 7), { onProgress: (read) => seen.push(read) });
    assert.equal(ledger.fileHash, createHash('sha256').update(bytes).digest('hex'));
    assert.equal(ledger.byteCount, bytes.length);
    assert.equal(seen.at(-1), bytes.length);
    assert.equal(seen.length, Math.ceil(bytes.length / 7));
  });
});

describe('SIE type 3', () => {
  const HEAD3 = '#FLAGGA 0\n#SIETYP 3\n#RAR 0 20210101 20211231\n#OBJEKT 1 A "Avd A"\n#OBJEKT 1 B "Avd B"\n';

  it('reads {} rows as totals broken down per dimension when they equal #RES', async () => {
    const ledger = await read(
      `${HEAD3}#RES 0 6420 100.00\n#PSALDO 0 202101 6420 {} 60.00\n#PSALDO 0 202102 6420 {} 40.00\n` +
        '#PSALDO 0 202101 6420 {1 A} 30.00\n#PSALDO 0 202102 6420 {1 "B"} 50.00\n#PSALDO 0 202101 6420 {6 P} 100.00\n' +
        '#PSALDO 0 202101 6420 {1 A 6 P} 30.00\n#PSALDO -1 202001 6420 {1 A} 999\n#PBUDGET 0 202101 6420 {1 A} 5\n',
    );
    assert.deepEqual(sums(ledger), { '6420/-': 2000, '6420/A': 3000, '6420/B': 5000 });
    assert.equal(ledger.rowCount, 6, 'year-0 #PSALDO rows read');
    assert.deepEqual(ledger.warnings, []);
  });

  it('reads disjoint cells when {} plus the object rows equal #RES', async () => {
    const ledger = await read(
      `${HEAD3}#RES 0 4010 1013297.70\n#PSALDO 0 202101 4010 {} 3972.50\n#PSALDO 0 202101 4010 {7 4} 223290.00\n` +
        '#PSALDO 0 202102 4010 {1 A 7 4} 239690.00\n#PSALDO 0 202103 4010 {1 A} 4553.20\n#PSALDO 0 202103 4010 {1 B 6 P} 541792.00\n',
    );
    assert.deepEqual(sums(ledger), { '4010/-': 22726250, '4010/A': 24424320, '4010/B': 54179200 });
  });

  it('keeps #RES as the total when the period rows disagree, and uses combined rows when needed', async () => {
    const ledger = await read(`${HEAD3}#RES 0 3010 -100\n#PSALDO 0 202109 3010 { } -10\n#PSALDO 0 202109 3010 {1 A 6 X} -10\n`);
    assert.deepEqual(sums(ledger), { '3010/-': -9000, '3010/A': -1000 });
    assert.deepEqual(ledger.warnings.map((w) => w.code), ['PERIOD_BALANCES_DIFFER']);
  });

  it('without #RES: {} rows are totals; with neither, every row is a cell; #RES alone has no cost centre', async () => {
    const ledger = await read(
      `${HEAD3}#PSALDO 0 202101 5010 {} 100\n#PSALDO 0 202101 5010 {1 A} 40\n` +
        '#PSALDO 0 202101 6010 {1 A} 7\n#PSALDO 0 202101 6010 {6 P} 3\n#RES 0 7010 12\n',
    );
    assert.deepEqual(sums(ledger), { '5010/-': 6000, '5010/A': 4000, '6010/-': 300, '6010/A': 700, '7010/-': 1200 });
  });

  it('ignores #TRANS rows in a type 3 file, and uses balances in a type 4 file without vouchers', async () => {
    const three = await read(`${HEAD3}#RES 0 7010 12\n#VER A 1 20210101\n{\n#TRANS 7010 {1 A} 5\n#TRANS 1930 {} -5\n}\n`);
    assert.deepEqual(sums(three), { '7010/-': 1200 });
    assert.ok(three.warnings.some((w) => w.code === 'TRANS_IN_TYPE_3'));
    const four = await read(`${HEAD}#RES 0 7010 12\n#PSALDO 0 202101 7010 {1 A} 12\n`);
    assert.deepEqual(sums(four), { '7010/A': 1200 });
    assert.ok(four.warnings.some((w) => w.code === 'TYPE_4_WITHOUT_VOUCHERS'));
  });
});

describe('SIE encodings', () => {
  const text = `${HEAD}#KONTO 5010 "Löner och ersättningar Åsa"\n#OBJEKT 1 K1 "Kök & städ"\n#VER A 1 20210101\n{\n#TRANS 5010 {1 K1} 1\n#TRANS 1930 {} -1\n}\n`;

  it('reads code page 437 (PC8)', async () => {
    const ledger = await read(cp437(text));
    assert.equal(ledger.encoding, 'cp437');
    assert.equal(ledger.accounts['5010'], 'Löner och ersättningar Åsa');
  });

  it('reads UTF-8 with and without a byte-order mark, even when #FORMAT says PC8', async () => {
    for (const bytes of [Buffer.from(text, 'utf8'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])]) {
      const ledger = await read(bytes);
      assert.equal(ledger.encoding, 'utf-8');
      assert.equal(ledger.accounts['5010'], 'Löner och ersättningar Åsa');
      assert.equal(ledger.costCentres[0]?.name, 'Kök & städ');
    }
  });

  it('reads Windows-1252 when the letters sit at their Latin-1 places', async () => {
    const ledger = await read(iconv.encode(text, 'windows-1252'));
    assert.equal(ledger.encoding, 'windows-1252');
    assert.equal(ledger.accounts['5010'], 'Löner och ersättningar Åsa');
  });

  it('gives the same result whatever the chunk boundaries, down to one byte', async () => {
    for (const bytes of [cp437(text), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')]) {
      const whole = await read(bytes);
      for (const size of [1, 2, 3, 5, 64]) assert.deepEqual(await read(bytes, size), whole, `chunk size ${size}`);
    }
  });

  it('decides on a window of 64 KiB, so a late UTF-8 letter still counts', async () => {
    const filler = '#PROSA "a"\n'.repeat(8000);
    const ledger = await read(Buffer.from(`${HEAD}${filler}#KONTO 1 "ö"\n#PROSA "ü"\n`, 'utf8'), 4096);
    assert.equal(ledger.encoding, 'utf-8');
    assert.equal(ledger.accounts['1'], 'ö');
  });

  it('rejects NUL bytes, UTF-16 and UTF-8 that turns invalid later, naming the line', async () => {
    await rejects(Buffer.concat([cp437('#FLAGGA 0\n#SIETYP 4\n'), Buffer.from([0x23, 0x00, 0x41, 0x0a])]), 'BAD_ENCODING', 3);
    await rejects(Buffer.from('\ufeff#FLAGGA 0\n', 'utf16le'), 'BAD_ENCODING', 1);
    const goodStart = Buffer.from(`${HEAD}#KONTO 1 "ö"\n${'#PROSA "x"\n'.repeat(20000)}`, 'utf8');
    const lines = goodStart.toString('utf8').split('\n').length;
    await rejects(Buffer.concat([goodStart, Buffer.from('#KONTO 2 "'), Buffer.from([0x94]), Buffer.from('"\n')]), 'BAD_ENCODING', lines);
  });
});

describe('SIE errors', () => {
  it('names a file that is not SIE', async () => {
    await rejects('<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html>\n', 'NOT_SIE', 1);
    await rejects('Konto;Belopp\n5010;100\n', 'NOT_SIE', 1);
    await rejects('#HELLO world\n#FOO\n', 'NOT_SIE', null);
    await rejects('', 'EMPTY_FILE', null);
    await rejects('\n \n\t\n', 'EMPTY_FILE', null);
  });

  it('tells types 1 and 2 (and a file without #SIETYP) that they carry no cost centres', async () => {
    await rejects('#FLAGGA 0\n#SIETYP 1\n#KONTO 1 "a"\n', 'NO_COST_CENTRE_DATA', 2, /type 1 has no cost-centre data/);
    await rejects('#FLAGGA 0\n#SIETYP  2\n', 'NO_COST_CENTRE_DATA', 2, /type 2/);
    await rejects('#FLAGGA 0\n#KONTO 1 "a"\n#UB 0 1 5\n', 'NO_COST_CENTRE_DATA', null);
    await rejects('#FLAGGA 0\n#SIETYP 5\n', 'UNSUPPORTED_SIE_TYPE', 2);
  });

  it('names a broken #TRANS', async () => {
    const voucher = (row: string) => `${HEAD}#VER A 1 20210101\n{\n${row}\n}\n`;
    await rejects(voucher('#TRANS'), 'BROKEN_TRANS', 7, /no account/);
    await rejects(voucher('#TRANS {} 5'), 'BROKEN_TRANS', 7, /no account/);
    await rejects(voucher('#TRANS 1930 {}'), 'BROKEN_TRANS', 7, /no amount/);
    await rejects(voucher('#TRANS 1930 {1} 5'), 'BROKEN_TRANS', 7, /pairs/);
    await rejects(voucher('#TRANS 1930 {1 "2" 5'), 'BROKEN_TRANS', 7, /not closed/);
    await rejects(voucher('#TRANS 1930 {} {}'), 'BROKEN_TRANS', 7, /no amount/);
    await rejects(`${HEAD}#TRANS 1930 {} 5\n`, 'BROKEN_TRANS', 5, /outside a voucher/);
  });

  it('names an amount that is not a number', async () => {
    const voucher = (amount: string) => `${HEAD}#VER A 1 20210101\n{\n#TRANS 1930 {} ${amount}\n}\n`;
    await rejects(voucher('12,50'), 'BAD_NUMBER', 7, /"12,50" is not a number/);
    await rejects(voucher('abc'), 'BAD_NUMBER', 7);
    await rejects(voucher('1e3'), 'BAD_NUMBER', 7);
    await rejects(`${HEAD}#RES 0 3010 tio\n`, 'BAD_NUMBER', 5);
    await rejects(`${HEAD}#PSALDO 0 202101 3010 {} x\n`, 'BAD_NUMBER', 5);
  });

  it('names the voucher a file ends inside, and a voucher never closed before the next', async () => {
    await rejects(`${HEAD}#VER A 1 20210101\n{\n#TRANS 1930 {} 5\n`, 'UNTERMINATED_VOUCHER', 5, /ends inside the voucher that starts on line 5/);
    await rejects(`${HEAD}#VER A 1 20210101\n{\n#TRANS 1930 {} 5\n#VER A 2 20210101\n{\n}\n`, 'UNTERMINATED_VOUCHER', 5, /before line 8/);
    await rejects(`${HEAD}#VER A 1 20210101 {\n#TRANS 1930 {} 5\n`, 'UNTERMINATED_VOUCHER', 5);
  });

  it('names a stray brace, a broken #PSALDO and an endless line', async () => {
    await rejects(`${HEAD}{\n`, 'UNEXPECTED_BRACE', 5);
    await rejects(`${HEAD}#VER A 1 20210101\n{\n}\n}\n`, 'UNEXPECTED_BRACE', 8);
    await rejects(`${HEAD}#PSALDO 0 202101 3010 5\n`, 'BROKEN_RECORD', 5);
    await rejects(`${HEAD}#PROSA "${'x'.repeat(1_100_000)}`, 'LINE_TOO_LONG', 5);
  });

  it('parses dates strictly', () => {
    assert.equal(sieDate('20240229'), '2024-02-29');
    assert.equal(sieDate('20230229'), null);
    assert.equal(sieDate('2023-01-01'), null);
    assert.equal(sieDate(['1']), null);
  });
});

describe('the real SIE exports', () => {
  const names = readdirSync(sieReal).filter((name) => /\.s[ei]$/i.test(name)).sort();
  // The collection's README says how many files it holds; a missing file must fail the test.
  const stated = Number(/(\d+) files exported/.exec(readFileSync(new URL('README.md', sieReal), 'utf8'))?.[1]);

  it('are all there, as many as the collection says', () => {
    assert.ok(stated > 50, 'the README states the number of files');
    assert.equal(names.length, stated);
  });

  for (const name of names) {
    const bytes = readFileSync(new URL(encodeURIComponent(name), sieReal));
    const text = bytes.toString('latin1');
    const type = /^#SIETYP\s+(\d)/m.exec(text)?.[1];
    const expected: LedgerImportErrorCode | 'ok' = text.startsWith('<') ? 'NOT_SIE' : type === '1' || type === '2' ? 'NO_COST_CENTRE_DATA' : 'ok';
    it(`${decodeURIComponent(name)}: ${expected === 'ok' ? `type ${type} parses` : expected}`, async () => {
      const result = importSie(createReadStream(new URL(encodeURIComponent(name), sieReal)));
      if (expected !== 'ok') {
        await assert.rejects(result, (error: unknown) => error instanceof LedgerImportError && error.code === expected);
        return;
      }
      const ledger = await result;
      assert.equal(String(ledger.sieType), type);
      assert.ok(ledger.rows.length > 0);
      assert.equal(ledger.fileHash, createHash('sha256').update(bytes).digest('hex'));
      const expectedEncoding = name === 'SIE4_Exempelfil_med_underdim.SE' ? 'utf-8' : 'cp437';
      assert.equal(ledger.encoding, expectedEncoding);
    });
  }

  it('decode code page 437 names and objects', async () => {
    const ledger = await importSie(createReadStream(new URL('transaktioner_ovnbolag.se', sieReal)));
    assert.equal(ledger.accounts['1930'], 'Bank, checkräkningskonto');
    assert.deepEqual(ledger.costCentres, [
      { id: 'Nord', name: 'Kontor Nord' },
      { id: 'Syd', name: 'Kontor Syd' },
    ]);
  });

  it('warn about the voucher that does not balance, and only there', async () => {
    const bad = await importSie(createReadStream(new URL('transaktioner_ovnbolag-bad-balance.se', sieReal)));
    const good = await importSie(createReadStream(new URL('transaktioner_ovnbolag.se', sieReal)));
    assert.deepEqual(bad.warnings.map((w) => [w.code, w.line]), [['UNBALANCED_VOUCHER', 3905]]);
    assert.deepEqual(good.warnings, []);
    assert.equal(sums(bad)['1910/-']! - sums(good)['1910/-']!, -(12899 - 128) * 100);
  });

  it('give the same figures from type 3 balances as from type 4 vouchers of the same books', async () => {
    for (const [three, four] of [
      ['sie%203.SE', 'sie%204.SE'],
      ['objektsaldo_ovnbolag.se', 'transaktioner_ovnbolag.se'],
      ['typ3.se', 'typ4.se'],
    ] as const) {
      const results = await Promise.all([three, four].map((name) => importSie(createReadStream(new URL(encodeURIComponent(name), sieReal)))));
      const resultAccounts = (ledger: LedgerAggregate) =>
        Object.fromEntries(Object.entries(sums(ledger)).filter(([key]) => /^[3-8]/.test(key) && (sums(ledger)[key] ?? 0) !== 0));
      assert.deepEqual(resultAccounts(results[0]!), resultAccounts(results[1]!), `${three} vs ${four}`);
    }
  });
});
