// No file Mogna exports lets a name typed by a user run as a spreadsheet formula: results CSV and
// XLSX, the joint results CSV, the respondent template and the cost rules (issue 12).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { SmallWorld } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import { addSubmittedRespondents, answersScoring } from '../../../test/support/results-world.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import type { TestBrowser } from '../../../test/support/test-browser.ts';
import { formatMappingRulesCsv, parseMappingRulesCsv } from '../../domain/costs/mapping-rules.ts';
import { tbmV4 } from '../../domain/costs/cost-taxonomy.ts';
import { tableCsv } from '../joint/results-table.ts';
import { respondentFileTemplate } from '../respondents/respondent-file-template.ts';
import { insertRound } from '../rounds/repository.ts';

const EVIL_UNIT = '=HYPERLINK("http://evil.example","Öppna")';
const EVIL_ROLE = '@SUM(1+1)';

/** Every text cell of a CSV or XLSX that a spreadsheet would take as a formula. */
function formulaLike(texts: string[]): string[] {
  return texts.filter((text) => /^[=+\-@\t\r]/.test(text));
}

describe('exports guard text that would run as a formula', () => {
  let loggedIn: LoggedInWorld;
  let t: TestApp;
  let world: SmallWorld;
  let roundId: string;
  let browser: TestBrowser;
  before(async () => {
    loggedIn = await openLoggedInWorld('sqlite');
    ({ t, world } = loggedIn);
    const instrument = t.ctx.instruments.require('digital-mognad');
    await t.ctx.db.updateTable('units').set({ name: EVIL_UNIT }).where('id', '=', world.units.school).execute();
    roundId = await insertRound(t.ctx, world.orgA, { name: 'Mätning 2025', year: 2025, instrumentKeys: ['digital-mognad'], openLink: false, status: 'closed' });
    await addSubmittedRespondents(t.ctx, roundId, instrument, [
      ...[1, 2, 3, 4, 5].map(() => ({ unitId: world.units.school, role: EVIL_ROLE, answers: answersScoring(instrument, 2) })),
      ...[1, 2, 3, 4, 5].map(() => ({ unitId: world.units.social, role: 'förvaltningschef', answers: answersScoring(instrument, 4) })),
    ]);
    browser = await loggedIn.as('coordinatorA');
  });
  after(async () => loggedIn.close());

  test('no text field of the results CSV starts a formula, whatever the unit and role names', async () => {
    const csv = await browser.get(`/rounds/${roundId}/results.csv`);
    assert.equal(csv.status, 200);
    assert.ok(csv.body.includes(EVIL_ROLE), 'the role is in the file');
    const fields = csv.body.replace(/^\uFEFF/, '').split(/\r\n/).flatMap((line) => line.split(';')).map((field) => field.replace(/^"/, ''));
    // Negative numbers (written as numbers) are fine; no text field may start a formula.
    assert.deepEqual(formulaLike(fields.filter((field) => !/^-?\d+(,\d+)?$/.test(field))), []);
  });

  test('the results XLSX has no text cell starting a formula, and numbers stay numbers', async () => {
    const xlsx = await browser.get(`/rounds/${roundId}/results.xlsx`);
    assert.equal(xlsx.status, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const texts: string[] = [];
    let numbers = 0;
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string') texts.push(cell.value);
          if (typeof cell.value === 'number') numbers += 1;
          assert.equal(cell.type === ExcelJS.ValueType.Formula, false);
        }),
      ),
    );
    assert.ok(texts.some((text) => text.includes(EVIL_ROLE)), 'the role is in the file');
    assert.deepEqual(formulaLike(texts), []);
    assert.ok(numbers > 10, 'scores are numeric cells');
  });

  test('the respondent template guards a unit renamed to a formula', () => {
    const template = respondentFileTemplate('sv', { exampleUnitPath: [EVIL_ROLE, 'Hemtjänst'] }).data.toString('utf8');
    const exampleRow = template.replace(/^\uFEFF/, '').split('\r\n')[1]!;
    assert.equal(exampleRow.split(';').at(-1), `'${EVIL_ROLE} / Hemtjänst`);
    const page = respondentFileTemplate('en', { exampleUnitPath: ['=1+1'] }).data.toString('utf8');
    assert.match(page, /,'=1\+1\r\n$/);
  });

  test('the joint results CSV guards a comment that starts like a formula, not a negative number', () => {
    const csv = tableCsv({ columns: ['Fråga', 'Svar', 'Kommentar'], rows: [['Finns en plan?', -1, '=cmd|"/c calc"!A1'], ['+46 70', 2, null]] }, 'sv');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    assert.equal(lines[1], `Finns en plan?;-1;"'=cmd|""/c calc""!A1"`);
    assert.equal(lines[2], `'+46 70;2;`);
  });

  test('the cost rules file guards its comments and reads back unchanged', () => {
    const rules = [{ from: '6400', to: '6499', pool: tbmV4.pools[0]!.key, nameContains: null, comment: '-- IT, see @ledger' }];
    const csv = formatMappingRulesCsv(rules);
    assert.ok(csv.includes(`,"'-- IT, see @ledger"\n`), csv);
    const back = parseMappingRulesCsv(csv, tbmV4);
    assert.equal(back[0]!.comment, '-- IT, see @ledger');
  });
});
