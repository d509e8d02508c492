// Presenters of the results module: a round's results outside HTML (rows for CSV and XLSX, the
// JSON API's body), group names, and the operator's reference-file problems as texts. The results
// parts take the results' body. They only reshape what getRoundResults returned (the anonymity rule already holds),
// after publishedFigures rounded it, so they show the page's figures at the page's precision.
import ExcelJS from 'exceljs';
import { allCapabilities } from '../../domain/instruments/instrument-structure.ts';
import { csvField, spreadsheetRow } from '../../domain/spreadsheet-cells.ts';
import { csvConventions, type Locale } from '../../i18n/locales.ts';
import { messages, pick, type Messages } from '../../i18n/messages.ts';
import { roleName } from '../../i18n/role-names.ts';
import type { ReferenceProblem } from './reference-values.ts';
import type { BreakdownGroup, RoundResults } from '../../domain/results/round-results.ts';

type Cell = string | number | null;

// Figures arrive rounded once (published-figures.ts); this only turns undefined into an empty cell.
const cell = (value: number | null | undefined): number | null => (typeof value === 'number' ? value : null);

/** One row per capability, category and dimension, then maturity and quadrant. */
function scoreRows(results: RoundResults, locale: Locale): Cell[][] {
  const m = messages(locale).results;
  const { instrument, result } = results;
  if (!result) return [];
  const rows: Cell[][] = [];
  for (const { capability } of allCapabilities(instrument)) {
    const statistic = result.capabilities[capability.key]!;
    rows.push([m.exportLevels.capability, capability.key, pick(capability.name, locale), cell(statistic.score), statistic.n, cell(statistic.sd), cell(statistic.ci95?.[0]), cell(statistic.ci95?.[1])]);
  }
  for (const dimension of instrument.dimensions) {
    for (const category of dimension.categories) {
      rows.push([m.exportLevels.category, category.key, pick(category.name, locale), cell(result.categories[category.key]), null, null, null, null]);
    }
  }
  for (const dimension of instrument.dimensions) {
    rows.push([m.exportLevels.dimension, dimension.key, pick(dimension.name, locale), cell(result.dimensions[dimension.key]), null, null, null, null]);
  }
  rows.push([m.exportLevels.maturity, 'maturity-percent', m.maturity, result.maturityPercent, results.respondents, null, null, null]);
  rows.push([m.exportLevels.quadrant, 'quadrant', m.quadrantHeading, result.quadrant, null, null, null, null]);
  return rows;
}

export function groupName(group: BreakdownGroup, locale: Locale): string {
  const m = messages(locale).results;
  if (group.kind === 'other-units') return group.name ? m.otherUnitsWithin(group.name) : m.otherUnits;
  if (group.kind === 'other-roles') return m.otherRoles;
  if (group.kind === 'role' && group.name) return roleName(group.name, locale);
  return group.name ?? '';
}

function groupRows(results: RoundResults, locale: Locale): { columns: string[]; rows: Cell[][] } {
  const m = messages(locale).results;
  const dimensions = results.instrument.dimensions;
  const columns = [m.columns.group, m.columns.respondents, m.columns.maturity, m.columns.quadrant, ...dimensions.map((dimension) => pick(dimension.name, locale))];
  const rows = [...results.breakdown.units, ...results.breakdown.roles].map((group) => [
    `${group.kind.endsWith('roles') || group.kind === 'role' ? m.byRole : m.byUnit}: ${groupName(group, locale)}`,
    group.n,
    group.maturityPercent,
    group.quadrant,
    ...dimensions.map((dimension) => cell(group.dimensions[dimension.key])),
  ]);
  return { columns, rows };
}

function csvCell(value: Cell, separator: string, decimalComma: boolean): string {
  return csvField(value, { separator, decimalComma });
}

/** As the language's Excel expects (csvConventions): Swedish `;` and decimal comma, English `,` and point. With a BOM. */
export function resultsCsv(results: RoundResults, locale: Locale): string {
  const m = messages(locale).results;
  const { separator, decimalComma } = csvConventions(locale);
  const line = (cells: Cell[]) => cells.map((cell) => csvCell(cell, separator, decimalComma)).join(separator);
  const lines = [line([...m.exportColumns]), ...scoreRows(results, locale).map(line)];
  const groups = groupRows(results, locale);
  if (groups.rows.length > 0) lines.push('', line(groups.columns), ...groups.rows.map(line));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function resultsXlsx(results: RoundResults, locale: Locale): Promise<Buffer> {
  const m = messages(locale).results;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mogna';
  const scores = workbook.addWorksheet(m.sheetScores);
  scores.addRow(spreadsheetRow([...m.exportColumns])).font = { bold: true };
  for (const row of scoreRows(results, locale)) scores.addRow(spreadsheetRow(row));
  scores.columns.forEach((column, i) => (column.width = i === 2 ? 40 : 16));
  const groups = groupRows(results, locale);
  const sheet = workbook.addWorksheet(m.sheetGroups);
  sheet.addRow(spreadsheetRow(groups.columns)).font = { bold: true };
  for (const row of groups.rows) sheet.addRow(spreadsheetRow(row));
  sheet.columns.forEach((column, i) => (column.width = i === 0 ? 48 : 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The JSON API's body: everything the page shows, the instrument named by key and version. */
export function resultsJson(results: RoundResults, locale: Locale) {
  const { instrument, ...rest } = results;
  return {
    ...rest,
    instrument: { key: instrument.key, version: instrument.version, name: pick(instrument.name, locale) },
    breakdown: {
      ...results.breakdown,
      units: results.breakdown.units.map((group) => ({ ...group, label: groupName(group, locale) })),
      roles: results.breakdown.roles.map((group) => ({ ...group, label: groupName(group, locale) })),
    },
  };
}

export function referenceProblemMessage(m: Messages['results']['operator']['problems'], problem: ReferenceProblem): string {
  switch (problem.code) {
    case 'header':
      return m.header;
    case 'empty':
      return m.empty;
    case 'malformed':
      return m.malformed;
    case 'instrument':
      return m.instrument(problem.row, problem.value);
    case 'year':
      return m.year(problem.row, problem.value);
    case 'measure':
      return m.measure(problem.row, problem.value);
    case 'value':
      return m.value(problem.row, problem.value, problem.max);
    case 'source':
      return m.source(problem.row);
    case 'duplicate':
      return m.duplicate(problem.row, problem.first);
    case 'organisations':
      return m.organisations(problem.row, problem.value);
    case 'organisationsDiffer':
      return m.organisationsDiffer(problem.row, problem.first);
  }
}
