// `mogna ledger analyse FILE`: the IT-cost analysis (TBM) of a general ledger, and two helpers
// for preparing it: `mogna ledger cost-centres FILE` lists the cost centres to choose central IT
// from, and `mogna ledger rules` prints the default Kommun-Bas mapping rules to copy and edit.
// Bad input (a broken file, a bad rules file, bad options) ends with one line naming the file
// and line, and exit code 2.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { tbmV4, type CostTaxonomy } from '../../domain/costs/cost-taxonomy.ts';
import { kommunBasRules, kommunBasRulesCsv } from '../../catalogues/kommun-bas-rules.ts';
import type { LedgerAggregate } from '../../domain/costs/ledger-aggregate.ts';
import { accountClass, analyseLedger, DEFAULT_COST_CLASSES, parseCostClasses, type LedgerAnalysis } from '../../domain/costs/ledger-analysis.ts';
import { MappingRulesError, parseMappingRulesCsv, type MappingRule } from '../../domain/costs/mapping-rules.ts';
import { oreToSek, parseLocaleAmountOre } from '../../domain/costs/money.ts';
import { parseColumnMapping, type ColumnMapping } from '../../importers/ledger/column-mapping.ts';
import { LedgerImportError } from '../../importers/ledger/ledger-import-error.ts';
import { findLedgerFormatByFileName, LEDGER_FORMATS, type LedgerFormatEntry } from '../../importers/ledger/registry.ts';
import { CliUsageError } from '../cli-errors.ts';

// The importers (exceljs in particular) load only when a file of their format is read (see the
// format registry), so the rest of the CLI starts quickly.

/** Files at least this large get a progress bar (when stderr is a terminal). */
const PROGRESS_BAR_BYTES = 16 * 1024 * 1024;

interface ReadOptions {
  format?: string;
  columns?: string;
  sheet?: string;
}

interface AnalyseOptions extends ReadOptions {
  mapping?: string;
  centralIt?: string;
  costClasses: string;
  totalCost?: string;
  json?: boolean;
}

export function registerLedgerCommands(program: Command): void {
  const ledger = program.command('ledger').description('IT-cost analysis (TBM) of a general ledger: SIE 3/4, CSV or XLSX');

  ledger
    .command('analyse')
    .alias('analyze')
    .description('analyse a ledger: IT cost per TBM pool inside and outside central IT')
    .argument('<file>', 'the ledger: SIE (.se/.si), CSV or XLSX')
    .option('--format <format>', 'sie, csv or xlsx (default: from the file name)')
    .option('--mapping <rules.csv>', 'mapping rules "from,to,pool,name_contains" (default: the Kommun-Bas rules)')
    .option('--central-it <ids>', 'cost centres of central IT, comma-separated, e.g. 1200,1210')
    .option('--columns <mapping>', 'CSV/XLSX columns, e.g. account=Konto,amount=Belopp,costCentre=Ansvar,accountName=Kontonamn')
    .option('--sheet <name>', 'XLSX worksheet name or number (default: the first)')
    .option('--cost-classes <classes>', 'account classes that hold costs', '4-7')
    .option('--total-cost <sek>', 'the organisation’s total cost in SEK, replacing the ledger’s own sum')
    .option('--json', 'print the figures as JSON (amounts in SEK)')
    .action(async (file: string, options: AnalyseOptions) => {
      const taxonomy = tbmV4;
      const costClasses = parseCostClasses(options.costClasses);
      if (costClasses === null) throw new CliUsageError(`--cost-classes: "${options.costClasses}" is not a list like 4-7 or 4,5,6,7`);
      const rules = options.mapping === undefined ? kommunBasRules() : readRules(options.mapping, taxonomy);
      let organisationTotalCostOre: number | null = null;
      if (options.totalCost !== undefined) {
        organisationTotalCostOre = parseLocaleAmountOre(options.totalCost);
        if (Number.isNaN(organisationTotalCostOre)) throw new CliUsageError(`--total-cost: "${options.totalCost}" is not an amount`);
      }
      const aggregate = await readLedger(file, options);
      const analysis = analyseLedger(aggregate, {
        rules,
        centralItCostCentres: splitList(options.centralIt),
        costClasses,
        taxonomy,
        organisationTotalCostOre,
      });
      if (options.json) console.log(JSON.stringify(analysisJson(aggregate, analysis, taxonomy), null, 2));
      else console.log(analysisText(aggregate, analysis, taxonomy));
    });

  ledger
    .command('cost-centres')
    .description('list the cost centres of a ledger with their cost, to choose central IT from')
    .argument('<file>', 'the ledger: SIE (.se/.si), CSV or XLSX')
    .option('--format <format>', 'sie, csv or xlsx (default: from the file name)')
    .option('--columns <mapping>', 'CSV/XLSX columns, as for analyse')
    .option('--sheet <name>', 'XLSX worksheet name or number')
    .option('--json', 'print JSON')
    .action(async (file: string, options: ReadOptions & { json?: boolean }) => {
      const aggregate = await readLedger(file, options);
      const cost = new Map<string, number>();
      for (const row of aggregate.rows) {
        const digit = accountClass(row.account);
        if (row.costCentre === null || digit === null || !DEFAULT_COST_CLASSES.includes(digit)) continue;
        cost.set(row.costCentre, (cost.get(row.costCentre) ?? 0) + row.amountOre);
      }
      const centres = aggregate.costCentres.map((centre) => ({ ...centre, cost: oreToSek(cost.get(centre.id) ?? 0) }));
      if (options.json) {
        console.log(JSON.stringify(centres, null, 2));
        return;
      }
      const width = Math.max(2, ...centres.map((centre) => centre.id.length));
      for (const centre of centres) console.log(`${centre.id.padEnd(width)}  ${sekText(centre.cost).padStart(16)}  ${centre.name}`);
    });

  ledger
    .command('rules')
    .description('print the default Kommun-Bas mapping rules (CSV) to copy, edit and pass with --mapping')
    .action(() => {
      process.stdout.write(kommunBasRulesCsv());
    });
}

