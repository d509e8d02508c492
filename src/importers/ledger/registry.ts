// Every ledger format the app reads, one entry each: its file name extensions, its MIME types and
// how its first bytes look, whether the user must map its columns, and its importer. Web upload,
// service and CLI only look formats up here, so a new format is its importer file plus one entry.
//
// Importers load on first use: the spreadsheet importers pull in exceljs and csv-parse, which
// the CLI should not load to read an SIE file.
import type { LedgerAggregate, LedgerFormat } from '../../domain/costs/ledger-aggregate.ts';
import type { ColumnMapping } from './column-mapping.ts';
import type { HeaderRow } from './header-row.ts';
import { LedgerImportError } from './ledger-import-error.ts';
import type { LedgerImportOptions, LedgerSource } from './ledger-importer.ts';

interface LedgerReadOptions extends LedgerImportOptions {
  /** The column mapping; formats with `needsColumns` require it. */
  columns?: ColumnMapping | null;
  /** XLSX: the worksheet's name, or its 1-based position. Default: the first sheet. */
  sheet?: string | number;
}

export interface LedgerFormatEntry {
  readonly format: LedgerFormat;
  /** File name extensions, lower case without the dot. */
  readonly extensions: readonly string[];
  /** The extensions the upload form's file picker offers (the usual ones of `extensions`). */
  readonly offered: readonly string[];
  readonly mimeTypes: readonly string[];
  /** Whether a file's first bytes look like this format (weak for text formats; see sniffLedgerFormat). */
  sniff(head: Uint8Array): boolean;
  /** CSV and XLSX: the user maps the columns (saved for next time); SIE names its own fields. */
  readonly needsColumns: boolean;
  /** The format as the imported ledger's facts show it ("SIE 4", "CSV"). */
  label(ledger: { sieType: number | null }): string;
  /** Reads the whole source into the aggregate; throws LedgerImportError for a bad file. */
  read(source: LedgerSource, options: LedgerReadOptions): Promise<LedgerAggregate>;
  /** Checks a file on disk before anything parses it (the ZIP limits of XLSX). */
  preflight?(path: string): Promise<void>;
  /** The column headings and a preview, for the column-mapping step (formats with `needsColumns`). */
  readHeader?(source: LedgerSource): Promise<HeaderRow | null>;
}

function columnsOf(entry: { format: LedgerFormat }, options: LedgerReadOptions): ColumnMapping {
  if (!options.columns) throw new Error(`a ${entry.format} ledger needs a column mapping`);
  return options.columns;
}

const startsWith = (head: Uint8Array, prefix: readonly number[]): boolean => prefix.every((byte, index) => head[index] === byte);
const UTF8_BOM = [0xef, 0xbb, 0xbf];

const sie: LedgerFormatEntry = {
  format: 'sie',
  extensions: ['se', 'si', 'sie'],
  offered: ['se', 'si', 'sie'],
  mimeTypes: ['text/x-sie', 'application/x-sie'],
  // Every SIE record starts with '#', the first usually #FLAGGA.
  sniff: (head) => {
    let at = startsWith(head, UTF8_BOM) ? 3 : 0;
    while (at < head.length && (head[at] === 0x20 || head[at] === 0x09 || head[at] === 0x0d || head[at] === 0x0a)) at++;
    return head[at] === 0x23;
  },
  needsColumns: false,
  label: (ledger) => `SIE ${ledger.sieType ?? ''}`.trim(),
  read: async (source, options) => (await import('./sie-importer.ts')).importSie(source, { onProgress: options.onProgress }),
};

const csv: LedgerFormatEntry = {
  format: 'csv',
  extensions: ['csv', 'txt', 'tsv'],
  offered: ['csv', 'txt'],
  mimeTypes: ['text/csv', 'text/plain', 'text/tab-separated-values'],
  // Text without NUL bytes: the fallback for any text that is not SIE.
  sniff: (head) => head.length > 0 && !head.includes(0),
  needsColumns: true,
  label: () => 'CSV',
  read: async (source, options) =>
    (await import('./csv-ledger-importer.ts')).importCsvLedger(source, { columns: columnsOf(csv, options), onProgress: options.onProgress }),
  readHeader: async (source) => (await import('./header-row.ts')).readCsvHeaderRow(source),
};

const xlsx: LedgerFormatEntry = {
  format: 'xlsx',
  extensions: ['xlsx'],
  offered: ['xlsx'],
  mimeTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  // A ZIP file: local file header "PK\3\4".
  sniff: (head) => startsWith(head, [0x50, 0x4b, 0x03, 0x04]),
  needsColumns: true,
  label: () => 'XLSX',
  read: async (source, options) =>
    (await import('./xlsx-ledger-importer.ts')).importXlsxLedger(source, { columns: columnsOf(xlsx, options), sheet: options.sheet, onProgress: options.onProgress }),
  preflight: async (path) => (await import('./xlsx-ledger-limits.ts')).assertXlsxWithinLimits(path),
  readHeader: async (source) => (await import('./header-row.ts')).readXlsxHeaderRow(source),
};

/**
 * The formats, in the order they are named and sniffed. CSV (any text) comes after SIE; an XLSX
 * file never passes as CSV, as a ZIP header always holds NUL bytes.
 */
export const LEDGER_FORMATS: readonly LedgerFormatEntry[] = [sie, csv, xlsx];

/** The upload form's `accept`: every format's offered extensions. */
export const LEDGER_UPLOAD_ACCEPT = LEDGER_FORMATS.flatMap((entry) => entry.offered.map((extension) => `.${extension}`)).join(',');

/** The entry of a format name ("sie", "CSV"), or null. */
export function findLedgerFormat(name: string): LedgerFormatEntry | null {
  const wanted = name.trim().toLowerCase();
  return LEDGER_FORMATS.find((entry) => entry.format === wanted) ?? null;
}

/** The entry of a stored or typed format; throws for a format the registry does not have. */
export function ledgerFormat(format: LedgerFormat): LedgerFormatEntry {
  const entry = findLedgerFormat(format);
  if (entry === null) throw new Error(`no ledger importer for the format ${format}`);
  return entry;
}

/** The entry a file name's extension suggests, or null. */
export function findLedgerFormatByFileName(fileName: string): LedgerFormatEntry | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  if (extension === undefined) return null;
  return LEDGER_FORMATS.find((entry) => entry.extensions.includes(extension)) ?? null;
}

/** The entry a file name's extension suggests; an unknown extension is the catalogue's ledger_unknown_format. */
export function ledgerFormatByFileName(fileName: string): LedgerFormatEntry {
  const entry = findLedgerFormatByFileName(fileName);
  if (entry === null) {
    const known = LEDGER_FORMATS.flatMap((candidate) => candidate.extensions.map((extension) => `.${extension}`)).join(', ');
    throw new LedgerImportError('UNKNOWN_FORMAT', null, `cannot tell the format of ${fileName} from its name (known: ${known})`);
  }
  return entry;
}

/** The format a file's first bytes suggest, or null (binary that is not XLSX). */
export function sniffLedgerFormat(head: Uint8Array): LedgerFormatEntry | null {
  return LEDGER_FORMATS.find((entry) => entry.sniff(head)) ?? null;
}
