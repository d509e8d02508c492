// Demo data for the results pages that the plan does not hold: one fictional published
// reference series, so the comparison shows how an operator-imported source looks. Clearly
// labelled as invented; the values are not from any real report.
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

export const DEMO_REFERENCE_SOURCE = 'Påhittat exempel på publicerat riksgenomsnitt (demo)';

/** Values on the 0–6 scale, and the maturity percentage. */
export const DEMO_REFERENCE_VALUES: Readonly<Record<string, number>> = { 'maturity-percent': 47, formaga: 2.9, arv: 2.75 };

export async function insertDemoReferenceValues(
  trx: Transaction<Database>,
  input: { instrumentKey: string; version: string; year: number; now: string; newId: () => string },
): Promise<number> {
  const rows = Object.entries(DEMO_REFERENCE_VALUES).map(([measure, value]) => ({
    id: input.newId(),
    instrument_key: input.instrumentKey,
    instrument_version: input.version,
    year: input.year,
    measure,
    value_milli: Math.round(value * 1000),
    source: DEMO_REFERENCE_SOURCE,
    imported_at: input.now,
    imported_by: null,
  }));
  await trx.insertInto('reference_values').values(rows).execute();
  return rows.length;
}
