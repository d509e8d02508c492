// Benchmarks: the lowest, average and highest organisation score over a group of organisations
// (each organisation weighs the same), shown only when enough organisations are in it that no
// single one can be read out of it. docs/method.md, "Benchmarks".
import type { Instrument } from '../instruments/instrument-schema.ts';
import { allCapabilities } from '../instruments/instrument-structure.ts';
import { matrixDimensions, type MaturityResult } from './maturity-score.ts';

/** A benchmark needs at least this many organisations. */
export const MIN_BENCHMARK_ORGANISATIONS = 3;

export interface BenchmarkValue {
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

/** The point of a benchmark's averages in the 2×2 matrix. */
export function benchmarkMatrixPoint(instrument: Instrument, benchmark: Benchmark | null): { capability: number; legacy: number } | null {
  if (!benchmark) return null;
  const matrix = matrixDimensions(instrument);
  const capability = benchmark.dimensions[matrix.capability]?.avg;
  const legacy = benchmark.dimensions[matrix.legacy]?.avg;
  return capability === undefined || legacy === undefined ? null : { capability, legacy };
}

/** A published reference value imported by the operator (e.g. a national average). */
export interface ReferenceValue {
  /** A capability, category or dimension key, or "maturity-percent". */
  measure: string;
  value: number;
  source: string;
}

export const MATURITY_PERCENT_MEASURE = 'maturity-percent';
