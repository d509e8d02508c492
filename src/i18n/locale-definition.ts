// What a language other than Swedish gives Mogna: its metadata and its translation of every
// catalogue. One object per language, in one file (src/i18n/<code>.ts), registered by one line in
// locales.ts; the types make a missing or extra text a compile error.
import type { ReportTextsSource } from '../reports/report-texts-sv.ts';
import type { Translation } from './icu.ts';
import type { MessageSource } from './sv.ts';

export interface LocaleDefinition {
  /** The language's name in itself, as the language switch shows it ("English", "Suomi"). */
  name: string;
  /** BCP-47 tag for Intl: numbers, dates, plurals and lists ("en-GB", "fi-FI"); CSV files follow its decimal separator. */
  languageTag: string;
  /**
   * The registered language that stands in for instrument and other data texts not yet written
   * in this one. Every chain ends in Swedish, the language all data is written in first.
   */
  fallback: string;
  /** The page, mail and error texts (the shape of sv.ts). */
  messages: Translation<MessageSource>;
  /** The report texts (the shape of src/reports/report-texts-sv.ts). */
  reportTexts: Translation<ReportTextsSource>;
}
