// Reads a data file shipped with the app (an instrument, the method's steps) from its text and
// checks it against a zod schema, or returns errors that name the file and the path of every
// mistake. Pure: the caller reads the file.
import { parseDocument } from 'yaml';
import type { z } from 'zod';

export interface DataFileError {
  file: string;
  /** Dotted path inside the file, e.g. "phases.0.steps.1.help.en", or a line and column. */
  path: string;
  message: string;
}

export type DataFileResult<T> = { ok: true; value: T } | { ok: false; errors: DataFileError[] };

/** Parses YAML (JSON is valid YAML, so .json files go through the same door). */
export function parseDataFile<S extends z.ZodType>(file: string, text: string, schema: S): DataFileResult<z.output<S>> {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      errors: document.errors.map((error) => ({
        file,
        path: error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '(file)',
        message: error.message.split('\n')[0] ?? error.message,
      })),
    };
  }
  const result = schema.safeParse(document.toJS());
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => ({
        file,
        path: issue.path.length > 0 ? issue.path.join('.') : '(root)',
        message: issue.message,
      })),
    };
  }
  return { ok: true, value: result.data };
}

export function formatDataFileErrors(errors: DataFileError[]): string {
  return errors.map((error) => `${error.file}: ${error.path}: ${error.message}`).join('\n');
}
