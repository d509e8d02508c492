// Per-account back-off for sign-in and password change (issue 12). The per-IP rate limit stops
// one machine; this stops many machines guessing one account's password. The rule:
// - the first FREE_FAILURES wrong passwords in a row for an e-mail address cost nothing;
// - each further wrong password locks the address for BASE_LOCK_MINUTES × 2^(failures − 5)
//   minutes (1, 2, 4, … up to MAX_LOCK_MINUTES), during which even the right password is refused;
// - a successful sign-in clears the count, and so does a day without failures.
// Unknown addresses are counted too, so the answer does not tell which accounts exist. Every
// time comes from ctx.clock and the count lives in the database, so a restart does not reset it.
import type { AppContext } from '../../app/app-context.ts';
import { deleteLoginFailures, findLoginFailure, saveLoginFailure } from './repository.ts';

const FREE_FAILURES = 5;
const BASE_LOCK_MINUTES = 1;
const MAX_LOCK_MINUTES = 60;
const FORGET_AFTER_MS = 86_400_000;

/** How long the address is locked after this many failures in a row (0 = not locked). */
export function lockMinutesAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_MINUTES, BASE_LOCK_MINUTES * 2 ** (failures - FREE_FAILURES));
}

function key(email: string): string {
  return email.trim().toLowerCase();
}

/** Until when attempts for this address are refused, or undefined when it may try. */
export async function lockedUntil(ctx: AppContext, email: string): Promise<Date | undefined> {
  const row = await findLoginFailure(ctx.db, key(email));
  if (!row?.locked_until) return undefined;
  const until = new Date(row.locked_until);
  return until.getTime() > ctx.clock.now().getTime() ? until : undefined;
}

/** Counts one wrong password; returns until when the address is now locked, if it is. */
export async function recordLoginFailure(ctx: AppContext, email: string): Promise<Date | undefined> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findLoginFailure(trx, key(email));
    const recent = row && now.getTime() - new Date(row.last_failure_at).getTime() < FORGET_AFTER_MS;
    const failures = (recent ? row.failures : 0) + 1;
    const minutes = lockMinutesAfter(failures);
    const until = minutes > 0 ? new Date(now.getTime() + minutes * 60_000) : undefined;
    const values = { failures, last_failure_at: now.toISOString(), locked_until: until?.toISOString() ?? null };
    await saveLoginFailure(trx, key(email), values);
    return until;
  });
}

export async function clearLoginFailures(ctx: AppContext, email: string): Promise<void> {
  await deleteLoginFailures(ctx.db, key(email));
}

/** Whole minutes left until `until`, at least one, for the message to the user. */
export function minutesLeft(ctx: AppContext, until: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - ctx.clock.now().getTime()) / 60_000));
}
