// Demo data for the results pages that the plan does not hold: one fictional published
// reference series, so the comparison shows how an operator-imported source looks. Clearly
// labelled as invented; the values are not from any real report.
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

export const DEMO_REFERENCE_SOURCE = 'Påhittat exempel på publicerat riksgenomsnitt (demo)';
/** How many organisations the invented national figures claim to rest on. */
export const DEMO_REFERENCE_ORGANISATIONS = 118;

/** Values on the 0–6 scale, and the maturity percentage. */
const DEMO_REFERENCE_VALUES: Readonly<Record<string, number>> = { 'maturity-percent': 47, formaga: 2.9, arv: 2.75 };

/**
 * An invented value for every other measure the reference format takes (capabilities and
 * categories), between 2.0 and 3.8 and fixed by the key, so the demo's national comparison has a
 * reference beside every capability. Made up here; no real report has these figures.
 */
function demoReferenceValue(measure: string): number {
  let hash = 0;
  for (const char of measure) hash = (hash * 31 + char.charCodeAt(0)) % 1009;
  return 2 + (hash % 19) / 10;
}

export async function insertDemoReferenceValues(
  trx: Transaction<Database>,
  input: { instrumentKey: string; version: string; year: number; now: string; newId: () => string; measures?: readonly string[] },
): Promise<number> {
  const values: Record<string, number> = { ...DEMO_REFERENCE_VALUES };
  for (const measure of input.measures ?? []) values[measure] ??= demoReferenceValue(measure);
  const rows = Object.entries(values).map(([measure, value]) => ({
    id: input.newId(),
    instrument_key: input.instrumentKey,
    instrument_version: input.version,
    year: input.year,
    measure,
    value_milli: Math.round(value * 1000),
    source: DEMO_REFERENCE_SOURCE,
    organisations: DEMO_REFERENCE_ORGANISATIONS,
    imported_at: input.now,
    imported_by: null,
  }));
  await trx.insertInto('reference_values').values(rows).execute();
  return rows.length;
}
