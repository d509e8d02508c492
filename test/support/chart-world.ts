// A small federation with everything a maturity chart can compare (the federation's lowest,
// average and highest, the national average, last year), for tests of how charts look.
import { scoreMaturity } from '../../src/domain/scoring/maturity-score.ts';
import { computeBenchmark, type Benchmark } from '../../src/domain/scoring/benchmarks.ts';
import { federationOverview, type FederationOverview } from '../../src/domain/scoring/federation-overview.ts';
import { computeTrend } from '../../src/domain/scoring/trend.ts';
import type { Instrument } from '../../src/domain/instruments/instrument-schema.ts';
import { loadInstrumentCatalog } from '../../src/catalogues/instrument-catalog.ts';
import type { RoundResults } from '../../src/domain/results/round-results.ts';
import { answersScoring } from './results-world.ts';

export interface ChartWorld {
  instrument: Instrument;
  results: RoundResults;
  overview: FederationOverview;
  national: Benchmark;
}

/** Scores a member whose every answer is `value` (1–6), shifted per capability so charts are not flat. */
function scored(instrument: Instrument, value: number) {
  let index = 0;
  const answers = answersScoring(instrument, () => Math.max(1, Math.min(6, value + ((index++ % 3) - 1))));
  return scoreMaturity(instrument, [{ respondentId: `r${value}`, answers: new Map(Object.entries(answers)) }]);
}

/**
 * Five members; `twins` gives two members identical scores (markers at the same place). The own
 * organisation is the first, called `ownName` (default "Kommun 11").
 */
export function chartWorld(options: { twins?: boolean; ownName?: string } = {}): ChartWorld {
  const instrument = loadInstrumentCatalog().require('digital-mognad');
  const values = options.twins ? [4, 3, 3, 5, 2] : [4, 3, 2, 5, 6];
  const members = values.map((value, i) => ({ organisationId: `m${i + 1}`, name: i === 0 && options.ownName ? options.ownName : `Kommun ${i + 11}`, kind: 'kommun', result: scored(instrument, value) }));
  const own = members[0]!;
  const benchmark = computeBenchmark(instrument, members)!;
  const national = computeBenchmark(instrument, [...members, ...values.map((value, i) => ({ organisationId: `n${i}`, kind: 'kommun', result: scored(instrument, Math.max(1, value - 1)) }))])!;
  const previous = scored(instrument, 3);
  const none = { below: [], above: [] };
  const results: RoundResults = {
    round: { id: 'r', name: 'Mätning 2025', year: 2025, status: 'closed', organisationId: own.organisationId, anonymityThreshold: 2, smallSampleThreshold: 5 },
    organisation: { id: own.organisationId, name: own.name, kind: 'kommun' },
    instrument,
    respondents: 1,
    result: own.result,
    smallSample: true,
    benchmarks: { federations: [{ id: 'f', name: 'Fyrbodal', benchmark, organisations: members.length }], national, nationalOrganisations: 10, sameKind: null, sameKindOrganisations: 0 },
    references: [],
    trend: computeTrend({ instrument, result: own.result }, { instrument, result: previous, year: 2024 }),
    strengths: { strongest: [], weakest: [] },
    differences: { federation: none, national: none },
    spread: [],
    breakdown: { threshold: 2, units: [], roles: [], suppressedForSubtraction: 0 },
  };
  return { instrument, results, overview: federationOverview(instrument, members, new Set([own.organisationId])), national };
}
