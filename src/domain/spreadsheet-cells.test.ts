import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csvField, csvLine, guardFormulaText, spreadsheetRow, unguardFormulaText } from './spreadsheet-cells.ts';

describe('cells written to CSV and XLSX files', () => {
  test('text that a spreadsheet would run as a formula gets an apostrophe', () => {
    for (const text of ['=1+1', '+1+1', '-1+1', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '=HYPERLINK("http://evil.example","klicka")']) {
      assert.equal(guardFormulaText(text), `'${text}`, JSON.stringify(text));
    }
  });

  test('ordinary text is left as it is, also with formula characters inside it', () => {
    for (const text of ['Socialförvaltningen', 'a=b', 'e-post@kommunen.example', '', ' =1', "'=1"]) {
      assert.equal(guardFormulaText(text), text, JSON.stringify(text));
    }
  });

  test('numbers stay numbers, negative ones too; only text cells are guarded', () => {
    assert.deepEqual(spreadsheetRow([-3.5, 0, 12, null, '-3.5', 'Skola']), [-3.5, 0, 12, null, "'-3.5", 'Skola']);
    assert.equal(csvField(-3.5, { separator: ';', decimalComma: true }), '-3,5');
    assert.equal(csvField(-3.5, { separator: ',' }), '-3.5');
  });

  test('a CSV field is guarded before it is quoted', () => {
    assert.equal(csvField('=1;2', { separator: ';' }), `"'=1;2"`);
    assert.equal(csvField('@a "b"', { separator: ',' }), `"'@a ""b"""`);
    assert.equal(csvLine(['=cmd', 2.5, null, 'ok'], { separator: ';', decimalComma: true }), "'=cmd;2,5;;ok");
  });

  test('reading back takes the apostrophe off only where it was added', () => {
    for (const text of ['=1+1', '-x', '@SUM(1)', 'plain', "'quoted"]) assert.equal(unguardFormulaText(guardFormulaText(text)), text);
  });
});