function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function readRules(path: string, taxonomy: CostTaxonomy): MappingRule[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliUsageError(`cannot read the rules file ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    return parseMappingRulesCsv(text, taxonomy);
  } catch (error) {
    if (error instanceof MappingRulesError) {
      throw new CliUsageError(`${path}${error.line === null ? '' : `:${error.line}`}: ${error.message.replace(/^line \d+: /, '')}`);
    }
    throw error;
  }
}

function formatOf(file: string, requested: string | undefined): LedgerFormatEntry {
  const names = LEDGER_FORMATS.map((entry) => entry.format);
  const list = `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}`;
  if (requested !== undefined) {
    const entry = LEDGER_FORMATS.find((candidate) => candidate.format === requested);
    if (entry) return entry;
    throw new CliUsageError(`--format: "${requested}" is not ${list}`);
  }
  const entry = findLedgerFormatByFileName(basename(file));
  if (entry === null) throw new CliUsageError(`cannot tell the format of ${file} from its name; add --format ${list}`);
  return entry;
}

async function readLedger(file: string, options: ReadOptions): Promise<LedgerAggregate> {
  const format = formatOf(file, options.format);
  let columns: ColumnMapping | undefined;
  if (format.needsColumns) {
    if (options.columns === undefined) {
      throw new CliUsageError(`--columns is needed for ${format.format} files, e.g. --columns account=Konto,amount=Belopp,costCentre=Ansvar`);
    }
    const parsed = parseColumnMapping(options.columns);
    if (typeof parsed === 'string') throw new CliUsageError(`--columns: ${parsed}`);
    columns = parsed;
  }
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    size = stat.size;
  } catch (error) {
    throw new CliUsageError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }

  const bar =
    process.stderr.isTTY && size >= PROGRESS_BAR_BYTES
      ? new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: 'Reading {bar} {percentage}% | {done}/{size} MB',
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
  const megabytes = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
  bar?.start(size, 0, { done: megabytes(0), size: megabytes(size) });
  const onProgress = bar === null ? undefined : (read: number) => bar.update(read, { done: megabytes(read) });

  const stream = createReadStream(file, { highWaterMark: 256 * 1024 });
  try {
    await format.preflight?.(file);
    const sheet = options.sheet === undefined ? undefined : /^\d+$/.test(options.sheet) ? Number(options.sheet) : options.sheet;
    return await format.read(stream, { columns, sheet, onProgress });
  } catch (error) {
    if (error instanceof LedgerImportError) {
      throw new CliUsageError(`${file}${error.line === null ? '' : `:${error.line}`}: ${error.detail} [${error.code}]`);
    }
    if ((error as NodeJS.ErrnoException).code !== undefined && (error as NodeJS.ErrnoException).syscall !== undefined) {
      throw new CliUsageError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code})`);
    }
    throw error;
  } finally {
    bar?.stop();
    stream.destroy();
  }
}

