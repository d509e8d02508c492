import assert from 'node:assert/strict';
import { test } from 'node:test';
import { roundScore, roundTo } from './rounding.ts';

test('rounds half away from zero, also for binary fractions just below the half', () => {
  assert.equal(roundTo(2.45, 1), 2.5);
  assert.equal(roundTo(2.449, 1), 2.4);
  assert.equal(roundTo(-2.45, 1), -2.5);
  assert.equal(roundTo(1.005, 2), 1.01);
  assert.equal(roundTo(3.5, 0), 4);
});

test('a score rounds once from the raw value, never from an already rounded one', () => {
  const raw = 2.549;
  assert.equal(roundScore(raw), 2.5);
  assert.notEqual(roundScore(roundTo(raw, 2)), roundScore(raw), 'rounding twice is the trap this helper removes');
  assert.equal(roundScore(null), null);
  assert.equal(roundScore(undefined), null);
});
