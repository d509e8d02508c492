// Turns the text of an instrument file into a validated Instrument, or into errors that
// name the file and the path of every mistake. Pure: the caller reads the file.
import { parseDocument } from 'yaml';
import { instrumentSchema, type Instrument } from './instrument-schema.ts';

export interface InstrumentFileError {
  file: string;
  /** Dotted path inside the file, e.g. "dimensions.0.categories.1.capabilities.2.items.0.text.en". */
  path: string;
  message: string;
}

export type ParseInstrumentResult =
  | { ok: true; instrument: Instrument }
  | { ok: false; errors: InstrumentFileError[] };

/** Parses YAML (JSON is valid YAML, so .json files go through the same door). */
export function parseInstrument(file: string, text: string): ParseInstrumentResult {
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
  const result = instrumentSchema.safeParse(document.toJS());
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
  return { ok: true, instrument: result.data };
}

export function formatInstrumentErrors(errors: InstrumentFileError[]): string {
  return errors.map((error) => `${error.file}: ${error.path}: ${error.message}`).join('\n');
}
