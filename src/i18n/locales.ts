// The languages Mogna speaks. Swedish is the source: every text and every instrument is written
// in Swedish first (sv.ts, src/reports/report-texts-sv.ts). Every other language is one
// LocaleDefinition in its own file (en.ts), registered by one line in translations.ts; the type
// Locale, the language switch, `?lang=`, the CLI's --lang, Intl formatting, CSV files and mails
// all follow from here.
import type { LocaleDefinition } from './locale-definition.ts';
import * as translations from './translations.ts';

export type Locale = 'sv' | keyof typeof translations;

export const sourceLocale = 'sv' satisfies Locale;

const swedish = { name: 'Svenska', languageTag: 'sv-SE' };

export interface LocaleRegistry<L extends string> {
  /** Every language: Swedish first, then the others by code (a module namespace lists its exports sorted). */
  locales: readonly L[];
  name: Record<L, string>;
  languageTag: Record<L, string>;
  /** The language itself, its fallback, that one's fallback, …, ending in Swedish. */
  fallbackChain: Record<L, readonly L[]>;
}

/**
 * The registry's derived facts, from the translations. A fallback that names an unregistered
 * language, or a circle of fallbacks, throws (at start-up, for the registry below).
 */
export function buildRegistry<L extends string>(registered: Record<Exclude<L, 'sv'>, LocaleDefinition>): LocaleRegistry<L | 'sv'> {
  type Code = L | 'sv';
  const definitions = registered as Record<string, LocaleDefinition>;
  const codes = [sourceLocale, ...Object.keys(definitions)] as Code[];
  const chainOf = (code: Code): Code[] => {
    const chain: Code[] = [code];
    for (let next = definitions[code]?.fallback; next !== undefined; next = definitions[next]?.fallback) {
      if (!(codes as string[]).includes(next)) throw new Error(`Language ${chain.at(-1)} falls back to ${next}, which is not registered in src/i18n/translations.ts`);
      if ((chain as string[]).includes(next)) throw new Error(`Languages fall back in a circle: ${[...chain, next].join(' → ')}`);
      chain.push(next as Code);
    }
    return chain;
  };
  const each = <V>(value: (code: Code) => V) => Object.fromEntries(codes.map((code) => [code, value(code)])) as Record<Code, V>;
  return {
    locales: codes,
    name: each((code) => definitions[code]?.name ?? swedish.name),
    languageTag: each((code) => definitions[code]?.languageTag ?? swedish.languageTag),
    fallbackChain: each(chainOf),
  };
}

const registry = buildRegistry<Locale>(translations satisfies Record<string, LocaleDefinition>);

/** Every registered language: Swedish first, then the others by code. */
export const locales: readonly Locale[] = registry.locales;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The language's name in itself ("Svenska", "English"). */
export function localeName(locale: Locale): string {
  return registry.name[locale];
}

/** The BCP-47 tag Intl formats this language's numbers, dates, plurals and lists with. */
export function languageTag(locale: Locale): string {
  return registry.languageTag[locale];
}

/** A language's translation; undefined for Swedish, which is the source itself. */
export function translationOf(locale: Locale): LocaleDefinition | undefined {
  return locale === sourceLocale ? undefined : translations[locale];
}

/** Where to look, in order, for a text given only in some languages (an instrument's): fi → en → sv. */
export function fallbackChain(locale: Locale): readonly Locale[] {
  return registry.fallbackChain[locale];
}

/**
 * How a CSV file for this language's spreadsheet programs looks: where the decimal separator is a
 * comma (Swedish, Finnish, German) Excel separates fields with `;` and expects "2,5"; elsewhere `,`
 * and "2.5". Derived from the language tag, so a new language needs no setting of its own.
 */
export function csvConventions(locale: Locale): { separator: ';' | ','; decimalComma: boolean } {
  const decimal = new Intl.NumberFormat(languageTag(locale)).formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
  const decimalComma = decimal === ',';
  return { separator: decimalComma ? ';' : ',', decimalComma };
}

/** A link that opens the page in `locale` (`?lang=`); Swedish, the default, needs no parameter. */
export function linkInLanguage(url: string, locale: Locale): string {
  return locale === sourceLocale ? url : `${url}?lang=${locale}`;
}
