// A federation's study as the method checklist's tests need it: the study row and its members'
// parts, written straight into the tables (creating a study with its rounds belongs to the
// studies module, which these tests do not depend on).
import type { AppContext } from '../../src/app/app-context.ts';

export async function insertTestStudy(ctx: AppContext, input: { federationId: string; year: number; memberIds: string[] }): Promise<string> {
  const id = ctx.ids.id();
  await ctx.db
    .insertInto('studies')
    .values({
      id,
      federation_id: input.federationId,
      year: input.year,
      closes_on: `${input.year}-10-31`,
      anonymity_threshold: 3,
      status: 'open',
      created_at: ctx.clock.now().toISOString(),
      created_by: null,
      closed_at: null,
    })
    .execute();
  for (const memberId of input.memberIds) {
    for (const part of ['maturity', 'costs'] as const) {
      await ctx.db.insertInto('study_members').values({ study_id: id, member_id: memberId, part, round_id: null, declined_at: null, declined_by: null }).execute();
    }
  }
  return id;
}
