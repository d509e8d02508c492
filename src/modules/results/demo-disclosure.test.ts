// The demo's closed maturity rounds (issue 12, problem 4): published as the app publishes them,
// no combination of any round's published group sums isolates fewer respondents than the round's
// threshold — while the same rounds, with every unit and role of at least the threshold shown
// (the old rule's starting point), do give people away. SQLite only: the demo is large and the
// audit is pure; the publishing queries are covered on both dialects by published-results.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { seedDemo } from '../../demo/demo-seeder.ts';
import { effectiveThreshold } from '../../domain/disclosure/disclosure.ts';
import { findDerivableSet } from '../../domain/disclosure/exact-audit.ts';
import { loadScoredRespondents, publishRoundResults } from './service.ts';

describe('the demo publishes no derivable small group', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext('sqlite');
    await seedDemo(t.ctx);
  });
  after(async () => t.close());

  test('every closed maturity round: published groups pass the exact audit; all groups ≥ k would not', async () => {
    const rounds = await t.ctx.db.selectFrom('rounds').select(['id', 'anonymity_threshold', 'organisation_id']).where('status', '=', 'closed').orderBy('id').execute();
    let audited = 0;
    let leakyWithoutRule = 0;
    for (const round of rounds) {
      const outcome = await publishRoundResults(t.ctx, round.id);
      if (outcome.get('digital-mognad') !== 'published') continue;
      const threshold = effectiveThreshold(round.anonymity_threshold);
      const state = await t.ctx.db
        .selectFrom('published_results')
        .select(['groups_json', 'breakdown_json'])
        .where('round_id', '=', round.id)
        .where('instrument_key', '=', 'digital-mognad')
        .executeTakeFirstOrThrow();
      const groups = JSON.parse(state.groups_json) as string[][];
      assert.equal(findDerivableSet(groups, threshold), null, `round ${round.id}`);
      for (const group of groups) assert.ok(group.length >= threshold);
      const breakdown = JSON.parse(state.breakdown_json) as { units: Array<{ n: number }>; roles: Array<{ n: number }> };
      assert.deepEqual(
        [...breakdown.units, ...breakdown.roles].map((group) => group.n),
        groups.slice(1).map((group) => group.length),
        'the published n are the audited groups',
      );
      audited++;

      // Without the rule: the organisation, every unit (with its sub-units) and every role of at least k.
      const respondents = await loadScoredRespondents(t.ctx, round.id, 'digital-mognad');
      const units = await t.ctx.db.selectFrom('units').select(['id', 'parent_id']).where('organisation_id', '=', round.organisation_id).execute();
      const parentOf = new Map(units.map((unit) => [unit.id, unit.parent_id]));
      const naive: string[][] = [respondents.map((r) => r.respondentId)];
      for (const unit of units) {
        const members = respondents
          .filter((r) => {
            for (let u = r.unitId; u; u = parentOf.get(u) ?? null) if (u === unit.id) return true;
            return false;
          })
          .map((r) => r.respondentId);
        if (members.length >= threshold) naive.push(members);
      }
      for (const role of new Set(respondents.map((r) => r.role).filter(Boolean))) {
        const members = respondents.filter((r) => r.role === role).map((r) => r.respondentId);
        if (members.length >= threshold) naive.push(members);
      }
      if (findDerivableSet(naive, threshold)) leakyWithoutRule++;
    }
    assert.ok(audited >= 28, `the demo's closed rounds (${audited})`);
    assert.ok(leakyWithoutRule > 0, 'the naive breakdown of some demo round gives people away');
  });
});
