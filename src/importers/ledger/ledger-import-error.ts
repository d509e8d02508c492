// The one error type every ledger importer throws for a bad file. An import is transactional:
// the first error stops it and nothing is kept. Each error has a short, stable code (the CLI
// prints it), which is also an entry of the app's error catalogue as `ledger_<code in lower
// case>` (src/app/errors.ts: the HTTP status; src/i18n/ledger-errors-*.ts: the text a page shows),
// the 1-based line (or spreadsheet row) and an English message for logs and the CLI.
import { errorCatalogue } from '../../app/errors.ts';

export const LEDGER_IMPORT_ERROR_CODES = [
  'NOT_SIE',
  'BAD_ENCODING',
  'BROKEN_TRANS',
  'BROKEN_RECORD',
  'BAD_NUMBER',
  'UNTERMINATED_VOUCHER',
  'UNEXPECTED_BRACE',
  'NO_COST_CENTRE_DATA',
  'UNSUPPORTED_SIE_TYPE',
  'LINE_TOO_LONG',
  'AMOUNT_OUT_OF_RANGE',
  'EMPTY_FILE',
  'BAD_CSV',
  'MISSING_COLUMN',
  'BAD_XLSX',
  'XLSX_UNPACKS_TOO_LARGE',
  'XLSX_SUSPICIOUS_RATIO',
  'READ_FAILED',
  'UNKNOWN_FORMAT',
] as const;

export type LedgerImportErrorCode = (typeof LEDGER_IMPORT_ERROR_CODES)[number];

/** The error catalogue's code of a ledger import error. */
export type LedgerErrorCode = `ledger_${Lowercase<LedgerImportErrorCode>}`;

export function ledgerErrorCode(code: LedgerImportErrorCode): LedgerErrorCode {
  return `ledger_${code.toLowerCase() as Lowercase<LedgerImportErrorCode>}`;
}

export class LedgerImportError extends Error {
  override name = 'LedgerImportError';

  constructor(
    readonly code: LedgerImportErrorCode,
    /** 1-based line or row; null when the problem is the file as a whole. */
    readonly line: number | null,
    /** English description without the line number. */
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(line === null ? detail : `line ${line}: ${detail}`, options);
  }

  /** The entry of the error catalogue (status, and the text under errors.<code>). */
  get catalogueCode(): LedgerErrorCode {
    return ledgerErrorCode(this.code);
  }

  get status(): number {
    return errorCatalogue[this.catalogueCode];
  }
}
