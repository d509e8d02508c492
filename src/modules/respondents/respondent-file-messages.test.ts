// Every problem has a Swedish and an English message that says what is wrong and what to do;
// the downloadable template is itself a valid upload.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  parseRespondentFile,
  respondentFileTemplate,
  respondentProblemMessage,
  type RespondentFileProblem,
  type RespondentFileProblemCode,
} from './respondent-file-parser.ts';

const p = (code: RespondentFileProblemCode, extra: Partial<RespondentFileProblem> = {}): RespondentFileProblem => ({ rowNumber: null, column: null, code, ...extra });

// A Record forces one entry per code: a new code without examples does not compile.
const EXAMPLES: Record<RespondentFileProblemCode, RespondentFileProblem[]> = {
  empty_file: [p('empty_file', { reason: 'no_content' }), p('empty_file', { reason: 'header_only' })],
  too_large: [p('too_large', { limit: 5 * 1024 * 1024 }), p('too_large', { reason: 'unpacked', limit: 50 * 1024 * 1024 })],
  not_csv_or_xlsx: ['xls', 'binary', 'extension'].map((reason) => p('not_csv_or_xlsx', { value: 'lista.pdf', reason: reason as 'xls' })),
  bad_encoding: [p('bad_encoding', { rowNumber: 7, reason: 'mixed_encoding' }), p('bad_encoding', { rowNumber: 3, reason: 'unknown_encoding' })],
  unreadable_xlsx: ['encrypted', 'not_workbook', 'corrupt'].map((reason) => p('unreadable_xlsx', { reason: reason as 'corrupt' })),
  malformed_csv: [p('malformed_csv', { rowNumber: 12 })],
  missing_email_column: [
    p('missing_email_column', { rowNumber: 1, headers: ['Namn', 'Telefon'] }),
    p('missing_email_column', { rowNumber: 1, headers: ['anna@kommun.se', 'Anna'], reason: 'no_header_row' }),
  ],
  unknown_column: [p('unknown_column', { rowNumber: 1, column: 'Telefon', value: 'Telefon' })],
  duplicate_column: [
    p('duplicate_column', { rowNumber: 1, column: 'Email', headers: ['E-post', 'Email'] }),
    p('duplicate_column', { rowNumber: 1, column: 'E-post', headers: ['E-post', 'E-post'] }),
  ],
  unnamed_column: [p('unnamed_column', { rowNumber: 4, column: 'E' })],
  too_many_rows: [p('too_many_rows', { limit: 10_000 })],
  invalid_email: (
    ['empty', 'multiple_at', 'space', 'missing_at', 'missing_local_part', 'missing_domain', 'consecutive_dots', 'dot_at_edge', 'invalid_character', 'invalid_domain'] as const
  ).map((reason) => p('invalid_email', { rowNumber: 4, column: 'E-post', value: reason === 'empty' ? '' : 'anna.svensson@', reason })),
  duplicate_email: [p('duplicate_email', { rowNumber: 9, column: 'E-post', value: 'anna@kommun.se', otherRow: 4 })],
  already_in_round: [p('already_in_round', { rowNumber: 9, column: 'E-post', value: 'anna@kommun.se' })],
  unknown_unit: [
    p('unknown_unit', { rowNumber: 5, column: 'Enhet', value: 'Grundskolan', suggestion: 'Utbildningsförvaltningen / Grundskola' }),
    p('unknown_unit', { rowNumber: 5, column: 'Enhet', value: 'Ekonomi' }),
  ],
  ambiguous_unit: [p('ambiguous_unit', { rowNumber: 6, column: 'Enhet', value: 'Hemtjänst', candidates: ['Soc / Hemtjänst', 'Oms / Hemtjänst'] })],
  field_too_long: [p('field_too_long', { rowNumber: 8, column: 'Namn', value: 'x'.repeat(245), limit: 200 })],
  too_many_problems: [p('too_many_problems', { limit: 100, omitted: 523 })],
};

