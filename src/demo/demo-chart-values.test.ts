// For every demo member's results, the number a chart draws is the number its data table holds
// and the number the results page's table shows: one rounding (src/domain/rounding.ts) from the
// raw score, never "2,6" in the chart over "2,5" in the table.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../test/support/test-context.ts';
import { testDialects } from '../../test/support/test-databases.ts';
import { loadUserActor, type UserActor } from '../app/actor.ts';
import { seedDemo } from './demo-seeder.ts';
import { allCapabilities } from '../domain/instruments/instrument-structure.ts';
import { roundTo } from '../domain/rounding.ts';
import { formatNumber } from '../i18n/format.ts';
import { messages, pick } from '../i18n/messages.ts';
import { getRoundResults } from '../modules/results/service.ts';
import type { RoundResults } from '../domain/results/round-results.ts';
import { capabilityRadarChart, categoryBarsChart, categoryRadarChart, categoryTrendChart, sortedCapabilityBarsChart } from '../charts/maturity-charts.ts';

const shown = (value: unknown) => (typeof value === 'number' ? formatNumber('sv', value, 1) : '–');
type Datum = number | string | { value: number | string; label?: { formatter?: string } };
const valueOf = (datum: Datum) => (typeof datum === 'object' ? datum.value : datum);

for (const dialect of testDialects()) {
  describe(`the demo's chart values (${dialect})`, () => {
    let t: TestContext;
    let analyst: UserActor;
    const all: RoundResults[] = [];

    before(async () => {
      t = await createTestContext(dialect);
      await seedDemo(t.ctx);
      const user = await t.ctx.db.selectFrom('users').select('id').where('email', '=', 'analytiker@demoforbundet.example').executeTakeFirstOrThrow();
      analyst = (await loadUserActor(t.ctx.db, user.id))!;
      const year = t.clock.now().getUTCFullYear() - 1;
      const rounds = await t.ctx.db.selectFrom('rounds').innerJoin('round_instruments', 'round_instruments.round_id', 'rounds.id').select('rounds.id').where('rounds.year', '=', year).where('round_instruments.instrument_key', '=', 'digital-mognad').execute();
      for (const round of rounds) {
        const results = await getRoundResults(t.ctx, analyst, round.id, 'digital-mognad');
        if (results.result) all.push(results);
      }
    });
    after(async () => t.close());

    test('the demo has members with results to compare', () => {
      assert.ok(all.length >= 10, `${all.length} members with results`);
    });

    test('every radar value is its table cell and the page table’s figure, with one decimal', () => {
      for (const results of all) {
        for (const spec of [capabilityRadarChart(results, messages('sv').results, 'sv'), categoryRadarChart(results, messages('sv').results, 'sv')]) {
          const data = (spec.option.series as Array<{ data: Array<{ name: string; value: Datum[] }> }>)[0]!.data;
          data.forEach((series, column) => {
            series.value.forEach((datum, row) => {
              const value = valueOf(datum);
              const cell = spec.table.rows[row]![column + 1];
              assert.equal(value === '-' ? null : value, cell, `${spec.id} ${series.name} row ${row}`);
              if (typeof value === 'number') assert.equal(value, roundTo(value, 1), `${spec.id}: ${value} carries one decimal`);
            });
          });
        }
        // The own series against the results page's capability table, which formats the raw score.
        const radar = capabilityRadarChart(results, messages('sv').results, 'sv');
        allCapabilities(results.instrument).forEach(({ capability }, row) => {
          assert.equal(radar.table.rows[row]![0], pick(capability.name, 'sv'));
          assert.equal(shown(radar.table.rows[row]![1]), shown(results.result!.capabilities[capability.key]?.score), capability.key);
        });
      }
    });

    test('every bar and its label read as the table beside it', () => {
      for (const results of all) {
        for (const spec of [sortedCapabilityBarsChart(results, messages('sv').results, 'sv'), categoryBarsChart(results, messages('sv').results, 'sv')]) {
          const series = spec.option.series as Array<{ data: Datum[] }>;
          series.forEach((entry, column) => {
            // Bars are drawn bottom-up, so the chart's data is the table's rows reversed.
            [...entry.data].reverse().forEach((datum, row) => {
              const value = valueOf(datum);
              const cell = spec.table.rows[row]![column + 1];
              assert.equal(value === '-' ? null : value, cell, `${spec.id} column ${column} row ${row}`);
              if (typeof datum === 'object' && datum.label?.formatter) assert.equal(datum.label.formatter, shown(cell));
            });
          });
        }
      }
    });

    test('the change since last year is the difference of the two figures shown', () => {
      let checked = 0;
      for (const results of all) {
        const spec = categoryTrendChart(results, messages('sv').results, 'sv');
        if (!spec) continue;
        for (const [, previous, current, change] of spec.table.rows) {
          assert.equal(change, roundTo((current as number) - (previous as number), 1));
          checked += 1;
        }
      }
      assert.ok(checked > 0, 'the demo has a trend to check');
    });
  });
}
