// Reads the operator's CSV of published reference values: every row is checked against the
// instrument catalogue, and either every row is good or every problem is reported with its row.
import { parse } from 'csv-parse/sync';
import type { Instrument } from '../../domain/instruments/instrument-schema.ts';
import { allCapabilities } from '../../domain/instruments/instrument-structure.ts';
import { MATURITY_PERCENT_MEASURE } from '../../domain/scoring/benchmarks.ts';
import { scoreScale } from '../../domain/scoring/maturity-score.ts';
import { sniffDelimiter } from '../respondents/respondent-file-csv.ts';

const REFERENCE_COLUMNS = ['instrument', 'version', 'year', 'measure', 'value', 'source'] as const;
/** Optional: how many organisations the source's figures rest on (a whole number, the same on every row of a source and year). */
const REFERENCE_ORGANISATIONS_COLUMN = 'organisations';
const MAX_REFERENCE_ORGANISATIONS = 100_000;

export interface ReferenceRow {
  instrumentKey: string;
  version: string;
  year: number;
  measure: string;
  /** The value × 1000, rounded. */
  valueMilli: number;
  source: string;
  organisations: number | null;
}

export type ReferenceProblem =
  | { code: 'header' | 'empty' | 'malformed' }
  | { code: 'instrument' | 'year' | 'measure'; row: number; value: string }
  | { code: 'value'; row: number; value: string; max: number }
  | { code: 'source'; row: number }
  | { code: 'organisations'; row: number; value: string }
  | { code: 'organisationsDiffer'; row: number; first: number }
  | { code: 'duplicate'; row: number; first: number };

export type ReferenceParseResult = { ok: true; rows: ReferenceRow[] } | { ok: false; problems: ReferenceProblem[] };

const MAX_PROBLEMS = 50;

export function parseReferenceCsv(text: string, findInstrument: (key: string, version: string) => Instrument | undefined): ReferenceParseResult {
  let records: string[][];
  try {
    const clean = text.replace(/^\uFEFF/, '');
    records = parse(clean, { delimiter: sniffDelimiter(clean.split(/\r?\n/)[0] ?? ''), relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch {
    return { ok: false, problems: [{ code: 'malformed' }] };
  }
  const header = records[0]?.map((cell) => cell.toLowerCase());
  if (!header || REFERENCE_COLUMNS.some((column) => !header.includes(column))) return { ok: false, problems: [{ code: 'header' }] };
  if (records.length < 2) return { ok: false, problems: [{ code: 'empty' }] };
  const at = (cells: string[], column: (typeof REFERENCE_COLUMNS)[number] | typeof REFERENCE_ORGANISATIONS_COLUMN) => (header.includes(column) ? (cells[header.indexOf(column)] ?? '') : '').trim();
  /** The organisation count first given for a source and year, and the row it was given on. */
  const countOfSource = new Map<string, { count: number | null; row: number }>();
  const problems: ReferenceProblem[] = [];
  const rows: ReferenceRow[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((cells, index) => {
    const row = index + 2;
    const instrumentKey = at(cells, 'instrument');
    const version = at(cells, 'version');
    const instrument = findInstrument(instrumentKey, version);
    if (!instrument) {
      problems.push({ code: 'instrument', row, value: `${instrumentKey} ${version}`.trim() });
      return;
    }
    const rawYear = at(cells, 'year');
    const year = /^\d{4}$/.test(rawYear) ? Number(rawYear) : NaN;
    if (!(year >= 2000 && year <= 2100)) problems.push({ code: 'year', row, value: rawYear });
    const measure = at(cells, 'measure');
    const keys = new Set<string>([MATURITY_PERCENT_MEASURE, ...instrument.dimensions.map((d) => d.key), ...instrument.dimensions.flatMap((d) => d.categories.map((c) => c.key)), ...allCapabilities(instrument).map((entry) => entry.capability.key)]);
    if (!keys.has(measure)) problems.push({ code: 'measure', row, value: measure });
    const rawValue = at(cells, 'value');
    const scale = scoreScale(instrument);
    const max = measure === MATURITY_PERCENT_MEASURE ? 100 : scale.max;
    const value = /^-?\d+([.,]\d+)?$/.test(rawValue) ? Number(rawValue.replace(',', '.')) : NaN;
    if (!(value >= (measure === MATURITY_PERCENT_MEASURE ? 0 : scale.min) && value <= max)) problems.push({ code: 'value', row, value: rawValue, max });
    const source = at(cells, 'source');
    if (!source) problems.push({ code: 'source', row });
    const identity = [instrumentKey, version, rawYear, measure, source].join('\u0000');
    const first = seen.get(identity);
    if (first !== undefined) problems.push({ code: 'duplicate', row, first });
    else seen.set(identity, row);
    const rawCount = at(cells, REFERENCE_ORGANISATIONS_COLUMN).replace(/\s/g, '');
    const organisations = rawCount === '' ? null : /^\d+$/.test(rawCount) ? Number(rawCount) : NaN;
    if (organisations !== null && !(organisations >= 1 && organisations <= MAX_REFERENCE_ORGANISATIONS)) problems.push({ code: 'organisations', row, value: rawCount });
    const sourceYear = [source, rawYear].join('\u0000');
    const given = countOfSource.get(sourceYear);
    if (given === undefined) countOfSource.set(sourceYear, { count: organisations, row });
    else if (given.count !== organisations) problems.push({ code: 'organisationsDiffer', row, first: given.row });
    rows.push({ instrumentKey, version, year, measure, valueMilli: Math.round(value * 1000), source: source.slice(0, 200), organisations });
  });
  return problems.length > 0 ? { ok: false, problems: problems.slice(0, MAX_PROBLEMS) } : { ok: true, rows };
}