test('every problem has a distinct Swedish and English message with the row, the value and a way forward', () => {
  for (const problem of Object.values(EXAMPLES).flat()) {
    const sv = respondentProblemMessage(problem, 'sv');
    const en = respondentProblemMessage(problem, 'en');
    const label = JSON.stringify(problem);
    for (const message of [sv, en]) {
      assert.ok(message.length > 40, label);
      assert.doesNotMatch(message, /undefined|NaN|\[object|null/, label);
      assert.match(message, /[.?]$/, label);
    }
    assert.notEqual(sv, en, label);
    // Says what to do: every message ends with an instruction.
    assert.match(sv, /ladda upp|Dela upp|Rätta felen/i, label);
    assert.match(en, /upload|Split/i, label);
    if (problem.rowNumber !== null && problem.rowNumber > 1) {
      assert.ok(sv.includes(`rad ${problem.rowNumber}`) || sv.includes(`Rad ${problem.rowNumber}`), `${label}: ${sv}`);
      assert.ok(en.includes(`row ${problem.rowNumber}`) || en.includes(`Row ${problem.rowNumber}`), `${label}: ${en}`);
    }
    if (problem.value && problem.value.length < 60 && problem.code !== 'unknown_column') assert.ok(sv.includes(problem.value), `${label}: ${sv}`);
  }
});

test('the messages read as intended', () => {
  const [, missingDomain] = EXAMPLES.invalid_email.filter((problem) => problem.reason === 'empty' || problem.reason === 'missing_domain');
  assert.ok(missingDomain);
  assert.equal(
    respondentProblemMessage(missingDomain, 'sv'),
    'Rad 4: ”anna.svensson@” är ingen giltig e-postadress – det saknas en domän efter @, till exempel kommun.se. Rätta adressen och ladda upp filen igen.',
  );
  assert.equal(
    respondentProblemMessage(missingDomain, 'en'),
    'Row 4: “anna.svensson@” is not a valid email address – there is no domain after the @, such as kommun.se. Correct the address and upload the file again.',
  );
  assert.equal(
    respondentProblemMessage(EXAMPLES.duplicate_email[0] as RespondentFileProblem, 'sv'),
    'Rad 9: ”anna@kommun.se” finns redan på rad 4. Ta bort en av raderna och ladda upp filen igen.',
  );
  const tooLarge = respondentProblemMessage(EXAMPLES.too_large[0] as RespondentFileProblem, 'sv');
  assert.match(tooLarge, /högst 5 MB/);
  const missing = respondentProblemMessage(EXAMPLES.missing_email_column[0] as RespondentFileProblem, 'sv');
  assert.match(missing, /”Namn” och ”Telefon”/);
  assert.match(missing, /E-post \(måste finnas\), Namn, Roll och Enhet/);
  assert.match(respondentProblemMessage(EXAMPLES.unknown_column[0] as RespondentFileProblem, 'en'), /“Telefon” is not recognised.*Email \(required\), Name, Role and Unit/);
  assert.match(respondentProblemMessage(EXAMPLES.unknown_unit[0] as RespondentFileProblem, 'sv'), /Menade du ”Utbildningsförvaltningen \/ Grundskola”\?/);
  assert.match(respondentProblemMessage(EXAMPLES.field_too_long[0] as RespondentFileProblem, 'sv'), /245 tecken lång men får vara högst 200/);
  assert.match(respondentProblemMessage(EXAMPLES.too_many_rows[0] as RespondentFileProblem, 'sv'), /fler än 10\s000 rader/);
  assert.match(respondentProblemMessage(EXAMPLES.too_many_problems[0] as RespondentFileProblem, 'en'), /523 more problems/);
});

test('the template is a valid upload in both languages, with Excel-friendly BOM and separator', async () => {
  const units = [{ id: 'ht', path: ['Socialförvaltningen', 'Hemtjänst'] }];
  const sv = respondentFileTemplate('sv');
  assert.equal(sv.fileName, 'respondenter-mall.csv');
  assert.deepEqual([...sv.data.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(sv.data.toString('utf8'), /^\uFEFFE-post;Namn;Roll;Enhet\r\n/);
  const svResult = await parseRespondentFile({ fileName: sv.fileName, data: sv.data }, { existingEmails: new Set(), units });
  assert.deepEqual(svResult, {
    ok: true,
    rows: [{ rowNumber: 2, email: 'anna.svensson@kommunen.example', name: 'Anna Svensson', role: 'Enhetschef', unitId: 'ht', unitPath: ['Socialförvaltningen', 'Hemtjänst'] }],
  });
  const en = respondentFileTemplate('en', { exampleUnitPath: ['Socialförvaltningen', 'Hemtjänst'] });
  assert.match(en.data.toString('utf8'), /^\uFEFFEmail,Name,Role,Unit\r\n/);
  const enResult = await parseRespondentFile({ fileName: en.fileName, data: en.data }, { existingEmails: new Set(), units });
  assert.ok(enResult.ok && enResult.rows[0]?.unitId === 'ht');
});
