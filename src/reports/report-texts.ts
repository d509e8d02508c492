import type { Locale } from '../i18n/format.ts';
import { compileCatalogue } from '../i18n/icu.ts';
import { languageTag, locales, translationOf } from '../i18n/locales.ts';
import { reportTextsSv, type ReportTexts } from './report-texts-sv.ts';

export type { ReportTexts };

// Every registered language's report texts, compiled and checked against the source at start-up.
const compiled = Object.fromEntries(
  locales.map((locale) => [locale, compileCatalogue(locale, reportTextsSv, translationOf(locale)?.reportTexts, languageTag(locale))]),
) as Record<Locale, ReportTexts>;

export function reportTexts(locale: Locale): ReportTexts {
  return compiled[locale];
}
