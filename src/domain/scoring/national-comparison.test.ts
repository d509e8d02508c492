// "Riket" from the platform's own results: never the federation again.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nationalComparison } from './benchmarks.ts';
import { scoreMaturity } from './maturity-score.ts';
import { answers, tinyInstrument } from './test-instrument.ts';

const instrument = tinyInstrument();
const org = (id: string, value: number) => ({
  organisationId: id,
  kind: 'kommun',
  result: scoreMaturity(instrument, [answers(id, { i1: value, i2: 6 - value, i3: value, i4: value, i5: value, i6: value, i7: value })]),
});

describe('the national comparison', () => {
  const federation = ['f1', 'f2', 'f3'].map((id) => org(id, 2));
  const members = new Set(federation.map((entry) => entry.organisationId));

  it('is left out when every comparing organisation is in the federation', () => {
    assert.equal(nationalComparison(instrument, federation, members, 2025), null);
  });

  it('is left out with fewer organisations outside the federation than required', () => {
    const outside = [org('x1', 5), org('x2', 5)];
    assert.equal(nationalComparison(instrument, [...federation, ...outside], members, 2025), null);
    assert.equal(nationalComparison(instrument, [...federation, ...outside, org('x3', 5)], members, 2025, 4), null, 'the configured minimum is 4');
  });

  it('counts only the organisations outside the federation, and says so with year and count', () => {
    const outside = [org('x1', 5), org('x2', 4), org('x3', 3)];
    const comparison = nationalComparison(instrument, [...federation, ...outside], members, 2025)!;
    assert.equal(comparison.scope, 'outside-federation');
    assert.equal(comparison.year, 2025);
    assert.equal(comparison.organisations, 3);
    assert.equal(comparison.benchmark.capabilities.k1!.avg, 4, '(5 + 4 + 3) / 3, the federation’s 2s are not in it');
  });

  it('is every organisation for one outside any federation', () => {
    const comparison = nationalComparison(instrument, federation, null, 2025)!;
    assert.equal(comparison.scope, 'platform');
    assert.equal(comparison.organisations, 3);
  });

  it('never accepts a minimum below three', () => {
    const outside = [org('x1', 5), org('x2', 4)];
    assert.equal(nationalComparison(instrument, [...federation, ...outside], members, 2025, 1), null);
  });
});
