// CSV text → table. The delimiter is sniffed from the header line (Swedish Excel writes `;`,
// others `,`, "Unicode text" uses tab); an Excel `sep=;` hint line is honoured and, like Excel,
// not counted as a row. Row numbers are records, not physical lines, because that is what a
// spreadsheet shows when a quoted cell spans several lines.
import { CsvError, parse } from 'csv-parse/sync';
import { fileProblem, type TableResult } from './respondent-file-problems.ts';

const DELIMITERS = [';', ',', '\t'] as const;

export function sniffDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  // Ties (including a one-column file) go to the earlier entry: `;` is the Swedish default.
  let best: string = DELIMITERS[0];
  for (const delimiter of DELIMITERS) if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

export function parseCsvText(input: string): TableResult {
  let text = input;
  let delimiter: string | undefined;
  const hint = /^sep=(.)\r?\n/i.exec(text);
  if (hint) {
    delimiter = hint[1];
    text = text.slice(hint[0].length);
  }
  delimiter ??= sniffDelimiter(text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '');
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      // A list pasted together from several files mixes Windows and Unix line ends; accept both
      // (and old Mac ones) in one file instead of only the first one seen.
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const parsed = error.records;
      return { ok: false, problems: [fileProblem('malformed_csv', { rowNumber: typeof parsed === 'number' ? parsed + 1 : null })] };
    }
    throw error;
  }
  return { ok: true, table: { rows: records.map((cells, index) => ({ rowNumber: index + 1, cells })) } };
}
