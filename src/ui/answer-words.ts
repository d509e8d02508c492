// An answer value in words, as the survey, the joint results pages and the reports show it. Pure:
// an instrument's scale and a value in, a text in the visitor's language out. Here rather than in
// a module, so the reports can use it without importing a feature module.
import { isItemShown, type AnswerSet } from '../domain/instruments/answer-set.ts';
import type { AnswerScale, Item } from '../domain/instruments/instrument-schema.ts';
import type { Locale } from '../i18n/format.ts';
import { pick } from '../i18n/messages.ts';

/** The scale's own word for a value (its label), if it has one. */
export function scaleWord(scale: AnswerScale, value: number, locale: Locale): string | undefined {
  const label = scale.labels.find((candidate) => candidate.value === value);
  return label ? pick(label.label, locale) : undefined;
}

/** An answer in words: "4 – Stämmer delvis" on numeric and level scales, the label alone for yes/no and bands. */
export function valueText(scale: AnswerScale, value: number, locale: Locale): string {
  const word = scaleWord(scale, value, locale);
  if (!word) return String(value);
  return scale.type === 'scale' || scale.type === 'levels' ? `${value} – ${word}` : word;
}

/** The words for the answers a table cannot give as a value. */
export interface AnswerWords {
  notApplicable: string;
  notAnswered: string;
  dontKnow: string;
}

/**
 * An answer of a joint assessment in words, as its answer table shows it on the results page and
 * in the reports: not asked (a follow-up that does not apply), not answered, don't know, or the value.
 */
export function answerInWords(item: Item, scale: AnswerScale, answers: AnswerSet, words: AnswerWords, locale: Locale): string {
  if (!isItemShown(item, answers)) return words.notApplicable;
  const answer = answers.get(item.key);
  if (!answer) return words.notAnswered;
  if (answer.value === null) return scale.dontKnow ? pick(scale.dontKnow, locale) : words.dontKnow;
  return valueText(scale, answer.value, locale);
}
