// How long respondents' names and e-mail addresses are kept: until a set number of calendar
// months after their round closed (RESPONDENT_DATA_MONTHS). Pure date arithmetic in UTC; the
// caller brings the time from its clock.

/**
 * The instant a closed round's respondent identities are due for removal: the close instant
 * moved `months` calendar months on. A day that the target month lacks falls on its last day
 * (closed 31 August + 6 months → 28 or 29 February), so the lifetime is never longer than asked.
 */
export function identityRemovalDate(closedAt: string | Date, months: number): Date {
  const closed = new Date(closedAt);
  const target = new Date(closed);
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(closed.getUTCDate(), lastDay));
  return target;
}

/** Whether a round closed at `closedAt` has passed its lifetime at `now`. */
export function identityLifetimeOver(closedAt: string | Date, months: number, now: Date): boolean {
  return identityRemovalDate(closedAt, months).getTime() <= now.getTime();
}
