// Who may get a reminder now: someone invited at least `afterDays` days ago who has not been
// reminded yet today. "Today" is the Swedish calendar day, so a reminder sent at 00:30 and another
// at 23:30 the same evening never both go out, whatever UTC says. Pure: the caller brings the time.

import { SWEDISH_TIME_ZONE } from '../calendar/swedish-day.ts';

/** The time zone whose calendar day "today" means. */
const REMINDER_TIME_ZONE = SWEDISH_TIME_ZONE;

export interface ReminderCutoffs {
  /** Only those invited at or before this instant (ISO) are reminded. */
  invitedBefore: string;
  /** Only those not reminded at or after this instant (ISO: the start of today) are reminded. */
  notRemindedSince: string;
}

export function reminderCutoffs(now: Date, afterDays: number, timeZone = REMINDER_TIME_ZONE): ReminderCutoffs {
  return {
    invitedBefore: new Date(now.getTime() - afterDays * 24 * 60 * 60 * 1000).toISOString(),
    notRemindedSince: new Date(startOfDay(now, timeZone)).toISOString(),
  };
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: number, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((entry) => entry.type === type)!.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

/** How far the zone's clock is ahead of UTC at `instant`, in ms. */
function zoneOffset(instant: number, timeZone: string): number {
  const clock = wallClock(instant, timeZone);
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second) - Math.floor(instant / 1000) * 1000;
}

/** The instant (ms) at which the zone's current calendar day began. */
function startOfDay(now: Date, timeZone: string): number {
  const today = wallClock(now.getTime(), timeZone);
  const midnightAsUtc = Date.UTC(today.year, today.month - 1, today.day);
  // The offset at midnight, not now: on a day the clocks change, the two differ by an hour.
  const guess = midnightAsUtc - zoneOffset(midnightAsUtc, timeZone);
  return midnightAsUtc - zoneOffset(guess, timeZone);
}
