// What to talk about: the strongest and weakest categories, the capabilities furthest from a
// benchmark, and those where respondents disagree most. docs/method.md, "Differences that matter".
import type { Instrument } from '../instruments/instrument-schema.ts';
import { allCapabilities } from '../instruments/instrument-structure.ts';
import type { Benchmark } from './benchmarks.ts';
import type { MaturityResult } from './maturity-score.ts';

export interface RankedCategory {
  key: string;
  score: number;
}

/**
 * The three strongest and the three weakest categories by score, always named (also for a
 * mature organisation: the point is where to act next). With fewer than six scored
 * categories each list gets half of them, so no category is both. Ties keep questionnaire order.
 */
export function strengthsAndWeaknesses(instrument: Instrument, result: MaturityResult, count = 3): { strongest: RankedCategory[]; weakest: RankedCategory[] } {
  const scored = instrument.dimensions
    .flatMap((dimension) => dimension.categories)
    .map((category, order) => ({ key: category.key, score: result.categories[category.key] ?? null, order }))
    .filter((entry): entry is { key: string; score: number; order: number } => entry.score !== null);
  const take = Math.min(count, Math.floor(scored.length / 2));
  const byScoreDesc = [...scored].sort((a, b) => b.score - a.score || a.order - b.order);
  const byScoreAsc = [...scored].sort((a, b) => a.score - b.score || a.order - b.order);
  const strip = ({ key, score }: { key: string; score: number }) => ({ key, score });
  return { strongest: byScoreDesc.slice(0, take).map(strip), weakest: byScoreAsc.slice(0, take).map(strip) };
}

export interface CapabilityDifference {
  key: string;
  own: number;
  benchmark: number;
  difference: number;
}

/** Capabilities furthest below and above a benchmark's average (own − average). */
export function differencesFromBenchmark(
  instrument: Instrument,
  result: MaturityResult,
  benchmark: Benchmark | null,
  count = 3,
): { below: CapabilityDifference[]; above: CapabilityDifference[] } {
  if (!benchmark) return { below: [], above: [] };
  const differences: CapabilityDifference[] = [];
  for (const { capability } of allCapabilities(instrument)) {
    const own = result.capabilities[capability.key]?.score;
    const avg = benchmark.capabilities[capability.key]?.avg;
    if (typeof own !== 'number' || typeof avg !== 'number') continue;
    differences.push({ key: capability.key, own, benchmark: avg, difference: own - avg });
  }
  return {
    below: differences.filter((entry) => entry.difference < 0).sort((a, b) => a.difference - b.difference).slice(0, count),
    above: differences.filter((entry) => entry.difference > 0).sort((a, b) => b.difference - a.difference).slice(0, count),
  };
}

/** Capabilities where respondents disagree most: the largest standard deviation (n ≥ 2). */
export function largestSpread(instrument: Instrument, result: MaturityResult, count = 3): Array<{ key: string; sd: number; n: number }> {
  const entries: Array<{ key: string; sd: number; n: number }> = [];
  for (const { capability } of allCapabilities(instrument)) {
    const statistic = result.capabilities[capability.key];
    if (statistic?.sd !== null && statistic?.sd !== undefined) entries.push({ key: capability.key, sd: statistic.sd, n: statistic.n });
  }
  return entries.sort((a, b) => b.sd - a.sd).slice(0, count);
}
