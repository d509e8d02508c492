// One respondent's (or one organisation's) answers as plain data, and the rule that decides
// which items apply: a follow-up (showIf) counts only when its parent has a triggering answer.
import type { Instrument, Item } from './instrument-schema.ts';
import { itemsInOrder } from './instrument-structure.ts';

export interface ItemAnswer {
  /** The chosen value; null for "don't know". */
  value: number | null;
  /** Target level, for items with `target: true`. */
  target?: number | null;
  comment?: string | null;
}

export type AnswerSet = ReadonlyMap<string, ItemAnswer>;

/** Whether a follow-up item is asked, given the answers so far (items without showIf always are). */
export function isItemShown(item: Item, answers: AnswerSet): boolean {
  if (!item.showIf) return true;
  const parent = answers.get(item.showIf.item)?.value;
  return parent !== undefined && parent !== null && item.showIf.in.includes(parent);
}

/** Drops answers to follow-ups whose condition does not hold, and answers to unknown items. */
export function applicableAnswers(instrument: Instrument, answers: AnswerSet): Map<string, ItemAnswer> {
  const result = new Map<string, ItemAnswer>();
  for (const { item } of itemsInOrder(instrument)) {
    const answer = answers.get(item.key);
    if (answer && isItemShown(item, answers)) result.set(item.key, answer);
  }
  return result;
}
