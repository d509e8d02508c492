// The column mapping a user makes once for a CSV or XLSX export (and that is saved for next
// year), and the collector both spreadsheet importers feed their rows into.
//
// A column is named by its header text (case and surrounding spaces ignored) or, when no
// header has that text, by its 1-based position ("3"). The header row is the first of the
// first 50 rows that holds every named column; rows above it (titles, dates) are skipped.
import { compareCodes, LedgerAggregateBuilder, WarningList, type LedgerAggregate, type LedgerFormat } from '../../domain/costs/ledger-aggregate.ts';
import { numberToOre, parseLocaleAmountOre, type DecimalSeparator } from '../../domain/costs/money.ts';
import { LedgerImportError } from './ledger-import-error.ts';

export interface ColumnMapping {
  account: string;
  accountName?: string | null;
  costCentre?: string | null;
  amount: string;
  date?: string | null;
}

const COLUMN_KEYS = ['account', 'accountName', 'costCentre', 'amount', 'date'] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** A spreadsheet cell after reading: text, a number, a date or nothing. */
export type CellValue = string | number | Date | boolean | null | undefined;

const HEADER_SEARCH_ROWS = 50;

/**
 * Parses "account=Konto,amount=Belopp,costCentre=Ansvar" (also `;`-separated, keys
 * case-insensitive, `cost_centre` and `account_name` accepted). Returns the mapping or an error text.
 */
export function parseColumnMapping(text: string): ColumnMapping | string {
  const aliases: Record<string, ColumnKey> = {
    account: 'account',
    konto: 'account',
    accountname: 'accountName',
    account_name: 'accountName',
    kontonamn: 'accountName',
    costcentre: 'costCentre',
    cost_centre: 'costCentre',
    costcenter: 'costCentre',
    kostnadsstalle: 'costCentre',
    amount: 'amount',
    belopp: 'amount',
    date: 'date',
    datum: 'date',
  };
  const mapping: Partial<Record<ColumnKey, string>> = {};
  for (const part of text.split(/[,;]/)) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) return `"${part.trim()}" is not key=column`;
    const key = aliases[part.slice(0, eq).trim().toLowerCase().replace(/ä/g, 'a')];
    if (key === undefined) return `unknown column key "${part.slice(0, eq).trim()}" (use ${COLUMN_KEYS.join(', ')})`;
    const column = part.slice(eq + 1).trim();
    if (column === '') return `no column given for ${key}`;
    mapping[key] = column;
  }
  if (mapping.account === undefined || mapping.amount === undefined) return 'the mapping needs at least account= and amount=';
  return { ...mapping, account: mapping.account, amount: mapping.amount };
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value).trim();
}

