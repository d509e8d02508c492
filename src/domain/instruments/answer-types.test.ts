// The new answer types and rules in instrument files: what they load as, and the mistakes the
// schema catches with the path of each.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInstrument } from './parse-instrument.ts';

const t = (text: string) => `{ sv: "${text}", en: "${text}" }`;

function instrument(parts: { scales?: string; items: string; extra?: string }): string {
  return `key: prov
version: "1"
name: ${t('Prov')}
description: ${t('Prov')}
attribution: ${t('Prov')}
respondentMode: joint
scales:
  jn: { type: yes-no }
  band:
    type: bands
    unit: ${t('timmar')}
    bands:
      - { value: 0, from: 0, to: 0, label: ${t('0')} }
      - { value: 1, from: 1, to: 10, label: ${t('1-10')} }
      - { value: 2, from: 11, label: ${t('mer')} }
${parts.scales ?? ''}
defaultScale: jn
dimensions:
  - key: d
    name: ${t('D')}
    description: ${t('D')}
    categories:
      - key: c
        name: ${t('C')}
        description: ${t('C')}
        capabilities:
          - key: k
            name: ${t('K')}
            help: ${t('K')}
            items:
${parts.items}
${parts.extra ?? ''}`;
}

const errorsOf = (text: string) => {
  const result = parseInstrument('prov.yaml', text);
  return result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`);
};

describe('answer types', () => {
  it('normalises yes/no and bands to min, max and labels in the offered order', () => {
    const result = parseInstrument('prov.yaml', instrument({ items: `              - { key: a, text: ${t('A')} }` }));
    assert.ok(result.ok);
    const { jn, band } = result.instrument.scales;
    assert.deepEqual([jn!.min, jn!.max, jn!.labels.map((label) => [label.value, label.label.sv])], [0, 1, [[1, 'Ja'], [0, 'Nej']]]);
    assert.deepEqual([band!.min, band!.max, band!.labels.length], [0, 2, 3]);
  });

  it('a follow-up must name an earlier item of its capability, with values on that item\'s scale', () => {
    const later = errorsOf(instrument({ items: `              - { key: a, text: ${t('A')}, showIf: { item: b, in: [1] } }\n              - { key: b, text: ${t('B')} }` }));
    assert.deepEqual(later, ['dimensions.0.categories.0.capabilities.0.items.0.showIf.item: showIf must name an earlier item of the same capability; "b" is not one']);
    const offScale = errorsOf(instrument({ items: `              - { key: a, text: ${t('A')} }\n              - { key: b, text: ${t('B')}, showIf: { item: a, in: [2] } }` }));
    assert.deepEqual(offScale, ['dimensions.0.categories.0.capabilities.0.items.1.showIf.in.0: 2 is not an answer of item "a"']);
  });

  it('bands must not run backwards and only the last may be open-ended', () => {
    const errors = errorsOf(instrument({ scales: `  fel:\n    type: bands\n    unit: ${t('h')}\n    bands:\n      - { value: 0, from: 5, label: ${t('a')} }\n      - { value: 1, from: 9, to: 3, label: ${t('b')} }`, items: `              - { key: a, text: ${t('A')} }` }));
    assert.deepEqual(errors.sort(), ['scales.fel.bands.0.to: only the last band may be open-ended', 'scales.fel.bands.1.to: a band must end at or after its start ("to" ≥ "from")']);
  });

  it('recommendation rules must name existing items and scopes', () => {
    const errors = errorsOf(instrument({
      items: `              - { key: a, text: ${t('A')} }`,
      extra: `recommendations:\n  - key: r1\n    title: ${t('R')}\n    text: ${t('R')}\n    when: { any: [{ item: saknas, equals: 0 }, { countOf: { within: ingen }, min: 1 }] }`,
    }));
    assert.deepEqual(errors.sort(), [
      'recommendations.0.when.any.0.item: no item with key "saknas"',
      'recommendations.0.when.any.1.countOf.within: no dimension, category or capability with key "ingen"',
    ]);
  });

  it('an analysis belongs to a joint instrument, and a practice needs a yes/no item', () => {
    const errors = errorsOf(instrument({
      items: `              - { key: a, text: ${t('A')}, scale: band }\n              - { key: b, text: ${t('B')}, scale: band }`,
      extra: `analysis:\n  kind: practice-index\n  practices:\n    - { established: a, degree: b }`,
    }));
    assert.deepEqual(errors.sort(), [
      'analysis.practices.0.degree: the degree scale must start at 1 or above (0 means "not established")',
      'analysis.practices.0.established: the "established" item must use a yes-no scale',
    ]);
  });
});
