// Benchmarks: the lowest, average and highest organisation score over a group of organisations
// (each organisation weighs the same), shown only when enough organisations are in it that no
// single one can be read out of it. docs/method.md, "Benchmarks".
import type { Instrument } from '../instruments/instrument-schema.ts';
import { allCapabilities } from '../instruments/instrument-structure.ts';
import { matrixDimensions, type MaturityResult } from './maturity-score.ts';

/** A benchmark needs at least this many organisations. */
export const MIN_BENCHMARK_ORGANISATIONS = 3;

interface BenchmarkValue {
  min: number;
  avg: number;
  max: number;
  /** Organisations with a score for this measure. */
  organisations: number;
}

export interface Benchmark {
  /** Organisations in the benchmark group. */
  organisations: number;
  capabilities: Record<string, BenchmarkValue | null>;
  categories: Record<string, BenchmarkValue | null>;
  dimensions: Record<string, BenchmarkValue | null>;
  maturityPercent: BenchmarkValue | null;
}

export interface OrganisationResult {
  organisationId: string;
  kind: string;
  result: MaturityResult;
}

function summarise(values: Array<number | null | undefined>, minimum: number): BenchmarkValue | null {
  const present = values.filter((value): value is number => typeof value === 'number');
  if (present.length < minimum) return null;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const value of present) {
    if (value < min) min = value;
    if (value > max) max = value;
    sum += value;
  }
  return { min, avg: sum / present.length, max, organisations: present.length };
}

/**
 * The benchmark over the given organisations' results, or null when fewer than `minimum`
 * (default 3) organisations are in it. A single measure is null when fewer than `minimum`
 * organisations have a score for it.
 */
export function computeBenchmark(
  instrument: Instrument,
  results: readonly OrganisationResult[],
  minimum: number = MIN_BENCHMARK_ORGANISATIONS,
): Benchmark | null {
  const floor = Math.max(MIN_BENCHMARK_ORGANISATIONS, minimum);
  if (results.length < floor) return null;
  const capabilities: Benchmark['capabilities'] = {};
  for (const { capability } of allCapabilities(instrument)) {
    capabilities[capability.key] = summarise(results.map((entry) => entry.result.capabilities[capability.key]?.score), floor);
  }
  const categories: Benchmark['categories'] = {};
  const dimensions: Benchmark['dimensions'] = {};
  for (const dimension of instrument.dimensions) {
    dimensions[dimension.key] = summarise(results.map((entry) => entry.result.dimensions[dimension.key]), floor);
    for (const category of dimension.categories) {
      categories[category.key] = summarise(results.map((entry) => entry.result.categories[category.key]), floor);
    }
  }
  return {
    organisations: results.length,
    capabilities,
    categories,
    dimensions,
    maturityPercent: summarise(results.map((entry) => entry.result.maturityPercent), floor),
  };
}

/**
 * A national comparison ("Riket") must come from outside the federation being compared, or it
 * only repeats the federation: on an installation that holds one federation the computed
 * "national" mean is the federation's mean. docs/method.md, "Benchmarks".
 */
export interface NationalComparison {
  benchmark: Benchmark;
  /** 'outside-federation': every comparing organisation outside the federation(s); 'platform': every one (no federation). */
  scope: 'outside-federation' | 'platform';
  year: number;
  organisations: number;
}

/**
 * The national comparison for an organisation (or a federation) from the platform's results:
 * the organisations outside `federationMembers`, when at least `minimumOutside` (never below 3)
 * of them compare; with no federation, every participating organisation. Null otherwise, and
 * the comparison is then left out rather than shown as a copy of the federation.
 */
export function nationalComparison(
  instrument: Instrument,
  participating: readonly OrganisationResult[],
  federationMembers: ReadonlySet<string> | null,
  year: number,
  minimumOutside: number = MIN_BENCHMARK_ORGANISATIONS,
): NationalComparison | null {
  const inFederation = federationMembers !== null && federationMembers.size > 0;
  const group = inFederation ? participating.filter((entry) => !federationMembers.has(entry.organisationId)) : [...participating];
  if (inFederation && group.length < Math.max(MIN_BENCHMARK_ORGANISATIONS, minimumOutside)) return null;
  const benchmark = computeBenchmark(instrument, group);
  return benchmark ? { benchmark, scope: inFederation ? 'outside-federation' : 'platform', year, organisations: group.length } : null;
}

/** The point of a benchmark's averages in the 2×2 matrix. */
export function benchmarkMatrixPoint(instrument: Instrument, benchmark: Benchmark | null): { capability: number; legacy: number } | null {
  if (!benchmark) return null;
  const matrix = matrixDimensions(instrument);
  const capability = benchmark.dimensions[matrix.capability]?.avg;
  const legacy = benchmark.dimensions[matrix.legacy]?.avg;
  return capability === undefined || legacy === undefined ? null : { capability, legacy };
}

export const MATURITY_PERCENT_MEASURE = 'maturity-percent';
