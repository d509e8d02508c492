// The exact audit: a set of 1 … t − 1 people is found exactly when some linear combination of
// the published group sums equals its sum. Checked on the cases, against a slow
// independent oracle (rank of rational matrices over every small set of atoms), and through the
// planner on 100,000 random unit trees and role assignments at thresholds 2 … 5.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSeededRandom, type SeededRandom } from '../../demo/seeded-random.ts';
import { planDisclosure, type DisclosureRespondent, type DisclosureUnit } from './disclosure.ts';
import { findDerivableSet } from './exact-audit.ts';

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

// ---- The oracle: exact rank over the rationals with plain fractions, tried on every small set.
type Fraction = [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const frac = (n: bigint, d: bigint): Fraction => {
  const g = gcd(n, d) || 1n;
  const sign = d < 0n ? -1n : 1n;
  return [(sign * n) / g, (sign * d) / g];
};
const sub = (a: Fraction, b: Fraction): Fraction => frac(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
const mul = (a: Fraction, b: Fraction): Fraction => frac(a[0] * b[0], a[1] * b[1]);
const div = (a: Fraction, b: Fraction): Fraction => frac(a[0] * b[1], a[1] * b[0]);

function rank(vectors: number[][]): number {
  const rows: Fraction[][] = vectors.map((v) => v.map((x) => [BigInt(x), 1n] as Fraction));
  let r = 0;
  const width = rows[0]?.length ?? 0;
  for (let col = 0; col < width && r < rows.length; col++) {
    const p = rows.findIndex((row, i) => i >= r && row[col]![0] !== 0n);
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    for (let i = r + 1; i < rows.length; i++) {
      const f = div(rows[i]![col]!, rows[r]![col]!);
      rows[i] = rows[i]!.map((x, j) => sub(x, mul(f, rows[r]![j]!)));
    }
    r++;
  }
  return r;
}

/** Every set of 1 … t − 1 people that is a union of atoms and lies in the span. */
function oracleLeaks(groups: string[][], t: number): boolean {
  const people = [...new Set(groups.flat())];
  const atomsByKey = new Map<string, string[]>();
  for (const person of people) {
    const key = groups.map((g) => (g.includes(person) ? 1 : 0)).join('');
    atomsByKey.set(key, [...(atomsByKey.get(key) ?? []), person]);
  }
  const atoms = [...atomsByKey.values()];
  const vectors = groups.map((g) => atoms.map((atom) => (g.includes(atom[0]!) ? 1 : 0)));
  const base = rank(vectors);
  const tryFrom = (start: number, chosen: number[], size: number): boolean => {
    for (let a = start; a < atoms.length; a++) {
      const next = size + atoms[a]!.length;
      if (next >= t) continue;
      const set = [...chosen, a];
      const indicator = atoms.map((_, i) => (set.includes(i) ? 1 : 0));
      if (rank([...vectors, indicator]) === base) return true;
      if (tryFrom(a + 1, set, next)) return true;
    }
    return false;
  };
  return tryFrom(0, [], 0);
}

describe('exact audit of published groups', () => {
  it('finds the issue\'s person: two units plus a role minus the organisation', () => {
    // Myrbacka 2025: Kommunledning (3) + Samhällsbygg (4) + förvaltningschef (4) − organisation (10):
    // the two units and the role together cover everyone, so what is left is the one chief in KL.
    const kl = ['kl-chef', 'kl1', 'kl2'];
    const sb = ['sb1', 'sb2', 'sb3', 'sb4'];
    const chefs = ['kl-chef', 'x-chef', 'y-chef', 'w-chef'];
    const organisation = [...kl, ...sb, 'x-chef', 'y-chef', 'w-chef'];
    assert.deepEqual(findDerivableSet([organisation, kl, sb, chefs], 2)?.people, ['kl-chef']);
    assert.equal(oracleLeaks([organisation, kl, sb, chefs], 2), true);
    assert.equal(findDerivableSet([organisation, kl, sb], 2), null, 'without the role nothing is given away');
  });

  it('finds a pair that is derivable although neither person is', () => {
    const r = ids('r', 3);
    const q = ids('q', 3);
    const s = ids('s', 3);
    const groups = [['x', 'y', ...r], r, ['x', ...q], ['x', 'y', ...r, ...q, ...s]];
    assert.equal(findDerivableSet(groups, 2), null, 'no single person');
    assert.deepEqual(findDerivableSet(groups, 3)?.people, ['x', 'y']);
  });

  it('needs fractions: half of two differences is one person', () => {
    // (A − B) + (C − D) = 2x, so x = ((A − B) + (C − D)) / 2.
    const r = ids('r', 3);
    const q = ids('q', 3);
    const groups = [['x', 'y', ...r], r, ['x', ...q], ['y', ...q]];
    assert.deepEqual(findDerivableSet(groups, 2)?.people, ['x']);
    assert.equal(oracleLeaks(groups, 2), true);
  });

  it('finds nothing in nested groups that differ by at least the threshold', () => {
    const groups = [ids('a', 9), ids('a', 6), ids('a', 3)];
    assert.equal(findDerivableSet(groups, 3), null);
    assert.equal(findDerivableSet(groups, 4)?.people.length, 3);
  });

  it('agrees with a slow oracle on 1,500 random families of groups', () => {
    const random = createSeededRandom(2026);
    let leaks = 0;
    for (let world = 0; world < 1500; world++) {
      const people = ids('p', random.int(1, 12));
      const t = random.int(2, 5);
      const groups = Array.from({ length: random.int(1, 6) }, () => people.filter(() => random.chance(0.5))).filter((g) => g.length > 0);
      const expected = oracleLeaks(groups, t);
      const found = findDerivableSet(groups, t);
      assert.equal(found !== null, expected, `world ${world}: ${JSON.stringify(groups)} t=${t}`);
      if (found) {
        leaks++;
        assert.ok(found.people.length >= 1 && found.people.length < t);
        // The set found is itself in the span.
        assert.equal(oracleLeaks([...groups, found.people].map((g) => g), t), true);
      }
    }
    assert.ok(leaks > 150, 'the random families include many leaks to find');
  });
});

function randomWorld(random: SeededRandom): { units: DisclosureUnit[]; respondents: DisclosureRespondent[]; threshold: number } {
  const unitCount = random.int(1, 8);
  const units: DisclosureUnit[] = [];
  for (let u = 0; u < unitCount; u++) units.push({ id: `u${u}`, parentId: u > 0 && random.chance(0.6) ? random.pick(units).id : null });
  const roles = ['chef', 'strateg', 'handläggare', 'förvaltningschef', null].slice(0, random.int(1, 5));
  const respondents = Array.from({ length: random.int(0, 26) }, (_, i) => ({
    id: `r${i}`,
    unitId: random.chance(0.92) ? random.pick(units).id : null,
    role: random.pick(roles),
  }));
  return { units, respondents, threshold: random.int(2, 5) };
}

describe('the planner never publishes a derivable small group', () => {
  it('holds on 100,000 random unit trees and role assignments at thresholds 2 … 5', () => {
    const random = createSeededRandom(12);
    const perThreshold = new Map<number, number>();
    let withBreakdown = 0;
    for (let world = 0; world < 100_000; world++) {
      const { units, respondents, threshold } = randomWorld(random);
      const plan = planDisclosure(respondents, units, threshold);
      const shown = [...plan.units, ...plan.roles];
      // The organisation's own figures are published only from the threshold up.
      const organisation = respondents.length >= threshold ? [respondents.map((r) => r.id)] : [];
      const groups = [...organisation, ...shown.map((g) => g.members)];
      for (const group of shown) assert.ok(group.members.length >= threshold, `world ${world}: ${group.key}`);
      assert.equal(findDerivableSet(groups, threshold), null, `world ${world}`);
      if (world % 400 === 0) assert.equal(oracleLeaks(groups, threshold), false, `world ${world} (oracle)`);
      perThreshold.set(threshold, (perThreshold.get(threshold) ?? 0) + 1);
      if (shown.length > 0) withBreakdown++;
    }
    for (const t of [2, 3, 4, 5]) assert.ok((perThreshold.get(t) ?? 0) > 20_000, `threshold ${t} tried`);
    assert.ok(withBreakdown > 30_000, 'most worlds still show a breakdown');
  });

  it('keeps the whole organisation and two cutting-across breakdowns apart (Myrbacka)', () => {
    const units: DisclosureUnit[] = [
      { id: 'kl', parentId: null },
      { id: 'sb', parentId: null },
      { id: 'bu', parentId: null },
    ];
    const respondents: DisclosureRespondent[] = [
      ...['förvaltningschef', 'strateg', 'strateg'].map((role, i) => ({ id: `kl${i}`, unitId: 'kl', role })),
      ...['strateg', 'strateg', 'chef', 'chef'].map((role, i) => ({ id: `sb${i}`, unitId: 'sb', role })),
      ...['förvaltningschef', 'förvaltningschef', 'förvaltningschef'].map((role, i) => ({ id: `bu${i}`, unitId: 'bu', role })),
    ];
    const unprotected = [respondents.map((r) => r.id), ['kl0', 'kl1', 'kl2'], ['sb0', 'sb1', 'sb2', 'sb3'], ['kl0', 'bu0', 'bu1', 'bu2']];
    assert.ok(findDerivableSet(unprotected, 2), 'the four groups together give one person away');
    const plan = planDisclosure(respondents, units, 3);
    const groups = [respondents.map((r) => r.id), ...[...plan.units, ...plan.roles].map((g) => g.members)];
    assert.equal(findDerivableSet(groups, 3), null);
    assert.ok(plan.units.length > 0, 'the unit breakdown stays');
  });
});
