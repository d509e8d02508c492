// Scheduled reminders: a round with a closing date may name days before it ("7,2") on which a
// reminder goes out by itself. This decides, from today's Swedish calendar day, which of those
// days are due now. Pure: the caller brings the day and what was already sent.
//
// The rules (docs/method.md, "Scheduled reminders"):
// - a day is due from its date on (the closing date minus the days, in Stockholm's calendar) until
//   it has been sent once: a server that was down on the day catches up when it comes back;
// - never after the closing date (the closing day itself still counts: answers are taken all day);
// - never two scheduled reminders on the same day: if one already went today, the rest wait for
//   tomorrow, and several days due at once (after a long stop) go out as one reminder, all of them
//   recorded as sent;
// - who gets it is the ordinary reminder rule (reminder-rule.ts): invited at least
//   REMINDER_AFTER_DAYS ago, not reminded today, not answered.
import { swedishDay } from '../calendar/swedish-day.ts';

/** The limits of the coordinator's form: whole days 1–60, distinct, at most four of them. */
export const REMINDER_DAYS_MIN = 1;
export const REMINDER_DAYS_MAX = 60;
export const REMINDER_DAYS_MAX_COUNT = 4;

/** The day numbers stored in `rounds.reminder_days` ('7,2'; '' for none), largest first. */
export function parseReminderDays(stored: string): number[] {
  const days = stored
    .split(',')
    .map((part) => part.trim())
    .filter((part) => /^\d+$/.test(part))
    .map(Number)
    .filter((day) => day >= REMINDER_DAYS_MIN && day <= REMINDER_DAYS_MAX);
  return [...new Set(days)].sort((a, b) => b - a);
}

export function formatReminderDays(days: number[]): string {
  return [...new Set(days)].sort((a, b) => b - a).join(',');
}

/** The calendar day (YYYY-MM-DD) `days` days before `closesOn` (YYYY-MM-DD). */
export function reminderDate(closesOn: string, days: number): string {
  const [year, month, day] = closesOn.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - days)).toISOString().slice(0, 10);
}


export interface SentScheduledReminder {
  daysBefore: number;
  /** When it went out (ISO instant). */
  sentAt: string;
}

export interface ScheduleInput {
  /** Today in Stockholm (YYYY-MM-DD). */
  today: string;
  /** The round's closing date (YYYY-MM-DD), or null when it has none. */
  closesOn: string | null;
  reminderDays: number[];
  sent: SentScheduledReminder[];
}

/**
 * The scheduled days to send now, as one reminder, largest first; empty when none is due.
 * All of them are recorded as sent together.
 */
export function dueScheduledReminders(input: ScheduleInput): number[] {
  const { today, closesOn } = input;
  if (closesOn === null || today > closesOn) return [];
  if (input.sent.some((row) => swedishDay(new Date(row.sentAt)) === today)) return [];
  const done = new Set(input.sent.map((row) => row.daysBefore));
  return [...new Set(input.reminderDays)]
    .filter((days) => !done.has(days) && reminderDate(closesOn, days) <= today)
    .sort((a, b) => b - a);
}

type PlannedReminderState = 'sent' | 'due' | 'planned' | 'missed';

export interface PlannedReminder {
  daysBefore: number;
  date: string;
  state: PlannedReminderState;
  /** When it went out, for one already sent. */
  sentAt: string | null;
}

/**
 * The schedule as the round page shows it: each day's date and whether it went out, goes out at
 * the next run ('due'), is still ahead ('planned') or can no longer go (the round closed first).
 */
export function plannedReminders(input: ScheduleInput): PlannedReminder[] {
  const { closesOn } = input;
  if (closesOn === null) return [];
  const due = new Set(dueScheduledReminders(input));
  const sentAt = new Map(input.sent.map((row) => [row.daysBefore, row.sentAt]));
  return [...new Set(input.reminderDays)]
    .sort((a, b) => b - a)
    .map((daysBefore) => {
      const date = reminderDate(closesOn, daysBefore);
      const sent = sentAt.get(daysBefore) ?? null;
      const state: PlannedReminderState = sent !== null ? 'sent' : due.has(daysBefore) || (date <= input.today && input.today <= closesOn) ? 'due' : date > input.today ? 'planned' : 'missed';
      return { daysBefore, date, state, sentAt: sent };
    });
}
