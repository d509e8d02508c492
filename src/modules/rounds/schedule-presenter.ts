// The reminder schedule as the round page and the schedule's own page show it: each planned day
// with how many it reached, the days as the coordinator would type them, and whether the form is
// offered (not for a closed round).
import type { PlannedReminder } from '../../domain/mail/reminder-schedule.ts';
import type { ReminderSchedule } from './schedule-service.ts';

export interface ReminderScheduleModel {
  roundId: string;
  roundName: string;
  closesOn: string | null;
  afterDays: number;
  planned: Array<PlannedReminder & { sentCount: number }>;
  /** The days as typed in the form: "7, 2". */
  typed: string;
  canChange: boolean;
}

export function presentReminderSchedule(schedule: ReminderSchedule, typed?: string): ReminderScheduleModel {
  return {
    roundId: schedule.roundId,
    roundName: schedule.roundName,
    closesOn: schedule.closesOn,
    afterDays: schedule.afterDays,
    planned: schedule.planned.map((row) => ({ ...row, sentCount: schedule.sentCounts[row.daysBefore] ?? 0 })),
    typed: typed ?? schedule.reminderDays.join(', '),
    canChange: schedule.roundStatus !== 'closed',
  };
}
