import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function mogna(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/mogna.js', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface ShownItem {
  key: string;
  text: { sv: string; en: string };
  reversed: unknown;
}
interface ShownInstrument {
  key: string;
  version: string;
  name: { sv: string; en: string };
  description: { sv: string; en: string };
  attribution: { sv: string; en: string };
  scale: { type: string; min: number; max: number; dontKnow?: { sv: string; en: string } };
  scales: Record<string, unknown>;
  dimensions: Array<{
    key: string;
    name: { sv: string; en: string };
    categories: Array<{
      key: string;
      name: { sv: string; en: string };
      capabilities: Array<{ key: string; name: { sv: string; en: string }; help: { sv: string; en: string }; items: ShownItem[] }>;
    }>;
  }>;
  results: { capabilityDimension: string; legacyDimension: string; quadrants: Record<string, unknown> };
}

describe('mogna instrument show --json', () => {
  const shown = mogna('instrument', 'show', 'digital-mognad', '--json');
  const instrument = JSON.parse(shown.stdout) as ShownInstrument;

  it('exits 0 and prints the instrument with its texts and default scale', () => {
    assert.equal(shown.code, 0, shown.stderr);
    assert.equal(instrument.key, 'digital-mognad');
    assert.equal(instrument.version, '2026');
    assert.equal(instrument.name.sv, 'Digital mognad');
    assert.match(instrument.attribution.en, /DiMiOS/);
    assert.deepEqual([instrument.scale.type, instrument.scale.min, instrument.scale.max], ['scale', 0, 6]);
    assert.deepEqual(instrument.scale.dontKnow, { sv: 'Vet ej', en: "Don't know" });
    assert.deepEqual(Object.keys(instrument.scales), ['agreement']);
  });

  it('prints dimensions › categories › capabilities › items, every item with a boolean "reversed"', () => {
    assert.deepEqual(
      instrument.dimensions.map((dimension) => [dimension.key, dimension.categories.map((category) => category.key)]),
      [
        ['formaga', ['effektivitet', 'innovation', 'balansering']],
        ['arv', ['teknik', 'organisation', 'anvandare']],
      ],
    );
    const capabilities = instrument.dimensions.flatMap((dimension) =>
      dimension.categories.flatMap((category) => category.capabilities),
    );
    assert.equal(capabilities.length, 26);
    const items = capabilities.flatMap((capability) => capability.items);
    for (const capability of capabilities) {
      assert.ok(capability.help.sv && capability.help.en, capability.key);
      assert.ok(capability.items.length >= 3, capability.key);
    }
    for (const item of items) {
      assert.equal(typeof item.reversed, 'boolean', item.key);
      assert.ok(item.text.sv && item.text.en, item.key);
    }
    assert.equal(items.find((item) => item.key === 'skugg-it-1')?.reversed, true);
    assert.equal(items.find((item) => item.key === 'portfoljstyrning-1')?.reversed, false);
  });

  it('includes how results are read', () => {
    assert.equal(instrument.results.capabilityDimension, 'formaga');
    assert.equal(instrument.results.legacyDimension, 'arv');
    assert.deepEqual(Object.keys(instrument.results.quadrants), ['A', 'B', 'C', 'D']);
  });
});

describe('mogna instrument list', () => {
  it('prints key, version, name and counts as JSON', () => {
    const { code, stdout, stderr } = mogna('instrument', 'list', '--json');
    assert.equal(code, 0, stderr);
    const list = JSON.parse(stdout) as unknown[];
    assert.deepEqual(
      list.find((entry) => (entry as { key: string }).key === 'digital-mognad'),
      { key: 'digital-mognad', version: '2026', name: { sv: 'Digital mognad', en: 'Digital maturity' }, capabilities: 26, items: 88 },
    );
  });

  it('prints a readable table by default', () => {
    const { code, stdout } = mogna('instrument', 'list');
    assert.equal(code, 0);
    assert.match(stdout, /^KEY\s+VERSION\s+NAME\s+CAPABILITIES\s+ITEMS$/m);
    assert.match(stdout, /^digital-mognad\s+2026\s+Digital mognad\s+26\s+88$/m);
  });
});

describe('mogna instrument show without --json', () => {
  it('prints an indented outline that marks reversed items', () => {
    const { code, stdout } = mogna('instrument', 'show', 'digital-mognad', '--version', '2026');
    assert.equal(code, 0);
    assert.match(stdout, /^Digital mognad \(digital-mognad, version 2026\)$/m);
    assert.match(stdout, /^ {4}Portföljstyrning \[portfoljstyrning\]$/m);
    assert.match(stdout, /^ {6}skugg-it-1 \(reversed\): /m);
  });
});

describe('mogna instrument with bad input', () => {
  it('exits 2 and lists the known instruments for an unknown key', () => {
    const { code, stderr } = mogna('instrument', 'show', 'dimios', '--json');
    assert.equal(code, 2);
    assert.match(stderr, /unknown instrument "dimios"/);
    assert.match(stderr, /digital-mognad@2026/);
  });

  it('exits 2 for an unknown version of a known instrument', () => {
    const { code, stderr } = mogna('instrument', 'show', 'digital-mognad', '--version', '1999');
    assert.equal(code, 2);
    assert.match(stderr, /version "1999".*digital-mognad@2026/);
  });

  const dir = mkdtempSync(join(tmpdir(), 'mogna-instruments-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 2 and names the file and the path when an instrument file is broken', () => {
    const text = readFileSync(join(ROOT, 'instruments/digital-mognad/2026.yaml'), 'utf8');
    writeFileSync(join(dir, 'broken.yaml'), text.replace('defaultScale: agreement', 'defaultScale: likert'));
    const { code, stderr } = mogna('instrument', 'list', '--dir', dir);
    assert.equal(code, 2);
    assert.match(stderr, /broken\.yaml: defaultScale: no scale named "likert"/);
  });
});
