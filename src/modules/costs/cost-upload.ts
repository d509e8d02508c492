// The ledger upload's size limit and the CSV/XLSX column-mapping step's fields: which columns
// are required, what a choice stores, and what is preselected. A file cut off at the limit is
// reported as too large, never imported in part.
import type { Readable } from 'node:stream';
import type { ColumnMapping } from '../../importers/ledger/column-mapping.ts';

export const LEDGER_UPLOAD_MAX_MB = 200;
export const LEDGER_UPLOAD_MAX_BYTES = LEDGER_UPLOAD_MAX_MB * 1024 * 1024;

export const COLUMN_FIELDS = ['account', 'accountName', 'costCentre', 'amount', 'date'] as const;
export type ColumnField = (typeof COLUMN_FIELDS)[number];
export type ColumnValues = Record<ColumnField, string>;

/** Columns a spreadsheet import cannot do without: the analysis needs the cost centre too. */
export const REQUIRED_COLUMNS: readonly ColumnField[] = ['account', 'costCentre', 'amount'];

function columnValuesOf(mapping: ColumnMapping | null): ColumnValues {
  return {
    account: mapping?.account ?? '',
    accountName: mapping?.accountName ?? '',
    costCentre: mapping?.costCentre ?? '',
    amount: mapping?.amount ?? '',
    date: mapping?.date ?? '',
  };
}

/** The mapping, or the fields that are missing. */
export function columnMappingOf(values: ColumnValues): { mapping: ColumnMapping } | { missing: ColumnField[] } {
  const missing = REQUIRED_COLUMNS.filter((field) => values[field] === '');
  if (missing.length > 0) return { missing };
  return {
    mapping: {
      account: values.account,
      accountName: values.accountName || null,
      costCentre: values.costCentre || null,
      amount: values.amount,
      date: values.date || null,
    },
  };
}

/**
 * Passes an upload stream on, and notes when the multipart limit cut it off (busboy then ends the
 * stream early and sets `truncated`), so the caller can refuse the file instead of importing a part.
 */
export function watchedUpload(stream: Readable & { truncated?: boolean }): { source: AsyncIterable<Uint8Array>; truncated(): boolean } {
  let cut = false;
  stream.on('limit', () => {
    cut = true;
  });
  return {
    source: (async function* () {
      for await (const chunk of stream) yield chunk as Uint8Array;
      if (stream.truncated) cut = true;
      if (cut) throw new UploadTooLargeError();
    })(),
    truncated: () => cut || stream.truncated === true,
  };
}

export class UploadTooLargeError extends Error {
  override name = 'UploadTooLargeError';
  constructor() {
    super('the upload is larger than the limit');
  }
}

/**
 * What a mapping stores for the column at `index` (0-based): its heading when that names it
 * unambiguously, else its 1-based number. Headings carry over to next year's file even when the
 * columns move; numbers are the fallback for blank, repeated or numeric headings.
 */
export function columnOptionValue(headings: readonly string[], index: number): string {
  const heading = headings[index] ?? '';
  return heading !== '' && headings.indexOf(heading) === index && !/^\d+$/.test(heading) ? heading : String(index + 1);
}

const GUESSES: Record<ColumnField, RegExp> = {
  account: /^(konto|kontonr|kontonummer|account|account number)$/i,
  accountName: /^(kontonamn|kontobenämning|benämning|account name)$/i,
  costCentre: /^(ansvar|kostnadsställe|kst|ansvarsställe|cost centre|cost center)$/i,
  amount: /^(belopp|utfall|summa|amount)$/i,
  date: /^(datum|bokföringsdatum|verifikationsdatum|date)$/i,
};

/**
 * The columns to preselect: the saved mapping where its columns are in the file, else a heading
 * that reads like the field ("Konto", "Ansvar", "Belopp" …), else nothing.
 */
export function preselectColumns(headings: readonly string[], saved: ColumnMapping | null): ColumnValues {
  const values = columnValuesOf(null);
  const normalised = headings.map((heading) => heading.trim().toLowerCase());
  for (const field of COLUMN_FIELDS) {
    const wanted = saved?.[field];
    if (wanted) {
      const byName = normalised.indexOf(wanted.trim().toLowerCase());
      if (byName >= 0) {
        values[field] = columnOptionValue(headings, byName);
        continue;
      }
      if (/^\d+$/.test(wanted) && Number(wanted) >= 1 && Number(wanted) <= headings.length) {
        values[field] = wanted;
        continue;
      }
    }
    const guessed = normalised.findIndex((heading) => GUESSES[field].test(heading));
    if (guessed >= 0) values[field] = columnOptionValue(headings, guessed);
  }
  return values;
}
