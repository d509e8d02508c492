import type { Locale } from '../i18n/format.ts';
import { compileCatalogue } from '../i18n/icu.ts';
import { reportTextsEn } from './report-texts-en.ts';
import { reportTextsSv, type ReportTexts } from './report-texts-sv.ts';

export type { ReportTexts };

const compiled: Record<Locale, ReportTexts> = {
  sv: compileCatalogue('sv', reportTextsSv),
  en: compileCatalogue('en', reportTextsSv, reportTextsEn),
};

export function reportTexts(locale: Locale): ReportTexts {
  return compiled[locale];
}
