// XLSX exports of a general ledger, read with exceljs's streaming workbook reader so a large
// sheet is never loaded whole. The first worksheet is read unless a sheet is named (or numbered,
// 1-based); the column mapping works as for CSV. Numeric cells arrive as floating-point numbers
// from the file format itself; each is turned into öre through its shortest decimal text.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { LedgerAggregate } from '../../domain/costs/ledger-aggregate.ts';
import type { DecimalSeparator } from '../../domain/costs/money.ts';
import { TabularLedgerCollector, type CellValue, type ColumnMapping } from './column-mapping.ts';
import { LedgerImportError } from './ledger-import-error.ts';
import type { LedgerImportOptions, LedgerImporter, LedgerSource } from './ledger-importer.ts';
import { meteredSource } from './metered-source.ts';

export interface XlsxLedgerImportOptions extends LedgerImportOptions {
  columns: ColumnMapping;
  /** Worksheet name, or its 1-based position as a number. Default: the first sheet. */
  sheet?: string | number;
  /** Decimal separator for amounts stored as text. Default ','. */
  decimal?: DecimalSeparator;
}

export class XlsxLedgerImporter implements LedgerImporter<XlsxLedgerImportOptions> {
  readonly format = 'xlsx' as const;

  async import(source: LedgerSource, options: XlsxLedgerImportOptions): Promise<LedgerAggregate> {
    return importXlsxLedger(source, options);
  }
}

export const xlsxLedgerImporter = new XlsxLedgerImporter();

/** A cell as exceljs gives it, reduced to text, a number, a date or a boolean. */
export function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (Array.isArray(object.richText)) {
      return (object.richText as { text?: unknown }[]).map((part) => (typeof part.text === 'string' ? part.text : '')).join('');
    }
    if ('result' in object) return cellValue(object.result);
    if (typeof object.text === 'string') return object.text;
    if (typeof object.error === 'string') return object.error;
  }
  return String(value);
}

export async function importXlsxLedger(source: LedgerSource, options: XlsxLedgerImportOptions): Promise<LedgerAggregate> {
  const metered = meteredSource(source, options.onProgress);
  const collector = new TabularLedgerCollector('xlsx', options.columns, options.decimal ?? ',');
  const input = Readable.from(metered, { objectMode: false });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  let position = 0;
  let found = false;
  try {
    for await (const worksheet of reader) {
      position++;
      const sheet = worksheet as unknown as AsyncIterable<{ number: number; values: unknown }> & { name?: string };
      const wanted =
        !found &&
        (options.sheet === undefined ||
          (typeof options.sheet === 'number' ? options.sheet === position : (sheet.name ?? '') === options.sheet || String(position) === options.sheet));
      for await (const row of sheet) {
        if (!wanted) continue;
        const values = Array.isArray(row.values) ? (row.values as unknown[]) : [];
        // exceljs rows are 1-based: index 0 is always empty.
        collector.row(values.slice(1).map(cellValue), row.number);
      }
      if (wanted) found = true;
    }
  } catch (error) {
    if (error instanceof LedgerImportError) throw error;
    throw new LedgerImportError('BAD_XLSX', null, `not a readable XLSX file (${(error as Error).message})`, { cause: error });
  } finally {
    input.destroy();
  }
  if (!found) {
    throw new LedgerImportError('BAD_XLSX', null, options.sheet === undefined ? 'the workbook has no worksheet' : `the workbook has no worksheet "${options.sheet}"`);
  }
  return collector.finish({ fileHash: metered.digest(), byteCount: metered.bytesRead, encoding: null });
}
