// Turns the cost service's results into what the cost pages show: chart specs (the same for the
// page and the chart export), pool and tower names in the visitor's language, the column choices
// of a staged file, and the texts the forms start with. The `canManage` flag comes from the
// service, which asks the cost policy.
import { centralItShareChart, federationInsideOutsideChart, federationPoolMixChart, insideOutsideSplitChart, ownPoolsChart, towerMixChart, unmappedNote } from '../../charts/cost-charts.ts';
import type { ChartSpec } from '../../charts/chart-spec.ts';
import { tbmV4 } from '../../domain/costs/cost-taxonomy.ts';
import { IT_TOWER_KEYS, itTowers, towerMix, type TowerStaffing } from '../../domain/costs/it-towers.ts';
import type { LedgerAnalysis } from '../../domain/costs/ledger-analysis.ts';
import { formatNumber, type Locale } from '../../i18n/format.ts';
import { pick, pickName, type Messages } from '../../i18n/messages.ts';
import type { LedgerImportError } from '../../importers/ledger/ledger-import-error.ts';
import { LEDGER_UPLOAD_ACCEPT, ledgerFormat } from '../../importers/ledger/registry.ts';
import type { FieldErrors } from '../../ui/forms.tsx';
import { COLUMN_FIELDS, columnOptionValue, LEDGER_UPLOAD_MAX_MB, REQUIRED_COLUMNS, type ColumnField, type ColumnValues } from './cost-upload.ts';
import type { TowerFormValues } from './schema.ts';
import { MIN_COMPARISON_MEMBERS, type CostComparisonView, type CostOverview, type RuleSet } from './service.ts';
import type { StoredLedger } from './repository.ts';

export type { ColumnValues, CostComparisonView, CostOverview, RuleSet, TowerFormValues };

interface SelectOption {
  value: string;
  label: string;
}

export interface UploadFormState {
  errors: FieldErrors;
  /** The importer's problem, translated, with its line and the technical detail. */
  problem: UploadProblem | null;
}

export interface UploadProblem {
  message: string;
  line: number | null;
  detail: string;
}

export const emptyUpload = (): UploadFormState => ({ errors: {}, problem: null });

/** The importer's error as the upload form shows it: the catalogue's text (errors.ledger_…), the line and the detail. */
export function uploadProblemOf(error: LedgerImportError, m: Messages): UploadProblem {
  return { message: m.errors[error.catalogueCode].body, line: error.line, detail: error.detail };
}

/** The year page's own charts (figures 9 and 10), also used by the chart export route. */
export function yearCharts(analysis: LedgerAnalysis | null, m: Messages, locale: Locale): { ownSplit: ChartSpec | null; split: ChartSpec | null } {
  if (!analysis) return { ownSplit: null, split: null };
  return { ownSplit: ownPoolsChart(analysis, m.costs, locale), split: insideOutsideSplitChart(analysis.insideOutside, 'own', m.costs, locale) };
}

export interface YearPageModel {
  overview: CostOverview;
  ownSplit: ChartSpec | null;
  split: ChartSpec | null;
  unmappedNote: string | null;
  /** The pools an unmapped account can be given, first the empty choice. */
  poolOptions: SelectOption[];
  uploadMaxMb: number;
  /** The stored ledger's format as shown ("SIE 4", "CSV"), or null without a ledger. */
  ledgerFormatLabel: string | null;
  /** The file picker's `accept`, from the ledger format registry. */
  uploadAccept: string;
}

export function presentYear(overview: CostOverview, m: Messages, locale: Locale): YearPageModel {
  const { ownSplit, split } = yearCharts(overview.analysis, m, locale);
  return {
    overview,
    ownSplit,
    split,
    unmappedNote: ownSplit && overview.analysis ? unmappedNote(overview.analysis, m.costs, locale) : null,
    poolOptions: [{ value: '', label: m.costs.choosePool }, ...tbmV4.pools.map((pool) => ({ value: pool.key, label: pick(pool.name, locale) }))],
    uploadMaxMb: LEDGER_UPLOAD_MAX_MB,
    ledgerFormatLabel: overview.ledger ? ledgerFormat(overview.ledger.format).label(overview.ledger) : null,
    uploadAccept: LEDGER_UPLOAD_ACCEPT,
  };
}

/** The total-cost field's starting text: the entered total in whole kronor, or empty. */
export function totalFormValue(ledger: StoredLedger | null, locale: Locale): string {
  const total = ledger?.totalCostOre;
  return total === null || total === undefined ? '' : formatNumber(locale, Math.round(total / 100));
}

