// Mogna's calendar is Sweden's: a closing date, a reminder day and every date or time a page or
// mail shows are read in Europe/Stockholm, whatever time zone the server runs in. Pure: the
// caller brings the instant (ctx.clock).

export const SWEDISH_TIME_ZONE = 'Europe/Stockholm';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: SWEDISH_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (YYYY-MM-DD) in Sweden at `instant`. */
export function swedishDay(instant: Date): string {
  // en-CA writes dates as YYYY-MM-DD.
  return dayFormat.format(instant);
}
