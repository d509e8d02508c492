// Turns the text of an instrument file into a validated Instrument, or into errors that
// name the file and the path of every mistake. Pure: the caller reads the file.
import { formatDataFileErrors, parseDataFile, type DataFileError } from '../data-file.ts';
import { instrumentSchema, type Instrument } from './instrument-schema.ts';

export type InstrumentFileError = DataFileError;

export type ParseInstrumentResult =
  | { ok: true; instrument: Instrument }
  | { ok: false; errors: InstrumentFileError[] };

/** Parses YAML (JSON is valid YAML, so .json files go through the same door). */
export function parseInstrument(file: string, text: string): ParseInstrumentResult {
  const result = parseDataFile(file, text, instrumentSchema);
  return result.ok ? { ok: true, instrument: result.value } : result;
}

export const formatInstrumentErrors = formatDataFileErrors;
