// What the reminder schedule's form accepts (issue 15): the days before the closing date on which
// a reminder goes by itself, typed as "7, 2". Read as typed (to show it again), then checked; the
// issue messages are keys of the mailSchedule catalogue, which the route turns into sentences.
import { z } from 'zod';
import { REMINDER_DAYS_MAX, REMINDER_DAYS_MAX_COUNT, REMINDER_DAYS_MIN } from '../../domain/mail/reminder-schedule.ts';

export const reminderScheduleBody = z.object({ reminderDays: z.string().trim().max(100).default('') });

export type ReminderScheduleIssue = 'daysNotNumbers' | 'daysOutOfRange' | 'daysRepeated' | 'daysTooMany';

/** The days as a list (largest first); empty for no scheduled reminders. */
export const reminderScheduleForm = z.object({
  reminderDays: z
    .string()
    .transform((typed) => typed.split(/[,;\s]+/).filter((part) => part !== ''))
    .refine((parts) => parts.every((part) => /^\d{1,3}$/.test(part)), 'daysNotNumbers' satisfies ReminderScheduleIssue)
    .transform((parts) => parts.map(Number))
    .refine((days) => days.every((day) => day >= REMINDER_DAYS_MIN && day <= REMINDER_DAYS_MAX), 'daysOutOfRange' satisfies ReminderScheduleIssue)
    .refine((days) => new Set(days).size === days.length, 'daysRepeated' satisfies ReminderScheduleIssue)
    .refine((days) => days.length <= REMINDER_DAYS_MAX_COUNT, 'daysTooMany' satisfies ReminderScheduleIssue)
    .transform((days) => [...days].sort((a, b) => b - a)),
});
