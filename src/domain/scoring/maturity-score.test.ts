// Every formula of docs/method.md "Results of the maturity survey", on hand-computed examples.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describe as describeScores, quadrantOf, scoreMaturity } from './maturity-score.ts';
import { studentTCdf, studentTQuantile } from './student-t.ts';
import { answers, tinyInstrument } from './test-instrument.ts';

const close = (actual: number | null | undefined, expected: number, tolerance = 1e-4, label = '') => {
  assert.ok(typeof actual === 'number', `${label}: expected a number, got ${actual}`);
  assert.ok(Math.abs(actual - expected) <= tolerance, `${label}: ${actual} is not ${expected} ± ${tolerance}`);
};

describe("Student's t quantile", () => {
  it('matches published two-sided 95 % critical values', () => {
    const table: Array<[number, number]> = [
      [1, 12.7062047],
      [2, 4.3026527],
      [3, 3.1824463],
      [5, 2.5705818],
      [10, 2.2281389],
      [30, 2.0422725],
      [100, 1.9839715],
      [1999, 1.9611520],
    ];
    for (const [df, expected] of table) close(studentTQuantile(0.975, df), expected, 1e-6, `df ${df}`);
  });
  it('is symmetric and inverts the CDF', () => {
    close(studentTQuantile(0.95, 3), 2.3533634, 1e-6, 'one-sided 95 %, df 3');
    close(studentTQuantile(0.025, 4), -2.7764451, 1e-6, 'lower tail');
    close(studentTCdf(2.7764451, 4), 0.975, 1e-8, 'cdf');
    assert.equal(studentTQuantile(0.5, 7), 0);
    assert.throws(() => studentTQuantile(1, 3), RangeError);
  });
});

