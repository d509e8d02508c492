// What a round's results are, as the results page, its charts, the exports, the JSON API and the
// reports receive them (src/modules/results computes them; src/charts and src/reports only read
// them). Only published figures that passed the anonymity rule ever fill these types.
import type { OrganisationKind, RoundStatus } from '../../db/schema.ts';
import type { GroupKind } from '../disclosure/disclosure.ts';
import type { Instrument, QuadrantKey } from '../instruments/instrument-schema.ts';
import type { Benchmark, NationalComparison } from '../scoring/benchmarks.ts';
import type { CapabilityDifference, RankedCategory } from '../scoring/insights.ts';
import type { MaturityResult } from '../scoring/maturity-score.ts';
import type { Trend } from '../scoring/trend.ts';

export interface ReferenceSeries {
  source: string;
  year: number;
  /** How many organisations the source's figures rest on; null when the source does not say. */
  organisations: number | null;
  /** measure (capability, category or dimension key, or "maturity-percent") → value */
  values: Record<string, number>;
}

export interface FederationBenchmark {
  id: string;
  name: string;
  benchmark: Benchmark | null;
  /** Organisations with a closed round of the same version and year (the benchmark needs 3). */
  organisations: number;
}

export interface BreakdownGroup {
  key: string;
  kind: GroupKind;
  /** Unit path ("Socialförvaltningen › IFO"), the role, or for a pool its parent unit's path (null at the top). */
  name: string | null;
  depth: number;
  n: number;
  maturityPercent: number | null;
  quadrant: QuadrantKey | null;
  dimensions: Record<string, number | null>;
  categories: Record<string, number | null>;
}

export interface RoundResults {
  round: {
    id: string;
    name: string;
    year: number;
    status: RoundStatus;
    organisationId: string;
    anonymityThreshold: number;
    smallSampleThreshold: number;
  };
  organisation: { id: string; name: string; kind: OrganisationKind };
  instrument: Instrument;
  /** Respondents counted in the published state (before any is published: submitted responses so far). */
  respondents: number;
  /**
   * Which state is shown: `published` (a closed round's figures as they stood at `publishedAt`),
   * `not-closed` (an open round never published: nothing until it closes) or `too-few` (closed
   * with fewer respondents than the threshold). `submittedNow` is the progress count.
   */
  publication?: { status: 'published' | 'not-closed' | 'too-few'; publishedAt: string | null; submittedNow: number };
  /** Null when fewer respondents than the anonymity threshold have answered: nothing is shown. */
  result: MaturityResult | null;
  smallSample: boolean;
  benchmarks: { federations: FederationBenchmark[]; national: Benchmark | null; nationalOrganisations: number; nationalSource?: NationalComparison | null; sameKind: Benchmark | null; sameKindOrganisations: number };
  references: ReferenceSeries[];
  trend: Trend | null;
  strengths: { strongest: RankedCategory[]; weakest: RankedCategory[] };
  differences: { federation: { below: CapabilityDifference[]; above: CapabilityDifference[] }; national: { below: CapabilityDifference[]; above: CapabilityDifference[] } };
  spread: Array<{ key: string; sd: number; n: number }>;
  breakdown: { threshold: number; units: BreakdownGroup[]; roles: BreakdownGroup[]; suppressedForSubtraction: number };
}
