// SKR's KLASSA consequence levels for confidentiality, in one place: the issue form on the pages
// and the report builders (cover and document control) read the same label and meaning, from the
// report texts (`classification`).
import type { Locale } from '../i18n/format.ts';
import type { ClassificationLevel } from './report-model.ts';
import { reportTexts } from './report-texts.ts';

// KLASSA has five consequence levels, 0–4. An issued version stores its level as a number, and a
// stored number keeps its meaning in the corrected scale: a 3 stays 3 and now reads "betydande".
export const classificationLevels: readonly ClassificationLevel[] = [0, 1, 2, 3, 4];

export function classificationText(level: ClassificationLevel, locale: Locale): { label: string; meaning: string } {
  return reportTexts(locale).classification[level];
}

export function isClassificationLevel(value: unknown): value is ClassificationLevel {
  return value === 0 || value === 1 || value === 2 || value === 3 || value === 4;
}
