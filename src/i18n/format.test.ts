import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatNumber, formatPercent } from './format.ts';

test('Swedish numbers, percentages and dates follow Swedish conventions', () => {
  assert.equal(formatNumber('sv', 1234567.891, 2), '1\u00a0234\u00a0567,89');
  assert.equal(formatPercent('sv', 0.5), '50\u00a0%');
  assert.equal(formatDate('sv', '2026-11-25T10:00:00Z'), '25 november 2026');
  assert.equal(formatNumber('en', 1234.5, 1), '1,234.5');
});

test('formatters are reused, and different options do not share one', () => {
  assert.equal(formatNumber('sv', 2.5, 1), '2,5');
  assert.equal(formatNumber('sv', 2.5, 0), '3');
  assert.equal(formatNumber('sv', 2.5, 1), '2,5');
});

test('every Swedish text has an English counterpart of the same shape', async () => {
  // Compared as code sees them (ICU messages compiled to functions).
  const { messages } = await import('./messages.ts');
  const sv = messages('sv');
  const en = messages('en');
  const shape = (value: unknown): unknown =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape(inner)]))
      : typeof value;
  assert.deepEqual(shape(en), shape(sv));
});

test('a figure reads as rounded once with roundTo, whether it arrives raw or already rounded', () => {
  // Intl alone would print 2.45 (stored as 2.4499…) as "2,4"; the chart's roundScore gives 2,5.
  assert.equal(formatNumber('sv', 2.45, 1), '2,5');
  assert.equal(formatNumber('sv', 2.5, 1), '2,5');
  assert.equal(formatPercent('sv', 0.4725, 1), '47,3\u00a0%');
  assert.equal(formatNumber('sv', -2.45, 1), '−2,5');
});
