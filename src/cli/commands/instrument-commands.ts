// `mogna instrument list` and `mogna instrument show`: what the instrument files under
// ./instruments contain, as a table/outline for people or as JSON for scripts.
import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import type { AnswerScale, Instrument, LocalizedText } from '../../domain/instruments/instrument-schema.ts';
import { allCapabilities, itemsInOrder } from '../../domain/instruments/instrument-structure.ts';
import {
  compareVersions,
  DEFAULT_INSTRUMENT_DIR,
  InstrumentLoadError,
  loadInstrumentCatalog,
  type InstrumentCatalog,
} from '../../catalogues/instrument-catalog.ts';
import { CliUsageError } from '../cli-errors.ts';
import { isLocale, locales, type Locale } from '../../i18n/locales.ts';
import { pick } from '../../i18n/messages.ts';

type Language = Locale;

interface InstrumentSummary {
  key: string;
  version: string;
  name: LocalizedText;
  capabilities: number;
  items: number;
}

function summarizeInstrument(instrument: Instrument): InstrumentSummary {
  return {
    key: instrument.key,
    version: instrument.version,
    name: instrument.name,
    capabilities: allCapabilities(instrument).length,
    items: itemsInOrder(instrument).length,
  };
}

/** Every instrument, by key and then oldest version first. */
function sortedInstruments(catalog: InstrumentCatalog): Instrument[] {
  return [...catalog.list()].sort((a, b) => a.key.localeCompare(b.key) || compareVersions(a.version, b.version));
}

/** The full structure of an instrument as `show --json` prints it: every item carries `reversed`. */
function presentInstrument(instrument: Instrument) {
  return {
    key: instrument.key,
    version: instrument.version,
    name: instrument.name,
    description: instrument.description,
    attribution: instrument.attribution,
    respondentMode: instrument.respondentMode,
    defaultScale: instrument.defaultScale,
    scale: instrument.scales[instrument.defaultScale],
    scales: instrument.scales,
    dimensions: instrument.dimensions.map((dimension) => ({
      key: dimension.key,
      name: dimension.name,
      description: dimension.description,
      categories: dimension.categories.map((category) => ({
        key: category.key,
        name: category.name,
        description: category.description,
        capabilities: category.capabilities.map((capability) => ({
          key: capability.key,
          name: capability.name,
          help: capability.help,
          items: capability.items.map((item) => ({
            key: item.key,
            text: item.text,
            reversed: item.reversed,
            ...(item.scale ? { scale: item.scale } : {}),
            ...(item.hint ? { hint: item.hint } : {}),
            ...(item.showIf ? { showIf: item.showIf } : {}),
            ...(item.target ? { target: true } : {}),
            ...(item.comment ? { comment: true } : {}),
          })),
        })),
      })),
    })),
    results: instrument.results ?? null,
    analysis: instrument.analysis ?? null,
    recommendations: instrument.recommendations,
    comparableWith: instrument.comparableWith,
  };
}

