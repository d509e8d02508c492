// A respondent file that cannot be read as a list at all is an AppError with a stable code from
// the one error catalogue (src/app/errors.ts, texts errors.<code> in src/i18n): empty, too large,
// not CSV or XLSX, unreadable characters, a broken workbook or CSV, no e-mail column, too many
// rows. Problems on rows (a bad address, an unknown unit, …) are not errors but a list the upload
// form shows, so the whole file can be fixed in one go. The error carries that list too: the
// file-level problem with any column problems found before it, each with the facts its message
// needs (respondent-file-messages.ts), so the form shows the same sentences as before.
import { AppError, type ErrorCode } from '../../app/errors.ts';
import { parseRespondentFile, type ParseRespondentFileInput, type RespondentFileContext } from './respondent-file-parser.ts';
import type { RespondentFileProblem, RespondentFileProblemCode, RespondentRow } from './respondent-file-problems.ts';

/** The error code of each file-level problem; the problems not named here are row problems. */
export const RESPONDENT_FILE_ERROR_CODES = {
  empty_file: 'respondent_file_empty',
  too_large: 'respondent_file_too_large',
  not_csv_or_xlsx: 'respondent_file_wrong_format',
  bad_encoding: 'respondent_file_bad_encoding',
  unreadable_xlsx: 'respondent_file_unreadable',
  malformed_csv: 'respondent_file_malformed_csv',
  missing_email_column: 'respondent_file_missing_email_column',
  too_many_rows: 'respondent_file_too_many_rows',
} as const satisfies Partial<Record<RespondentFileProblemCode, ErrorCode>>;

type FileLevelCode = keyof typeof RESPONDENT_FILE_ERROR_CODES;

function isFileLevelProblem(problem: RespondentFileProblem): problem is RespondentFileProblem & { code: FileLevelCode } {
  return problem.code in RESPONDENT_FILE_ERROR_CODES;
}

export class RespondentFileError extends AppError {
  constructor(
    /** The file-level problem, for its message's facts (reason, limit, row, headers). */
    readonly problem: RespondentFileProblem & { code: FileLevelCode },
    /** Everything to show in the form: the file-level problem and any column problems found with it. */
    readonly problems: RespondentFileProblem[],
  ) {
    super(RESPONDENT_FILE_ERROR_CODES[problem.code], problem.reason ?? problem.code);
  }
}

export function isRespondentFileError(error: unknown): error is RespondentFileError {
  return error instanceof RespondentFileError;
}

export type RespondentFileRows = { ok: true; rows: RespondentRow[] } | { ok: false; problems: RespondentFileProblem[] };

/**
 * Reads a respondent file: its rows, or the problems on its rows. A file that cannot be read as a
 * list at all throws a RespondentFileError.
 */
export async function readRespondentFile(input: ParseRespondentFileInput, context: RespondentFileContext): Promise<RespondentFileRows> {
  const result = await parseRespondentFile(input, context);
  if (result.ok) return result;
  const fileLevel = result.problems.find(isFileLevelProblem);
  if (fileLevel) throw new RespondentFileError(fileLevel, result.problems);
  return result;
}
