// The IT-cost analysis of one organisation's ledger (seed section 3.3). Pure: an aggregate and
// options in, figures out, all money in integer öre. The rules are written out in
// docs/method.md ("IT-cost analysis (TBM)"); keep the two in step.
import { tbmV4, type CostTaxonomy } from './cost-taxonomy.ts';
import { compareCodes, type CostCentre, type LedgerAggregate } from './ledger-aggregate.ts';
import { addOre } from './money.ts';
import { createRuleMatcher, type MappingRule } from './mapping-rules.ts';

/** Account classes (first digit of the account number) that hold costs. */
export const DEFAULT_COST_CLASSES: readonly number[] = [4, 5, 6, 7];

export interface LedgerAnalysisOptions {
  rules: readonly MappingRule[];
  /** Cost-centre ids of the central IT organisation. */
  centralItCostCentres: readonly string[];
  /** Account classes counted as cost; default 4–7. */
  costClasses?: readonly number[];
  taxonomy?: CostTaxonomy;
  /** The organisation's total cost entered by hand, replacing the ledger's own sum. */
  organisationTotalCostOre?: number | null;
}

interface PoolFigures {
  centralItOre: number;
  outsideOre: number;
  totalOre: number;
}

export interface InsideOutsideShare {
  /** Share of the pool's IT cost booked on central-IT cost centres, 0–1. */
  centralIt: number;
  outside: number;
}

interface UnmappedAccount {
  account: string;
  name: string;
  amountOre: number;
}

interface AnalysisWarning {
  code: 'NO_CENTRAL_IT' | 'UNKNOWN_COST_CENTRE' | 'NO_COST_ROWS' | 'ZERO_TOTAL_COST';
  message: string;
}

export interface LedgerAnalysis {
  taxonomyId: string;
  year: number | null;
  rowCount: number;
  centralItCostCentres: CostCentre[];
  costClasses: number[];
  /** One entry per pool of the taxonomy, in taxonomy order. */
  pools: Record<string, PoolFigures>;
  /** Sum of all pools: the identified IT cost. */
  totalItOre: number;
  /** Every cost row on central-IT cost centres, mapped or not. */
  centralItCostOre: number;
  /** Every cost row of the ledger, or the figure entered by hand. */
  organisationTotalCostOre: number;
  organisationTotalCostSource: 'ledger' | 'manual';
  /** centralItCost / organisationTotalCost, or null when the total is 0. */
  centralItShare: number | null;
  /** For the pools that count outside central IT: the split of their cost, null when 0. */
  insideOutside: Record<string, InsideOutsideShare | null>;
  /** Central-IT cost rows that no rule maps, per account; kept out of the pools. */
  unmapped: UnmappedAccount[];
  unmappedTotalOre: number;
  warnings: AnalysisWarning[];
}

/** The class of an account: its first digit, or null when it does not start with one. */
export function accountClass(account: string): number | null {
  const code = account.trim().charCodeAt(0);
  return code >= 48 && code <= 57 ? code - 48 : null;
}

