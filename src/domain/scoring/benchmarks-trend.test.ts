// Benchmarks, trend and the points worth discussing, on hand-computed examples.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeBenchmark, benchmarkMatrixPoint } from './benchmarks.ts';
import { differencesFromBenchmark, largestSpread, strengthsAndWeaknesses } from './insights.ts';
import { scoreMaturity } from './maturity-score.ts';
import { comparableCapabilities, computeTrend } from './trend.ts';
import { answers, tinyInstrument } from './test-instrument.ts';

const instrument = tinyInstrument();
/** One respondent answering `value` everywhere except where `overrides` say otherwise. */
const flat = (id: string, value: number, overrides: Record<string, number | null> = {}) =>
  scoreMaturity(instrument, [answers(id, { i1: value, i2: 6 - value, i3: value, i4: value, i5: value, i6: value, i7: value, ...overrides })]);

describe('benchmarks', () => {
  const orgs = [
    { organisationId: 'a', kind: 'kommun', result: flat('a', 2) },
    { organisationId: 'b', kind: 'kommun', result: flat('b', 3) },
    { organisationId: 'c', kind: 'region', result: flat('c', 5, { i3: null }) },
  ];

  it('gives min, average and max with every organisation weighing the same', () => {
    const benchmark = computeBenchmark(instrument, orgs)!;
    assert.equal(benchmark.organisations, 3);
    assert.deepEqual(benchmark.capabilities.k1, { min: 2, avg: 10 / 3, max: 5, organisations: 3 });
    assert.deepEqual(benchmark.dimensions.arv, { min: 2, avg: 10 / 3, max: 5, organisations: 3 });
    // maturity: 2 → 33.3, 3 → 50, 5 → 83.3
    assert.equal(benchmark.maturityPercent!.min, 33.3);
    assert.equal(benchmark.maturityPercent!.max, 83.3);
  });

  it('leaves out a measure fewer than three organisations have a score for', () => {
    const benchmark = computeBenchmark(instrument, orgs)!;
    assert.equal(benchmark.capabilities.k2, null, 'c answered "vet ej" on i3: only two organisations have k2');
    // c1 is still there for c (from k1 alone): min 2, max 5.
    assert.deepEqual(benchmark.categories.c1, { min: 2, avg: 10 / 3, max: 5, organisations: 3 });
  });

  it('is not shown with fewer than three organisations, whatever is asked', () => {
    assert.equal(computeBenchmark(instrument, orgs.slice(0, 2)), null);
    assert.equal(computeBenchmark(instrument, orgs.slice(0, 2), 1), null);
    assert.equal(computeBenchmark(instrument, orgs, 4), null);
  });

  it('places the averages in the matrix', () => {
    assert.deepEqual(benchmarkMatrixPoint(instrument, computeBenchmark(instrument, orgs)), { capability: 10 / 3, legacy: 10 / 3 });
    assert.equal(benchmarkMatrixPoint(instrument, null), null);
  });
});

describe('trend', () => {
  it('compares everything between rounds of the same version', () => {
    const trend = computeTrend({ instrument, result: flat('now', 4) }, { instrument, result: flat('then', 3), year: 2025 });
    assert.deepEqual(trend.capabilities.k1, { previous: 3, current: 4, change: 1 });
    assert.deepEqual(trend.dimensions.formaga, { previous: 3, current: 4, change: 1 });
    assert.deepEqual(trend.quadrant, { previous: 'D', current: 'D' });
    // 50.0 → 66.7
    assert.ok(Math.abs(trend.maturityPercent!.change - 16.7) < 1e-9);
    assert.deepEqual(trend.notComparable, []);
  });

  it('compares a revised version only where comparableWith says so', () => {
    const revised = tinyInstrument({ version: '2', comparableWith: [{ version: '1', capabilities: ['k1', 'k2', 'k4'] }] });
    assert.deepEqual([...comparableCapabilities(revised, instrument)].sort(), ['k1', 'k2', 'k4']);
    const now = scoreMaturity(revised, [answers('n', { i1: 5, i2: 1, i3: 5, i4: 5, i5: 5, i6: 5 })]);
    const trend = computeTrend({ instrument: revised, result: now }, { instrument, result: flat('then', 2), year: 2025 });
    assert.deepEqual(trend.capabilities.k1, { previous: 2, current: 5, change: 3 });
    assert.equal(trend.capabilities.k3, null, 'k3 not declared comparable');
    assert.deepEqual(trend.categories.c1, { previous: 2, current: 5, change: 3 }, 'c1 = k1 + k2, both comparable');
    assert.equal(trend.categories.c2, null);
    assert.equal(trend.dimensions.formaga, null, 'a dimension with a non-comparable category is not compared');
    assert.equal(trend.quadrant, null);
    assert.equal(trend.maturityPercent, null);
    assert.deepEqual(trend.notComparable, ['k3', 'k5', 'k6']);
  });

  it('compares nothing with a version it does not declare', () => {
    const other = tinyInstrument({ version: '3' });
    assert.equal(comparableCapabilities(other, instrument).size, 0);
  });
});

describe('what to discuss', () => {
  it('names the three strongest and the three weakest categories even when all are high', () => {
    // Only three categories here: each list gets one (half of three, rounded down).
    const result = flat('x', 5, { i4: 6, i5: 4 });
    const { strongest, weakest } = strengthsAndWeaknesses(instrument, result);
    assert.deepEqual(strongest.map((entry) => entry.key), ['c2']);
    assert.deepEqual(weakest.map((entry) => entry.key), ['c3']);
  });

  it('finds the capabilities furthest below and above the benchmark average', () => {
    const benchmark = computeBenchmark(instrument, [
      { organisationId: 'a', kind: 'kommun', result: flat('a', 2) },
      { organisationId: 'b', kind: 'kommun', result: flat('b', 3) },
      { organisationId: 'c', kind: 'kommun', result: flat('c', 4) },
    ]);
    const own = flat('own', 3, { i1: 6, i2: 0, i5: 1, i3: 2 });
    const { below, above } = differencesFromBenchmark(instrument, own, benchmark);
    assert.deepEqual(below.map((entry) => [entry.key, entry.difference]), [['k4', -2], ['k2', -1]]);
    assert.deepEqual(above.map((entry) => [entry.key, entry.difference]), [['k1', 3]]);
  });

  it('finds where respondents disagree most', () => {
    const result = scoreMaturity(instrument, [
      answers('a', { i1: 0, i2: 6, i4: 3, i5: 2 }),
      answers('b', { i1: 6, i2: 0, i4: 4, i5: 2 }),
    ]);
    const spread = largestSpread(instrument, result);
    assert.equal(spread[0]!.key, 'k1');
    assert.ok(Math.abs(spread[0]!.sd - Math.sqrt(18)) < 1e-12, 'scores 0 and 6: sd = √18');
    assert.equal(spread[1]!.key, 'k3');
    assert.equal(spread.length, 3);
  });
});
