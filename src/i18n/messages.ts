import { en } from './en.ts';
import type { Locale } from './format.ts';
import { compileCatalogue } from './icu.ts';
import { sv, type Messages } from './sv.ts';

export type { Locale, Messages };
const dictionaries: Record<Locale, Messages> = { sv: compileCatalogue('sv', sv), en: compileCatalogue('en', sv, en) };

export function messages(locale: Locale): Messages {
  return dictionaries[locale];
}

export function isLocale(value: unknown): value is Locale {
  return value === 'sv' || value === 'en';
}

/** Picks the text of an instrument's localized field. */
export function pick(text: { sv: string; en: string }, locale: Locale): string {
  return text[locale];
}
