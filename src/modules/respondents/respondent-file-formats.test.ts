// How the importer reads bytes: CSV dialects and encodings, XLSX cell kinds, size limits while
// streaming, and files that are not lists at all.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parseRespondentFile, type ParseRespondentFileResult, type RespondentFileProblem, type RespondentRow } from './respondent-file-parser.ts';
import { respondentProblemMessage } from './respondent-file-messages.ts';
import { checkXlsxZip, parseXlsx } from './respondent-file-xlsx.ts';

const context = {
  existingEmails: new Set<string>(),
  units: [
    { id: 'soc-ht', path: ['Socialförvaltningen', 'Hemtjänst'] },
    { id: 'utb', path: ['Utbildningsförvaltningen'] },
  ],
};

const parse = (fileName: string, data: Buffer | AsyncIterable<Buffer>, maxBytes?: number) =>
  parseRespondentFile({ fileName, data, ...(maxBytes === undefined ? {} : { maxBytes }) }, context);

function rowsOf(result: ParseRespondentFileResult): RespondentRow[] {
  assert.ok(result.ok, `expected rows, got ${JSON.stringify(result.ok ? null : result.problems)}`);
  return result.rows;
}

function problemsOf(result: ParseRespondentFileResult): RespondentFileProblem[] {
  assert.equal(result.ok, false, 'expected problems');
  assert.ok(!('rows' in result), 'no rows may be returned with problems');
  return result.ok ? [] : result.problems;
}

const summary = (problems: RespondentFileProblem[]) => problems.map((p) => ({ code: p.code, rowNumber: p.rowNumber, reason: p.reason }));

const EXPECTED_ROWS: RespondentRow[] = [
  { rowNumber: 2, email: 'asa.oberg@kommun.se', name: 'Åsa Öberg', role: 'Enhetschef', unitId: 'soc-ht', unitPath: ['Socialförvaltningen', 'Hemtjänst'] },
  { rowNumber: 3, email: 'bo.ek@kommun.se', name: 'Bo Ek', role: null, unitId: 'utb', unitPath: ['Utbildningsförvaltningen'] },
];

function listText(delimiter: string): string {
  return [
    ['E-post', 'Namn', 'Roll', 'Enhet'],
    ['Asa.Oberg@kommun.se', 'Åsa Öberg', 'Enhetschef', 'Socialförvaltningen / Hemtjänst'],
    ['bo.ek@kommun.se', 'Bo Ek', '', 'Utbildningsförvaltningen'],
  ]
    .map((cells) => cells.join(delimiter))
    .join('\r\n');
}

test('a semicolon-separated UTF-8 CSV gives every row, e-mails lower-cased and units resolved', async () => {
  assert.deepEqual(rowsOf(await parse('lista.csv', Buffer.from(listText(';'), 'utf8'))), EXPECTED_ROWS);
});

test('comma- and tab-separated CSV are sniffed from the header', async () => {
  assert.deepEqual(rowsOf(await parse('lista.csv', Buffer.from(listText(','), 'utf8'))), EXPECTED_ROWS);
  assert.deepEqual(rowsOf(await parse('lista.txt', Buffer.from(listText('\t'), 'utf8'))), EXPECTED_ROWS);
});

test('a UTF-8 BOM is not part of the first header', async () => {
  const data = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(listText(';'), 'utf8')]);
  assert.deepEqual(rowsOf(await parse('lista.csv', data)), EXPECTED_ROWS);
});

test('a Windows-1252 CSV (Swedish Excel "CSV") keeps å, ä and ö', async () => {
  const data = iconv.encode(listText(';'), 'windows-1252');
  assert.ok(data.includes(0xc5), 'the fixture really is Windows-1252 (Å = 0xC5)');
  assert.deepEqual(rowsOf(await parse('lista.csv', data)), EXPECTED_ROWS);
});

test('a UTF-16 "Unicode text" export with BOM is read', async () => {
  const data = iconv.encode(listText('\t'), 'utf16le', { addBOM: true });
  assert.deepEqual(rowsOf(await parse('lista.txt', data)), EXPECTED_ROWS);
});

