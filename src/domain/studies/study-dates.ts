// The study's calendar: a closing date is a Swedish calendar day (YYYY-MM-DD), the last day on
// which answers are taken, so the study closes when that day is over in Europe/Stockholm,
// whatever UTC says. Pure: the caller brings the time (ctx.clock).

import { swedishDay } from '../calendar/swedish-day.ts';

/** A real calendar day written YYYY-MM-DD. */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whether the study (or round) closing on `closesOn` is due to close: its last day is over in Sweden. */
export function isPastClosingDay(closesOn: string, now: Date): boolean {
  return swedishDay(now) > closesOn;
}

/** The day `days` after `day` (YYYY-MM-DD), for the demo and tests. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}
