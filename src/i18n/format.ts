// Numbers and dates through Intl, so Swedish readers see "1 234,5" and "25 november 2026".
// Formatters are costly to build and safe to share, so each one is made once and kept.
import { roundTo } from '../domain/rounding.ts';
import { languageTag as intlTag, type Locale } from './locales.ts';
import { SWEDISH_TIME_ZONE } from '../domain/calendar/swedish-day.ts';

export type { Locale };
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

// formatNumber and formatPercent round with roundTo (src/domain/rounding.ts), not Intl's own
// rounding of the binary value, so a raw 2.45 and a figure rounded first both read "2,5", and a
// page table formatted from the raw score shows the chart's rounded value.
export function formatNumber(locale: Locale, value: number, fractionDigits = 0): string {
  return cached(`n:${locale}:${fractionDigits}`, () =>
    new Intl.NumberFormat(intlTag(locale), { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }),
  ).format(roundTo(value, fractionDigits));
}

export function formatPercent(locale: Locale, share: number, fractionDigits = 0): string {
  return cached(`p:${locale}:${fractionDigits}`, () =>
    new Intl.NumberFormat(intlTag(locale), { style: 'percent', minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }),
  ).format(roundTo(share, fractionDigits + 2));
}

/**
 * An axis tick in the reader's locale ("3,5" in Swedish): as many decimals as the tick has (at
 * most two), since ECharts picks the ticks and a fixed number of decimals would pad them.
 */
export function formatAxisNumber(locale: Locale, value: number): string {
  return cached(`a:${locale}`, () => new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: 2 })).format(value);
}

// Dates and times are Swedish ones (Europe/Stockholm) in every language and whatever time zone
// the server runs in, so a page, a mail and a report name the same day for the same instant.
export function formatDate(locale: Locale, iso: string | Date): string {
  return cached(`d:${locale}`, () => new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'long', timeZone: SWEDISH_TIME_ZONE })).format(new Date(iso));
}

export function formatDateTime(locale: Locale, iso: string | Date): string {
  return cached(`dt:${locale}`, () => new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: SWEDISH_TIME_ZONE })).format(new Date(iso));
}
