import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reminderCutoffs } from './reminder-rule.ts';

test('invited at least the set number of days ago', () => {
  assert.equal(reminderCutoffs(new Date('2026-11-25T10:00:00Z'), 3).invitedBefore, '2026-11-22T10:00:00.000Z');
  assert.equal(reminderCutoffs(new Date('2026-11-25T10:00:00Z'), 0).invitedBefore, '2026-11-25T10:00:00.000Z');
});

test('"today" starts at Swedish midnight, in winter (UTC+1) and in summer (UTC+2)', () => {
  assert.equal(reminderCutoffs(new Date('2026-11-25T10:00:00Z'), 3).notRemindedSince, '2026-11-24T23:00:00.000Z');
  assert.equal(reminderCutoffs(new Date('2026-06-10T00:30:00Z'), 3).notRemindedSince, '2026-06-09T22:00:00.000Z');
  // 00:30 on the 26th in Stockholm is still the 25th in UTC.
  assert.equal(reminderCutoffs(new Date('2026-11-25T23:30:00Z'), 3).notRemindedSince, '2026-11-25T23:00:00.000Z');
});

test('on the days the clocks change, the day still starts at local midnight', () => {
  // 2026-03-29: clocks go forward at 02:00 (UTC+1 → UTC+2); midnight was still UTC+1.
  assert.equal(reminderCutoffs(new Date('2026-03-29T20:00:00Z'), 3).notRemindedSince, '2026-03-28T23:00:00.000Z');
  // 2026-10-25: clocks go back at 03:00 (UTC+2 → UTC+1); midnight was still UTC+2.
  assert.equal(reminderCutoffs(new Date('2026-10-25T20:00:00Z'), 3).notRemindedSince, '2026-10-24T22:00:00.000Z');
});
