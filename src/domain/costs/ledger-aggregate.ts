// What an import of a general ledger keeps: the sum per account × cost centre for one fiscal
// year, with the names of accounts and cost centres, a row count, the file's hash and the
// warnings met on the way. The original file is not needed after this.
import { addOre } from './money.ts';

export type LedgerFormat = 'sie' | 'csv' | 'xlsx';
export type TextEncodingName = 'ascii' | 'utf-8' | 'cp437' | 'windows-1252';

export interface LedgerWarning {
  /** Stable code a user interface can translate. */
  code: string;
  /** 1-based line (or spreadsheet row) the warning is about, when there is one. */
  line: number | null;
  /** English text. */
  message: string;
}

export interface CostCentre {
  id: string;
  name: string;
}

export interface LedgerRow {
  account: string;
  /** The object of the cost-centre dimension, or null for rows booked without one. */
  costCentre: string | null;
  amountOre: number;
}

export interface LedgerAggregate {
  format: LedgerFormat;
  /** The calendar year in which the fiscal year ends, when known. */
  year: number | null;
  /** ISO dates (YYYY-MM-DD) of the fiscal year, when the file states them. */
  fiscalYear: { start: string; end: string } | null;
  /** SIE file type (1–4); null for spreadsheet imports. */
  sieType: number | null;
  encoding: TextEncodingName | null;
  /** Account number → account name. A null-prototype record; accounts without a name map to ''. */
  accounts: Record<string, string>;
  costCentres: CostCentre[];
  rows: LedgerRow[];
  /** Transactions (or balance rows, or spreadsheet rows) read to build `rows`. */
  rowCount: number;
  /** SHA-256 of the file's bytes, hex. */
  fileHash: string | null;
  byteCount: number;
  warnings: LedgerWarning[];
}

/** At most this many warnings are kept; one more says how many were left out. */
const MAX_WARNINGS = 200;

/** Collects warnings with a cap, so a file with a million bad vouchers stays small. */
export class WarningList {
  readonly items: LedgerWarning[] = [];
  private dropped = 0;

  add(code: string, line: number | null, message: string): void {
    if (this.items.length < MAX_WARNINGS) this.items.push({ code, line, message });
    else this.dropped++;
  }

  toArray(): LedgerWarning[] {
    if (this.dropped === 0) return [...this.items];
    return [
      ...this.items,
      { code: 'TOO_MANY_WARNINGS', line: null, message: `${this.dropped} more warnings were left out` },
    ];
  }
}

/** Sums amounts per account × cost centre while a file is read. */
export class LedgerAggregateBuilder {
  private readonly sums = new Map<string, Map<string | null, number>>();
  readonly accountNames: Record<string, string> = Object.create(null) as Record<string, string>;
  readonly costCentreNames = new Map<string, string>();
  rowCount = 0;

  add(account: string, costCentre: string | null, amountOre: number): void {
    let byCentre = this.sums.get(account);
    if (byCentre === undefined) {
      byCentre = new Map();
      this.sums.set(account, byCentre);
    }
    byCentre.set(costCentre, addOre(byCentre.get(costCentre) ?? 0, amountOre));
  }

  nameAccount(account: string, name: string): void {
    this.accountNames[account] = name;
  }

  nameCostCentre(id: string, name: string): void {
    this.costCentreNames.set(id, name);
  }

  hasCostCentres(): boolean {
    for (const byCentre of this.sums.values()) {
      for (const centre of byCentre.keys()) if (centre !== null) return true;
    }
    return false;
  }

  /** Rows sorted by account and cost centre; zero sums are kept (they are facts too). */
  rows(): LedgerRow[] {
    const rows: LedgerRow[] = [];
    for (const account of [...this.sums.keys()].sort(compareCodes)) {
      const byCentre = this.sums.get(account);
      if (byCentre === undefined) continue;
      const centres = [...byCentre.keys()].sort((a, b) => (a === null ? -1 : b === null ? 1 : compareCodes(a, b)));
      for (const costCentre of centres) {
        rows.push({ account, costCentre, amountOre: byCentre.get(costCentre) ?? 0 });
      }
    }
    return rows;
  }

  /** Every account in the rows gets an entry in the name record (empty when the file had none). */
  accounts(): Record<string, string> {
    const accounts = Object.create(null) as Record<string, string>;
    for (const account of [...new Set([...Object.keys(this.accountNames), ...this.sums.keys()])].sort(compareCodes)) {
      accounts[account] = this.accountNames[account] ?? '';
    }
    return accounts;
  }

  /** Declared cost centres plus any used in rows without a declaration. */
  costCentres(): CostCentre[] {
    const ids = new Set(this.costCentreNames.keys());
    for (const byCentre of this.sums.values()) {
      for (const centre of byCentre.keys()) if (centre !== null) ids.add(centre);
    }
    return [...ids].sort(compareCodes).map((id) => ({ id, name: this.costCentreNames.get(id) ?? '' }));
  }
}

const codeCollator = new Intl.Collator('sv', { numeric: true });

/** Orders account and cost-centre codes numerically where they are numbers, else as text. */
export function compareCodes(a: string, b: string): number {
  return codeCollator.compare(a, b);
}
