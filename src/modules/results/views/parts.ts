// Number formats and names shared by the results page's sections.
import type { Instrument } from '../../../domain/instruments/instrument-schema.ts';
import { formatNumber, type Locale } from '../../../i18n/format.ts';
import { messages, pick } from '../../../i18n/messages.ts';

export const one = (locale: Locale, value: number | null | undefined) => (typeof value === 'number' ? formatNumber(locale, value, 1) : '–');
export const signed = (locale: Locale, value: number) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatNumber(locale, Math.abs(value), 1)}`;

export function names(instrument: Instrument, locale: Locale) {
  const map = new Map<string, string>();
  for (const dimension of instrument.dimensions) {
    map.set(dimension.key, pick(dimension.name, locale));
    for (const category of dimension.categories) {
      map.set(category.key, pick(category.name, locale));
      for (const capability of category.capabilities) map.set(capability.key, pick(capability.name, locale));
    }
  }
  return (key: string) => map.get(key) ?? key;
}

export const messagesFor = (locale: Locale) => messages(locale).results;
