// The anonymity rule: small groups are pooled or hidden, and no combination of the groups that
// are shown — across unit levels and roles — isolates fewer respondents than the threshold.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSeededRandom } from '../../demo/seeded-random.ts';
import { effectiveThreshold, planDisclosure, type DisclosurePlan, type DisclosureRespondent, type DisclosureUnit } from './disclosure.ts';

function people(count: number, unitId: string | null, role: string | null, prefix = unitId ?? 'x'): DisclosureRespondent[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${role ?? 'none'}-${i}`, unitId, role }));
}

const keys = (plan: DisclosurePlan) => [...plan.units, ...plan.roles].map((group) => `${group.key}=${group.members.length}`);

/**
 * The attacker: every shown group plus the total, and every family of pairwise disjoint shown
 * groups inside one of them. Returns the smallest remainder that is neither 0 nor ≥ t.
 */
function subtractionLeak(plan: DisclosurePlan, all: DisclosureRespondent[]): number | null {
  const groups = [new Set(all.map((r) => r.id)), ...[...plan.units, ...plan.roles].map((g) => new Set(g.members))];
  let leak: number | null = null;
  for (const outer of groups) {
    const inside = groups.filter((g) => g !== outer && g.size < outer.size && [...g].every((m) => outer.has(m)));
    assert.ok(inside.length <= 18, 'small enough to try every family');
    for (let mask = 1; mask < 1 << inside.length; mask++) {
      const covered = new Set<string>();
      let ok = true;
      for (let i = 0; i < inside.length && ok; i++) {
        if (!(mask & (1 << i))) continue;
        for (const m of inside[i]!) {
          if (covered.has(m)) ok = false;
          covered.add(m);
        }
      }
      if (!ok) continue;
      const remainder = outer.size - covered.size;
      if (remainder > 0 && remainder < plan.threshold && (leak === null || remainder < leak)) leak = remainder;
    }
  }
  return leak;
}

describe('anonymity threshold', () => {
  it('defaults to 3 and is never below 2', () => {
    assert.equal(effectiveThreshold(undefined), 3);
    assert.equal(effectiveThreshold(1), 2);
    assert.equal(effectiveThreshold(0), 2);
    assert.equal(effectiveThreshold(5), 5);
  });

  it('shows no breakdown when the whole organisation is below the threshold', () => {
    const plan = planDisclosure(people(2, 'u1', 'chef'), [{ id: 'u1', parentId: null }], 3);
    assert.deepEqual(keys(plan), []);
  });
});

describe('unit breakdown', () => {
  const units: DisclosureUnit[] = [
    { id: 'social', parentId: null },
    { id: 'ifo', parentId: 'social' },
    { id: 'hemtjanst', parentId: 'social' },
    { id: 'skola', parentId: null },
    { id: 'kultur', parentId: null },
  ];

  it('pools small units into "other units" when the pool reaches the threshold', () => {
    const all = [...people(6, 'skola', null), ...people(2, 'kultur', null), ...people(1, null, null), ...people(4, 'ifo', null), ...people(3, 'hemtjanst', null)];
    const plan = planDisclosure(all, units, 3);
    // Top level: social 7, skola 6, kultur 2 + no unit 1 = pool 3. Under social: ifo 4, hemtjänst 3.
    assert.deepEqual(keys(plan), ['unit:social=7', 'unit:ifo=4', 'unit:hemtjanst=3', 'unit:skola=6', 'other-units:root=3']);
    assert.equal(plan.units.find((g) => g.key === 'unit:ifo')!.depth, 1);
    assert.equal(subtractionLeak(plan, all), null);
  });

  it('hides a second unit when the pool alone would be given away by subtraction', () => {
    // kultur has 2: total − social − skola would reveal them. The smallest shown unit joins the pool.
    const all = [...people(6, 'skola', null), ...people(2, 'kultur', null), ...people(4, 'ifo', null), ...people(3, 'hemtjanst', null)];
    const plan = planDisclosure(all, units, 3);
    assert.deepEqual(keys(plan), ['unit:social=7', 'unit:ifo=4', 'unit:hemtjanst=3', 'other-units:root=8']);
    assert.ok(!plan.units.some((g) => g.members.some((m) => m.startsWith('kultur')) && g.members.length < 3));
    assert.equal(subtractionLeak(plan, all), null);
  });

  it('never shows a unit with two respondents, nor lets its parent minus its siblings reveal it', () => {
    // The demo's Bäckeby case: socialförvaltningen has 3 people of its own and an enhet with 2.
    const all = [...people(3, 'social', null), ...people(2, 'ifo', null), ...people(5, 'skola', null)];
    const plan = planDisclosure(all, units, 3);
    assert.deepEqual(keys(plan), ['unit:social=5', 'unit:skola=5']);
    const ifo = new Set(people(2, 'ifo', null).map((r) => r.id));
    for (const group of plan.units) assert.ok(!(group.members.length < 3 && group.members.some((m) => ifo.has(m))));
    assert.equal(subtractionLeak(plan, all), null);
  });

  it('with three of five under a parent in one child, hides the child (parent − child = 2)', () => {
    const all = [...people(2, 'social', null), ...people(3, 'ifo', null), ...people(5, 'skola', null)];
    const plan = planDisclosure(all, units, 3);
    assert.deepEqual(keys(plan), ['unit:social=5', 'unit:skola=5']);
    assert.equal(subtractionLeak(plan, all), null);
  });
});

describe('role breakdown and attacks across units and roles', () => {
  const units: DisclosureUnit[] = [
    { id: 'it', parentId: null },
    { id: 'social', parentId: null },
    { id: 'skola', parentId: null },
  ];

  it('pools small roles, and roles without a name, into "other roles"', () => {
    const all = [...people(4, 'social', 'enhetschef'), ...people(2, 'skola', 'rektor'), ...people(1, 'skola', null), ...people(3, 'it', 'IT-strateg')];
    const plan = planDisclosure(all, units, 3);
    assert.deepEqual(plan.roles.map((g) => `${g.key}=${g.members.length}`), ['role:enhetschef=4', 'role:IT-strateg=3', 'other-roles=3']);
    assert.equal(subtractionLeak(plan, all), null);
  });

  it('stops the subtraction attack "role minus unit"', () => {
    // Three IT-chefs in the IT unit and one in social: role (4) − IT unit (3) = 1 person.
    const all = [...people(3, 'it', 'IT-chef'), ...people(1, 'social', 'IT-chef', 's'), ...people(5, 'social', 'handläggare'), ...people(4, 'skola', 'rektor')];
    const plan = planDisclosure(all, units, 3);
    const shownSizes = new Map([...plan.units, ...plan.roles].map((g) => [g.key, g.members.length]));
    assert.ok(!(shownSizes.has('unit:it') && shownSizes.has('role:IT-chef')), 'not both the IT unit and the IT-chef role');
    assert.ok(plan.suppressedForSubtraction >= 1);
    assert.equal(subtractionLeak(plan, all), null);
  });

  it('stops the attack "total minus a unit minus a role"', () => {
    // social (5, handläggare) and the role rektor (4, in skola) are disjoint; skola also has 1 IT-strateg
    // and IT has 3 people with unnamed roles. total 13 − social 5 − rektor 4 − it 3 = 1.
    const all = [...people(5, 'social', 'handläggare'), ...people(4, 'skola', 'rektor'), ...people(1, 'skola', 'IT-strateg', 'k'), ...people(3, 'it', null)];
    const plan = planDisclosure(all, units, 3);
    assert.equal(subtractionLeak(plan, all), null);
  });

  it('holds on a thousand random organisations (brute-force attacker)', () => {
    const random = createSeededRandom(31);
    const roles = ['chef', 'strateg', 'handläggare', 'utvecklare', null];
    for (let world = 0; world < 1000; world++) {
      const unitCount = random.int(1, 7);
      const worldUnits: DisclosureUnit[] = [];
      for (let u = 0; u < unitCount; u++) {
        const parent = u > 0 && random.chance(0.5) ? random.pick(worldUnits).id : null;
        worldUnits.push({ id: `u${u}`, parentId: parent });
      }
      const threshold = random.int(2, 4);
      const all: DisclosureRespondent[] = Array.from({ length: random.int(0, 24) }, (_, i) => ({
        id: `r${i}`,
        unitId: random.chance(0.9) ? random.pick(worldUnits).id : null,
        role: random.pick(roles),
      }));
      const plan = planDisclosure(all, worldUnits, threshold);
      for (const group of [...plan.units, ...plan.roles]) assert.ok(group.members.length >= plan.threshold, `world ${world}: ${group.key}`);
      assert.equal(subtractionLeak(plan, all), null, `world ${world}: ${keys(plan).join(', ')}`);
    }
  });
});

describe('made-up answers through the open link aimed at one group', () => {
  const units: DisclosureUnit[] = [
    { id: 'a', parentId: null },
    { id: 'b', parentId: null },
  ];
  const invited = [...people(1, 'a', null, 'real'), ...people(4, 'b', null, 'inv')];
  const madeUp = (count: number, unitId: string) => people(count, unitId, null, `open-${unitId}`).map((respondent) => ({ ...respondent, viaOpenLink: true }));

  it('hides a unit whose invited part is one person once the known open-link answers are taken away', () => {
    // Unit a: 1 invited + 2 open-link = 3; unit b: 4 invited + 1 open-link. Counting people alone,
    // both units may be shown; less the open-link answers, unit a is the real person.
    const respondents = [...invited, ...madeUp(2, 'a'), ...madeUp(1, 'b')];
    assert.deepEqual(keys(planDisclosure(respondents.map(({ viaOpenLink: _v, ...r }) => r), units, 3)).sort(), ['unit:a=3', 'unit:b=5']);
    const plan = planDisclosure(respondents, units, 3);
    assert.deepEqual(keys(plan), [], 'b, with the organisation, gives a away too');
    assert.ok(plan.suppressedForSubtraction >= 2);
  });

  it('keeps a unit whose invited part is 0 or at least the threshold', () => {
    const respondents = [...people(3, 'b', null, 'inv'), ...madeUp(3, 'a')];
    assert.deepEqual(keys(planDisclosure(respondents, units, 3)).sort(), ['unit:a=3', 'unit:b=3']);
  });
});
