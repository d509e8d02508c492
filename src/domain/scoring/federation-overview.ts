// The maturity of every member of a federation side by side (the seed's federation figures):
// each member's point in the 2×2 matrix, its maturity percentage and quadrant, how many members
// are in each quadrant, and the federation's lowest/average/highest per capability. Members
// are numbered (member-numbering.ts); only the reader's own organisations keep their names.
import { numberMembers } from '../disclosure/member-numbering.ts';
import type { Instrument } from '../instruments/instrument-schema.ts';
import { computeBenchmark, type Benchmark } from './benchmarks.ts';
import { matrixDimensions, type MaturityResult } from './maturity-score.ts';

type QuadrantKey = 'A' | 'B' | 'C' | 'D';

export interface FederationMemberResult {
  organisationId: string;
  name: string;
  kind: string;
  result: MaturityResult;
}

export interface FederationOverviewRow {
  number: number;
  own: boolean;
  /** The name only for the reader's own organisations; null for the others. */
  name: string | null;
  respondents: number;
  capability: number | null;
  legacy: number | null;
  maturityPercent: number | null;
  quadrant: QuadrantKey | null;
  /** Capability scores, for the member's line in a chart. */
  capabilities: Record<string, number | null>;
}

export interface FederationOverview {
  /** In number order. */
  rows: FederationOverviewRow[];
  quadrantCounts: Record<QuadrantKey, number>;
  /** Lowest/average/highest over the members; null with fewer than three members. */
  benchmark: Benchmark | null;
}

export function federationOverview(
  instrument: Instrument,
  members: readonly FederationMemberResult[],
  ownOrganisationIds: ReadonlySet<string>,
  /** Numbers fixed for a whole study (every member of the federation), so a report's figures agree. */
  numbering?: ReadonlyMap<string, number>,
): FederationOverview {
  const matrix = matrixDimensions(instrument);
  const numbers = numberMembers(
    members.map((member) => member.organisationId),
    ownOrganisationIds,
    numbering,
  );
  const quadrantCounts: Record<QuadrantKey, number> = { A: 0, B: 0, C: 0, D: 0 };
  const rows = members.map((member): FederationOverviewRow => {
    const numbered = numbers.get(member.organisationId)!;
    const { result } = member;
    if (result.quadrant) quadrantCounts[result.quadrant] += 1;
    return {
      number: numbered.number,
      own: numbered.own,
      name: numbered.own ? member.name : null,
      respondents: result.respondents,
      capability: result.dimensions[matrix.capability] ?? null,
      legacy: result.dimensions[matrix.legacy] ?? null,
      maturityPercent: result.maturityPercent,
      quadrant: result.quadrant,
      capabilities: Object.fromEntries(Object.entries(result.capabilities).map(([key, statistic]) => [key, statistic.score])),
    };
  });
  rows.sort((a, b) => a.number - b.number);
  return { rows, quadrantCounts, benchmark: computeBenchmark(instrument, members) };
}
