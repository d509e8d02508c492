// Finds the column headings of a CSV or XLSX ledger export, for the column-mapping step: the
// first of the first 50 rows with at least two non-empty cells (title rows above it, such as
// "Huvudbok 2025", have one), and the few rows below it as a preview. Reads only the start of
// the file.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { LedgerFormat } from '../../domain/costs/ledger-aggregate.ts';
import type { LedgerSource } from './ledger-importer.ts';
import { ledgerFormat } from './registry.ts';
import { sniffDelimiter } from './csv-ledger-importer.ts';
import { SniffingDecoder } from './sniffing-decoder.ts';
import { cellValue } from './xlsx-ledger-importer.ts';

const MAX_ROWS = 50;
/** Data rows shown under the headings. */
export const SAMPLE_ROWS = 3;

export interface HeaderRow {
  headings: string[];
  /** Up to SAMPLE_ROWS rows after the headings, cut to the headings' width. */
  sample: string[][];
}
const CSV_PROBE_BYTES = 256 * 1024;

function cellText(value: unknown): string {
  const cell = cellValue(value);
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

function headerAt(rows: readonly string[][]): number {
  return rows.slice(0, MAX_ROWS).findIndex((row) => row.filter((cell) => cell.trim() !== '').length >= 2);
}

function headerOf(rows: readonly string[][]): HeaderRow | null {
  const at = headerAt(rows);
  const row = rows[at];
  if (at < 0 || row === undefined) return null;
  let end = row.length;
  while (end > 0 && (row[end - 1] ?? '').trim() === '') end--;
  const sample = rows
    .slice(at + 1)
    .filter((cells) => cells.some((cell) => cell.trim() !== ''))
    .slice(0, SAMPLE_ROWS)
    .map((cells) => Array.from({ length: end }, (_, index) => (cells[index] ?? '').trim()));
  return { headings: row.slice(0, end).map((cell) => cell.trim()), sample };
}

/**
 * The heading cells in column order (blank headings as '') and a preview, or null when none is
 * found (or the format has no columns to map). Each format's reader is in the registry.
 */
export async function readHeaderRow(source: LedgerSource, format: LedgerFormat): Promise<HeaderRow | null> {
  return (await ledgerFormat(format).readHeader?.(source)) ?? null;
}

export async function readCsvHeaderRow(source: LedgerSource): Promise<HeaderRow | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    chunks.push(buffer);
    size += buffer.length;
    if (size >= CSV_PROBE_BYTES) break;
  }
  let bytes = Buffer.concat(chunks);
  if (size >= CSV_PROBE_BYTES) {
    const lastNewline = bytes.lastIndexOf(10);
    if (lastNewline > 0) bytes = bytes.subarray(0, lastNewline + 1);
  }
  let text: string;
  try {
    const decoder = new SniffingDecoder('windows-1252');
    text = decoder.write(bytes) + decoder.end();
  } catch {
    return null;
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).slice(0, MAX_ROWS + SAMPLE_ROWS);
  const sample = lines.find((line) => /[;,\t]/.test(line)) ?? lines[0] ?? '';
  try {
    const rows = parse(lines.join('\n'), { delimiter: sniffDelimiter(sample), relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
    return headerOf(rows);
  } catch {
    return null;
  }
}

export async function readXlsxHeaderRow(source: LedgerSource): Promise<HeaderRow | null> {
  const input = Readable.from(source, { objectMode: false });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore' });
  const rows: string[][] = [];
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as unknown as AsyncIterable<{ values: unknown }>) {
        const values = Array.isArray(row.values) ? (row.values as unknown[]).slice(1) : [];
        rows.push(Array.from({ length: values.length }, (_, index) => cellText(values[index])));
        const at = headerAt(rows);
        if ((at >= 0 && rows.length > at + SAMPLE_ROWS) || rows.length >= MAX_ROWS + SAMPLE_ROWS) break;
      }
      break;
    }
  } catch {
    return null;
  } finally {
    input.destroy();
  }
  return headerOf(rows);
}
