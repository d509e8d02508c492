// Change since an earlier round. A capability is compared only when the current instrument
// version declares it comparable with the earlier version (`comparableWith`), or when both
// rounds used the same version; a category or dimension only when all its parts are
// comparable and made of the same parts in both versions. docs/method.md, "Trend".
import type { Instrument, QuadrantKey } from '../instruments/instrument-schema.ts';
import { allCapabilities } from '../instruments/instrument-structure.ts';
import type { MaturityResult } from './maturity-score.ts';

interface Change {
  previous: number;
  current: number;
  change: number;
}

export interface Trend {
  previousYear: number;
  previousVersion: string;
  capabilities: Record<string, Change | null>;
  categories: Record<string, Change | null>;
  dimensions: Record<string, Change | null>;
  maturityPercent: Change | null;
  quadrant: { previous: QuadrantKey; current: QuadrantKey } | null;
  /** Capabilities of the current version that cannot be compared with the earlier one. */
  notComparable: string[];
}

/** Capability keys of `current` that form an unbroken series with `previous`. */
export function comparableCapabilities(current: Instrument, previous: Instrument): Set<string> {
  const previousKeys = new Set(allCapabilities(previous).map(({ capability }) => capability.key));
  if (current.key !== previous.key) return new Set();
  if (current.version === previous.version) return previousKeys;
  const declaration = current.comparableWith.find((entry) => entry.version === previous.version);
  if (!declaration) return new Set();
  return new Set(declaration.capabilities.filter((key) => previousKeys.has(key)));
}

function change(previous: number | null | undefined, current: number | null | undefined): Change | null {
  if (typeof previous !== 'number' || typeof current !== 'number') return null;
  return { previous, current, change: current - previous };
}

export function computeTrend(
  current: { instrument: Instrument; result: MaturityResult },
  previous: { instrument: Instrument; result: MaturityResult; year: number },
): Trend {
  const comparable = comparableCapabilities(current.instrument, previous.instrument);
  const previousCategories = new Map(
    previous.instrument.dimensions.flatMap((dimension) => dimension.categories.map((category) => [category.key, category] as const)),
  );
  const previousDimensions = new Map(previous.instrument.dimensions.map((dimension) => [dimension.key, dimension] as const));
  const sameKeys = (a: string[], b: string[]) => a.length === b.length && a.every((key) => b.includes(key));

  const capabilities: Trend['capabilities'] = {};
  const notComparable: string[] = [];
  for (const { capability } of allCapabilities(current.instrument)) {
    if (!comparable.has(capability.key)) {
      capabilities[capability.key] = null;
      notComparable.push(capability.key);
      continue;
    }
    capabilities[capability.key] = change(previous.result.capabilities[capability.key]?.score, current.result.capabilities[capability.key]?.score);
  }
  const categories: Trend['categories'] = {};
  const dimensions: Trend['dimensions'] = {};
  const comparableCategories = new Set<string>();
  for (const dimension of current.instrument.dimensions) {
    for (const category of dimension.categories) {
      const keys = category.capabilities.map((capability) => capability.key);
      const before = previousCategories.get(category.key);
      const ok = before !== undefined && keys.every((key) => comparable.has(key)) && sameKeys(keys, before.capabilities.map((capability) => capability.key));
      if (ok) comparableCategories.add(category.key);
      categories[category.key] = ok ? change(previous.result.categories[category.key], current.result.categories[category.key]) : null;
    }
    const keys = dimension.categories.map((category) => category.key);
    const before = previousDimensions.get(dimension.key);
    const ok = before !== undefined && keys.every((key) => comparableCategories.has(key)) && sameKeys(keys, before.categories.map((category) => category.key));
    dimensions[dimension.key] = ok ? change(previous.result.dimensions[dimension.key], current.result.dimensions[dimension.key]) : null;
  }
  const allDimensions = current.instrument.dimensions.every((dimension) => dimensions[dimension.key] !== null);
  const quadrant =
    allDimensions && previous.result.quadrant && current.result.quadrant
      ? { previous: previous.result.quadrant, current: current.result.quadrant }
      : null;
  return {
    previousYear: previous.year,
    previousVersion: previous.instrument.version,
    capabilities,
    categories,
    dimensions,
    maturityPercent: allDimensions ? change(previous.result.maturityPercent, current.result.maturityPercent) : null,
    quadrant,
    notComparable,
  };
}