test('an Excel "sep=," hint line is honoured and not counted as a row', async () => {
  const data = Buffer.from(`sep=,\r\n${listText(',')}`, 'utf8');
  assert.deepEqual(rowsOf(await parse('lista.csv', data)), EXPECTED_ROWS);
});

test('a quoted cell with the delimiter and a line break stays one cell and one row', async () => {
  const text = 'E-post;Namn;Roll\r\n"anna@kommun.se";"Svensson; Anna";"Chef\r\nIT"\r\nbo@kommun.se;Bo;\r\n';
  const rows = rowsOf(await parse('lista.csv', Buffer.from(text)));
  assert.deepEqual(
    rows.map((row) => [row.rowNumber, row.name, row.role]),
    [
      [2, 'Svensson; Anna', 'Chef IT'],
      [3, 'Bo', null],
    ],
  );
});

test('a stream split inside a multi-byte character is decoded correctly', async () => {
  const bytes = Buffer.from(listText(';'), 'utf8');
  const at = bytes.indexOf(Buffer.from('Å', 'utf8')) + 1;
  assert.deepEqual(rowsOf(await parse('lista.csv', Readable.from([bytes.subarray(0, at), bytes.subarray(at)]))), EXPECTED_ROWS);
});

async function workbook(build: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  build(book.addWorksheet('Respondenter'), book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

test('an XLSX is read from its first worksheet, with hyperlink, rich-text and formula cells as text', async () => {
  const data = await workbook((sheet, book) => {
    sheet.addRow(['E-post', 'Namn', 'Roll', 'Enhet']);
    sheet.addRow([{ text: 'Asa.Oberg@kommun.se', hyperlink: 'mailto:Asa.Oberg@kommun.se' }, 'Åsa Öberg', 'Enhetschef', 'Socialförvaltningen > Hemtjänst']);
    sheet.addRow([{ richText: [{ text: 'bo.' }, { text: 'ek@kommun.se', font: { bold: true } }] }, 'Bo Ek', null, 'Utbildningsförvaltningen']);
    sheet.addRow([]);
    sheet.addRow([{ formula: 'LOWER("CARL@KOMMUN.SE")', result: 'carl@kommun.se' }, 12345, null, null]);
    book.addWorksheet('Annat').addRow(['inte', 'respondenter']);
  });
  const rows = rowsOf(await parse('respondenter.xlsx', data));
  assert.deepEqual(rows.slice(0, 2), EXPECTED_ROWS);
  assert.deepEqual(rows[2], { rowNumber: 5, email: 'carl@kommun.se', name: '12345', role: null, unitId: null, unitPath: null });
});

test('an XLSX problem is reported with the spreadsheet row number', async () => {
  const data = await workbook((sheet) => {
    sheet.addRow(['Email', 'Name']);
    sheet.addRow(['anna@kommun.se', 'Anna']);
    sheet.getCell('A5').value = 'bo@kommun';
  });
  assert.deepEqual(summary(problemsOf(await parse('list.xlsx', data))), [{ code: 'invalid_email', rowNumber: 5, reason: 'invalid_domain' }]);
});

test('an XLSX renamed to .csv is still read as a workbook (detected by its ZIP signature)', async () => {
  const data = await workbook((sheet) => {
    sheet.addRow(['E-post']);
    sheet.addRow(['anna@kommun.se']);
  });
  assert.deepEqual(rowsOf(await parse('lista.csv', data)).map((row) => row.email), ['anna@kommun.se']);
});

test('a workbook that unpacks beyond the budget is refused before exceljs reads it', async () => {
  const data = await workbook((sheet) => {
    sheet.addRow(['E-post']);
    for (let i = 0; i < 200; i++) sheet.addRow([`person${i}@kommun.se`]);
  });
  assert.deepEqual(checkXlsxZip(data, 50 * 1024 * 1024), { ok: true });
  assert.deepEqual(checkXlsxZip(data, 2000), { ok: false, reason: 'unpacked' });
  const result = await parseXlsx(data, 2000);
  assert.equal(result.ok, false);
  assert.deepEqual(result.ok ? [] : summary(result.problems), [{ code: 'too_large', rowNumber: null, reason: 'unpacked' }]);
});

/** A minimal ZIP with stored (uncompressed) entries; CRCs are left at 0, the importer never gets that far. */
function storedZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    central.push(header, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

test('a ZIP without a workbook, a broken ZIP and a password-protected workbook are unreadable_xlsx', async () => {
  const notWorkbook = storedZip({ 'word/document.xml': '<w:document/>' });
  assert.deepEqual(summary(problemsOf(await parse('lista.xlsx', notWorkbook))), [{ code: 'unreadable_xlsx', rowNumber: null, reason: 'not_workbook' }]);
  const broken = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]);
  assert.deepEqual(summary(problemsOf(await parse('lista.xlsx', broken))), [{ code: 'unreadable_xlsx', rowNumber: null, reason: 'corrupt' }]);
  const encrypted = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
  assert.deepEqual(summary(problemsOf(await parse('lista.xlsx', encrypted))), [{ code: 'unreadable_xlsx', rowNumber: null, reason: 'encrypted' }]);
  const text = Buffer.from('E-post\nanna@kommun.se\n');
  assert.deepEqual(summary(problemsOf(await parse('lista.xlsx', text))), [{ code: 'unreadable_xlsx', rowNumber: null, reason: 'corrupt' }]);
});

test('a 50 MB stream stops being read just after the limit and gives too_large', async () => {
  let yielded = 0;
  let closed = false;
  async function* fiftyMegabytes() {
    try {
      for (let i = 0; i < 50; i++) {
        yielded++;
        yield Buffer.alloc(1024 * 1024, 0x61);
      }
    } finally {
      closed = true;
    }
  }
  const problems = problemsOf(await parse('lista.csv', fiftyMegabytes()));
  assert.deepEqual(problems, [{ rowNumber: null, column: null, code: 'too_large', limit: 5 * 1024 * 1024 }]);
  assert.equal(yielded, 6, 'five 1 MiB chunks fit the 5 MiB limit; the sixth passes it and reading stops');
  assert.equal(closed, true, 'the source was told to stop');
});

test('a Node stream past a custom limit is destroyed, and a buffer past it is refused at once', async () => {
  let pulled = 0;
  const stream = Readable.from(
    (function* () {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield Buffer.alloc(64 * 1024, 0x61);
      }
    })(),
  );
  assert.deepEqual(summary(problemsOf(await parse('lista.csv', stream, 100_000))), [{ code: 'too_large', rowNumber: null, reason: undefined }]);
  assert.ok(pulled < 10, `pulled ${pulled} chunks`);
  assert.equal(stream.destroyed, true);
  assert.deepEqual(summary(problemsOf(await parse('lista.csv', Buffer.alloc(100_001, 0x61), 100_000))), [{ code: 'too_large', rowNumber: null, reason: undefined }]);
});

