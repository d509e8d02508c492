// Scheduled reminders (issue 15): a coordinator names the days before the closing date on which a
// reminder goes by itself, and the server's timer (or `mogna mail tick`) sends what is due. Which
// days are due is the pure rule in src/domain/mail/reminder-schedule.ts; who gets the reminder is
// the ordinary reminder rule, through the same send path as the coordinator's button.
//
// Each due day is claimed (a row in round_scheduled_reminders) before its mails go, in one
// transaction for all the days one run covers: two servers, or a timer and `mogna mail tick`,
// never both send it. The mails themselves each have their own transaction (the outbox row with
// the respondent's "reminded" time), since the SMTP hand-over between them cannot be rolled back;
// if the process stops mid-run, the rest of that day's reminders are not sent by the schedule
// (the coordinator's button still reaches them) rather than anyone getting two.
import type { AppContext } from '../../app/app-context.ts';
import type { Actor } from '../../app/actor.ts';
import { AppError } from '../../app/errors.ts';
import { authorizeOperatePlatform } from '../../access/organisation-policy.ts';
import { dueScheduledReminders, formatReminderDays, parseReminderDays, plannedReminders, reminderDate, type PlannedReminder } from '../../domain/mail/reminder-schedule.ts';
import { swedishDay } from '../../domain/calendar/swedish-day.ts';
import { recordAudit } from '../audit/repository.ts';
import { sendScheduledReminderMail } from './invitation-service.ts';
import { getManagedRound } from './round-service.ts';
import { claimScheduledReminder, openRoundsWithSchedule, type ScheduledRound, recordScheduledReminderCount, scheduledRemindersOf, storeReminderDays } from './schedule-repository.ts';

export interface ScheduledReminderRun {
  roundId: string;
  /** The scheduled days this reminder covers (several after the server was down). */
  daysBefore: number[];
  sent: number;
  failed: number;
}

/** Rolls back the claims of a run another process got to first. */
class TakenElsewhere extends Error {}

/** Sends every scheduled reminder that is due now, once; as the operator's tool (no account). */
export async function sendScheduledReminders(ctx: AppContext, actor: Actor): Promise<ScheduledReminderRun[]> {
  authorizeOperatePlatform(actor);
  const now = ctx.clock.now();
  const runs: ScheduledReminderRun[] = [];
  let firstError: unknown = null;
  for (const round of await openRoundsWithSchedule(ctx.db)) {
    // One round's trouble (say, its database row locked too long) does not hold up the others.
    try {
      const run = await sendDueReminderOf(ctx, actor, round, now);
      if (run) runs.push(run);
    } catch (error) {
      firstError ??= error;
    }
  }
  if (firstError !== null) throw firstError;
  return runs;
}

/** One round's due scheduled reminder: claimed, sent and recorded; null when none is due or another process has it. */
async function sendDueReminderOf(ctx: AppContext, actor: Actor, round: ScheduledRound, now: Date): Promise<ScheduledReminderRun | null> {
  const today = swedishDay(now);
  const sent = (await scheduledRemindersOf(ctx.db, round.id)).map((row) => ({ daysBefore: row.days_before, sentAt: row.sent_at }));
  const due = dueScheduledReminders({ today, closesOn: round.closes_on, reminderDays: parseReminderDays(round.reminder_days), sent });
  if (due.length === 0) return null;
  const claimed = await ctx.db
    .transaction()
    .execute(async (trx) => {
      for (const days of due) if (!(await claimScheduledReminder(trx, round.id, days, now.toISOString()))) throw new TakenElsewhere();
      return true;
    })
    .catch((error: unknown) => {
      if (error instanceof TakenElsewhere) return false;
      throw error;
    });
  if (!claimed) return null;
  const result = await sendScheduledReminderMail(ctx, actor, round.id);
  await ctx.db.transaction().execute(async (trx) => {
    await recordScheduledReminderCount(trx, round.id, due, result.sent);
    const detail = { ...result, scheduled: due.join(',') };
    await recordAudit(ctx, { actor, organisationId: round.organisation_id, action: 'reminder_sent', subject: { type: 'round', id: round.id }, detail }, trx);
  });
  return { roundId: round.id, daysBefore: due, ...result };
}

export interface ReminderSchedule {
  roundId: string;
  roundName: string;
  closesOn: string | null;
  reminderDays: number[];
  planned: PlannedReminder[];
  /** How many reminders each sent day reached, by day count. */
  sentCounts: Record<number, number>;
  /** The ordinary rule's wait after the invitation (REMINDER_AFTER_DAYS). */
  afterDays: number;
  roundStatus: 'draft' | 'open' | 'closed';
}

/** The round's reminder schedule as its coordinators see it. */
export async function reminderSchedule(ctx: AppContext, actor: Actor, roundId: string): Promise<ReminderSchedule> {
  const round = await getManagedRound(ctx, actor, roundId);
  const rows = await scheduledRemindersOf(ctx.db, roundId);
  const reminderDays = parseReminderDays(round.reminder_days);
  const sent = rows.map((row) => ({ daysBefore: row.days_before, sentAt: row.sent_at }));
  return {
    roundId,
    roundName: round.name,
    closesOn: round.closes_on,
    reminderDays,
    planned: plannedReminders({ today: swedishDay(ctx.clock.now()), closesOn: round.closes_on, reminderDays, sent }),
    sentCounts: Object.fromEntries(rows.map((row) => [row.days_before, row.sent])),
    afterDays: ctx.config.REMINDER_AFTER_DAYS,
    roundStatus: round.status,
  };
}

export type ReminderScheduleProblem = { kind: 'noClosingDate' } | { kind: 'datePassed'; daysBefore: number; date: string };

/**
 * Sets the days (already checked by the form: 1–60, distinct, at most four). Refused without a
 * closing date, and for a day whose date has passed unless it was already sent: a schedule set
 * late would otherwise send a "catch-up" reminder at once, which nobody asked for.
 */
export async function setReminderSchedule(ctx: AppContext, actor: Actor, roundId: string, days: number[]): Promise<ReminderScheduleProblem | null> {
  const round = await getManagedRound(ctx, actor, roundId);
  if (round.status === 'closed') throw new AppError('conflict', 'round closed');
  if (days.length > 0 && round.closes_on === null) return { kind: 'noClosingDate' };
  const today = swedishDay(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const alreadySent = new Set((await scheduledRemindersOf(trx, roundId)).map((row) => row.days_before));
    for (const daysBefore of days) {
      const date = reminderDate(round.closes_on!, daysBefore);
      if (date < today && !alreadySent.has(daysBefore)) return { kind: 'datePassed' as const, daysBefore, date };
    }
    await storeReminderDays(trx, roundId, formatReminderDays(days));
    return null;
  });
}
