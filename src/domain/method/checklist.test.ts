// The method's checklist as plain data: the shipped steps file, the follow-up phase only from a
// federation's second study year, the next open step, progress counts, and a file with mistakes.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loadMethodCatalog, MethodLoadError, shippedMethod } from '../../catalogues/method-catalog.ts';
import { parseDataFile } from '../data-file.ts';
import { buildChecklist, findStep } from './checklist.ts';
import { methodSchema } from './method-schema.ts';

const method = shippedMethod().forYear(2026);
const none = new Map<string, string>();

describe('the method checklist', () => {
  test('the shipped file has the four phases in order, each step with Swedish and English texts', () => {
    assert.deepEqual(method.phases.map((phase) => phase.key), ['anchoring', 'measurement', 'analysis', 'follow-up']);
    for (const step of method.phases.flatMap((phase) => phase.steps)) {
      assert.ok(step.title.sv && step.title.en && step.help.sv && step.help.en, step.key);
    }
    assert.ok(findStep(method, 'choose-respondents')!.step.checklist.length >= 3, 'who should answer, as a list');
  });

  test('in a first study year there is no follow-up phase', () => {
    const first = buildChecklist(method, { done: none, followUpYear: false, scope: 'member' });
    assert.ok(!first.phases.some((phase) => phase.key === 'follow-up'));
    const second = buildChecklist(method, { done: none, followUpYear: true, scope: 'member' });
    assert.equal(second.phases.at(-1)?.key, 'follow-up');
    assert.equal(second.total, first.total + 1);
  });

  test('each scope gets only its own steps, and a phase without any is left out', () => {
    const study = buildChecklist(method, { done: none, followUpYear: false, scope: 'study' });
    assert.ok(study.phases.every((phase) => phase.steps.every((step) => step.scope === 'study')));
    assert.ok(!study.phases.some((phase) => phase.key === 'measurement'), 'the measurement is the members\' work');
    const member = buildChecklist(method, { done: none, followUpYear: false, scope: 'member' });
    assert.ok(member.phases.every((phase) => phase.steps.every((step) => step.scope === 'member')));
  });

  test('the next step is the first open one, and the counts follow the ticks', () => {
    const done = new Map([
      ['member-contact', '2026-03-01T09:00:00.000Z'],
      ['explain-terms', '2026-03-02T09:00:00.000Z'],
      ['gone-from-the-method', '2026-03-02T09:00:00.000Z'],
    ]);
    const checklist = buildChecklist(method, { done, followUpYear: false, scope: 'member' });
    assert.deepEqual(checklist.next, { phase: 'anchoring', step: 'choose-respondents' });
    assert.equal(checklist.done, 2, 'an unknown ticked key does not count');
    assert.equal(checklist.total, 7);
    const anchoring = checklist.phases[0]!;
    assert.deepEqual([anchoring.done, anchoring.total], [2, 3]);
    assert.deepEqual(anchoring.steps.map((step) => [step.key, step.done, step.next]), [
      ['member-contact', true, false],
      ['choose-respondents', false, true],
      ['explain-terms', true, false],
    ]);
    assert.equal(anchoring.steps[2]!.doneAt, '2026-03-02T09:00:00.000Z');
  });

  test('when every step is done there is no next step', () => {
    const all = new Map(method.phases.flatMap((phase) => phase.steps).map((step) => [step.key, '2026-03-01T09:00:00.000Z']));
    const checklist = buildChecklist(method, { done: all, followUpYear: true, scope: 'study' });
    assert.equal(checklist.next, null);
    assert.equal(checklist.done, checklist.total);
  });

  test('a file with a repeated step key or a missing English text names the place', () => {
    const text = [
      'key: steps', 'version: "2026"', 'name: { sv: Steg, en: Steps }', 'phases:',
      '  - key: one', '    title: { sv: Ett, en: One }', '    steps:',
      '      - { key: a, scope: study, title: { sv: A, en: A }, help: { sv: Hjälp, en: Help } }',
      '      - { key: a, scope: member, title: { sv: B }, help: { sv: Hjälp, en: Help } }',
    ].join('\n');
    const result = parseDataFile('steps.yaml', text, methodSchema);
    assert.equal(result.ok, false);
    const paths = result.ok ? [] : result.errors.map((error) => error.path);
    assert.ok(paths.includes('phases.0.steps.1.title.en'), paths.join(', '));
    const dir = mkdtempSync(join(tmpdir(), 'mogna-method-'));
    try {
      writeFileSync(join(dir, '2026.yaml'), text.replace('{ sv: B }', '{ sv: B, en: B }'));
      assert.throws(() => loadMethodCatalog(dir), (error: unknown) => error instanceof MethodLoadError && /phases\.0\.steps\.1\.key: step key "a" is used twice/.test(error.message));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a study year follows the newest version no later than it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mogna-method-'));
    try {
      const file = (version: string) => `key: steps\nversion: "${version}"\nname: { sv: Steg, en: Steps }\nphases:\n  - key: one\n    title: { sv: Ett, en: One }\n    steps:\n      - { key: a, scope: study, title: { sv: A, en: A }, help: { sv: H, en: H } }\n`;
      writeFileSync(join(dir, '2026.yaml'), file('2026'));
      writeFileSync(join(dir, '2028.yaml'), file('2028'));
      const catalog = loadMethodCatalog(dir);
      assert.deepEqual([2025, 2026, 2027, 2028, 2030].map((year) => catalog.forYear(year).version), ['2026', '2026', '2026', '2028', '2028']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
