import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SIE_REAL = fileURLToPath(new URL('../../../test/fixtures/sie-real/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mogna-ledger-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function mogna(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/mogna.js', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

interface AnalysisJson {
  rows: number;
  year: number | null;
  pools: Record<string, { centralIt: number; outside: number; total: number }>;
  totalIt: number;
  centralItCost: number;
  organisationTotalCost: number;
  centralItShare: number | null;
  unmapped: { account: string; name: string; amount: number }[];
  warnings: { code: string; line: number | null; message: string }[];
}

const sie = iconv.encode(
  [
    '#FLAGGA 0',
    '#FORMAT PC8',
    '#SIETYP 4',
    '#RAR 0 20210101 20211231',
    '#OBJEKT 1 "1200" "IT-enheten"',
    '#OBJEKT 1 "3100" "Grundskola"',
    '#KONTO 5011 "Månadslön"',
    '#KONTO 6420 "Licenser"',
    '#KONTO 6710 "Okänt"',
    '#VER A 1 20210115 "Lön"',
    '{',
    '#TRANS 5011 {1 "1200"} 1000.25',
    '#TRANS 5011 {1 "3100"} 5000',
    '#TRANS 1930 {} -6000.25',
    '}',
    '#VER A 2 20210116 "Licenser"',
    '{',
    '#TRANS 6420 {1 "1200"} 300',
    '#TRANS 6420 {1 "3100"} 700.10',
    '#TRANS 6710 {1 "1200"} 50',
    '#TRANS 2440 {} -1050.10',
    '}',
  ].join('\n'),
  'cp437',
);

describe('mogna ledger analyse', () => {
  const ledger = file('ledger.se', sie);

  it('prints the issue’s JSON with amounts in SEK', () => {
    const run = mogna('ledger', 'analyse', ledger, '--central-it', '1200', '--json');
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as AnalysisJson;
    assert.deepEqual(Object.keys(json), ['rows', 'year', 'pools', 'totalIt', 'centralItCost', 'organisationTotalCost', 'centralItShare', 'unmapped', 'warnings']);
    assert.deepEqual(Object.keys(json.pools), ['internal_labour', 'external_labour', 'outside_services', 'hardware', 'software', 'facilities_and_power', 'telecom', 'other']);
    assert.equal(json.rows, 7);
    assert.equal(json.year, 2021);
    assert.deepEqual(json.pools.internal_labour, { centralIt: 1000.25, outside: 0, total: 1000.25 });
    assert.deepEqual(json.pools.software, { centralIt: 300, outside: 700.1, total: 1000.1 });
    assert.equal(json.totalIt, 2000.35);
    assert.equal(json.centralItCost, 1350.25);
    assert.equal(json.organisationTotalCost, 7050.35);
    assert.equal(json.centralItShare, Number((1350.25 / 7050.35).toFixed(6)));
    assert.deepEqual(json.unmapped, [{ account: '6710', name: 'Okänt', amount: 50 }]);
    assert.deepEqual(json.warnings, []);
  });

  it('takes a rules file, cost classes and a hand-entered total', () => {
    const rules = file('rules.csv', 'from,to,pool,name_contains\n6000,6999,hardware,\n');
    const run = mogna('ledger', 'analyse', ledger, '--mapping', rules, '--central-it', '1200,', '--cost-classes', '6', '--total-cost', '10 000', '--json');
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as AnalysisJson;
    assert.equal(json.pools.hardware?.total, 1050.1);
    assert.equal(json.organisationTotalCost, 10000);
    assert.equal(json.centralItShare, 0.035);
    assert.deepEqual(json.unmapped, []);
  });

  it('reads a CSV file with a column mapping and prints a table without --json', () => {
    const csv = file('ledger.csv', iconv.encode('Konto;Namn;Ansvar;Belopp\n6420;Licenser;1200;"1 000,50"\n6810;Telefoni;9;20\n', 'windows-1252'));
    const run = mogna('ledger', 'analyze', csv, '--columns', 'account=Konto,accountName=Namn,costCentre=Ansvar,amount=Belopp', '--central-it', '1200');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Software\s+1\s000,50 kr\s+0 kr\s+1\s000,50 kr/);
    assert.match(run.stdout, /Telecom\s+0 kr\s+20 kr\s+20 kr/);
  });

  it('exits 2 naming the line of a broken file', () => {
    const broken = file('broken.se', Buffer.concat([sie.subarray(0, sie.indexOf('#TRANS 2440')), Buffer.from('#TRANS 2440 {} tusen\n}\n')]));
    const run = mogna('ledger', 'analyse', broken, '--json');
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /broken\.se:21: the #TRANS amount "tusen" is not a number \[BAD_NUMBER\]/);
    const open = mogna('ledger', 'analyse', file('open.se', sie.subarray(0, sie.lastIndexOf('}'))), '--json');
    assert.equal(open.code, 2);
    assert.match(open.stderr, /open\.se:16: the file ends inside the voucher that starts on line 16/);
  });

  it('exits 2 for a type 1 file, a bad rules file and bad options', () => {
    const type1 = mogna('ledger', 'analyse', join(SIE_REAL, 'Sie1.se'), '--json');
    assert.equal(type1.code, 2);
    assert.match(type1.stderr, /Sie1\.se:7: SIE type 1 has no cost-centre data/);
    const rules = file('bad-rules.csv', 'from,to,pool,name_contains\n6000,6999,hardware,\n7000,7999,cloud,\n');
    const badRules = mogna('ledger', 'analyse', ledger, '--mapping', rules);
    assert.equal(badRules.code, 2);
    assert.match(badRules.stderr, /bad-rules\.csv:3: unknown pool "cloud"/);
    const badClasses = mogna('ledger', 'analyse', ledger, '--cost-classes', 'fyra');
    assert.equal(badClasses.code, 2);
    assert.match(badClasses.stderr, /--cost-classes/);
  });
});

describe('mogna ledger cost-centres and rules', () => {
  it('lists cost centres with their cost and prints the default rules', () => {
    const ledger = file('centres.se', sie);
    const centres = mogna('ledger', 'cost-centres', ledger, '--json');
    assert.equal(centres.code, 0, centres.stderr);
    assert.deepEqual(JSON.parse(centres.stdout), [
      { id: '1200', name: 'IT-enheten', cost: 1350.25 },
      { id: '3100', name: 'Grundskola', cost: 5700.1 },
    ]);
    const rules = mogna('ledger', 'rules');
    assert.equal(rules.code, 0);
    assert.match(rules.stdout, /^from,to,pool,name_contains,comment\n5000,5999,internal_labour,/);
  });
});