/** The JSON of `ledger analyse --json`: amounts in SEK (at most two decimals), shares 0–1. */
function analysisJson(aggregate: LedgerAggregate, analysis: LedgerAnalysis, taxonomy: CostTaxonomy = tbmV4) {
  const pools: Record<string, { centralIt: number; outside: number; total: number }> = {};
  for (const pool of taxonomy.pools) {
    const figures = analysis.pools[pool.key];
    pools[pool.key] = {
      centralIt: oreToSek(figures?.centralItOre ?? 0),
      outside: oreToSek(figures?.outsideOre ?? 0),
      total: oreToSek(figures?.totalOre ?? 0),
    };
  }
  return {
    rows: aggregate.rowCount,
    year: aggregate.year,
    pools,
    totalIt: oreToSek(analysis.totalItOre),
    centralItCost: oreToSek(analysis.centralItCostOre),
    organisationTotalCost: oreToSek(analysis.organisationTotalCostOre),
    centralItShare: analysis.centralItShare === null ? null : Number(analysis.centralItShare.toFixed(6)),
    unmapped: analysis.unmapped.map((entry) => ({ account: entry.account, name: entry.name, amount: oreToSek(entry.amountOre) })),
    warnings: [
      ...aggregate.warnings.map((warning) => ({ code: warning.code, line: warning.line, message: warning.message })),
      ...analysis.warnings.map((warning) => ({ code: warning.code, line: null, message: warning.message })),
    ],
  };
}

const wholeKronor = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const withOre = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat('sv-SE', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const sekText = (sek: number): string => `${(Number.isInteger(sek) ? wholeKronor : withOre).format(sek)} kr`;
const percent = (share: number | null | undefined): string => (share === null || share === undefined ? '–' : percentFormat.format(share));

function analysisText(aggregate: LedgerAggregate, analysis: LedgerAnalysis, taxonomy: CostTaxonomy): string {
  const centres = analysis.centralItCostCentres.map((centre) => (centre.name === '' ? centre.id : `${centre.id} ${centre.name}`));
  const lines = [
    `Year ${aggregate.year ?? '?'} · ${aggregate.rowCount} rows · central IT: ${centres.join(', ') || '(none chosen)'}`,
    '',
    `${'Pool'.padEnd(26)}${'Central IT'.padStart(18)}${'Outside'.padStart(18)}${'Total'.padStart(18)}`,
  ];
  for (const pool of taxonomy.pools) {
    const figures = analysis.pools[pool.key];
    if (figures === undefined) continue;
    lines.push(
      `${pool.name.en.padEnd(26)}${sekText(oreToSek(figures.centralItOre)).padStart(18)}${sekText(oreToSek(figures.outsideOre)).padStart(18)}${sekText(oreToSek(figures.totalOre)).padStart(18)}`,
    );
  }
  lines.push(
    `${'Identified IT cost'.padEnd(62)}${sekText(oreToSek(analysis.totalItOre)).padStart(18)}`,
    '',
    `Central-IT cost:           ${sekText(oreToSek(analysis.centralItCostOre))}`,
    `Organisation’s total cost: ${sekText(oreToSek(analysis.organisationTotalCostOre))}${analysis.organisationTotalCostSource === 'manual' ? ' (entered)' : ''}`,
    `Central-IT share:          ${percent(analysis.centralItShare)}`,
  );
  for (const [key, share] of Object.entries(analysis.insideOutside)) {
    const name = taxonomy.pools.find((pool) => pool.key === key)?.name.en ?? key;
    lines.push(`${`${name} inside / outside central IT:`.padEnd(46)} ${percent(share?.centralIt)} / ${percent(share?.outside)}`);
  }
  if (analysis.unmapped.length > 0) {
    lines.push('', 'Unmapped accounts on central IT (no rule matches; kept out of the pools):');
    for (const entry of analysis.unmapped) lines.push(`  ${entry.account.padEnd(8)} ${sekText(oreToSek(entry.amountOre)).padStart(16)}  ${entry.name}`);
  }
  const warnings = [...aggregate.warnings.map((w) => (w.line === null ? w.message : `line ${w.line}: ${w.message}`)), ...analysis.warnings.map((w) => w.message)];
  if (warnings.length > 0) lines.push('', 'Warnings:', ...warnings.map((warning) => `  ${warning}`));
  return lines.join('\n');
}
