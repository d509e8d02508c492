// Numbers and dates through Intl, so Swedish readers see "1 234,5" and "25 november 2026".
// Formatters are costly to build and safe to share, so each one is made once and kept.
export type Locale = 'sv' | 'en';

const intlLocale: Record<Locale, string> = { sv: 'sv-SE', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

export function formatNumber(locale: Locale, value: number, fractionDigits = 0): string {
  return cached(`n:${locale}:${fractionDigits}`, () =>
    new Intl.NumberFormat(intlLocale[locale], { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }),
  ).format(value);
}

export function formatPercent(locale: Locale, share: number, fractionDigits = 0): string {
  return cached(`p:${locale}:${fractionDigits}`, () =>
    new Intl.NumberFormat(intlLocale[locale], { style: 'percent', minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }),
  ).format(share);
}

export function formatDate(locale: Locale, iso: string | Date): string {
  return cached(`d:${locale}`, () => new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'long' })).format(new Date(iso));
}

export function formatDateTime(locale: Locale, iso: string | Date): string {
  return cached(`dt:${locale}`, () => new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeStyle: 'short' })).format(new Date(iso));
}
