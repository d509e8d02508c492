import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { tbmV4 } from './cost-taxonomy.ts';
import { compareFederation, type FederationMemberInput } from './federation-comparison.ts';
import { IT_TOWER_KEYS, itTowers, towerMix } from './it-towers.ts';

const fixtures = new URL('../../../test/fixtures/', import.meta.url);

function member(memberId: string, share: number | null, pools: Record<string, [number, number]>, towers?: FederationMemberInput['towers']): FederationMemberInput {
  const figures: FederationMemberInput['analysis']['pools'] = {};
  let total = 0;
  for (const pool of tbmV4.pools) {
    const [inside, outside] = pools[pool.key] ?? [0, 0];
    figures[pool.key] = { centralItOre: inside, outsideOre: outside, totalOre: inside + outside };
    total += inside + outside;
  }
  const insideOutside: FederationMemberInput['analysis']['insideOutside'] = {};
  for (const key of ['hardware', 'software', 'telecom']) {
    const entry = figures[key];
    insideOutside[key] = entry && entry.totalOre > 0 ? { centralIt: entry.centralItOre / entry.totalOre, outside: entry.outsideOre / entry.totalOre } : null;
  }
  return { memberId, analysis: { pools: figures, totalItOre: total, centralItShare: share, insideOutside }, towers: towers ?? null };
}

describe('IT towers', () => {
  it('has the four towers with Swedish and English texts', () => {
    assert.deepEqual(itTowers.map((tower) => tower.key), [...IT_TOWER_KEYS]);
    for (const tower of itTowers) {
      assert.ok(tower.name.sv && tower.name.en && tower.description.sv.length > 40 && tower.description.en.length > 40);
    }
  });

  it('gives the mix by FTE or by cost, and nothing when nothing is entered', () => {
    const staffing = { infrastructure: { fte: 3, costOre: 100 }, end_user_services: { fte: 1, costOre: 300 } };
    assert.deepEqual(towerMix(staffing, 'fte'), { infrastructure: 0.75, end_user_services: 0.25, application_services: 0, steer_and_support: 0 });
    assert.deepEqual(towerMix(staffing, 'cost'), { infrastructure: 0.25, end_user_services: 0.75, application_services: 0, steer_and_support: 0 });
    assert.equal(towerMix({}, 'fte'), null);
    assert.equal(towerMix({ infrastructure: { fte: -2 } }, 'fte'), null);
  });
});

describe('compareFederation', () => {
  const members = [
    member('mellerud', 0.012, { hardware: [82, 18], software: [38, 62], telecom: [59, 41], internal_labour: [100, 0] }, { infrastructure: { fte: 2 }, steer_and_support: { fte: 2 } }),
    member('dals-ed', 0.02, { hardware: [50, 50], internal_labour: [50, 0] }, { infrastructure: { fte: 1 }, end_user_services: { fte: 3 } }),
    member('bengtsfors', null, {}),
  ];

  it('numbers members by central-IT share, marks only the viewer and hides the others’ ids', () => {
    const result = compareFederation(members, { viewerMemberId: 'dals-ed' });
    assert.deepEqual(result.members.map((entry) => [entry.label, entry.isViewer, entry.memberId, entry.centralItShare]), [
      [1, false, null, 0.012],
      [2, true, 'dals-ed', 0.02],
      [3, false, null, null],
    ]);
  });

  it('gives pool mix, inside/outside split and tower mix per member and their unweighted averages', () => {
    const result = compareFederation(members);
    const first = result.members[0];
    assert.equal(first?.poolMix?.internal_labour, 100 / 400);
    assert.deepEqual(first?.insideOutside.hardware, { centralIt: 0.82, outside: 0.18 });
    assert.deepEqual(first?.towerMix, { infrastructure: 0.5, end_user_services: 0, application_services: 0, steer_and_support: 0.5 });
    assert.equal(result.members[2]?.poolMix, null);
    assert.equal(result.average.centralItShare, (0.012 + 0.02) / 2);
    assert.equal(result.average.poolMix?.hardware, (100 / 400 + 100 / 150) / 2);
    assert.deepEqual(result.average.insideOutside.hardware, { centralIt: (0.82 + 0.5) / 2, outside: 1 - (0.82 + 0.5) / 2 });
    assert.equal(result.average.insideOutside.telecom?.centralIt, 0.59);
    assert.deepEqual(result.average.towerMix, { infrastructure: 0.375, end_user_services: 0.375, application_services: 0, steer_and_support: 0.25 });
  });

  it('reproduces a member’s split from the seed’s figure 12 fixture', () => {
    const rows = readFileSync(new URL('mellerud-2021/federation-cost-split.tsv', fixtures), 'utf8').trim().split('\n').slice(1);
    const split: Record<string, [number, number]> = {};
    for (const [pool = '', inside, outside] of rows.map((row) => row.split('\t'))) split[pool] = [Number(inside) * 100, Number(outside) * 100];
    const result = compareFederation([member('all', 0.015, split)]);
    for (const [pool, [inside]] of Object.entries(split)) {
      assert.ok(Math.abs((result.average.insideOutside[pool]?.centralIt ?? 0) - inside / 100) < 1e-12, pool);
    }
  });
});
