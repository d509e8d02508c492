// Submitted answers straight into the database, for results tests: scores are chosen, not drawn.
import type { AppContext } from '../../src/app/app-context.ts';
import type { Instrument } from '../../src/domain/instruments/instrument-schema.ts';
import { itemsInOrder } from '../../src/domain/instruments/instrument-structure.ts';

/** Answers that give the score `value` on every capability (reversed statements turned). */
export function answersScoring(instrument: Instrument, value: number | ((capabilityKey: string) => number | null)): Record<string, number | null> {
  const answers: Record<string, number | null> = {};
  for (const { item, capability, scale } of itemsInOrder(instrument)) {
    const v = typeof value === 'number' ? value : value(capability.key);
    if (v === null) continue;
    answers[item.key] = item.reversed ? scale.max + scale.min - v : v;
  }
  return answers;
}

export interface SubmittedRespondent {
  unitId?: string | null;
  role?: string | null;
  answers: Record<string, number | null>;
  status?: 'submitted' | 'in_progress';
}

export async function addSubmittedRespondents(ctx: AppContext, roundId: string, instrument: Instrument, respondents: SubmittedRespondent[]): Promise<string[]> {
  const now = ctx.clock.now().toISOString();
  const ids: string[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    for (const respondent of respondents) {
      const id = ctx.ids.id();
      ids.push(id);
      await trx
        .insertInto('respondents')
        .values({ id, round_id: roundId, email: `${id}@example.test`, name: null, role: respondent.role ?? null, unit_id: respondent.unitId ?? null, invited_at: now, reminded_at: null, created_at: now })
        .execute();
      const responseId = ctx.ids.id();
      const status = respondent.status ?? 'submitted';
      await trx
        .insertInto('responses')
        .values({ id: responseId, round_id: roundId, respondent_id: id, instrument_key: instrument.key, instrument_version: instrument.version, status, started_at: now, updated_at: now, submitted_at: status === 'submitted' ? now : null })
        .execute();
      const rows = Object.entries(respondent.answers).map(([item_key, value]) => ({ response_id: responseId, item_key, value, dont_know: value === null ? 1 : 0 }));
      for (let i = 0; i < rows.length; i += 200) await trx.insertInto('answers').values(rows.slice(i, i + 200)).execute();
    }
  });
  return ids;
}