test('an empty file, a whitespace-only file and a header-only file are empty_file', async () => {
  assert.deepEqual(summary(problemsOf(await parse('lista.csv', Buffer.alloc(0)))), [{ code: 'empty_file', rowNumber: null, reason: 'no_content' }]);
  assert.deepEqual(summary(problemsOf(await parse('lista.csv', Buffer.from('\uFEFF\r\n ; \r\n\r\n')))), [
    { code: 'empty_file', rowNumber: null, reason: 'no_content' },
  ]);
  assert.deepEqual(summary(problemsOf(await parse('lista.csv', Buffer.from('E-post;Namn\r\n;\r\n')))), [{ code: 'empty_file', rowNumber: null, reason: 'header_only' }]);
  const emptySheet = await workbook((sheet) => sheet.addRow(['E-post']));
  assert.deepEqual(summary(problemsOf(await parse('lista.xlsx', emptySheet))), [{ code: 'empty_file', rowNumber: null, reason: 'header_only' }]);
});

test('a PNG or PDF renamed .csv is not_csv_or_xlsx', async () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR rest of an image')]);
  const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n');
  for (const data of [png, pdf]) {
    const problems = problemsOf(await parse('respondenter.csv', data));
    assert.deepEqual(summary(problems), [{ code: 'not_csv_or_xlsx', rowNumber: null, reason: 'binary' }]);
    assert.equal(problems[0]?.value, 'respondenter.csv');
  }
});

