// `mogna score`: results from a CSV of answers, hand-computed, and exit code 2 naming the row.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mogna-score-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function mogna(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/mogna.js', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

interface ScoreJson {
  instrument: string;
  version: string;
  respondents: number;
  capabilities: Record<string, { score: number | null; n: number; sd: number | null; ci95: [number, number] | null }>;
  categories: Record<string, number | null>;
  dimensions: { formaga: number | null; arv: number | null };
  maturityPercent: number | null;
  quadrant: string | null;
}

// rykte-4 is a reversed statement. a: rykte mean(5, 6−1) = 5; b: 2 (rykte-4 "vet ej");
// c: mean(3, 6−3) = 3. Only a answers portföljstyrning (2); d answers only "vet ej" (no score).
const answers = [
  'respondent;item;value',
  'a;rykte-1;5',
  'a;rykte-4;1',
  'a;portfoljstyrning-1;2',
  'b;rykte-1;2',
  'b;rykte-4;vet ej',
  'c;rykte-1;3',
  'c;rykte-4;3',
  'd;rykte-2;dont-know',
  'd;rykte-3;',
].join('\n');

describe('mogna score', () => {
  it('prints the results as JSON, computed as docs/method.md describes', () => {
    const run = mogna('score', '--instrument', 'digital-mognad', '--version', '2026', '--responses', file('answers.csv', answers), '--json');
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as ScoreJson;
    assert.equal(json.instrument, 'digital-mognad');
    assert.equal(json.version, '2026');
    assert.equal(json.respondents, 4);
    // scores 5, 2, 3: mean 3.333, sd √(14/3 / 2) = 1.528, half width 4.3027 · 1.528 / √3 = 3.795
    assert.deepEqual(json.capabilities.rykte, { score: 3.333, n: 3, sd: 1.528, ci95: [-0.461, 7.128] });
    assert.deepEqual(json.capabilities.portfoljstyrning, { score: 2, n: 1, sd: null, ci95: null });
    assert.deepEqual(json.capabilities.skalning, { score: null, n: 0, sd: null, ci95: null });
    assert.equal(json.categories.anvandare, 3.333);
    assert.equal(json.categories.teknik, null);
    assert.deepEqual(json.dimensions, { formaga: 2, arv: 3.333 });
    // ((2 + 3.333) / 2) / 6 · 100 = 44.44 → 44.4; förmåga 2 < 3, arv 3.33 ≥ 3 → B
    assert.equal(json.maturityPercent, 44.4);
    assert.equal(json.quadrant, 'B');
    assert.equal(Object.keys(json.capabilities).length, 26);
  });

  it('takes the quadrant threshold from --threshold (exactly on it counts as high)', () => {
    const run = mogna('score', '--instrument', 'digital-mognad', '--responses', file('answers2.csv', answers), '--threshold', '2.0', '--json');
    assert.equal(run.code, 0, run.stderr);
    assert.equal((JSON.parse(run.stdout) as ScoreJson).quadrant, 'D');
  });

  const bad: Array<[string, string, RegExp]> = [
    ['unknown item', 'respondent,item,value\na,rykte-1,4\na,okand-1,3\n', /row 3: unknown item "okand-1"/],
    ['value out of range', 'respondent,item,value\na,rykte-1,7\n', /row 2: value "7" for rykte-1 is not a whole number from 0 to 6/],
    ['not a number', 'respondent,item,value\na,rykte-1,4\nb,rykte-1,fyra\n', /row 3: value "fyra"/],
    ['a decimal', 'respondent,item,value\na,rykte-1,4.5\n', /row 2: value "4.5"/],
    ['a short row', 'respondent,item,value\na,rykte-1,4\nb,rykte-1\n', /row 3: expected 3 columns, found 2/],
    ['no respondent', 'respondent,item,value\n,rykte-1,4\n', /row 2: the respondent is empty/],
    ['a duplicate', 'respondent,item,value\na,rykte-1,4\na,rykte-1,5\n', /row 3: respondent "a" already answered rykte-1/],
    ['a wrong header', 'who,item,value\na,rykte-1,4\n', /row 1: the header must name the columns respondent,item,value/],
    ['an unclosed quote', 'respondent,item,value\na,rykte-1,4\nb,"rykte-1,4\n', /row 3: not a readable CSV file/],
  ];
  for (const [name, content, message] of bad) {
    it(`stops with exit code 2 on ${name}, naming the row`, () => {
      const run = mogna('score', '--instrument', 'digital-mognad', '--responses', file(`${name.replace(/ /g, '-')}.csv`, content), '--json');
      assert.equal(run.code, 2);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
    });
  }

  it('exits 2 for an unknown instrument or a missing file', () => {
    assert.equal(mogna('score', '--instrument', 'okand', '--responses', file('x.csv', answers)).code, 2);
    const missing = mogna('score', '--instrument', 'digital-mognad', '--responses', join(dir, 'saknas.csv'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file/);
  });
});
