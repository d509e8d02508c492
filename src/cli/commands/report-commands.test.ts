// `mogna report` as a user runs it: child processes on a scratch SQLite file with the demo.
// One member's report to a file, a federation's reports into a folder (a line per file without
// a terminal), and the usage errors that exit with code 2.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/mogna.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mogna-report-cli-'));
const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'cli.sqlite')}`, LOG_LEVEL: 'silent' };
// The demo's members closed their rounds last year.
const YEAR = String(new Date().getUTCFullYear() - 1);

function mogna(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 300_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('mogna report', () => {
  let member: { id: string; name: string };
  let federation: { id: string; name: string };

  before(() => {
    const seeded = mogna(['demo']);
    assert.equal(seeded.code, 0, seeded.stderr);
    const organisations = JSON.parse(mogna(['org', 'list', '--json']).stdout) as Array<{ id: string; name: string; kind: string }>;
    federation = organisations.find((organisation) => organisation.kind === 'kommunalforbund')!;
    member = organisations.find((organisation) => organisation.kind === 'kommun')!;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('--org writes one member’s report, found by name or id, in the format asked for', () => {
    const docx = join(dir, 'member.docx');
    const byName = mogna(['report', '--org', member.name, '--year', YEAR, '--format', 'docx', '--out', docx]);
    assert.equal(byName.code, 0, byName.stderr);
    assert.match(byName.stdout, /Wrote .*member\.docx/);
    assert.equal(readFileSync(docx).subarray(0, 2).toString('latin1'), 'PK');
    const pdf = join(dir, 'member.pdf');
    const byId = mogna(['report', '--org', member.id, '--year', YEAR, '--out', pdf]);
    assert.equal(byId.code, 0, byId.stderr);
    assert.equal(readFileSync(pdf).subarray(0, 4).toString('latin1'), '%PDF', 'the format follows the file name');
  });

  test('--federation writes every report into the folder, a line per file without a terminal', () => {
    const out = join(dir, 'all');
    const result = mogna(['report', '--federation', federation.name, '--year', YEAR, '--out', out, '--format', 'docx']);
    assert.equal(result.code, 0, result.stderr);
    const files = readdirSync(out).sort();
    assert.ok(files.length >= 2, 'the federation report and the members’ sub-reports');
    assert.ok(files.every((file) => /^mogna-[a-z0-9-]+-\d{4}\.docx$/.test(file)), files.join(', '));
    assert.equal((result.stdout.match(/^wrote /gm) ?? []).length, files.length);
    for (const file of files) assert.equal(readFileSync(join(out, file)).subarray(0, 2).toString('latin1'), 'PK', file);
  });

  test('bad arguments exit with code 2 and say what is wrong', () => {
    const badFormat = mogna(['report', '--org', member.id, '--year', YEAR, '--format', 'odt', '--out', join(dir, 'x.odt')]);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /--format must be docx, pdf or html, not "odt"/);
    const badList = mogna(['report', '--federation', federation.id, '--year', YEAR, '--format', 'docx,rtf', '--out', join(dir, 'bad')]);
    assert.equal(badList.code, 2);
    const unknownOrg = mogna(['report', '--org', 'Ingenstans kommun', '--year', YEAR, '--format', 'pdf', '--out', join(dir, 'x.pdf')]);
    assert.equal(unknownOrg.code, 2);
    assert.match(unknownOrg.stderr, /no organisation "Ingenstans kommun"/);
    const unknownYear = mogna(['report', '--org', member.id, '--year', '1999', '--format', 'pdf', '--out', join(dir, 'x.pdf')]);
    assert.equal(unknownYear.code, 2);
    assert.match(unknownYear.stderr, /nothing to report for 1999/);
    const both = mogna(['report', '--org', member.id, '--federation', federation.id, '--year', YEAR, '--out', dir]);
    assert.equal(both.code, 2);
  });
});
