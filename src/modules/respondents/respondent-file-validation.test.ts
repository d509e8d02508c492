// What the importer checks once the file is read: headers, e-mail addresses, duplicates, the
// round's existing respondents, units, lengths, row counts; every bad row, numbered as in Excel.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emailProblem } from '../../domain/email.ts';
import { parseRespondentFile, type ParseRespondentFileResult, type RespondentFileProblem, type RespondentRow } from './respondent-file-parser.ts';

const units = [
  { id: 'soc', path: ['Socialförvaltningen'] },
  { id: 'soc-ht', path: ['Socialförvaltningen', 'Hemtjänst'] },
  { id: 'soc-ht-norr', path: ['Socialförvaltningen', 'Hemtjänst', 'Område Norr'] },
  { id: 'oms-ht', path: ['Omsorgsförvaltningen', 'Hemtjänst'] },
  { id: 'utb-it', path: ['Utbildningsförvaltningen', 'IT/Digitalisering'] },
  { id: 'utb-gr', path: ['Utbildningsförvaltningen', 'Grundskola'] },
];

function csv(...lines: string[]): Buffer {
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

const parse = (data: Buffer, existingEmails: string[] = []) =>
  parseRespondentFile({ fileName: 'respondenter.csv', data }, { existingEmails: new Set(existingEmails), units });

function rowsOf(result: ParseRespondentFileResult): RespondentRow[] {
  assert.ok(result.ok, `expected rows, got ${JSON.stringify(result.ok ? null : result.problems)}`);
  return result.rows;
}

function problemsOf(result: ParseRespondentFileResult): RespondentFileProblem[] {
  assert.equal(result.ok, false, 'expected problems');
  assert.ok(!('rows' in result), 'no rows may be returned with problems');
  return result.ok ? [] : result.problems;
}

const codes = (problems: RespondentFileProblem[]) => problems.map((p) => [p.code, p.rowNumber] as const);

test('headers are matched without case, in Swedish or English, with common spellings', async () => {
  for (const header of ['E-post;Namn;Roll;Enhet', 'EMAIL,name,Role,UNIT', 'e-mail;NAMN;roll;enhet', 'Epost;Name;Role;Unit', 'E-postadress (krävs)*;Namn;Roll;Enhet']) {
    const delimiter = header.includes(';') ? ';' : ',';
    const rows = rowsOf(await parse(csv(header, ['anna@kommun.se', 'Anna', 'Chef', 'Grundskola'].join(delimiter))));
    assert.deepEqual(rows, [{ rowNumber: 2, email: 'anna@kommun.se', name: 'Anna', role: 'Chef', unitId: 'utb-gr', unitPath: ['Utbildningsförvaltningen', 'Grundskola'] }], header);
  }
});

test('only an e-mail column is required; Förnamn and Efternamn are joined into the name', async () => {
  assert.deepEqual(rowsOf(await parse(csv('Email', 'anna@kommun.se'))), [{ rowNumber: 2, email: 'anna@kommun.se', name: null, role: null, unitId: null, unitPath: null }]);
  const rows = rowsOf(await parse(csv('Förnamn;Efternamn;E-post', 'Anna;Svensson;anna@kommun.se', ';Ek;bo@kommun.se')));
  assert.deepEqual(
    rows.map((row) => row.name),
    ['Anna Svensson', 'Ek'],
  );
});

test('unknown columns are problems that name the header, and rows are still checked', async () => {
  const problems = problemsOf(await parse(csv('E-post;Namn;Telefon;Avdelning', 'anna@kommun.se;Anna;070-1;X', 'fel-adress;Bo;;')));
  assert.deepEqual(codes(problems), [
    ['unknown_column', 1],
    ['unknown_column', 1],
    ['invalid_email', 3],
  ]);
  assert.deepEqual(
    problems.slice(0, 2).map((p) => p.column),
    ['Telefon', 'Avdelning'],
  );
});

test('a first row without an e-mail column is missing_email_column with the headers found', async () => {
  const problems = problemsOf(await parse(csv('Namn;Mobil', 'Anna;070')));
  assert.deepEqual(problems, [{ rowNumber: 1, column: null, code: 'missing_email_column', headers: ['Namn', 'Mobil'] }]);
  const noHeader = problemsOf(await parse(csv('anna@kommun.se;Anna', 'bo@kommun.se;Bo')));
  assert.deepEqual(
    noHeader.map((p) => [p.code, p.reason]),
    [['missing_email_column', 'no_header_row']],
  );
});

test('leading blank lines are skipped: the first non-blank row is the header, row numbers stay as in the file', async () => {
  const rows = rowsOf(await parse(csv('', ';;', 'E-post;Namn', '', 'anna@kommun.se;Anna', ' ; ', 'bo@kommun.se;Bo', '')));
  assert.deepEqual(
    rows.map((row) => [row.rowNumber, row.email]),
    [
      [5, 'anna@kommun.se'],
      [7, 'bo@kommun.se'],
    ],
  );
});

test('the same field twice is duplicate_column; data under a header-less column is unnamed_column', async () => {
  assert.deepEqual(codes(problemsOf(await parse(csv('E-post;Email', 'a@kommun.se;a@kommun.se')))), [['duplicate_column', 1]]);
  assert.deepEqual(codes(problemsOf(await parse(csv('Namn;Förnamn;E-post', 'Anna S;Anna;a@kommun.se')))), [['duplicate_column', 1]]);
  const unnamed = problemsOf(await parse(csv('E-post;Namn;', 'a@kommun.se;Anna;', 'b@kommun.se;Bo;', 'c@kommun.se;Carl;extra;mer')));
  assert.deepEqual(
    unnamed.map((p) => [p.code, p.rowNumber, p.column]),
    [
      ['unnamed_column', 4, 'C'],
      ['unnamed_column', 4, 'D'],
    ],
  );
  // Trailing empty cells, which Excel often writes, are not a problem.
  assert.equal(rowsOf(await parse(csv('E-post;Namn;;', 'a@kommun.se;Anna;;'))).length, 1);
});

test('every bad e-mail is reported with its row and reason, and nothing is imported', async () => {
  const problems = problemsOf(
    await parse(
      csv(
        'E-post;Namn',
        'anna.svensson@;Anna',
        'ok@kommun.se;Ok',
        'bo ek@kommun.se;Bo',
        'carl.kommun.se;Carl',
        'dan..berg@kommun.se;Dan',
        ';Eva utan adress',
        'fia@kommun;Fia',
        'göran.öst@kommun.se;Göran',
        'a@kommun.se, b@kommun.se;Två',
      ),
    ),
  );
  assert.deepEqual(
    problems.map((p) => [p.rowNumber, p.code, p.reason, p.value, p.column]),
    [
      [2, 'invalid_email', 'missing_domain', 'anna.svensson@', 'E-post'],
      [4, 'invalid_email', 'space', 'bo ek@kommun.se', 'E-post'],
      [5, 'invalid_email', 'missing_at', 'carl.kommun.se', 'E-post'],
      [6, 'invalid_email', 'consecutive_dots', 'dan..berg@kommun.se', 'E-post'],
      [7, 'invalid_email', 'empty', '', 'E-post'],
      [8, 'invalid_email', 'invalid_domain', 'fia@kommun', 'E-post'],
      [9, 'invalid_email', 'invalid_character', 'göran.öst@kommun.se', 'E-post'],
      [10, 'invalid_email', 'multiple_at', 'a@kommun.se, b@kommun.se', 'E-post'],
    ],
  );
});

test('the e-mail check accepts ordinary addresses and names the mistake in bad ones', () => {
  for (const good of ['anna@kommun.se', 'Anna.Svensson+enkat@kommun.se', 'a_b-c@sub.region.se', 'x@räksmörgås.se', "o'brien@council.gov.uk"]) {
    assert.equal(emailProblem(good), null, good);
  }
  const bad: Array<[string, string]> = [
    ['@kommun.se', 'missing_local_part'],
    ['.anna@kommun.se', 'dot_at_edge'],
    ['anna.@kommun.se', 'dot_at_edge'],
    ['anna@.kommun.se', 'dot_at_edge'],
    ['anna@kommun.se.', 'dot_at_edge'],
    ['anna@-kommun.se', 'invalid_domain'],
    ['anna@kommun.s', 'invalid_domain'],
    ['anna@kommun,se', 'invalid_character'],
    ['"anna"@kommun.se', 'invalid_character'],
    ['anna@@kommun.se', 'multiple_at'],
  ];
  for (const [address, reason] of bad) assert.equal(emailProblem(address), reason, address);
});

test('surrounding spaces, zero-width spaces and "mailto:" are removed; case does not matter', async () => {
  const rows = rowsOf(await parse(csv('E-post', '  mailto:Anna@Kommun.SE\u200b ', '\u00a0bo@kommun.se\u00a0')));
  assert.deepEqual(
    rows.map((row) => row.email),
    ['anna@kommun.se', 'bo@kommun.se'],
  );
});

test('a duplicate in the file points at the first row; an address already in the round is reported on every row', async () => {
  const problems = problemsOf(
    await parse(csv('E-post', 'anna@kommun.se', 'bo@kommun.se', 'ANNA@kommun.se', 'carl@kommun.se', 'Carl@Kommun.se', ' anna@kommun.se'), ['carl@kommun.se']),
  );
  assert.deepEqual(
    problems.map((p) => [p.code, p.rowNumber, p.otherRow]),
    [
      ['duplicate_email', 4, 2],
      ['already_in_round', 5, undefined],
      ['already_in_round', 6, undefined],
      ['duplicate_email', 7, 2],
    ],
  );
});

test('existing e-mails are compared without case even if the caller did not lower-case them', async () => {
  assert.deepEqual(codes(problemsOf(await parse(csv('E-post', 'anna@kommun.se'), ['Anna@Kommun.se']))), [['already_in_round', 2]]);
});

test('units are found by full path, by "/" or ">" separators, by a unique name or a unique end of the path', async () => {
  const rows = rowsOf(
    await parse(
      csv(
        'E-post;Enhet',
        'a@kommun.se;Socialförvaltningen / Hemtjänst',
        'b@kommun.se;socialförvaltningen>hemtjänst',
        'c@kommun.se;Område Norr',
        'd@kommun.se;Hemtjänst / Område  Norr',
        'e@kommun.se;IT/Digitalisering',
        'f@kommun.se;Socialförvaltningen',
        'g@kommun.se;',
      ),
    ),
  );
  assert.deepEqual(
    rows.map((row) => row.unitId),
    ['soc-ht', 'soc-ht', 'soc-ht-norr', 'soc-ht-norr', 'utb-it', 'soc', null],
  );
  assert.deepEqual(rows[2]?.unitPath, ['Socialförvaltningen', 'Hemtjänst', 'Område Norr']);
});

test('an unknown unit is reported (with a close spelling if there is one); an ambiguous name lists the candidates', async () => {
  const problems = problemsOf(await parse(csv('E-post;Enhet', 'a@kommun.se;Grundskolan', 'b@kommun.se;Ekonomikontoret', 'c@kommun.se;Hemtjänst')));
  assert.deepEqual(
    problems.map((p) => [p.code, p.rowNumber, p.value, p.column, p.suggestion, p.candidates]),
    [
      ['unknown_unit', 2, 'Grundskolan', 'Enhet', 'Utbildningsförvaltningen / Grundskola', undefined],
      ['unknown_unit', 3, 'Ekonomikontoret', 'Enhet', undefined, undefined],
      ['ambiguous_unit', 4, 'Hemtjänst', 'Enhet', undefined, ['Socialförvaltningen / Hemtjänst', 'Omsorgsförvaltningen / Hemtjänst']],
    ],
  );
});

test('a field longer than 200 characters (an address longer than 254, as in the form) is field_too_long, naming the column', async () => {
  const long = 'x'.repeat(201);
  const problems = problemsOf(
    await parse(csv('E-post;Namn;Roll', `a@kommun.se;${long};ok`, `${'a'.repeat(245)}@kommun.se;Bo;`, `c@kommun.se;${'y'.repeat(200)};`, `${'d'.repeat(244)}@kommun.se;Di;`)),
  );
  assert.deepEqual(
    problems.map((p) => [p.code, p.rowNumber, p.column, p.limit]),
    [
      ['field_too_long', 2, 'Namn', 200],
      ['field_too_long', 3, 'E-post', 254],
    ],
  );
});

test('more than 10 000 rows is too_many_rows; exactly 10 000 is fine', async () => {
  const lines = (count: number) => ['E-post', ...Array.from({ length: count }, (_, i) => `person${i}@kommun.se`)];
  assert.equal(rowsOf(await parse(csv(...lines(10_000)))).length, 10_000);
  const problems = problemsOf(await parse(csv(...lines(10_001))));
  assert.deepEqual(problems, [{ rowNumber: null, column: null, code: 'too_many_rows', limit: 10_000 }]);
});

test('the problem list stops at 100 with a closing note that counts the rest', async () => {
  const lines = ['E-post', ...Array.from({ length: 250 }, (_, i) => `fel${i}`)];
  const problems = problemsOf(await parse(csv(...lines)));
  assert.equal(problems.length, 101);
  assert.deepEqual(codes(problems.slice(0, 2)), [
    ['invalid_email', 2],
    ['invalid_email', 3],
  ]);
  assert.deepEqual(problems.at(-1), { rowNumber: null, column: null, code: 'too_many_problems', limit: 100, omitted: 150 });
});

test('one row can have several problems, all reported', async () => {
  const problems = problemsOf(await parse(csv('E-post;Enhet', 'anna@;Finns inte')));
  assert.deepEqual(
    problems.map((p) => [p.code, p.rowNumber]),
    [
      ['invalid_email', 2],
      ['unknown_unit', 2],
    ],
  );
});
