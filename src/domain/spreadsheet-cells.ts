// Every CSV and XLSX file Mogna writes passes its cells through here (issue 12). A text cell
// that starts with =, +, -, @, a tab or a carriage return would be read by Excel or LibreOffice
// as a formula (a unit renamed "@SUM(...)" or "=HYPERLINK(...)" in an export), so such text
// gets a leading apostrophe, which spreadsheets read as "this is text". Numbers are written as
// numbers and never changed: a negative number is a number, not a formula.

export type SpreadsheetCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text as it is safe to put in a spreadsheet cell. */
export function guardFormulaText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes guardFormulaText when a file we wrote is read back (e.g. the mapping rules). */
export function unguardFormulaText(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** A row for an XLSX sheet: text guarded, numbers and empty cells as they are. */
export function spreadsheetRow(cells: readonly SpreadsheetCell[]): SpreadsheetCell[] {
  return cells.map((cell) => (typeof cell === 'string' ? guardFormulaText(cell) : cell));
}

export interface CsvOptions {
  separator: string;
  /** Swedish files write 2,5 rather than 2.5. */
  decimalComma?: boolean;
}

/** One CSV field: text guarded and quoted when needed, numbers in the file's decimal style. */
export function csvField(cell: SpreadsheetCell, options: CsvOptions): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? (options.decimalComma ? String(cell).replace('.', ',') : String(cell)) : guardFormulaText(cell);
  return /["\r\n]/.test(text) || text.includes(options.separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line of fields. */
export function csvLine(cells: readonly SpreadsheetCell[], options: CsvOptions): string {
  return cells.map((cell) => csvField(cell, options)).join(options.separator);
}
