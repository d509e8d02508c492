// The one scoring function of the maturity survey (docs/method.md, "Results of the maturity
// survey"). Pages, exports, the JSON API, the CLI and reports all call scoreMaturity: a
// formula changed here changes everywhere at once.
import type { Instrument, QuadrantKey } from '../instruments/instrument-schema.ts';
import { allCapabilities, itemsInOrder, scaleOf } from '../instruments/instrument-structure.ts';
import { studentTQuantile } from './student-t.ts';

/** One respondent's submitted answers: item key → value on the item's scale, null = "don't know". */
export interface RespondentAnswers {
  respondentId: string;
  answers: ReadonlyMap<string, number | null>;
}

export interface ScoreStatistic {
  /** Mean of the respondents' capability scores; null when nobody has a score. */
  score: number | null;
  /** Respondents with a score for this capability. */
  n: number;
  /** Sample standard deviation (n − 1 in the denominator); null for n < 2. */
  sd: number | null;
  /** 95 % confidence interval by Student's t on n − 1 degrees of freedom; null for n < 2. */
  ci95: [number, number] | null;
}

export interface MaturityResult {
  instrumentKey: string;
  version: string;
  /** Respondents whose submitted response was scored. */
  respondents: number;
  capabilities: Record<string, ScoreStatistic>;
  categories: Record<string, number | null>;
  dimensions: Record<string, number | null>;
  /** Mean of the two matrix dimensions as a share of the scale, in per cent with one decimal. */
  maturityPercent: number | null;
  quadrant: QuadrantKey | null;
  threshold: number;
  scale: { min: number; max: number };
}

/** Default quadrant threshold when an instrument file does not set one. */
const DEFAULT_QUADRANT_THRESHOLD = 3.0;
/** Guards "exactly on the threshold" against binary rounding (e.g. 2.9999999999999996). */
const EPSILON = 1e-9;

interface ScoredItem {
  capabilityKey: string;
  min: number;
  max: number;
  reversed: boolean;
}

/** Items that count towards scores: those answered on a numeric scale, by key. */
export function scoredItems(instrument: Instrument): Map<string, ScoredItem> {
  const result = new Map<string, ScoredItem>();
  for (const entry of itemsInOrder(instrument)) {
    const scale = entry.scale as { type?: string; min?: unknown; max?: unknown };
    if (scale.type !== 'scale' || typeof scale.min !== 'number' || typeof scale.max !== 'number') continue;
    result.set(entry.item.key, { capabilityKey: entry.capability.key, min: scale.min, max: scale.max, reversed: entry.item.reversed });
  }
  return result;
}

/** The scale scores are reported on: the instrument's default scale. */
export function scoreScale(instrument: Instrument): { min: number; max: number } {
  const first = instrument.dimensions[0]?.categories[0]?.capabilities[0]?.items[0];
  const scale = (instrument.scales[instrument.defaultScale] ?? (first ? scaleOf(instrument, first) : undefined)) as
    | { min?: number; max?: number }
    | undefined;
  return { min: scale?.min ?? 0, max: scale?.max ?? 6 };
}

/**
 * A respondent's score per capability: the mean of their answered statements, a reversed
 * statement counting as (max − answer) + min. "Don't know" and unanswered statements are left
 * out; a capability without any answered statement gets no score (absent from the map).
 */