describe('scoreMaturity', () => {
  const instrument = tinyInstrument();
  // R1 answers "vet ej" on i4; R2 skips i6 and says "vet ej" on i2; R3 skips i3. Nobody answers i7.
  const respondents = [
    answers('r1', { i1: 4, i2: 2, i3: 5, i4: null, i5: 3, i6: 1 }),
    answers('r2', { i1: 6, i2: null, i3: 3, i4: 2, i5: 2 }),
    answers('r3', { i1: 1, i2: 5, i4: 4, i5: 4, i6: 2 }),
  ];
  const result = scoreMaturity(instrument, respondents);

  it('turns reversed statements and leaves out "vet ej" and unanswered statements', () => {
    // k1: r1 mean(4, 6−2) = 4; r2 mean(6) = 6 (i2 "vet ej"); r3 mean(1, 6−5) = 1.
    const k1 = result.capabilities.k1!;
    close(k1.score, 11 / 3, 1e-12, 'k1 score');
    assert.equal(k1.n, 3);
    // squares: (4−11/3)² + (6−11/3)² + (1−11/3)² = 1/9 + 49/9 + 64/9 = 114/9; /2 → sd = √(57/9) = 2.5166
    close(k1.sd, Math.sqrt(57 / 9), 1e-12, 'k1 sd');
    // half width = t(0.975, 2) · sd / √3 = 4.3026527 · 2.5166115 / 1.7320508 = 6.2516
    close(k1.ci95![0], 11 / 3 - 6.25158, 1e-4, 'k1 ci lo');
    close(k1.ci95![1], 11 / 3 + 6.25158, 1e-4, 'k1 ci hi');
    // k3: r1 said "vet ej" → no score; r2 2, r3 4.
    assert.equal(result.capabilities.k3!.n, 2);
    close(result.capabilities.k3!.score, 3, 1e-12, 'k3');
    // k4: 3, 2, 4 → mean 3, sd 1, half = 4.3026527 / √3 = 2.4841
    close(result.capabilities.k4!.ci95![0], 3 - 2.484137, 1e-5, 'k4 ci lo');
  });

  it('gives a capability nobody answered no score, n 0 and leaves it out of its category', () => {
    assert.deepEqual(result.capabilities.k6, { score: null, n: 0, sd: null, ci95: null });
    // c3 = mean(k4 3, k5 mean(1, 2) = 1.5) = 2.25, not pulled down by k6.
    close(result.categories.c3, 2.25, 1e-12, 'c3');
  });

  it('averages capabilities into categories and categories into dimensions', () => {
    close(result.categories.c1, (11 / 3 + 4) / 2, 1e-12, 'c1'); // k2 = mean(5, 3) = 4
    close(result.categories.c2, 3, 1e-12, 'c2');
    close(result.dimensions.formaga, ((11 / 3 + 4) / 2 + 3) / 2, 1e-12, 'förmåga'); // 3.41667
    close(result.dimensions.arv, 2.25, 1e-12, 'arv');
  });

  it('gives the maturity percentage with one decimal and the quadrant', () => {
    // ((3.41667 + 2.25) / 2) / 6 · 100 = 47.222… → 47.2
    assert.equal(result.maturityPercent, 47.2);
    assert.equal(result.quadrant, 'C', 'high förmåga (3.42 ≥ 3), limiting arv (2.25 < 3)');
    assert.equal(result.respondents, 3);
    assert.equal(result.threshold, 3);
  });

  it('handles one respondent: a score but no sd and no interval', () => {
    const one = scoreMaturity(instrument, [respondents[0]!]);
    assert.deepEqual(one.capabilities.k1, { score: 4, n: 1, sd: null, ci95: null });
    assert.equal(one.respondents, 1);
  });

  it('puts a result exactly on the threshold in the high / enabling half', () => {
    const onLine = scoreMaturity(instrument, [answers('a', { i1: 3, i2: 3, i3: 3, i4: 3, i5: 3, i6: 3 })]);
    assert.equal(onLine.dimensions.formaga, 3);
    assert.equal(onLine.dimensions.arv, 3);
    assert.equal(onLine.quadrant, 'D');
    assert.equal(onLine.maturityPercent, 50);
    assert.equal(quadrantOf(0.1 + 0.2 + 2.7, 3, 3), 'D', 'binary rounding just under 3 still counts as on the line');
    assert.equal(quadrantOf(2.99, 3, 3), 'B');
    assert.equal(quadrantOf(3, 2.99, 3), 'C');
    assert.equal(quadrantOf(2.99, 2.99, 3), 'A');
    assert.equal(quadrantOf(null, 3, 3), null);
  });

  it('uses the threshold of the instrument version, or the one asked for', () => {
    const strict = tinyInstrument({ threshold: 3.5 });
    assert.equal(scoreMaturity(strict, respondents).quadrant, 'A', '3.42 < 3.5 and 2.25 < 3.5');
    assert.equal(scoreMaturity(instrument, respondents, { threshold: 2 }).quadrant, 'D');
  });

  it('ignores items that are not in the instrument and gives nothing for no respondents', () => {
    const none = scoreMaturity(instrument, []);
    assert.equal(none.maturityPercent, null);
    assert.equal(none.quadrant, null);
    const stray = scoreMaturity(instrument, [answers('x', { okänd: 6, i1: 2 })]);
    assert.equal(stray.capabilities.k1!.score, 2);
  });

  it('withholds a capability score with fewer respondent scores than minN, also from its category', () => {
    const guarded = scoreMaturity(instrument, respondents, { minN: 3 });
    // k2 (n 2), k3 (n 2) and k5 (n 2) are withheld; k1 (n 3) and k4 (n 3) stay.
    assert.deepEqual(guarded.capabilities.k2, { score: null, n: 2, sd: null, ci95: null });
    close(guarded.categories.c1, 11 / 3, 1e-12, 'c1 from k1 alone');
    assert.equal(guarded.categories.c2, null);
    close(guarded.dimensions.formaga, 11 / 3, 1e-12, 'förmåga from c1 alone');
    close(guarded.categories.c3, 3, 1e-12, 'c3 from k4 alone');
  });

  it('describes a list with the sample standard deviation', () => {
    const statistic = describeScores([2, 4, 4, 4, 5, 5, 7, 9]);
    close(statistic.score, 5, 1e-12, 'mean');
    close(statistic.sd, Math.sqrt(32 / 7), 1e-12, 'sd');
    close(statistic.ci95![1], 5 + 2.3646243 * Math.sqrt(32 / 7) / Math.sqrt(8), 1e-6, 'ci hi, t(0.975, 7) = 2.3646');
  });
});