function normaliseHeader(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

export class TabularLedgerCollector {
  private readonly builder = new LedgerAggregateBuilder();
  private readonly warnings = new WarningList();
  private readonly once = new Set<string>();
  private columns: Partial<Record<ColumnKey, number>> | null = null;
  private rowsBeforeHeader = 0;
  private firstRow: string[] | null = null;
  private readonly years = new Map<number, number>();
  private skipped = 0;

  constructor(
    private readonly format: LedgerFormat,
    private readonly mapping: ColumnMapping,
    private readonly decimal: DecimalSeparator,
  ) {}

  /** Feeds one row (cells in column order) with its 1-based line or row number. */
  row(cells: readonly CellValue[], line: number): void {
    if (cells.every((cell) => cellText(cell) === '')) return;
    if (this.columns === null) {
      this.findHeader(cells, line);
      return;
    }
    this.dataRow(cells, line);
  }

  private findHeader(cells: readonly CellValue[], line: number): void {
    const texts = cells.map(cellText);
    this.firstRow ??= texts;
    const headers = texts.map(normaliseHeader);
    const columns: Partial<Record<ColumnKey, number>> = {};
    const missing: string[] = [];
    let allNumeric = true;
    for (const key of COLUMN_KEYS) {
      const wanted = this.mapping[key];
      if (wanted === undefined || wanted === null || wanted.trim() === '') continue;
      const byName = headers.indexOf(normaliseHeader(wanted));
      if (byName >= 0) {
        columns[key] = byName;
        allNumeric = false;
      } else if (/^\d+$/.test(wanted.trim()) && Number(wanted) >= 1) {
        columns[key] = Number(wanted) - 1;
      } else {
        missing.push(`${key}="${wanted}"`);
        allNumeric = false;
      }
    }
    if (missing.length === 0) {
      this.columns = columns;
      // With only column numbers there may be no header row: a row whose amount is a number is data.
      if (allNumeric) {
        const amount = columns.amount === undefined ? undefined : cells[columns.amount];
        const isNumber = typeof amount === 'number' || !Number.isNaN(parseLocaleAmountOre(cellText(amount), this.decimal));
        if (isNumber) this.dataRow(cells, line);
      }
      return;
    }
    this.rowsBeforeHeader++;
    if (this.rowsBeforeHeader >= HEADER_SEARCH_ROWS) this.failMissing(missing, line);
  }

  private failMissing(missing: string[], line: number | null): never {
    const available = (this.firstRow ?? []).filter((text) => text !== '').map((text) => `"${text}"`);
    throw new LedgerImportError(
      'MISSING_COLUMN',
      line,
      `column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not found in the header (the first row has ${available.join(', ') || 'no text'})`,
    );
  }

  private dataRow(cells: readonly CellValue[], line: number): void {
    const columns = this.columns ?? {};
    const get = (key: ColumnKey): CellValue => (columns[key] === undefined ? undefined : cells[columns[key]]);
    const account = cellText(get('account'));
    const rawAmount = get('amount');
    if (account === '') {
      this.skipped++;
      this.warnOnce('ROW_WITHOUT_ACCOUNT', line, 'rows without an account (e.g. sum rows) were skipped');
      return;
    }
    let amount: number;
    if (typeof rawAmount === 'number') amount = numberToOre(rawAmount);
    else if (cellText(rawAmount) === '') {
      this.skipped++;
      this.warnOnce('ROW_WITHOUT_AMOUNT', line, 'rows without an amount were skipped');
      return;
    } else amount = parseLocaleAmountOre(cellText(rawAmount), this.decimal);
    if (Number.isNaN(amount)) {
      throw new LedgerImportError('BAD_NUMBER', line, `the amount "${cellText(rawAmount)}" is not a number`);
    }
    const centre = cellText(get('costCentre'));
    const name = cellText(get('accountName'));
    if (name !== '' && this.builder.accountNames[account] === undefined) this.builder.nameAccount(account, name);
    const year = yearOf(get('date'));
    if (year !== null) this.years.set(year, (this.years.get(year) ?? 0) + 1);
    try {
      this.builder.add(account, centre === '' ? null : centre, amount);
    } catch (error) {
      if (error instanceof RangeError) throw new LedgerImportError('AMOUNT_OUT_OF_RANGE', line, 'amounts add up beyond what can be counted exactly');
      throw error;
    }
    this.builder.rowCount++;
  }

  finish(file: { fileHash: string; byteCount: number; encoding: LedgerAggregate['encoding'] }): LedgerAggregate {
    if (this.columns === null) {
      if (this.firstRow === null) throw new LedgerImportError('EMPTY_FILE', null, 'the file has no rows');
      const missing = COLUMN_KEYS.flatMap((key) => {
        const wanted = this.mapping[key];
        return wanted && !(this.firstRow ?? []).map(normaliseHeader).includes(normaliseHeader(wanted)) ? [`${key}="${wanted}"`] : [];
      });
      this.failMissing(missing, null);
    }
    let year: number | null = null;
    if (this.years.size > 0) {
      const sorted = [...this.years.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      year = sorted[0]?.[0] ?? null;
      if (this.years.size > 1) {
        this.warnings.add(
          'SEVERAL_YEARS',
          null,
          `the dates span ${[...this.years.keys()].sort().join(', ')}; all rows are included and ${year} is taken as the year`,
        );
      }
    }
    if (!this.builder.hasCostCentres()) this.warnings.add('NO_COST_CENTRES', null, 'no row has a cost centre');
    return {
      format: this.format,
      year,
      fiscalYear: null,
      sieType: null,
      encoding: file.encoding,
      accounts: this.builder.accounts(),
      costCentres: this.builder.costCentres().sort((a, b) => compareCodes(a.id, b.id)),
      rows: this.builder.rows(),
      rowCount: this.builder.rowCount,
      fileHash: file.fileHash,
      byteCount: file.byteCount,
      warnings: this.warnings.toArray(),
    };
  }

  private warnOnce(code: string, line: number | null, message: string): void {
    if (this.once.has(code)) return;
    this.once.add(code);
    this.warnings.add(code, line, message);
  }
}

function yearOf(value: CellValue): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getUTCFullYear();
  const text = cellText(value);
  const match = /^(\d{4})-?\d{2}-?\d{2}/.exec(text);
  return match === null ? null : Number(match[1]);
}
