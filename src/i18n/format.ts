// Numbers and dates through Intl, so Swedish readers see "1 234,5" and "25 november 2026".
export type Locale = 'sv' | 'en';

const intlLocale: Record<Locale, string> = { sv: 'sv-SE', en: 'en-GB' };

export function formatNumber(locale: Locale, value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(intlLocale[locale], {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

export function formatPercent(locale: Locale, share: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(intlLocale[locale], {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(share);
}

export function formatDate(locale: Locale, iso: string | Date): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'long' }).format(new Date(iso));
}

export function formatDateTime(locale: Locale, iso: string | Date): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