export function scoreRespondent(items: Map<string, ScoredItem>, answers: ReadonlyMap<string, number | null>): Map<string, number> {
  const sums = new Map<string, { sum: number; count: number }>();
  for (const [itemKey, value] of answers) {
    if (value === null || value === undefined) continue;
    const item = items.get(itemKey);
    if (!item) continue;
    const scored = item.reversed ? item.max + item.min - value : value;
    const entry = sums.get(item.capabilityKey);
    if (entry) {
      entry.sum += scored;
      entry.count += 1;
    } else {
      sums.set(item.capabilityKey, { sum: scored, count: 1 });
    }
  }
  const result = new Map<string, number>();
  for (const [key, { sum, count }] of sums) result.set(key, sum / count);
  return result;
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Mean, sample sd and the 95 % t interval of a list of scores. */
export function describe(values: readonly number[]): ScoreStatistic {
  const n = values.length;
  const score = mean(values);
  if (score === null || n < 2) return { score, n, sd: null, ci95: null };
  let squares = 0;
  for (const value of values) squares += (value - score) ** 2;
  const sd = Math.sqrt(squares / (n - 1));
  const half = studentTQuantile(0.975, n - 1) * (sd / Math.sqrt(n));
  return { score, n, sd, ci95: [score - half, score + half] };
}

export function quadrantOf(capability: number | null, legacy: number | null, threshold: number): QuadrantKey | null {
  if (capability === null || legacy === null) return null;
  const high = capability >= threshold - EPSILON;
  const enabling = legacy >= threshold - EPSILON;
  if (!high) return enabling ? 'B' : 'A';
  return enabling ? 'D' : 'C';
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round((value + Number.EPSILON * Math.sign(value)) * factor) / factor;
}

export function matrixDimensions(instrument: Instrument): { capability: string; legacy: string } {
  return {
    capability: instrument.results?.capabilityDimension ?? instrument.dimensions[0]?.key ?? 'formaga',
    legacy: instrument.results?.legacyDimension ?? instrument.dimensions[1]?.key ?? 'arv',
  };
}

/**
 * The organisation's results from its respondents' submitted answers (only submitted
 * responses may be passed in). See docs/method.md for every formula and a worked example.
 */
export interface ScoringOptions {
  /** Quadrant threshold; defaults to the instrument version's. */
  threshold?: number;
  /**
   * A capability with fewer respondent scores than this gets no score (its n is kept), and so
   * does not count in its category either: the anonymity threshold when results are shown to
   * others, 1 (the default) for one's own file on the command line.
   */
  minN?: number;
}

export function scoreMaturity(
  instrument: Instrument,
  respondents: readonly RespondentAnswers[],
  options: ScoringOptions = {},
): MaturityResult {
  const items = scoredItems(instrument);
  return scoreFromRespondentScores(
    instrument,
    respondents.map((respondent) => scoreRespondent(items, respondent.answers)),
    options,
  );
}

/**
 * scoreMaturity from each respondent's capability scores (scoreRespondent), for callers that
 * score many groups of the same respondents (the breakdown by unit and role).
 */
export function scoreFromRespondentScores(
  instrument: Instrument,
  respondentScores: ReadonlyArray<ReadonlyMap<string, number>>,
  options: ScoringOptions = {},
): MaturityResult {
  const perCapability = new Map<string, number[]>();
  for (const { capability } of allCapabilities(instrument)) perCapability.set(capability.key, []);
  for (const scores of respondentScores) {
    for (const [capabilityKey, score] of scores) perCapability.get(capabilityKey)?.push(score);
  }
  return resultFromCapabilityScores(instrument, respondentScores.length, perCapability, options);
}

/** The rest of scoreMaturity, from every respondent's score per capability. */
function resultFromCapabilityScores(
  instrument: Instrument,
  respondents: number,
  perCapability: ReadonlyMap<string, readonly number[]>,
  options: ScoringOptions = {},
): MaturityResult {
  const minN = Math.max(1, options.minN ?? 1);
  const capabilities: Record<string, ScoreStatistic> = {};
  const categories: Record<string, number | null> = {};
  const dimensions: Record<string, number | null> = {};
  for (const dimension of instrument.dimensions) {
    const categoryScores: number[] = [];
    for (const category of dimension.categories) {
      const capabilityScores: number[] = [];
      for (const capability of category.capabilities) {
        const scores = perCapability.get(capability.key) ?? [];
        const statistic: ScoreStatistic = scores.length >= minN ? describe(scores) : { score: null, n: scores.length, sd: null, ci95: null };
        capabilities[capability.key] = statistic;
        if (statistic.score !== null) capabilityScores.push(statistic.score);
      }
      const categoryScore = mean(capabilityScores);
      categories[category.key] = categoryScore;
      if (categoryScore !== null) categoryScores.push(categoryScore);
    }
    dimensions[dimension.key] = mean(categoryScores);
  }
  const threshold = options.threshold ?? instrument.results?.quadrantThreshold ?? DEFAULT_QUADRANT_THRESHOLD;
  const matrix = matrixDimensions(instrument);
  const capabilityScore = dimensions[matrix.capability] ?? null;
  const legacyScore = dimensions[matrix.legacy] ?? null;
  const scale = scoreScale(instrument);
  const maturityPercent =
    capabilityScore === null || legacyScore === null
      ? null
      : roundTo(((((capabilityScore + legacyScore) / 2) - scale.min) / (scale.max - scale.min)) * 100, 1);
  return {
    instrumentKey: instrument.key,
    version: instrument.version,
    respondents,
    capabilities,
    categories,
    dimensions,
    maturityPercent,
    quadrant: quadrantOf(capabilityScore, legacyScore, threshold),
    threshold,
    scale,
  };
}
