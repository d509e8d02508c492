// The ledger upload form's fields: the CSV/XLSX column mapping (read from the multipart fields
// that come before the file) and the size limit. The file itself streams straight into the
// importer; a file cut off at the limit is reported as too large, never imported half.
import type { Readable } from 'node:stream';
import type { ColumnMapping } from '../../importers/ledger/column-mapping.ts';

export const LEDGER_UPLOAD_MAX_MB = 200;
export const LEDGER_UPLOAD_MAX_BYTES = LEDGER_UPLOAD_MAX_MB * 1024 * 1024;

export const COLUMN_FIELDS = ['account', 'accountName', 'costCentre', 'amount', 'date'] as const;
export type ColumnField = (typeof COLUMN_FIELDS)[number];
export type ColumnValues = Record<ColumnField, string>;

/** Columns a spreadsheet import cannot do without: the analysis needs the cost centre too. */
export const REQUIRED_COLUMNS: readonly ColumnField[] = ['account', 'costCentre', 'amount'];

export function columnValuesOf(mapping: ColumnMapping | null): ColumnValues {
  return {
    account: mapping?.account ?? '',
    accountName: mapping?.accountName ?? '',
    costCentre: mapping?.costCentre ?? '',
    amount: mapping?.amount ?? '',
    date: mapping?.date ?? '',
  };
}

/** Reads the text fields of a multipart upload (as @fastify/multipart hands them over). */
export function columnValuesFromFields(fields: Record<string, unknown>): ColumnValues {
  const text = (name: string): string => {
    const field = fields[name] as { type?: string; value?: unknown } | undefined;
    return field && field.type === 'field' && typeof field.value === 'string' ? field.value.trim().slice(0, 200) : '';
  };
  return { account: text('account'), accountName: text('accountName'), costCentre: text('costCentre'), amount: text('amount'), date: text('date') };
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
