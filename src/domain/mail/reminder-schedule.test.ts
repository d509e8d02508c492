import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dueScheduledReminders, formatReminderDays, parseReminderDays, plannedReminders, reminderDate, type SentScheduledReminder } from './reminder-schedule.ts';
import { swedishDay } from '../calendar/swedish-day.ts';

const CLOSES = '2026-12-20';
const due = (today: string, sent: SentScheduledReminder[] = [], days = [7, 2], closesOn: string | null = CLOSES) => dueScheduledReminders({ today, closesOn, reminderDays: days, sent });

test('the stored days are read leniently, largest first, and written back the same way', () => {
  assert.deepEqual(parseReminderDays('2, 7'), [7, 2]);
  assert.deepEqual(parseReminderDays(''), []);
  assert.deepEqual(parseReminderDays('7,7,x,0,61,3'), [7, 3]);
  assert.equal(formatReminderDays([2, 7, 2]), '7,2');
});

test('the dates are calendar days before the closing date, across months and years', () => {
  assert.equal(reminderDate(CLOSES, 7), '2026-12-13');
  assert.equal(reminderDate('2027-01-03', 7), '2026-12-27');
  assert.equal(reminderDate('2028-03-01', 1), '2028-02-29');
});

test('days 7 and 2 before closing: each due on its day, not before', () => {
  assert.deepEqual(due('2026-12-12'), []);
  assert.deepEqual(due('2026-12-13'), [7]);
  assert.deepEqual(due('2026-12-14', [{ daysBefore: 7, sentAt: '2026-12-13T06:00:00.000Z' }]), []);
  assert.deepEqual(due('2026-12-18', [{ daysBefore: 7, sentAt: '2026-12-13T06:00:00.000Z' }]), [2]);
  assert.deepEqual(
    due('2026-12-19', [
      { daysBefore: 7, sentAt: '2026-12-13T06:00:00.000Z' },
      { daysBefore: 2, sentAt: '2026-12-18T06:00:00.000Z' },
    ]),
    [],
  );
});

test('a day missed while the server was down goes out once when it comes back', () => {
  assert.deepEqual(due('2026-12-15'), [7]);
  // Down over both days: one reminder covers both.
  assert.deepEqual(due('2026-12-19'), [7, 2]);
  // The closing day itself still counts.
  assert.deepEqual(due(CLOSES), [7, 2]);
});

test('never after the closing date, and nothing without one', () => {
  assert.deepEqual(due('2026-12-21'), []);
  assert.deepEqual(due('2026-12-18', [], [7, 2], null), []);
  assert.deepEqual(due('2026-12-18', [], []), []);
});

test('never two scheduled reminders the same day: the next waits for tomorrow', () => {
  // The catch-up of day 7 went this morning; day 2 (also today, after a changed schedule) waits.
  const sentToday = [{ daysBefore: 7, sentAt: '2026-12-18T06:00:00.000Z' }];
  assert.deepEqual(due('2026-12-18', sentToday), []);
  assert.deepEqual(due('2026-12-19', sentToday), [2]);
});

test('"today" is the Swedish calendar day, also around midnight and on the days the clocks change', () => {
  // 23:30 UTC in winter is 00:30 the next day in Stockholm.
  assert.equal(swedishDay(new Date('2026-12-12T23:30:00Z')), '2026-12-13');
  assert.equal(swedishDay(new Date('2026-12-12T22:59:59Z')), '2026-12-12');
  // Summer: UTC+2.
  assert.equal(swedishDay(new Date('2026-06-09T22:00:00Z')), '2026-06-10');
  assert.equal(swedishDay(new Date('2026-06-09T21:59:59Z')), '2026-06-09');
  // 2026-03-29, clocks forward at 02:00: midnight was 23:00 UTC the day before.
  assert.equal(swedishDay(new Date('2026-03-28T23:00:00Z')), '2026-03-29');
  assert.equal(swedishDay(new Date('2026-03-29T21:59:59Z')), '2026-03-29');
  assert.equal(swedishDay(new Date('2026-03-29T22:00:00Z')), '2026-03-30');
  // 2026-10-25, clocks back at 03:00: midnight was 22:00 UTC the day before; the day lasts 25 hours.
  assert.equal(swedishDay(new Date('2026-10-24T22:00:00Z')), '2026-10-25');
  assert.equal(swedishDay(new Date('2026-10-25T22:59:59Z')), '2026-10-25');
  assert.equal(swedishDay(new Date('2026-10-25T23:00:00Z')), '2026-10-26');
});

test('a reminder sent at 00:30 Swedish time counts for that Swedish day, not the UTC one', () => {
  const closesOn = '2026-11-01';
  // Day 7 before is 2026-10-25 (the 25-hour day); sent at 00:30 Stockholm = 22:30 UTC on the 24th.
  const sent = [{ daysBefore: 7, sentAt: '2026-10-24T22:30:00.000Z' }];
  assert.deepEqual(dueScheduledReminders({ today: '2026-10-25', closesOn, reminderDays: [7, 6], sent }), []);
  assert.deepEqual(dueScheduledReminders({ today: '2026-10-26', closesOn, reminderDays: [7, 6], sent }), [6]);
});

test('the planned list says which went, which go at the next run and which are ahead', () => {
  const input = { today: '2026-12-15', closesOn: CLOSES, reminderDays: [2, 7, 14], sent: [{ daysBefore: 14, sentAt: '2026-12-06T06:00:00.000Z' }] };
  assert.deepEqual(
    plannedReminders(input).map((row) => [row.daysBefore, row.date, row.state]),
    [
      [14, '2026-12-06', 'sent'],
      [7, '2026-12-13', 'due'],
      [2, '2026-12-18', 'planned'],
    ],
  );
  assert.deepEqual(
    plannedReminders({ ...input, today: '2026-12-21' }).map((row) => row.state),
    ['sent', 'missed', 'missed'],
  );
  assert.deepEqual(plannedReminders({ ...input, closesOn: null }), []);
});
