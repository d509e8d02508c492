import { compileCatalogue } from './icu.ts';
import { fallbackChain, languageTag, locales, sourceLocale, translationOf, type Locale } from './locales.ts';
import { sv, type Messages } from './sv.ts';

export type { Locale, Messages };
export { isLocale } from './locales.ts';

// Every registered language's texts, compiled (and checked against the source) once, at start-up.
const dictionaries = Object.fromEntries(locales.map((locale) => [locale, compileCatalogue(locale, sv, translationOf(locale)?.messages, languageTag(locale))])) as Record<Locale, Messages>;

export function messages(locale: Locale): Messages {
  return dictionaries[locale];
}

/**
 * A mail to someone whose language we do not know, in every registered language: Swedish first,
 * each other language below under a heading in itself ("— In English —"), so its reader can follow
 * the link made for it.
 */
export function inEveryLanguage(text: (m: Messages, locale: Locale) => string): string {
  return locales
    .map((locale) => {
      const m = messages(locale);
      return locale === sourceLocale ? text(m, locale) : `— ${m.mail.languageHeading} —\n\n${text(m, locale)}`;
    })
    .join('\n\n');
}

/** A mail's subject in every registered language, Swedish first. */
export function subjectInEveryLanguage(subject: (m: Messages) => string): string {
  return locales.map((locale) => subject(messages(locale))).join(' / ');
}

/**
 * A text in data rather than in a catalogue (an instrument's, a cost pool's): always in Swedish,
 * the language data is written in first, and English (the instrument schema requires both), and
 * in any other language someone has translated it to. Read it with `pick`, never by indexing.
 */
export type LocalizedText = { readonly sv: string; readonly en: string } & Readonly<Partial<Record<string, string>>>;

/** The text in the reader's language, else in the first language of its fallback chain that has it (fi → en → sv). */
export function pick(text: LocalizedText, locale: Locale): string {
  return pickAlong(text, fallbackChain(locale));
}

/** The text in the first language of `chain` that has it, else in Swedish. */
export function pickAlong(text: LocalizedText, chain: readonly string[]): string {
  for (const candidate of chain) {
    const value = text[candidate];
    if (value !== undefined) return value;
  }
  return text.sv;
}

/** The name of something looked up by key (a cost pool, an IT tower), or the key itself if there is no such thing. */
export function pickName(found: { name: LocalizedText } | undefined, key: string, locale: Locale): string {
  return found ? pick(found.name, locale) : key;
}
