import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatDateTime, formatNumber, formatPercent } from './format.ts';

test('Swedish numbers, percentages and dates follow Swedish conventions', () => {
  assert.equal(formatNumber('sv', 1234567.891, 2), '1\u00a0234\u00a0567,89');
  assert.equal(formatPercent('sv', 0.5), '50\u00a0%');
  assert.equal(formatDate('sv', '2026-11-25T10:00:00Z'), '25 november 2026');
  assert.equal(formatNumber('en', 1234.5, 1), '1,234.5');
});

test('dates and times are Swedish ones whatever the server’s time zone', () => {
  // 23:30 UTC on 7 December is 00:30 on 8 December in Sweden (UTC+1 in winter, +2 in summer).
  assert.equal(formatDate('sv', '2026-12-07T23:30:00Z'), '8 december 2026');
  assert.equal(formatDate('en', '2026-12-07T23:30:00Z'), '8 December 2026');
  assert.match(formatDateTime('sv', '2026-12-07T23:30:00Z'), /^8 dec\. 2026 00:30$/);
  assert.match(formatDateTime('sv', '2026-06-30T22:15:00Z'), /^1 juli 2026 00:15$/);
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
