// Recommendations as data: an instrument's rules (`recommendations[].when`) are conditions over
// the answers; this evaluator decides which hold. Pure; the texts stay in the instrument file.
import { applicableAnswers, type AnswerSet } from '../instruments/answer-set.ts';
import type { Condition, Instrument, Recommendation } from '../instruments/instrument-schema.ts';

/** Item keys below each dimension, category and capability key (and '' for all items). */
function scopeIndex(instrument: Instrument): Map<string, string[]> {
  const index = new Map<string, string[]>([['', []]]);
  const add = (scope: string, key: string) => {
    const list = index.get(scope) ?? [];
    list.push(key);
    index.set(scope, list);
  };
  for (const dimension of instrument.dimensions) {
    for (const category of dimension.categories) {
      for (const capability of category.capabilities) {
        for (const item of capability.items) {
          for (const scope of ['', dimension.key, category.key, capability.key]) add(scope, item.key);
        }
      }
    }
  }
  return index;
}

export interface ConditionContext {
  answers: AnswerSet;
  scopes: Map<string, string[]>;
}

export function conditionContext(instrument: Instrument, answers: AnswerSet): ConditionContext {
  return { answers: applicableAnswers(instrument, answers), scopes: scopeIndex(instrument) };
}

/** Comparisons are false for an unanswered item or "don't know"; `answered` tests that explicitly. */
export function evaluateCondition(condition: Condition, context: ConditionContext): boolean {
  if ('all' in condition) return condition.all.every((inner) => evaluateCondition(inner, context));
  if ('any' in condition) return condition.any.some((inner) => evaluateCondition(inner, context));
  if ('not' in condition) return !evaluateCondition(condition.not, context);
  if ('countOf' in condition) {
    const { within, atMost, atLeast, gapAtLeast } = condition.countOf;
    let count = 0;
    for (const key of context.scopes.get(within ?? '') ?? []) {
      const value = context.answers.get(key)?.value;
      if (value === undefined || value === null) continue;
      if (atMost !== undefined && value > atMost) continue;
      if (atLeast !== undefined && value < atLeast) continue;
      if (gapAtLeast !== undefined) {
        const target = context.answers.get(key)?.target;
        if (target === undefined || target === null || target - value < gapAtLeast) continue;
      }
      count += 1;
    }
    return count >= condition.min;
  }
  const answer = context.answers.get(condition.item);
  const value = answer?.value ?? null;
  if ('answered' in condition) return (value !== null) === condition.answered;
  if (value === null) return false;
  if ('equals' in condition) return value === condition.equals;
  if ('in' in condition) return condition.in.includes(value);
  if ('atMost' in condition) return value <= condition.atMost;
  if ('atLeast' in condition) return value >= condition.atLeast;
  const target = answer?.target ?? null;
  return target !== null && target - value >= condition.gapAtLeast;
}

/** The instrument's recommendations whose rule holds for these answers, in file order. */
export function selectRecommendations(instrument: Instrument, answers: AnswerSet): Recommendation[] {
  const context = conditionContext(instrument, answers);
  return instrument.recommendations.filter((recommendation) => evaluateCondition(recommendation.when, context));
}
