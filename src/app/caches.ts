// Bounded in-memory caches, one set per AppContext (a port like the clock): the server keeps one
// for its life, each test context gets a fresh one. Only what cannot go stale is kept, or it is
// keyed by a version of the data it was made from.
import { LRUCache } from 'lru-cache';
import type { LedgerAnalysis } from '../domain/costs/ledger-analysis.ts';
import type { MaturityResult } from '../domain/scoring/maturity-score.ts';

export interface Caches {
  /** Parsed published results, by round and instrument; an entry holds its published state's seq, which readers compare. */
  publishedResults: LRUCache<string, { seq: number; result: MaturityResult }>;
  /**
   * The rendered main part of a closed round's results page, keyed by round, instrument, locale,
   * the reader's flags and a version of every figure it shows (src/modules/results). Access is
   * checked on every request before the cache is asked.
   */
  resultsPages: LRUCache<string, string>;
  /** Ledger analyses for the federation comparison, keyed by the ledger, the central-IT choice, the total and the rules. */
  ledgerAnalyses: LRUCache<string, LedgerAnalysis>;
}

export function createCaches(): Caches {
  return {
    publishedResults: new LRUCache({ max: 5000 }),
    resultsPages: new LRUCache({ max: 500, maxSize: 64 * 1024 * 1024, sizeCalculation: (html) => Math.max(1, html.length) }),
    ledgerAnalyses: new LRUCache({ max: 200 }),
  };
}
