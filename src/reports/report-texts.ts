import type { Locale } from '../i18n/format.ts';
import { reportTextsEn } from './report-texts-en.ts';
import { reportTextsSv, type ReportTexts } from './report-texts-sv.ts';

export type { ReportTexts };

export function reportTexts(locale: Locale): ReportTexts {
  return locale === 'en' ? reportTextsEn : reportTextsSv;
}
