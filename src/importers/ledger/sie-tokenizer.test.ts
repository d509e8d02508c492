import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenizeSieLine } from './sie-tokenizer.ts';

const fields = (line: string) => tokenizeSieLine(line)?.fields;

describe('tokenizeSieLine', () => {
  it('splits on runs of spaces and tabs, with padding before the label', () => {
    assert.deepEqual(tokenizeSieLine('\t  #TRANS     1220 {}   -420050.00 20120104'), {
      label: '#TRANS',
      fields: ['1220', [], '-420050.00', '20120104'],
      openBrace: false,
      openQuote: false,
    });
    assert.deepEqual(fields('#FLAGGA\t\t0\r'), ['0']);
  });

  it('reads quoted fields with spaces and escaped quotes, keeping other backslashes', () => {
    assert.deepEqual(fields('#KONTO 1930 "Bank, checkräkningskonto"'), ['1930', 'Bank, checkräkningskonto']);
    assert.deepEqual(fields('#VER A 1 20210101 "Faktura \\"X\\" betald"'), ['A', '1', '20210101', 'Faktura "X" betald']);
    assert.deepEqual(fields('#TRANS 1229 {} -133 20090731 "1820\\A012 Cykel" '), ['1229', [], '-133', '20090731', '1820\\A012 Cykel']);
    assert.deepEqual(fields('#ADRESS "" "Storgatan 1" ""'), ['', 'Storgatan 1', '']);
  });

  it('reads object lists in every spacing real files use', () => {
    assert.deepEqual(fields('#TRANS 3010 {1 "200"} 5'), ['3010', ['1', '200'], '5']);
    assert.deepEqual(fields('#TRANS 9999  { "1" "1100" "6" "1118"} 5367'), ['9999', ['1', '1100', '6', '1118'], '5367']);
    assert.deepEqual(fields('#TRANS\t1510\t{8 "30083"\t1 "2"\t10 "12"}\t376313.00'), ['1510', ['8', '30083', '1', '2', '10', '12'], '376313.00']);
    assert.deepEqual(fields('#TRANS 1010 { } 11.00'), ['1010', [], '11.00']);
    assert.deepEqual(fields('#TRANS 3010 {1 1} -2000.00 20151001 "" 10.000000'), ['3010', ['1', '1'], '-2000.00', '20151001', '', '10.000000']);
    assert.deepEqual(fields('#PSALDO 0 201509 3010 {1 10 6 Bilen 2 KAZ747} -3780.00 ""'), ['0', '201509', '3010', ['1', '10', '6', 'Bilen', '2', 'KAZ747'], '-3780.00', '']);
    assert.deepEqual(fields('#OBJEKT 1 "Kontor {Nord}" "x"'), ['1', 'Kontor {Nord}', 'x']);
    assert.deepEqual(fields('#TRANS 1 {1 "a}b"} 2'), ['1', ['1', 'a}b'], '2']);
  });

  it('flags an unclosed list or quote and stops at the field limit', () => {
    const open = tokenizeSieLine('#VER A 1 20210101 "text" {');
    assert.equal(open?.openBrace, true);
    assert.deepEqual(open?.fields, ['A', '1', '20210101', 'text', []]);
    assert.equal(tokenizeSieLine('#TRANS 1 {1 "2" 3')?.openBrace, true);
    const quote = tokenizeSieLine('#KONTO 1 "C:\\"');
    assert.equal(quote?.openQuote, true);
    assert.deepEqual(quote?.fields, ['1', 'C:"']);
    assert.deepEqual(tokenizeSieLine('#TRANS 1930 {} 5 20200101 "long text"', 3)?.fields, ['1930', [], '5']);
    assert.deepEqual(tokenizeSieLine('#KONTO 1 2 3', Infinity, (label) => (label === '#KONTO' ? 1 : 9))?.fields, ['1']);
  });

  it('reports brace lines, upper-cases labels and skips blank lines', () => {
    assert.equal(tokenizeSieLine('{\t')?.label, '{');
    assert.equal(tokenizeSieLine('  } ')?.label, '}');
    assert.equal(tokenizeSieLine('#trans 1 {} 2')?.label, '#TRANS');
    assert.equal(tokenizeSieLine('   \t\r'), null);
    assert.equal(tokenizeSieLine(''), null);
  });
});
