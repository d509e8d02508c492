// The cost chart builders: figures, tables and text alternatives computed by hand.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareFederation } from '../domain/costs/federation-comparison.ts';
import type { LedgerAnalysis } from '../domain/costs/ledger-analysis.ts';
import { messages } from '../i18n/messages.ts';
import { centralItShareChart, centralItShareOfIt, federationInsideOutsideChart, insideOutsideSplitChart, ownPoolsChart, towerMixChart, unmappedNote } from './cost-charts.ts';

const m = messages('sv').costs;

function analysis(pools: Record<string, [number, number]>, centralItShare: number): Pick<LedgerAnalysis, 'pools' | 'totalItOre' | 'centralItShare' | 'insideOutside'> {
  const result: LedgerAnalysis['pools'] = {};
  let total = 0;
  for (const key of ['internal_labour', 'external_labour', 'outside_services', 'hardware', 'software', 'facilities_and_power', 'telecom', 'other']) {
    const [centralItOre, outsideOre] = pools[key] ?? [0, 0];
    result[key] = { centralItOre, outsideOre, totalOre: centralItOre + outsideOre };
    total += centralItOre + outsideOre;
  }
  const split = (key: string) => {
    const pool = result[key]!;
    return pool.totalOre === 0 ? null : { centralIt: pool.centralItOre / pool.totalOre, outside: pool.outsideOre / pool.totalOre };
  };
  return { pools: result, totalItOre: total, centralItShare, insideOutside: { hardware: split('hardware'), software: split('software'), telecom: split('telecom') } };
}

describe('cost charts', () => {
  it('inside share of IT: 60 % labour + 30 % software at 40 % + 10 % telecom at 50 % = 77 % (method.md)', () => {
    const share = centralItShareOfIt(
      { internal_labour: 0.6, software: 0.3, telecom: 0.1 },
      { hardware: null, software: { centralIt: 0.4, outside: 0.6 }, telecom: { centralIt: 0.5, outside: 0.5 } },
    );
    assert.ok(Math.abs((share ?? 0) - 0.77) < 1e-12);
    assert.equal(centralItShareOfIt(null, {}), null);
  });

  const members = [
    { memberId: 'a', analysis: analysis({ internal_labour: [600, 0], software: [120, 180], telecom: [50, 50] }, 0.02) },
    { memberId: 'b', analysis: analysis({ internal_labour: [500, 0], hardware: [250, 250] }, 0.01) },
    { memberId: 'c', analysis: analysis({ internal_labour: [1000, 0] }, 0.03) },
  ];
  const comparison = compareFederation(members, { viewerMemberId: 'a' });

  it('figure 7 names the viewer, highlights its bar and states own and average share', () => {
    const spec = centralItShareChart(comparison, m, 'sv');
    assert.deepEqual(spec.table.rows, [
      ['Kommun 1', 1],
      ['Kommun 2 (er kommun)', 2],
      ['Kommun 3', 3],
      ['Snitt i förbundet', 2],
    ]);
    assert.equal(spec.summary.replace(/\u00a0/g, ' '), '3 kommuner jämförs. Er kommun lägger 2,0 % på central IT. Snittet är 2,0 %.');
    const data = (spec.option.series as Array<{ data: Array<{ itemStyle: { decal?: unknown } }> }>)[0]!.data;
    assert.deepEqual(data.map((item) => item.itemStyle.decal !== undefined), [false, true, false]);
  });

  it('figure 11 gives each member’s IT cost inside central IT', () => {
    const spec = federationInsideOutsideChart(comparison, m, 'sv');
    // b: 500 + 250 of 1000 = 75 %; a: 600 + 120 + 50 of 1000 = 77 %; c: 100 %.
    assert.deepEqual(spec.table.rows, [
      ['Kommun 1', 75, 25],
      ['Kommun 2 (er kommun)', 77, 23],
      ['Kommun 3', 100, 0],
      ['Snitt i förbundet', 84, 16],
    ]);
  });

  it('figures 9/10 and 13 for one organisation, in whole kronor with a sum row', () => {
    const own = { ...members[0]!.analysis, year: 2025 } as unknown as LedgerAnalysis;
    const pools = ownPoolsChart(own, m, 'sv');
    assert.deepEqual(pools.table.rows.at(-1), ['Summa', 8, 2, 10]);
    assert.deepEqual(pools.table.rows[4], ['Mjukvara', 1, 2, 3]);
    const split = insideOutsideSplitChart(own.insideOutside, 'own', m, 'sv');
    assert.deepEqual(split.table.rows, [
      ['Hårdvara', null, null],
      ['Mjukvara', 40, 60],
      ['Telekom', 50, 50],
    ]);
    assert.equal(split.summary.replace(/\u00a0/g, ' '), 'Andel av kostnaden som ligger på central IT: mjukvara 40 %, telekom 50 %.');
  });

  it('shows central-IT cost on unmapped accounts as its own row and names it in a note', () => {
    const own = { ...members[0]!.analysis, year: 2025, unmapped: [{ account: '4010', name: 'Förbrukning', amountOre: 300 }], unmappedTotalOre: 300, centralItCostOre: 1100 } as unknown as LedgerAnalysis;
    const rows = ownPoolsChart(own, m, 'sv').table.rows;
    assert.deepEqual(rows.slice(-3), [['Summa', 8, 2, 10], ['Ej fördelat på kostnadspool', 3, null, null], ['Central IT totalt, som i nyckeltalen', 11, null, null]]);
    assert.equal(unmappedNote(own, m, 'sv')!.replace(/\u00a0/g, ' '), 'Central IT:s kostnad i nyckeltalen är 3 kr högre än summan för central IT i poolerna. Så mycket ligger på konton som ingen regel fördelar på en kostnadspool: 4010 Förbrukning (3 kr).');
    assert.equal(unmappedNote({ ...own, unmapped: [], unmappedTotalOre: 0 }, m, 'sv'), null);
  });

  it('figure 15 puts the own tower mix beside the average', () => {
    const spec = towerMixChart(
      { infrastructure: 0.5, end_user_services: 0.25, application_services: 0.25, steer_and_support: 0 },
      { infrastructure: 0.4, end_user_services: 0.3, application_services: 0.2, steer_and_support: 0.1 },
      m,
      'sv',
    );
    assert.deepEqual(spec.table.rows[3], ['Styra och stödja', 0, 10]);
    assert.match(spec.summary.replace(/\u00a0/g, ' '), /^Er kommun: infrastruktur 50 %, slutanvändartjänster 25 %/);
  });
});
