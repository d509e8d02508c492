// The one error type every ledger importer throws for a bad file. An import is transactional:
// the first error stops it and nothing is kept. Each error has a stable code a user interface
// translates (Swedish and English texts below), the 1-based line (or spreadsheet row) and an
// English message for logs and the CLI.

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
] as const;

export type LedgerImportErrorCode = (typeof LEDGER_IMPORT_ERROR_CODES)[number];

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
}

/** Swedish and English texts per code, for pages that show an import error. */
export const ledgerImportErrorMessages: Record<LedgerImportErrorCode, { sv: string; en: string }> = {
  NOT_SIE: { sv: 'Filen är inte en SIE-fil.', en: 'The file is not an SIE file.' },
  BAD_ENCODING: {
    sv: 'Filens teckenkodning kan inte läsas (varken PC8/CP437, UTF-8 eller Windows-1252).',
    en: 'The file’s character encoding cannot be read (neither PC8/CP437, UTF-8 nor Windows-1252).',
  },
  BROKEN_TRANS: { sv: 'En #TRANS-rad är trasig.', en: 'A #TRANS line is broken.' },
  BROKEN_RECORD: { sv: 'En rad i filen är trasig.', en: 'A line of the file is broken.' },
  BAD_NUMBER: { sv: 'Ett belopp är inte ett tal.', en: 'An amount is not a number.' },
  UNTERMINATED_VOUCHER: {
    sv: 'En verifikation avslutas aldrig (en { saknar sin }).',
    en: 'A voucher is never closed (a { lacks its }).',
  },
  UNEXPECTED_BRACE: { sv: 'En klammer står där ingen verifikation börjar.', en: 'A brace appears where no voucher starts.' },
  NO_COST_CENTRE_DATA: {
    sv: 'SIE-filer av typ 1 och 2 saknar kostnadsställen. Exportera typ 4 (transaktioner) eller typ 3 (objektsaldon).',
    en: 'SIE files of type 1 and 2 carry no cost centres. Export type 4 (transactions) or type 3 (object balances).',
  },
  UNSUPPORTED_SIE_TYPE: { sv: 'Okänd SIE-typ.', en: 'Unknown SIE type.' },
  LINE_TOO_LONG: { sv: 'En rad är orimligt lång; filen är troligen inte en textfil.', en: 'A line is unreasonably long; the file is probably not a text file.' },
  AMOUNT_OUT_OF_RANGE: { sv: 'Ett belopp är för stort.', en: 'An amount is too large.' },
  EMPTY_FILE: { sv: 'Filen är tom.', en: 'The file is empty.' },
  BAD_CSV: { sv: 'CSV-filen kan inte läsas.', en: 'The CSV file cannot be read.' },
  MISSING_COLUMN: { sv: 'En kolumn i kolumnvalet finns inte i filen.', en: 'A column of the column mapping is not in the file.' },
  BAD_XLSX: { sv: 'Excel-filen kan inte läsas.', en: 'The Excel file cannot be read.' },
  XLSX_UNPACKS_TOO_LARGE: {
    sv: 'Excel-filen blir för stor när den packas upp (mer än 300 MB), så den läses inte. Spara bara huvudboken i en egen arbetsbok utan bilder och andra blad, eller exportera den som CSV eller SIE, och ladda upp den igen.',
    en: 'The Excel file becomes too large when unpacked (more than 300 MB), so it is not read. Save only the ledger in a workbook of its own without images or other sheets, or export it as CSV or SIE, and upload it again.',
  },
  XLSX_SUSPICIOUS_RATIO: {
    sv: 'Excel-filen är packad på ett misstänkt sätt: en del av den blir hundratals gånger större när den packas upp, vilket vanliga kalkylblad aldrig blir. Den läses därför inte. Öppna filen i Excel, spara den på nytt eller exportera huvudboken som CSV eller SIE, och ladda upp den igen.',
    en: 'The Excel file is packed in a suspicious way: part of it grows hundreds of times larger when unpacked, which ordinary spreadsheets never do. It is therefore not read. Open the file in Excel and save it again, or export the ledger as CSV or SIE, and upload it again.',
  },
  READ_FAILED: { sv: 'Filen kunde inte läsas.', en: 'The file could not be read.' },
};