function formatInstrumentTable(summaries: InstrumentSummary[], language: Language): string {
  const header = ['KEY', 'VERSION', 'NAME', 'CAPABILITIES', 'ITEMS'];
  const rows = summaries.map((summary) => [
    summary.key,
    summary.version,
    pick(summary.name, language),
    String(summary.capabilities),
    String(summary.items),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const numeric = new Set([3, 4]);
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function describeScale(scale: AnswerScale, language: Language): string {
  const labels = scale.labels.map((label) => `${label.value} = ${pick(label.label, language)}`).join(', ');
  const dontKnow = scale.dontKnow ? `; "${pick(scale.dontKnow, language)}" allowed` : '';
  return `${scale.min}–${scale.max} (${labels})${dontKnow}`;
}

/** A readable indented outline: dimensions › categories › capabilities › items. */
function formatInstrumentOutline(instrument: Instrument, language: Language): string {
  const lines: string[] = [];
  const items = itemsInOrder(instrument);
  const reversedCount = items.filter((entry) => entry.item.reversed).length;
  lines.push(`${pick(instrument.name, language)} (${instrument.key}, version ${instrument.version})`);
  lines.push(pick(instrument.description, language));
  lines.push('');
  lines.push(`Attribution: ${pick(instrument.attribution, language)}`);
  for (const [key, scale] of Object.entries(instrument.scales)) {
    const marker = key === instrument.defaultScale ? ' (default)' : '';
    lines.push(`Scale ${key}${marker}: ${describeScale(scale, language)}`);
  }
  lines.push(
    `${allCapabilities(instrument).length} capabilities, ${items.length} items (${reversedCount} reversed)`,
  );
  for (const dimension of instrument.dimensions) {
    lines.push('');
    lines.push(`${pick(dimension.name, language)} [${dimension.key}]`);
    for (const category of dimension.categories) {
      lines.push(`  ${pick(category.name, language)} [${category.key}]`);
      for (const capability of category.capabilities) {
        lines.push(`    ${pick(capability.name, language)} [${capability.key}]`);
        for (const item of capability.items) {
          const flags = [
            item.reversed ? 'reversed' : '',
            item.scale ? `scale ${item.scale}` : '',
            item.showIf ? `only if ${item.showIf.item} is ${item.showIf.in.join(' or ')}` : '',
            item.target ? 'target' : '',
            item.comment ? 'comment' : '',
          ].filter(Boolean);
          const suffix = flags.length > 0 ? ` (${flags.join(', ')})` : '';
          lines.push(`      ${item.key}${suffix}: ${pick(item.text, language)}`);
        }
      }
    }
  }
  if (instrument.results) {
    const results = instrument.results;
    lines.push('');
    lines.push(
      `Results: ${results.capabilityDimension} (horizontal) × ${results.legacyDimension} (vertical), threshold ${results.quadrantThreshold}`,
    );
    for (const key of ['A', 'B', 'C', 'D'] as const) {
      const quadrant = results.quadrants[key];
      lines.push(`  ${key}: ${pick(quadrant.title, language)} (${quadrant.recommendations.length} recommendations)`);
    }
  }
  return lines.join('\n');
}

function knownInstruments(catalog: InstrumentCatalog): string {
  const known = sortedInstruments(catalog).map((instrument) => `${instrument.key}@${instrument.version}`);
  return known.length > 0 ? known.join(', ') : '(none)';
}

function findInstrument(catalog: InstrumentCatalog, key: string, version?: string): Instrument {
  const instrument = catalog.get(key, version);
  if (instrument) return instrument;
  const what = version === undefined ? `"${key}"` : `"${key}" version "${version}"`;
  throw new CliUsageError(`unknown instrument ${what}. Known instruments: ${knownInstruments(catalog)}`);
}

/** A missing directory or a broken instrument file is bad input: exit code 2, every mistake listed. */
function loadCatalog(dir: string): InstrumentCatalog {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CliUsageError(`no instrument directory at ${dir}`);
  }
  try {
    return loadInstrumentCatalog(dir);
  } catch (error) {
    if (error instanceof InstrumentLoadError) throw new CliUsageError(error.message);
    throw error;
  }
}

function parseLanguage(value: string): Language {
  if (isLocale(value)) return value;
  throw new CliUsageError(`--lang must be ${locales.map((locale) => `"${locale}"`).join(' or ')}, not "${value}"`);
}

function write(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

interface CommonOptions {
  json?: boolean;
  lang: string;
  dir: string;
}

export function registerInstrumentCommands(program: Command): void {
  const instrument = program
    .command('instrument')
    .description('List and inspect the questionnaires (instrument files) Mogna knows');

  instrument
    .command('list')
    .description('List every instrument and version with its number of capabilities and items')
    .option('--json', 'print JSON instead of a table')
    .option(`--lang <${locales.join('|')}>`, 'language of the names in the table', 'sv')
    .option('--dir <path>', 'read instrument files from this directory', DEFAULT_INSTRUMENT_DIR)
    .action((options: CommonOptions) => {
      const language = parseLanguage(options.lang);
      const summaries = sortedInstruments(loadCatalog(options.dir)).map(summarizeInstrument);
      write(options.json ? JSON.stringify(summaries, null, 2) : formatInstrumentTable(summaries, language));
    });

  instrument
    .command('show')
    .description('Show the full structure of one instrument (the newest version unless --version is given)')
    .argument('<key>', 'instrument key, e.g. digital-mognad')
    .option('--version <version>', 'instrument version, e.g. 2026')
    .option('--json', 'print the structure as JSON')
    .option(`--lang <${locales.join('|')}>`, 'language of the outline', 'sv')
    .option('--dir <path>', 'read instrument files from this directory', DEFAULT_INSTRUMENT_DIR)
    .action((key: string, options: CommonOptions & { version?: string }) => {
      const language = parseLanguage(options.lang);
      const found = findInstrument(loadCatalog(options.dir), key, options.version);
      write(options.json ? JSON.stringify(presentInstrument(found), null, 2) : formatInstrumentOutline(found, language));
    });
}
