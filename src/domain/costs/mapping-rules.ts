// Mapping rules: ordered data that sends a ledger account to a cost pool. A rule is an
// inclusive account range, a pool key and optionally a word the account name must contain
// (case-insensitive). The first rule that matches wins; an account no rule matches is
// "unmapped" and is listed for review by the analysis.
//
// Account numbers in municipal ledgers have 3, 4, 5 or more digits (Kommun-Bas has 3-digit
// accounts with 4- and 5-digit sub-accounts), so ranges are compared on the rule's own number
// of digits: the account's leading digits are cut to that length, or padded with zeros when
// shorter. The rule 6400–6499 therefore matches 64, 641, 6410 and 64105 alike.
import { parse } from 'csv-parse/sync';
import { errorCatalogue } from '../../app/errors.ts';
import { csvLine, unguardFormulaText } from '../spreadsheet-cells.ts';
import { findPool, type CostTaxonomy } from './cost-taxonomy.ts';

export interface MappingRule {
  from: string;
  to: string;
  pool: string;
  /** Lower-case word that the account name must contain, or null for any name. */
  nameContains: string | null;
  comment?: string;
  /** Line in the rules file, for messages. */
  line?: number;
}

export type MappingRulesErrorCode =
  | 'RULES_EMPTY'
  | 'RULES_BAD_HEADER'
  | 'RULES_BAD_ACCOUNT'
  | 'RULES_BAD_RANGE'
  | 'RULES_UNKNOWN_POOL'
  | 'RULES_BAD_CSV';

/** The error catalogue's code of a mapping rules error (src/app/errors.ts, texts in src/i18n). */
export type MappingRulesCatalogueCode = `mapping_${Lowercase<MappingRulesErrorCode>}`;

export class MappingRulesError extends Error {
  override name = 'MappingRulesError';
  constructor(
    readonly code: MappingRulesErrorCode,
    readonly line: number | null,
    message: string,
  ) {
    super(line === null ? message : `line ${line}: ${message}`);
  }

  get catalogueCode(): MappingRulesCatalogueCode {
    return `mapping_${this.code.toLowerCase() as Lowercase<MappingRulesErrorCode>}`;
  }

  get status(): number {
    return errorCatalogue[this.catalogueCode];
  }
}

const REQUIRED_COLUMNS = ['from', 'to', 'pool', 'name_contains'] as const;

/**
 * Reads a rules file (`from,to,pool,name_contains` with an optional `comment` column; `;` works
 * as separator too). Blank lines and lines starting with `#` are skipped. Throws
 * {@link MappingRulesError} naming the line of the first problem.
 */
export function parseMappingRulesCsv(text: string, taxonomy: CostTaxonomy): MappingRule[] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      comment: '#',
      comment_no_infix: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : null;
    throw new MappingRulesError('RULES_BAD_CSV', line, `not a readable CSV file (${(error as Error).message})`);
  }
  const [header, ...rows] = records;
  if (header === undefined) throw new MappingRulesError('RULES_EMPTY', null, 'the rules file is empty');
  const columns = header.record.map((name) => name.trim().toLowerCase());
  const index = (name: string): number => columns.indexOf(name);
  const missing = REQUIRED_COLUMNS.filter((name) => index(name) < 0 && name !== 'name_contains');
  if (missing.length > 0) {
    throw new MappingRulesError(
      'RULES_BAD_HEADER',
      header.info.lines,
      `the header must be "from,to,pool,name_contains" (missing ${missing.join(', ')})`,
    );
  }
  const rules: MappingRule[] = [];
  for (const { record, info } of rows) {
    const cell = (name: string): string => {
      const at = index(name);
      return at < 0 ? '' : unguardFormulaText((record[at] ?? '').trim());
    };
    const rule: MappingRule = {
      from: cell('from'),
      to: cell('to'),
      pool: cell('pool'),
      nameContains: cell('name_contains') === '' ? null : cell('name_contains').toLowerCase(),
      line: info.lines,
    };
    const comment = cell('comment');
    if (comment !== '') rule.comment = comment;
    validateRule(rule, taxonomy);
    rules.push(rule);
  }
  if (rules.length === 0) throw new MappingRulesError('RULES_EMPTY', null, 'the rules file has no rules');
  return rules;
}

/** Checks one rule; throws {@link MappingRulesError}. */
export function validateRule(rule: MappingRule, taxonomy: CostTaxonomy): void {
  const line = rule.line ?? null;
  for (const [label, value] of [
    ['from', rule.from],
    ['to', rule.to],
  ] as const) {
    if (!/^\d{1,12}$/.test(value)) {
      throw new MappingRulesError('RULES_BAD_ACCOUNT', line, `"${label}" must be an account number, got "${value}"`);
    }
  }
  const bounds = compileBounds(rule.from, rule.to);
  if (bounds.low > bounds.high) {
    throw new MappingRulesError('RULES_BAD_RANGE', line, `"from" (${rule.from}) is greater than "to" (${rule.to})`);
  }
  if (findPool(taxonomy, rule.pool) === undefined) {
    const keys = taxonomy.pools.map((pool) => pool.key).join(', ');
    throw new MappingRulesError('RULES_UNKNOWN_POOL', line, `unknown pool "${rule.pool}" (expected one of ${keys})`);
  }
}

/** Serialises rules back to the CSV format (for copying the default set). */
export function formatMappingRulesCsv(rules: readonly MappingRule[]): string {
  // Text that would start a formula gets an apostrophe (spreadsheet-cells.ts), which the parser
  // above takes off again, so the file can be opened in a spreadsheet and pasted back.
  const lines = ['from,to,pool,name_contains,comment'];
  for (const rule of rules) {
    lines.push(csvLine([rule.from, rule.to, rule.pool, rule.nameContains ?? '', rule.comment ?? ''], { separator: ',' }));
  }
  return `${lines.join('\n')}\n`;
}

interface CompiledRule {
  digits: number;
  low: number;
  high: number;
  pool: string;
  needle: string | null;
}

function compileBounds(from: string, to: string): { digits: number; low: number; high: number } {
  const digits = Math.max(from.length, to.length);
  return { digits, low: Number(from.padEnd(digits, '0')), high: Number(to.padEnd(digits, '9')) };
}

const LEADING_DIGITS = /^\d+/;

/** The account's leading digits cut or zero-padded to `digits`, or null without leading digits. */
export function accountKey(account: string, digits: number): number | null {
  const match = LEADING_DIGITS.exec(account.trim());
  if (match === null) return null;
  const lead = match[0];
  return Number(lead.length >= digits ? lead.slice(0, digits) : lead.padEnd(digits, '0'));
}

export type RuleMatcher = (account: string, accountName: string) => string | null;

/** Compiles rules into a function returning the first matching pool key (or null). */
export function createRuleMatcher(rules: readonly MappingRule[]): RuleMatcher {
  const compiled: CompiledRule[] = rules.map((rule) => ({
    ...compileBounds(rule.from, rule.to),
    pool: rule.pool,
    needle: rule.nameContains === null || rule.nameContains === '' ? null : rule.nameContains.toLowerCase(),
  }));
  return (account, accountName) => {
    const name = accountName.toLowerCase();
    const keys = new Map<number, number | null>();
    for (const rule of compiled) {
      let key = keys.get(rule.digits);
      if (key === undefined) {
        key = accountKey(account, rule.digits);
        keys.set(rule.digits, key);
      }
      if (key === null || key < rule.low || key > rule.high) continue;
      if (rule.needle !== null && !name.includes(rule.needle)) continue;
      return rule.pool;
    }
    return null;
  };
}
