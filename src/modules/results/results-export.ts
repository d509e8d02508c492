// Presenters for a round's results outside HTML: rows for CSV and XLSX, and the JSON API's
// body. They only reshape what getRoundResults returned, so the anonymity rule already holds.
import ExcelJS from 'exceljs';
import { allCapabilities } from '../../domain/instruments/instrument-structure.ts';
import type { Locale } from '../../i18n/format.ts';
import { messages, pick } from '../../i18n/messages.ts';
import { roleName } from '../../i18n/role-names.ts';
import type { BreakdownGroup, RoundResults } from './results-service.ts';

type Cell = string | number | null;

const r3 = (value: number | null | undefined): number | null => (typeof value === 'number' ? Math.round(value * 1000) / 1000 : null);

/** One row per capability, category and dimension, then maturity and quadrant. */
export function scoreRows(results: RoundResults, locale: Locale): Cell[][] {
  const m = messages(locale).results;
  const { instrument, result } = results;
  if (!result) return [];
  const rows: Cell[][] = [];
  for (const { capability } of allCapabilities(instrument)) {
    const statistic = result.capabilities[capability.key]!;
    rows.push([m.exportLevels.capability, capability.key, pick(capability.name, locale), r3(statistic.score), statistic.n, r3(statistic.sd), r3(statistic.ci95?.[0]), r3(statistic.ci95?.[1])]);
  }
  for (const dimension of instrument.dimensions) {
    for (const category of dimension.categories) {
      rows.push([m.exportLevels.category, category.key, pick(category.name, locale), r3(result.categories[category.key]), null, null, null, null]);
    }
  }
  for (const dimension of instrument.dimensions) {
    rows.push([m.exportLevels.dimension, dimension.key, pick(dimension.name, locale), r3(result.dimensions[dimension.key]), null, null, null, null]);
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

export function groupRows(results: RoundResults, locale: Locale): { columns: string[]; rows: Cell[][] } {
  const m = messages(locale).results;
  const dimensions = results.instrument.dimensions;
  const columns = [m.columns.group, m.columns.respondents, m.columns.maturity, m.columns.quadrant, ...dimensions.map((dimension) => pick(dimension.name, locale))];
  const rows = [...results.breakdown.units, ...results.breakdown.roles].map((group) => [
    `${group.kind.endsWith('roles') || group.kind === 'role' ? m.byRole : m.byUnit}: ${groupName(group, locale)}`,
    group.n,
    group.maturityPercent,
    group.quadrant,
    ...dimensions.map((dimension) => r3(group.dimensions[dimension.key])),
  ]);
  return { columns, rows };
}

function csvCell(value: Cell, separator: string, decimalComma: boolean): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? (decimalComma ? String(value).replace('.', ',') : String(value)) : value;
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Swedish: `;` and decimal comma, as Excel in Sweden expects; English: `,` and point. With a BOM. */
export function resultsCsv(results: RoundResults, locale: Locale): string {
  const m = messages(locale).results;
  const separator = locale === 'sv' ? ';' : ',';
  const decimalComma = locale === 'sv';
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
  scores.addRow([...m.exportColumns]).font = { bold: true };
  for (const row of scoreRows(results, locale)) scores.addRow(row);
  scores.columns.forEach((column, i) => (column.width = i === 2 ? 40 : 16));
  const groups = groupRows(results, locale);
  const sheet = workbook.addWorksheet(m.sheetGroups);
  sheet.addRow(groups.columns).font = { bold: true };
  for (const row of groups.rows) sheet.addRow(row);
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
