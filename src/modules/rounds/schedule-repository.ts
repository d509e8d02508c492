// The queries behind scheduled reminders and delivery problems (issue 15): rounds with a
// schedule, the scheduled reminders already sent, a round's reminder days, bounces reported
// after a mail left and the latest mail to each respondent. Kysely only, no actor; the services
// (schedule-service.ts, bounce-service.ts) ask the policies.
import type { OutboxMessage } from '../../db/schema.ts';
import type { Db } from './repository.ts';

export interface ScheduledRound {
  id: string;
  organisation_id: string;
  closes_on: string;
  reminder_days: string;
}

/** Open rounds with a closing date and at least one reminder day, whose date may be due. */
export async function openRoundsWithSchedule(db: Db): Promise<ScheduledRound[]> {
  const rows = await db
    .selectFrom('rounds')
    .select(['id', 'organisation_id', 'closes_on', 'reminder_days'])
    .where('status', '=', 'open')
    .where('closes_on', 'is not', null)
    .where('reminder_days', '<>', '')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ ...row, closes_on: row.closes_on! }));
}

export interface ScheduledReminderRow {
  days_before: number;
  sent_at: string;
  sent: number;
}

export async function scheduledRemindersOf(db: Db, roundId: string): Promise<ScheduledReminderRow[]> {
  return db.selectFrom('round_scheduled_reminders').select(['days_before', 'sent_at', 'sent']).where('round_id', '=', roundId).orderBy('days_before', 'desc').execute();
}

/**
 * Claims a scheduled day before its reminder goes: false when another process (or an earlier
 * run) already holds it, so a day is never sent twice.
 */
export async function claimScheduledReminder(db: Db, roundId: string, daysBefore: number, at: string): Promise<boolean> {
  const result = await db
    .insertInto('round_scheduled_reminders')
    .values({ round_id: roundId, days_before: daysBefore, sent_at: at, sent: 0 })
    .onConflict((conflict) => conflict.columns(['round_id', 'days_before']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** How many reminders the claimed days' run sent. */
export async function recordScheduledReminderCount(db: Db, roundId: string, days: number[], sent: number): Promise<void> {
  if (days.length === 0) return;
  await db.updateTable('round_scheduled_reminders').set({ sent }).where('round_id', '=', roundId).where('days_before', 'in', days).execute();
}

export async function storeReminderDays(db: Db, roundId: string, reminderDays: string): Promise<void> {
  await db.updateTable('rounds').set({ reminder_days: reminderDays }).where('id', '=', roundId).execute();
}

export interface BouncedRespondent {
  id: string;
  round_id: string;
  organisation_id: string;
}

/** Respondents of open rounds with this address (any case): the ones a bounce report is about. */
export async function respondentsOfOpenRoundsByEmail(db: Db, email: string): Promise<BouncedRespondent[]> {
  return db
    .selectFrom('respondents')
    .innerJoin('rounds', 'rounds.id', 'respondents.round_id')
    .select(['respondents.id', 'respondents.round_id', 'rounds.organisation_id'])
    .where('rounds.status', '=', 'open')
    .where((eb) => eb(eb.fn('lower', ['respondents.email']), '=', email.trim().toLowerCase()))
    .orderBy('respondents.id')
    .execute();
}

export async function markBounced(db: Db, respondentIds: string[], at: string, reason: string): Promise<void> {
  if (respondentIds.length === 0) return;
  await db.updateTable('respondents').set({ bounced_at: at, bounce_reason: reason }).where('id', 'in', respondentIds).execute();
}

/** A later mail went out, or the address was changed: the old bounce no longer applies. */
export async function clearBounce(db: Db, respondentId: string): Promise<void> {
  await db.updateTable('respondents').set({ bounced_at: null, bounce_reason: null }).where('id', '=', respondentId).where('bounced_at', 'is not', null).execute();
}

export interface MailStatusRow {
  respondent_id: string;
  bounced_at: string | null;
  bounce_reason: string | null;
  /** The latest mail to the respondent, if any. */
  last_mail_at: string | null;
  last_delivery: OutboxMessage['delivery'] | null;
  last_error: string | null;
}

/**
 * Each respondent of the round with a bounce or whose latest mail failed. The latest mail is found
 * through the round's outbox grouped once (the outbox index is by round and time), not a subquery
 * per mail, so a round of 25 000 respondents stays quick.
 */
export async function mailProblemsOf(db: Db, roundId: string): Promise<MailStatusRow[]> {
  const latest = db
    .selectFrom('outbox')
    .select((eb) => ['outbox.respondent_id', eb.fn.max('outbox.created_at').as('last_at')])
    .where('outbox.round_id', '=', roundId)
    .where('outbox.respondent_id', 'is not', null)
    .groupBy('outbox.respondent_id')
    .as('latest');
  return db
    .selectFrom('respondents')
    .leftJoin(latest, 'latest.respondent_id', 'respondents.id')
    .leftJoin('outbox', (join) =>
      join.on('outbox.round_id', '=', roundId).onRef('outbox.respondent_id', '=', 'respondents.id').onRef('outbox.created_at', '=', 'latest.last_at'),
    )
    .select(['respondents.id as respondent_id', 'respondents.bounced_at', 'respondents.bounce_reason', 'outbox.created_at as last_mail_at', 'outbox.delivery as last_delivery', 'outbox.error as last_error'])
    .where('respondents.round_id', '=', roundId)
    .where((eb) => eb.or([eb('respondents.bounced_at', 'is not', null), eb('outbox.delivery', '=', 'failed')]))
    .orderBy('respondents.id')
    .execute();
}
