// The demo ledgers: deterministic, balanced, shaped so that the analysis with the default
// Kommun-Bas rules finds realistic and varied figures; and seeded with the demo federation so the
// comparison pages have every member.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { analyseLedger } from '../domain/costs/ledger-analysis.ts';
import { kommunBasRules } from '../catalogues/kommun-bas-rules.ts';
import { getCostComparison } from '../modules/costs/service.ts';
import { loadUserActor } from '../app/actor.ts';
import { createTestApp, type TestApp } from '../../test/support/test-context.ts';
import { testDialects } from '../../test/support/test-databases.ts';
import { DEMO_MEMBERS } from './demo-catalogue.ts';
import { buildDemoLedger } from './demo-ledgers.ts';
import { DEFAULT_DEMO_SEED } from './demo-plan.ts';
import { seedDemo } from './demo-seeder.ts';

describe('demo ledgers', () => {
  const ledgers = DEMO_MEMBERS.map((member) => buildDemoLedger(member, 2025, DEFAULT_DEMO_SEED));
  const analyses = ledgers.map((ledger) => analyseLedger(ledger.aggregate, { rules: kommunBasRules(), centralItCostCentres: ledger.centralIt }));

  test('are the same for the same seed and differ for another', () => {
    assert.deepEqual(buildDemoLedger(DEMO_MEMBERS[0]!, 2025, DEFAULT_DEMO_SEED), ledgers[0]);
    assert.notDeepEqual(buildDemoLedger(DEMO_MEMBERS[0]!, 2025, 7).aggregate.rows, ledgers[0]!.aggregate.rows);
  });

  test('balance to zero like real vouchers, in whole öre', () => {
    for (const ledger of ledgers) {
      assert.equal(ledger.aggregate.rows.reduce((sum, row) => sum + row.amountOre, 0), 0);
      assert.ok(ledger.aggregate.rows.every((row) => Number.isSafeInteger(row.amountOre)));
    }
  });

  test('give a total cost of 58–72 thousand kronor per inhabitant and a central-IT share of 0.9–3.2 %', () => {
    DEMO_MEMBERS.forEach((member, index) => {
      const analysis = analyses[index]!;
      const perInhabitant = analysis.organisationTotalCostOre / 100 / member.inhabitants;
      assert.ok(perInhabitant > 57_000 && perInhabitant < 73_000, `${member.key}: ${perInhabitant}`);
      assert.ok(analysis.centralItShare! > 0.0089 && analysis.centralItShare! < 0.0321, `${member.key}: ${analysis.centralItShare}`);
    });
    const shares = analyses.map((analysis) => analysis.centralItShare!);
    assert.ok(Math.max(...shares) - Math.min(...shares) > 0.01, 'members differ by more than a percentage point');
  });

  test('map every central-IT account but one through the default rules, and find IT outside central IT', () => {
    for (const analysis of analyses) {
      assert.deepEqual(analysis.unmapped.map((entry) => entry.account), ['6710']);
      for (const pool of ['internal_labour', 'external_labour', 'outside_services', 'hardware', 'software', 'facilities_and_power', 'telecom', 'other']) {
        assert.ok((analysis.pools[pool]?.centralItOre ?? 0) > 0, pool);
      }
      for (const pool of ['hardware', 'software', 'telecom']) assert.ok((analysis.pools[pool]?.outsideOre ?? 0) > 0, pool);
      assert.equal(analysis.pools.internal_labour?.outsideOre, 0);
    }
  });

  test('have tower staffing in half FTE with cost', () => {
    for (const ledger of ledgers) {
      for (const entry of Object.values(ledger.towers)) {
        assert.equal((entry?.fte ?? 0) * 2 % 1, 0);
        assert.ok((entry?.fte ?? 0) >= 0.5);
        assert.ok((entry?.costOre ?? 0) > 0);
      }
    }
  });
});

for (const dialect of testDialects()) {
  describe(`demo ledgers seeded (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
      await seedDemo(t.ctx);
    });
    after(async () => t.close());

    test('the 11 members in the cost analysis have last year’s ledger with central IT chosen, and the federation analyst sees them compared', async () => {
      const year = t.clock.now().getUTCFullYear() - 1;
      const ledgers = await t.ctx.db.selectFrom('cost_ledgers').select(['organisation_id', 'year']).execute();
      // Ekdala, Tallmyra and Sälgnäs chose not to take part in the cost analysis.
      assert.equal(ledgers.length, 11);
      assert.ok(ledgers.every((ledger) => ledger.year === year));
      const central = await t.ctx.db.selectFrom('cost_ledger_centres').select('cost_centre').where('central_it', '=', 1).execute();
      assert.equal(central.length, 22);
      const analyst = await t.ctx.db.selectFrom('users').select('id').where('email', '=', 'analytiker@demoforbundet.example').executeTakeFirstOrThrow();
      const actor = await loadUserActor(t.ctx.db, analyst.id);
      const federation = await t.ctx.db.selectFrom('organisations').select('id').where('kind', '=', 'kommunalforbund').executeTakeFirstOrThrow();
      const view = await getCostComparison(t.ctx, actor!, federation.id, year);
      assert.equal(view?.comparison?.members.length, 11);
      assert.ok(view?.comparison?.average.towerMix);
    });
  });
}