test('text with NUL bytes (and no UTF-16 BOM) is not_csv_or_xlsx', async () => {
  const data = Buffer.from('E-post;Namn\r\nanna@kommun.se;Anna\u0000\u0000\r\n', 'utf8');
  assert.deepEqual(summary(problemsOf(await parse('lista.csv', data))), [{ code: 'not_csv_or_xlsx', rowNumber: null, reason: 'binary' }]);
});

test('an old .xls and an unsupported file type are not_csv_or_xlsx with a reason', async () => {
  const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
  assert.deepEqual(summary(problemsOf(await parse('lista.xls', xls))), [{ code: 'not_csv_or_xlsx', rowNumber: null, reason: 'xls' }]);
  assert.deepEqual(summary(problemsOf(await parse('lista.json', Buffer.from('{"e-post": "a@b.se"}')))), [
    { code: 'not_csv_or_xlsx', rowNumber: null, reason: 'extension' },
  ]);
  const docx = storedZip({ 'word/document.xml': '<w:document/>' });
  assert.deepEqual(summary(problemsOf(await parse('lista.docx', docx))), [{ code: 'not_csv_or_xlsx', rowNumber: null, reason: 'extension' }]);
});

test('UTF-8 mixed with Windows-1252 is bad_encoding at the first unreadable row', async () => {
  const data = Buffer.concat([
    Buffer.from('E-post;Namn\r\nasa@kommun.se;Åsa\r\n', 'utf8'),
    iconv.encode('orjan@kommun.se;Örjan\r\n', 'windows-1252'),
  ]);
  assert.deepEqual(summary(problemsOf(await parse('lista.csv', data))), [{ code: 'bad_encoding', rowNumber: 3, reason: 'mixed_encoding' }]);
});

test('an unclosed quotation mark is malformed_csv at the row where it opens', async () => {
  const data = Buffer.from('E-post;Namn\r\nanna@kommun.se;Anna\r\nbo@kommun.se;"Bo\r\ncarl@kommun.se;Carl\r\n');
  assert.deepEqual(summary(problemsOf(await parse('lista.csv', data))), [{ code: 'malformed_csv', rowNumber: 3, reason: undefined }]);
});

test('an XLSX whose sheet unpacks to hundreds of times its packed size is refused before parsing, with a message saying so', async () => {
  const yazl = (await import('yazl')).default;
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from('<?xml version="1.0"?><Types/>'), '[Content_Types].xml');
  zip.addBuffer(Buffer.from('<?xml version="1.0"?><workbook/>'), 'xl/workbook.xml');
  zip.addBuffer(Buffer.alloc(20 * 1024 * 1024, 'A'), 'xl/worksheets/sheet1.xml', { compress: true });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const bomb = Buffer.concat(chunks);
  assert.ok(bomb.length < 100 * 1024, 'a small file');
  assert.deepEqual(checkXlsxZip(bomb, 50 * 1024 * 1024), { ok: false, reason: 'ratio' }, 'refused by ratio although under the unpacked budget');
  const result = await parseXlsx(bomb);
  assert.equal(result.ok, false);
  if (!result.ok) {
    assert.deepEqual(result.problems.map((problem) => [problem.code, problem.reason]), [['too_large', 'ratio']]);
    assert.match(respondentProblemMessage(result.problems[0]!, 'sv'), /packas upp till mångdubbelt mer.*spara den på nytt/);
  }
});
