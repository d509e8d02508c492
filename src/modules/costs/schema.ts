// What the IT-cost pages accept in paths, query strings and forms. A bad id or year in the path is
// a page that does not exist; fields a person types (a year, the total cost, tower staffing, the
// column choice) come back as field messages so the page is shown again with the problem beside
// the field. Field messages here are codes; the routes turn them into the visitor's language.
import { z } from 'zod';
import { IT_TOWER_KEYS, type TowerStaffing } from '../../domain/costs/it-towers.ts';
import { parseLocaleAmountOre } from '../../domain/costs/money.ts';
import type { ColumnMapping } from '../../importers/ledger/column-mapping.ts';
import { stringList } from '../../web/validate.ts';
import { COLUMN_FIELDS, columnMappingOf, type ColumnField, type ColumnValues } from './cost-upload.ts';

const MIN_COST_YEAR = 2000;
const MAX_COST_YEAR = 2100;

export function isCostYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_COST_YEAR && year <= MAX_COST_YEAR;
}

const costYear = z.coerce.number().int().min(MIN_COST_YEAR).max(MAX_COST_YEAR);

export const orgParams = z.object({ orgId: z.uuid() });
export const yearParams = z.object({ orgId: z.uuid(), year: costYear });
export const chartParams = yearParams.extend({ page: z.enum(['year', 'comparison']), file: z.string().regex(/^[a-z0-9-]+\.(svg|png)$/) });
export const tokenParams = yearParams.extend({ token: z.string().regex(/^[0-9a-f]{48}$/) });

export const basisQuery = z.object({ basis: z.enum(['fte', 'cost']).catch('fte').default('fte') });

/** The year of the rules pages' links back; a missing or bad one means the default year. */
export const yearQuery = z.object({ year: costYear.optional().catch(undefined) });

/**
 * The year typed in the year form of /org/:orgId/costs. Nothing typed (or not one text) means the
 * default year; a text that is not a year is the field's error `yearInvalid`.
 */
export const yearChoiceForm = z.object({
  year: z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? value : undefined), costYear.optional()),
});
/** The typed year as text, to show it again in the form. */
export const yearChoiceText = z.object({ year: z.string().catch('') });

export const columnsQuery = z.object({ saved: z.string().optional() });

/** Any field that is not one text counts as empty: the form only ever sends texts. */
const formText = (max: number) => z.unknown().optional().transform((value) => (typeof value === 'string' ? value.trim().slice(0, max) : ''));

/** A posted form's fields; a body that is not an object has none. */
const formFields = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}), schema);

/** The column-mapping form's choices as typed, to show them again. */
export const columnsText = formFields(z.object(Object.fromEntries(COLUMN_FIELDS.map((field) => [field, formText(200)])) as Record<ColumnField, ReturnType<typeof formText>>));

/** The column mapping, or one issue per required column left empty (path `column-<field>`, message the field). */
export const columnsForm = z.custom<ColumnValues>().transform((values, context): ColumnMapping => {
  const result = columnMappingOf(values);
  if ('missing' in result) {
    for (const field of result.missing) context.addIssue({ code: 'custom', path: [`column-${field}`], message: field });
    return z.NEVER;
  }
  return result.mapping;
});

export const centresBody = z.object({ centres: stringList });

export const totalBody = z.object({ totalCost: z.string().max(40).default('') });

/** The total cost in kronor as typed (locale digits and separators), in öre; empty means none. */
export const totalForm = z.object({
  totalCost: z.string().transform((text, context): number | null => {
    if (text.trim() === '') return null;
    const ore = parseLocaleAmountOre(text);
    if (Number.isNaN(ore) || ore <= 0) {
      context.addIssue({ code: 'custom', message: 'totalInvalid' });
      return z.NEVER;
    }
    return ore;
  }),
});

/** The towers form as typed: `<tower>-fte` and `<tower>-cost` per IT tower. */
export type TowerFormValues = Record<string, string>;

export const towersText = formFields(z.object(Object.fromEntries(IT_TOWER_KEYS.flatMap((key) => [[`${key}-fte`, formText(40)], [`${key}-cost`, formText(40)]])))) as z.ZodType<TowerFormValues>;

/** Staff (FTE, two decimals at most) and cost (whole kronor) per tower; issues `towerFteInvalid`/`towerCostInvalid` on the field. */
export const towersForm = z.custom<TowerFormValues>().transform((values, context): TowerStaffing => {
  const staffing: TowerStaffing = {};
  for (const key of IT_TOWER_KEYS) {
    const fteText = values[`${key}-fte`] ?? '';
    const costText = values[`${key}-cost`] ?? '';
    let fte: number | null = null;
    let costOre: number | null = null;
    if (fteText !== '') {
      const hundredths = parseLocaleAmountOre(fteText);
      if (Number.isNaN(hundredths) || hundredths < 0 || hundredths > 10_000_000) context.addIssue({ code: 'custom', path: [`${key}-fte`], message: 'towerFteInvalid' });
      else fte = hundredths / 100;
    }
    if (costText !== '') {
      costOre = parseLocaleAmountOre(costText);
      if (Number.isNaN(costOre) || costOre < 0 || costOre % 100 !== 0) {
        context.addIssue({ code: 'custom', path: [`${key}-cost`], message: 'towerCostInvalid' });
        costOre = null;
      }
    }
    if (fte !== null || costOre !== null) staffing[key] = { fte, costOre };
  }
  return staffing;
});

export const rulesBody = z.object({ csv: z.string().max(200_000).default('') });

export const accountRuleBody = z.object({
  account: z.string().trim().max(20).default(''),
  name: z.string().max(200).default(''),
  pool: z.string().max(40).default(''),
  /** The cost year to return to, or null (then the costs start page). */
  year: z
    .string()
    .default('')
    .transform((text) => (isCostYear(Number(text)) ? Number(text) : null)),
});
