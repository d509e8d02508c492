// The figures of a round's results as they are published: every figure that is not a whole
// number (means, sd, confidence limits, category and dimension scores, maturity per cent,
// benchmark values, trend changes) rounded once, to one decimal, with src/domain/rounding.ts.
// The page, its charts, the CSV and XLSX files and the JSON API all present this one object, so
// they publish exactly the same numbers, and no output carries more precision than the page.
// Counts (n) are whole numbers and pass unchanged; the instrument definition is not a result.
import { PUBLISHED_DECIMALS, roundTo } from '../../domain/rounding.ts';
import type { RoundResults } from '../../domain/results/round-results.ts';

function roundDeep<T>(value: T): T {
  if (typeof value === 'number') return (Number.isInteger(value) ? value : roundTo(value, PUBLISHED_DECIMALS.score)) as T;
  if (Array.isArray(value)) return value.map((entry) => roundDeep(entry)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) out[key] = roundDeep(entry);
    return out as T;
  }
  return value;
}

export function publishedFigures(results: RoundResults): RoundResults {
  const { instrument, ...figures } = results;
  return { ...roundDeep(figures), instrument };
}
