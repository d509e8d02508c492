// What can be wrong with an uploaded respondent list. Every problem carries a stable code and
// the facts a message needs (row, column, offending value, limit), never a finished text:
// `respondentProblemMessage` turns it into Swedish or English for the person who uploaded it.
import type { InvalidEmailReason } from '../../domain/email.ts';

export const RESPONDENT_FILE_LIMITS = {
  /** Default upload limit; the caller may lower or raise it per call. */
  maxBytes: 5 * 1024 * 1024,
  /** An XLSX is a ZIP: refuse one that unpacks to more than this (a "zip bomb" or a huge workbook). */
  maxUnpackedXlsxBytes: 50 * 1024 * 1024,
  maxRows: 10_000,
  maxFieldLength: 200,
  maxProblems: 100,
} as const;

export type RespondentFileProblemCode =
  | 'empty_file'
  | 'too_large'
  | 'not_csv_or_xlsx'
  | 'bad_encoding'
  | 'unreadable_xlsx'
  | 'malformed_csv'
  | 'missing_email_column'
  | 'unknown_column'
  | 'duplicate_column'
  | 'unnamed_column'
  | 'too_many_rows'
  | 'invalid_email'
  | 'duplicate_email'
  | 'already_in_round'
  | 'unknown_unit'
  | 'ambiguous_unit'
  | 'field_too_long'
  | 'too_many_problems';

/** Why an e-mail address was rejected (src/domain/email.ts), so the message can say what to fix. */
export type { InvalidEmailReason } from '../../domain/email.ts';

type RespondentFileProblemReason =
  | InvalidEmailReason
  /** empty_file: no content at all / only a header row. */
  | 'no_content'
  | 'header_only'
  /** not_csv_or_xlsx: an old binary Excel file / another binary format / a file type we do not read. */
  | 'xls'
  | 'binary'
  | 'extension'
  /** unreadable_xlsx: password-protected (an encrypted OOXML file is not a ZIP) / a ZIP without a workbook / broken. */
  | 'encrypted'
  | 'not_workbook'
  | 'corrupt'
  /** too_large: the XLSX unpacks to more than the limit / an entry unpacks to far more than its packed size (a ZIP bomb). */
  | 'unpacked'
  | 'ratio'
  /** bad_encoding: UTF-8 mixed with another encoding / an unknown 8-bit encoding. */
  | 'mixed_encoding'
  | 'unknown_encoding'
  /** missing_email_column: the first row looks like data (an e-mail address), not headers. */
  | 'no_header_row';

export interface RespondentFileProblem {
  /** Row as the user sees it in a spreadsheet (the header is row 1); null for file-level problems. */
  rowNumber: number | null;
  /** The column's header as written in the file (a column letter such as "D" for `unnamed_column`). */
  column: string | null;
  code: RespondentFileProblemCode;
  /** The offending value as found (trimmed): an e-mail, a unit, a header, the file name … */
  value?: string;
  /** `duplicate_email`: the row where the address first appears. `duplicate_column`: not used. */
  otherRow?: number;
  reason?: RespondentFileProblemReason;
  /** The limit that was passed: bytes, rows, characters or problems, depending on the code. */
  limit?: number;
  /** `missing_email_column`: the headers that were found. `duplicate_column`: the clashing headers. */
  headers?: string[];
  /** `ambiguous_unit`: the matching unit paths, each joined with " / ". */
  candidates?: string[];
  /** `unknown_unit`: a unit path (joined with " / ") that is spelled almost the same. */
  suggestion?: string;
  /** `too_many_problems`: how many problems were left out of the list. */
  omitted?: number;
}

export interface RespondentRow {
  rowNumber: number;
  /** Trimmed and lower-cased (a leading "mailto:" removed). */
  email: string;
  name: string | null;
  role: string | null;
  unitId: string | null;
  /** The unit's path as spelled in the unit tree (not as typed in the file). */
  unitPath: string[] | null;
}

export type ParseRespondentFileResult =
  | { ok: true; rows: RespondentRow[] }
  | { ok: false; problems: RespondentFileProblem[] };

/** A sheet or CSV as rows of trimmed-later cell texts; `rowNumber` is the spreadsheet row. */
export interface RespondentFileTable {
  rows: Array<{ rowNumber: number; cells: string[] }>;
}

export type TableResult = { ok: true; table: RespondentFileTable } | { ok: false; problems: RespondentFileProblem[] };

export function fileProblem(
  code: RespondentFileProblemCode,
  extra: Omit<RespondentFileProblem, 'code' | 'rowNumber' | 'column'> & { rowNumber?: number | null; column?: string | null } = {},
): RespondentFileProblem {
  return { rowNumber: null, column: null, code, ...extra };
}