export function analyseLedger(aggregate: LedgerAggregate, options: LedgerAnalysisOptions): LedgerAnalysis {
  const taxonomy = options.taxonomy ?? tbmV4;
  const costClasses = [...new Set(options.costClasses ?? DEFAULT_COST_CLASSES)].sort((a, b) => a - b);
  const classSet = new Set(costClasses);
  const central = new Set(options.centralItCostCentres);
  const match = createRuleMatcher(options.rules);
  const countsOutside = new Set(taxonomy.pools.filter((pool) => pool.countsOutsideCentralIt).map((pool) => pool.key));
  const warnings: AnalysisWarning[] = [];

  const pools: Record<string, PoolFigures> = {};
  for (const pool of taxonomy.pools) pools[pool.key] = { centralItOre: 0, outsideOre: 0, totalOre: 0 };

  const poolOf = new Map<string, string | null>();
  const unmappedSums = new Map<string, number>();
  let centralItCostOre = 0;
  let ledgerTotalOre = 0;
  let costRows = 0;

  for (const row of aggregate.rows) {
    const accountClassDigit = accountClass(row.account);
    if (accountClassDigit === null || !classSet.has(accountClassDigit)) continue;
    costRows++;
    ledgerTotalOre = addOre(ledgerTotalOre, row.amountOre);
    let pool = poolOf.get(row.account);
    if (pool === undefined) {
      pool = match(row.account, aggregate.accounts[row.account] ?? '');
      poolOf.set(row.account, pool);
    }
    const onCentralIt = row.costCentre !== null && central.has(row.costCentre);
    if (onCentralIt) {
      centralItCostOre = addOre(centralItCostOre, row.amountOre);
      if (pool === null) {
        unmappedSums.set(row.account, addOre(unmappedSums.get(row.account) ?? 0, row.amountOre));
      } else {
        const figures = pools[pool];
        if (figures !== undefined) figures.centralItOre = addOre(figures.centralItOre, row.amountOre);
      }
    } else if (pool !== null && countsOutside.has(pool)) {
      const figures = pools[pool];
      if (figures !== undefined) figures.outsideOre = addOre(figures.outsideOre, row.amountOre);
    }
  }

  let totalItOre = 0;
  const insideOutside: Record<string, InsideOutsideShare | null> = {};
  for (const pool of taxonomy.pools) {
    const figures = pools[pool.key];
    if (figures === undefined) continue;
    figures.totalOre = addOre(figures.centralItOre, figures.outsideOre);
    totalItOre = addOre(totalItOre, figures.totalOre);
    if (pool.countsOutsideCentralIt) {
      insideOutside[pool.key] =
        figures.totalOre === 0
          ? null
          : { centralIt: figures.centralItOre / figures.totalOre, outside: figures.outsideOre / figures.totalOre };
    }
  }

  const unmapped: UnmappedAccount[] = [...unmappedSums.entries()]
    .sort(([a], [b]) => compareCodes(a, b))
    .map(([account, amountOre]) => ({ account, name: aggregate.accounts[account] ?? '', amountOre }));
  const unmappedTotalOre = unmapped.reduce((sum, entry) => addOre(sum, entry.amountOre), 0);

  const manual = options.organisationTotalCostOre;
  const organisationTotalCostOre = manual ?? ledgerTotalOre;

  const known = new Map(aggregate.costCentres.map((centre) => [centre.id, centre.name]));
  if (central.size === 0) {
    warnings.push({
      code: 'NO_CENTRAL_IT',
      message: 'No central-IT cost centre was chosen: all cost counts as outside central IT',
    });
  }
  for (const id of central) {
    if (!known.has(id)) {
      warnings.push({ code: 'UNKNOWN_COST_CENTRE', message: `Cost centre "${id}" does not occur in the ledger` });
    }
  }
  if (costRows === 0) {
    warnings.push({
      code: 'NO_COST_ROWS',
      message: `The ledger has no rows on cost accounts (classes ${costClasses.join(', ')})`,
    });
  }
  if (organisationTotalCostOre === 0) {
    warnings.push({ code: 'ZERO_TOTAL_COST', message: 'The organisation’s total cost is 0, so no share can be given' });
  }

  return {
    taxonomyId: taxonomy.id,
    year: aggregate.year,
    rowCount: aggregate.rowCount,
    centralItCostCentres: [...central].sort(compareCodes).map((id) => ({ id, name: known.get(id) ?? '' })),
    costClasses,
    pools,
    totalItOre,
    centralItCostOre,
    organisationTotalCostOre,
    organisationTotalCostSource: manual === undefined || manual === null ? 'ledger' : 'manual',
    centralItShare: organisationTotalCostOre === 0 ? null : centralItCostOre / organisationTotalCostOre,
    insideOutside,
    unmapped,
    unmappedTotalOre,
    warnings,
  };
}

/** Parses a cost-class list such as "4-7", "4,5,6,7" or "4-6,8". Returns null when invalid. */
export function parseCostClasses(text: string): number[] | null {
  const classes = new Set<number>();
  for (const part of text.split(',')) {
    const trimmed = part.trim();
    const range = /^(\d)\s*-\s*(\d)$/.exec(trimmed);
    if (range !== null) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (from > to) return null;
      for (let digit = from; digit <= to; digit++) classes.add(digit);
    } else if (/^\d$/.test(trimmed)) {
      classes.add(Number(trimmed));
    } else {
      return null;
    }
  }
  return classes.size === 0 ? null : [...classes].sort((a, b) => a - b);
}
