// What spreadsheets produce and the parser forgives: Windows and Unix line ends in one file, one
// role in several spellings, and a unit spelled almost right (answered with "did you mean …?").
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRespondentFile, respondentProblemMessage, type ParseRespondentFileResult, type RespondentRow } from './respondent-file-parser.ts';
import { createRoleSpeller } from './respondent-roles.ts';

const units = [
  { id: 'soc', path: ['Socialförvaltningen'] },
  { id: 'soc-ht', path: ['Socialförvaltningen', 'Hemtjänst'] },
  { id: 'oms-ht', path: ['Omsorgsförvaltningen', 'Hemtjänst'] },
  { id: 'utb-gr', path: ['Utbildningsförvaltningen', 'Grundskola'] },
  { id: 'utb-ak', path: ['Utbildningsförvaltningen', 'Åk 1–3'] },
];

const parse = (text: string, existingRoles: string[] = []) =>
  parseRespondentFile({ fileName: 'lista.csv', data: Buffer.from(text, 'utf8') }, { existingEmails: new Set(), units, existingRoles });

function rowsOf(result: ParseRespondentFileResult): RespondentRow[] {
  assert.ok(result.ok, `expected rows, got ${JSON.stringify(result.ok ? null : result.problems)}`);
  return result.rows;
}

test('CRLF, LF and CR line ends mixed in one file are all row ends; a quoted cell keeps its own line break', async () => {
  const rows = rowsOf(await parse('e-post;namn\r\na@kommun.se;Anna\nb@kommun.se;"Bo\r\nEk"\r\nc@kommun.se;Cia\rd@kommun.se;Dan\n\n'));
  assert.deepEqual(
    rows.map((row) => [row.rowNumber, row.email, row.name]),
    [
      [2, 'a@kommun.se', 'Anna'],
      [3, 'b@kommun.se', 'Bo Ek'],
      [4, 'c@kommun.se', 'Cia'],
      [5, 'd@kommun.se', 'Dan'],
    ],
  );
  // The delimiter is still sniffed from the header line when the file starts with LF.
  assert.deepEqual(rowsOf(await parse('e-post,namn\nx@kommun.se,X\r\ny@kommun.se,Y\n')).map((row) => row.name), ['X', 'Y']);
});

test('roles are one role whatever their case and spaces: the first spelling in the file is stored', async () => {
  const rows = rowsOf(await parse('e-post;roll\na@kommun.se;enhetschef\nb@kommun.se;Enhetschef\nc@kommun.se;  ENHETSCHEF \nd@kommun.se;IT-chef\ne@kommun.se;it-CHEF\nf@kommun.se;\n'));
  assert.deepEqual(
    rows.map((row) => row.role),
    ['enhetschef', 'enhetschef', 'enhetschef', 'IT-chef', 'IT-chef', null],
  );
});

test("the round's existing spelling of a role wins over the file's", async () => {
  const rows = rowsOf(await parse('e-post;roll\na@kommun.se;ENHETSCHEF\nb@kommun.se;Ny roll\n', ['Enhetschef', 'enhetschef']));
  assert.deepEqual(
    rows.map((row) => row.role),
    ['Enhetschef', 'Ny roll'],
  );
});

test('the role speller keeps å, ä and ö apart from a, a and o and ignores only case and spaces', () => {
  const spell = createRoleSpeller(['Förvaltningschef']);
  assert.equal(spell('FÖRVALTNINGSCHEF'), 'Förvaltningschef');
  assert.equal(spell('förvaltnings  chef'), 'förvaltnings chef');
  assert.equal(spell('Forvaltningschef'), 'Forvaltningschef');
  assert.equal(spell('   '), null);
  assert.equal(spell(null), null);
});

test('a unit spelled almost right is an unknown unit with a suggestion: accents, spaces and punctuation, or a letter or two', async () => {
  const result = await parse(
    [
      'e-post;enhet',
      'a@kommun.se;Socialforvaltningen / Hemtjanst',
      'b@kommun.se;Omsorgsförvaltningen/Hemtjänsten',
      'c@kommun.se;Grundskolan',
      'd@kommun.se;Ak 1-3',
      'e@kommun.se;Hemtjanst',
      'f@kommun.se;Kultur',
    ].join('\n'),
  );
  assert.equal(result.ok, false);
  const problems = result.ok ? [] : result.problems;
  assert.deepEqual(
    problems.map((problem) => [problem.code, problem.rowNumber, problem.suggestion]),
    [
      ['unknown_unit', 2, 'Socialförvaltningen / Hemtjänst'],
      ['unknown_unit', 3, 'Omsorgsförvaltningen / Hemtjänst'],
      ['unknown_unit', 4, 'Utbildningsförvaltningen / Grundskola'],
      ['unknown_unit', 5, 'Utbildningsförvaltningen / Åk 1–3'],
      // Two units called Hemtjänst are equally close: naming one would be a guess.
      ['unknown_unit', 6, undefined],
      ['unknown_unit', 7, undefined],
    ],
  );
  assert.match(respondentProblemMessage(problems[0]!, 'sv'), /^Rad 2: .*Menade du ”Socialförvaltningen \/ Hemtjänst”\?/);
  assert.match(respondentProblemMessage(problems[0]!, 'en'), /^Row 2: .*Did you mean “Socialförvaltningen \/ Hemtjänst”\?/);
});
