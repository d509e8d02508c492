// The default mapping rules for the municipal chart of accounts Kommun-Bas. The rules are data
// in cost-rules/kommun-bas.csv (same format as a user's RULES.csv, plus a comment column) so an
// analyst can copy the file, change it per organisation and pass it back with --mapping.
// Reading the file lives here, outside src/domain, so the analysis itself stays free of I/O.
import { readFileSync } from 'node:fs';
import { tbmV4 } from '../domain/costs/cost-taxonomy.ts';
import { parseMappingRulesCsv, type MappingRule } from '../domain/costs/mapping-rules.ts';

const KOMMUN_BAS_RULES_URL = new URL('../../cost-rules/kommun-bas.csv', import.meta.url);

let cached: readonly MappingRule[] | undefined;

/** The default Kommun-Bas rule set, mapped onto the TBM v4 pools. */
export function kommunBasRules(): readonly MappingRule[] {
  cached ??= Object.freeze(parseMappingRulesCsv(kommunBasRulesCsv(), tbmV4));
  return cached;
}

/** The default rule set as CSV text, for copying. */
export function kommunBasRulesCsv(): string {
  return readFileSync(KOMMUN_BAS_RULES_URL, 'utf8');
}
