// Comparison of the members of a federation (seed figures 7, 8, 11, 12 and 15): central-IT
// share of total cost, pool mix, inside/outside split and tower mix against the average.
// Members are anonymised: each has a number (by default 1, 2, … in order of central-IT share; the
// services pass the federation's one numbering, studyNumbering), used in every chart, and only the
// viewer's own member is marked. Averages are unweighted means over
// the members that have the figure, so a large municipality does not outweigh the rest.
import { tbmV4, type CostTaxonomy } from './cost-taxonomy.ts';
import { IT_TOWER_KEYS, towerMix, type TowerMix, type TowerStaffing } from './it-towers.ts';
import type { InsideOutsideShare, LedgerAnalysis } from './ledger-analysis.ts';

export interface FederationMemberInput {
  memberId: string;
  analysis: Pick<LedgerAnalysis, 'pools' | 'totalItOre' | 'centralItShare' | 'insideOutside'>;
  towers?: TowerStaffing | null;
}

export interface FederationComparisonOptions {
  viewerMemberId?: string | null;
  towerBasis?: 'fte' | 'cost';
  taxonomy?: CostTaxonomy;
  /** Numbers fixed for a whole study (see studyNumbering) instead of numbering by central-IT share. */
  numbering?: ReadonlyMap<string, number>;
}

export interface FederationMemberFigures {
  /** Anonymous number: from options.numbering, else 1-based in order of central-IT share (lowest first, unknown last). */
  label: number;
  isViewer: boolean;
  /** The member id, only for the viewer's own member. */
  memberId: string | null;
  centralItShare: number | null;
  /** Share of each pool in the member's identified IT cost; null when that is 0. */
  poolMix: Record<string, number> | null;
  insideOutside: Record<string, InsideOutsideShare | null>;
  towerMix: TowerMix | null;
}

export interface FederationComparison {
  members: FederationMemberFigures[];
  average: {
    centralItShare: number | null;
    poolMix: Record<string, number> | null;
    insideOutside: Record<string, InsideOutsideShare | null>;
    towerMix: TowerMix | null;
  };
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

export function compareFederation(
  inputs: readonly FederationMemberInput[],
  options: FederationComparisonOptions = {},
): FederationComparison {
  const taxonomy = options.taxonomy ?? tbmV4;
  const basis = options.towerBasis ?? 'fte';
  const splitPools = taxonomy.pools.filter((pool) => pool.countsOutsideCentralIt).map((pool) => pool.key);

  const ordered = [...inputs].sort((a, b) => {
    const x = a.analysis.centralItShare;
    const y = b.analysis.centralItShare;
    if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
    return x - y;
  });

  const members: FederationMemberFigures[] = ordered.map((input, index) => {
    const { analysis } = input;
    let poolMix: Record<string, number> | null = null;
    if (analysis.totalItOre !== 0) {
      poolMix = {};
      for (const pool of taxonomy.pools) poolMix[pool.key] = (analysis.pools[pool.key]?.totalOre ?? 0) / analysis.totalItOre;
    }
    const insideOutside: Record<string, InsideOutsideShare | null> = {};
    for (const key of splitPools) insideOutside[key] = analysis.insideOutside[key] ?? null;
    const isViewer = options.viewerMemberId !== undefined && options.viewerMemberId === input.memberId;
    return {
      label: options.numbering?.get(input.memberId) ?? index + 1,
      isViewer,
      memberId: isViewer ? input.memberId : null,
      centralItShare: analysis.centralItShare,
      poolMix,
      insideOutside,
      towerMix: input.towers ? towerMix(input.towers, basis) : null,
    };
  });

  const averagePoolMix = averageRecord(
    members.map((member) => member.poolMix),
    taxonomy.pools.map((pool) => pool.key),
  );
  const averageTowers = averageRecord(
    members.map((member) => member.towerMix),
    [...IT_TOWER_KEYS],
  ) as TowerMix | null;
  const averageSplit: Record<string, InsideOutsideShare | null> = {};
  for (const key of splitPools) {
    const shares = members.map((member) => member.insideOutside[key]).filter((share): share is InsideOutsideShare => !!share);
    const centralIt = mean(shares.map((share) => share.centralIt));
    averageSplit[key] = centralIt === null ? null : { centralIt, outside: 1 - centralIt };
  }

  return {
    members,
    average: {
      centralItShare: mean(members.flatMap((member) => (member.centralItShare === null ? [] : [member.centralItShare]))),
      poolMix: averagePoolMix,
      insideOutside: averageSplit,
      towerMix: averageTowers,
    },
  };
}

function averageRecord(records: readonly (Record<string, number> | null)[], keys: readonly string[]): Record<string, number> | null {
  const present = records.filter((record): record is Record<string, number> => record !== null);
  if (present.length === 0) return null;
  const result: Record<string, number> = {};
  for (const key of keys) result[key] = present.reduce((sum, record) => sum + (record[key] ?? 0), 0) / present.length;
  return result;
}