export interface ColumnsPageModel {
  /** One label per column of the file, for the preview's headings. */
  headingLabels: string[];
  options: SelectOption[];
  fields: { field: ColumnField; required: boolean }[];
}

export function presentColumns(headings: readonly string[] | null, m: Messages): ColumnsPageModel {
  const labels = (headings ?? []).map((heading, index) => m.costs.columnOption(index + 1, heading === '' ? m.costs.columnNoHeading : heading));
  return {
    headingLabels: labels,
    options: labels.map((label, index) => ({ value: columnOptionValue(headings ?? [], index), label })),
    fields: COLUMN_FIELDS.map((field) => ({ field, required: REQUIRED_COLUMNS.includes(field) })),
  };
}

interface RuleRow {
  from: string;
  to: string;
  poolName: string;
  nameContains: string | null;
  comment: string | null;
}

export interface RulesPageModel {
  ruleSet: RuleSet;
  rows: RuleRow[];
  /** The pool keys a rules file may use, for the hint. */
  poolKeys: string;
}

export function presentRules(ruleSet: RuleSet, locale: Locale): RulesPageModel {
  const poolName = (key: string) => pickName(tbmV4.pools.find((pool) => pool.key === key), key, locale);
  return {
    ruleSet,
    rows: ruleSet.rules.map((rule) => ({ from: rule.from, to: rule.to, poolName: poolName(rule.pool), nameContains: rule.nameContains, comment: rule.comment ?? null })),
    poolKeys: tbmV4.pools.map((pool) => pool.key).join(', '),
  };
}

interface TowerRow {
  key: string;
  name: string;
  description: string;
  focus: 'operations' | 'development';
  fte: number | null;
  costOre: number | null;
  /** The tower's share of the staffing (by FTE, else by cost), or null without figures. */
  share: number | null;
}

export interface TowersPageModel {
  overview: CostOverview;
  towers: TowerRow[];
}

export function presentTowers(overview: CostOverview, locale: Locale): TowersPageModel {
  const mix = overview.towers ? (towerMix(overview.towers, 'fte') ?? towerMix(overview.towers, 'cost')) : null;
  return {
    overview,
    towers: itTowers.map((tower) => {
      const entry = overview.towers?.[tower.key];
      return {
        key: tower.key,
        name: pick(tower.name, locale),
        description: pick(tower.description, locale),
        focus: tower.focus,
        fte: entry?.fte ?? null,
        costOre: entry?.costOre ?? null,
        share: mix ? mix[tower.key] : null,
      };
    }),
  };
}

/** The towers form's starting texts from the stored staffing. */
export function towerFormValues(towers: TowerStaffing | null, locale: Locale): TowerFormValues {
  const values: TowerFormValues = {};
  for (const key of IT_TOWER_KEYS) {
    const entry = towers?.[key];
    values[`${key}-fte`] = entry?.fte === null || entry?.fte === undefined ? '' : formatNumber(locale, entry.fte, Number.isInteger(entry.fte) ? 0 : 2);
    values[`${key}-cost`] = entry?.costOre === null || entry?.costOre === undefined ? '' : formatNumber(locale, Math.round(entry.costOre / 100));
  }
  return values;
}

/** A tower's name for a field message, in the visitor's language. */
export function towerName(key: string, locale: Locale): string {
  return pickName(itTowers.find((tower) => tower.key === key), key, locale);
}

/** The comparison page's charts, also used by the chart export route. */
export function comparisonCharts(view: CostComparisonView, m: Messages, locale: Locale): ChartSpec[] {
  const comparison = view.comparison;
  if (!comparison) return [];
  const own = comparison.members.find((member) => member.isViewer);
  const charts = [
    centralItShareChart(comparison, m.costs, locale),
    federationPoolMixChart(comparison, m.costs, locale),
    federationInsideOutsideChart(comparison, m.costs, locale),
    insideOutsideSplitChart(comparison.average.insideOutside, 'federation', m.costs, locale),
  ];
  if (comparison.average.towerMix !== null || own?.towerMix) charts.push(towerMixChart(own?.towerMix ?? null, comparison.average.towerMix, m.costs, locale));
  return charts;
}

export interface ComparisonPageModel {
  view: CostComparisonView | null;
  charts: ChartSpec[];
  minMembers: number;
}

export function presentComparison(view: CostComparisonView | null, m: Messages, locale: Locale): ComparisonPageModel {
  return { view, charts: view ? comparisonCharts(view, m, locale) : [], minMembers: MIN_COMPARISON_MEMBERS };
}
