// `mogna score --instrument digital-mognad [--version V] --responses FILE.csv [--threshold 3.0] --json`:
// the results of the maturity survey from a CSV of answers (columns respondent,item,value),
// computed by the same function as the web pages (src/domain/scoring). Don't know is an empty
// value, "vet ej" or "dont-know". A bad row stops it with a message naming the row, exit code 2.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import type { Instrument } from '../../domain/instruments/instrument-schema.ts';
import { roundTo, scoreMaturity, scoredItems, type MaturityResult, type RespondentAnswers } from '../../domain/scoring/maturity-score.ts';
import { loadInstrumentCatalog } from '../../catalogues/instrument-catalog.ts';
import { sniffDelimiter } from '../../modules/respondents/respondent-file-csv.ts';
import { CliUsageError } from '../cli-errors.ts';

const DONT_KNOW = new Set(['', 'vet ej', 'vet-ej', 'dont-know', "don't know", 'dont know']);
const COLUMNS = ['respondent', 'item', 'value'] as const;

/** Parses the answers file; throws CliUsageError naming the file and row of the first mistake. */
function parseResponsesCsv(instrument: Instrument, text: string, fileName: string): RespondentAnswers[] {
  const items = scoredItems(instrument);
  let records: string[][];
  try {
    records = parse(text, { delimiter: sniffDelimiter(text.split(/\r?\n/)[0]?.replace(/^\uFEFF/, '') ?? ''), bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new CliUsageError(`${fileName}${line ? `, row ${line}` : ''}: not a readable CSV file (${(error as Error).message})`);
  }
  const header = records[0]?.map((cell) => cell.trim().toLowerCase());
  if (!header || COLUMNS.some((column) => !header.includes(column))) {
    throw new CliUsageError(`${fileName}, row 1: the header must name the columns ${COLUMNS.join(',')}`);
  }
  const index = Object.fromEntries(COLUMNS.map((column) => [column, header.indexOf(column)])) as Record<(typeof COLUMNS)[number], number>;
  const byRespondent = new Map<string, Map<string, number | null>>();
  records.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const at = `${fileName}, row ${row}`;
    if (cells.length < header.length) throw new CliUsageError(`${at}: expected ${header.length} columns, found ${cells.length}`);
    const respondent = cells[index.respondent]?.trim() ?? '';
    const itemKey = cells[index.item]?.trim() ?? '';
    const raw = (cells[index.value] ?? '').trim();
    if (!respondent) throw new CliUsageError(`${at}: the respondent is empty`);
    const item = items.get(itemKey);
    if (!item) throw new CliUsageError(`${at}: unknown item "${itemKey}" in ${instrument.key} ${instrument.version}`);
    let value: number | null;
    if (DONT_KNOW.has(raw.toLowerCase())) value = null;
    else {
      value = /^-?\d+([.,]\d+)?$/.test(raw) ? Number(raw.replace(',', '.')) : NaN;
      if (!Number.isInteger(value) || value < item.min || value > item.max) {
        throw new CliUsageError(`${at}: value "${raw}" for ${itemKey} is not a whole number from ${item.min} to ${item.max} (or empty / "vet ej" for don't know)`);
      }
    }
    const answers = byRespondent.get(respondent) ?? new Map<string, number | null>();
    if (answers.has(itemKey)) throw new CliUsageError(`${at}: respondent "${respondent}" already answered ${itemKey}`);
    answers.set(itemKey, value);
    byRespondent.set(respondent, answers);
  });
  return [...byRespondent.entries()].map(([respondentId, answers]) => ({ respondentId, answers }));
}

const r = (value: number | null, decimals = 3) => (value === null ? null : roundTo(value, decimals));

/** The JSON shape the issue specifies. */
function scoreJson(result: MaturityResult, matrix: { capability: string; legacy: string }) {
  return {
    instrument: result.instrumentKey,
    version: result.version,
    respondents: result.respondents,
    capabilities: Object.fromEntries(
      Object.entries(result.capabilities).map(([key, statistic]) => [
        key,
        { score: r(statistic.score), n: statistic.n, sd: r(statistic.sd), ci95: statistic.ci95 ? [r(statistic.ci95[0]), r(statistic.ci95[1])] : null },
      ]),
    ),
    categories: Object.fromEntries(Object.entries(result.categories).map(([key, value]) => [key, r(value)])),
    dimensions: { formaga: r(result.dimensions[matrix.capability] ?? null), arv: r(result.dimensions[matrix.legacy] ?? null) },
    maturityPercent: result.maturityPercent,
    quadrant: result.quadrant,
  };
}

interface ScoreOptions {
  instrument: string;
  version?: string;
  responses: string;
  threshold?: string;
  json?: boolean;
  instrumentsDir?: string;
}

export function registerScoreCommand(program: Command): void {
  program
    .command('score')
    .description('results of the maturity survey from a CSV of answers (respondent,item,value)')
    .requiredOption('--instrument <key>', 'instrument key, e.g. digital-mognad')
    .option('--version <version>', 'instrument version (default: the newest)')
    .requiredOption('--responses <file.csv>', 'answers: one row per respondent and item; value 0–6, empty or "vet ej" for don\'t know')
    .option('--threshold <score>', 'quadrant threshold (default: the instrument version\'s)')
    .option('--json', 'print JSON (the default; kept for scripts that ask for it)')
    .option('--instruments-dir <dir>', 'where the instrument files are (default: ./instruments)')
    .action((options: ScoreOptions) => {
      const catalog = loadInstrumentCatalog(options.instrumentsDir);
      const instrument = catalog.get(options.instrument, options.version);
      if (!instrument) throw new CliUsageError(`unknown instrument ${options.instrument}${options.version ? ` version ${options.version}` : ''}`);
      if (!instrument.results) throw new CliUsageError(`${instrument.key} ${instrument.version} has no results section to score against`);
      let threshold: number | undefined;
      if (options.threshold !== undefined) {
        threshold = Number(options.threshold.replace(',', '.'));
        if (!Number.isFinite(threshold)) throw new CliUsageError(`--threshold: "${options.threshold}" is not a number`);
      }
      let text: string;
      try {
        text = readFileSync(options.responses, 'utf8');
      } catch (error) {
        throw new CliUsageError(`${options.responses}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
      }
      const respondents = parseResponsesCsv(instrument, text, options.responses);
      const result = scoreMaturity(instrument, respondents, { threshold });
      const matrix = { capability: instrument.results.capabilityDimension, legacy: instrument.results.legacyDimension };
      process.stdout.write(`${JSON.stringify(scoreJson(result, matrix), null, 2)}\n`);
    });
}
