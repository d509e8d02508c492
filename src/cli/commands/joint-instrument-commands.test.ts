// `mogna instrument show … --json` prints the joint instruments with their new answer types,
// follow-ups, targets, comments, analysis and recommendation rules.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function showJson(key: string) {
  const result = spawnSync(process.execPath, ['bin/mogna.js', 'instrument', 'show', key, '--json'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as {
    key: string;
    respondentMode: string;
    scales: Record<string, { type: string; min: number; max: number; labels: Array<{ value: number; label: { sv: string } }> }>;
    dimensions: Array<{ key: string; categories: Array<{ key: string; capabilities: Array<{ key: string; items: Array<{ key: string; showIf?: { item: string; in: number[] }; target?: boolean; comment?: boolean; scale?: string }> }> }> }>;
    analysis: { kind: string } | null;
    recommendations: Array<{ key: string; when: unknown }>;
  };
}

describe('mogna instrument show for the joint instruments', () => {
  it('informationssakerhet: joint, yes/no, hours in bands as a follow-up, a degree scale 1–4, 11 rules', () => {
    const instrument = showJson('informationssakerhet');
    assert.equal(instrument.respondentMode, 'joint');
    assert.equal(instrument.scales['ja-nej']!.type, 'yes-no');
    assert.deepEqual(instrument.scales['timmar']!.labels.map((label) => label.label.sv), ['0 timmar', '1–10 timmar', '11–20 timmar', '21–30 timmar', '31–39 timmar', 'Heltid']);
    assert.deepEqual([instrument.scales['grad']!.min, instrument.scales['grad']!.max], [1, 4]);
    const items = instrument.dimensions.flatMap((d) => d.categories.flatMap((c) => c.capabilities.flatMap((k) => k.items)));
    assert.equal(items.length, 16);
    assert.deepEqual(items.find((item) => item.key === 'ciso-timmar')?.showIf, { item: 'har-ciso', in: [1] });
    assert.equal(instrument.analysis?.kind, 'practice-index');
    assert.equal(instrument.recommendations.length, 11);
  });

  it('formagekarta: 55 capabilities in 3 areas and 10 themes, levels 0–4 with target and comment', () => {
    const instrument = showJson('formagekarta');
    assert.deepEqual(instrument.dimensions.map((d) => d.key), ['ledningsformagor', 'karnformagor', 'stodformagor']);
    assert.equal(instrument.dimensions.flatMap((d) => d.categories).length, 10);
    const capabilities = instrument.dimensions.flatMap((d) => d.categories.flatMap((c) => c.capabilities));
    assert.equal(capabilities.length, 55);
    assert.ok(capabilities.every((capability) => capability.items.length === 1 && capability.items[0]!.target === true && capability.items[0]!.comment === true));
    assert.deepEqual(instrument.scales['formaga']!.labels.map((label) => `${label.value} ${label.label.sv}`), ['0 Obefintlig', '1 Ad-hoc/undermålig', '2 Acceptabel', '3 Bra', '4 Branschledande']);
    assert.equal(instrument.analysis?.kind, 'level-map');
  });
});
