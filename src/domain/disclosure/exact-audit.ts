// The exact anonymity audit (docs/method.md, "The anonymity rule", "The exact audit").
// Published figures are group means with their n, so each published group gives away the sum of
// its members' values (n × mean; with the sd also the sum of squares). A reader can add and
// subtract those sums freely. This audit decides, with exact integer arithmetic, whether any
// linear combination of the published groups equals the sum over 1 … t − 1 people.
//
// Method: people who belong to exactly the same published groups form an atom. Each group is a
// 0/1 vector over the atoms. A set S of atoms is derivable exactly when its indicator vector lies
// in the row space of the groups. The row space is brought to reduced row echelon form (fraction
// free, BigInt). A vector v of the row space equals Σ v[pivot p] · row_p / pivot_p, so v is fixed
// by its entries at the pivot columns. Every derivable 0/1 vector is therefore found by choosing
// P = the pivot atoms it contains, and since every atom holds at least one person, a set below t
// people contains at most t − 1 pivot atoms whose people add to less than t. The search tries
// every such P and checks that the combination is 0/1 on the other atoms and covers fewer than t
// people. Cost: elimination O(groups × atoms × rank) big-integer steps, then at most
// C(rank, t − 1) small sums over the atoms.

/** A set of people that the published groups give away: 1 … t − 1 people. */
export interface DerivableSet {
  people: string[];
}

interface Atom {
  index: number;
  people: string[];
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function normalise(row: bigint[]): void {
  let g = 0n;
  for (const value of row) if (value !== 0n) g = gcd(g, value);
  if (g > 1n) for (let i = 0; i < row.length; i++) row[i] = row[i]! / g;
}

/**
 * The smallest-found set of 1 … t − 1 people whose sum some linear combination of the groups'
 * sums equals, or null when there is none. Every group is a list of person ids; the whole
 * organisation must be one of the groups when it is published.
 */
export function findDerivableSet(groups: readonly (readonly string[])[], t: number): DerivableSet | null {
  if (t <= 1 || groups.length === 0) return null;
  // Atoms: people with the same membership signature.
  const signatures = new Map<string, number[]>();
  groups.forEach((group, g) => {
    for (const person of new Set(group)) {
      const list = signatures.get(person) ?? [];
      list.push(g);
      signatures.set(person, list);
    }
  });
  const atomsByKey = new Map<string, Atom>();
  const atomIndexOfPerson = new Map<string, number>();
  const atoms: Atom[] = [];
  for (const [person, memberOf] of signatures) {
    const key = memberOf.join(',');
    let atom = atomsByKey.get(key);
    if (!atom) {
      atom = { index: atoms.length, people: [] };
      atomsByKey.set(key, atom);
      atoms.push(atom);
    }
    atom.people.push(person);
    atomIndexOfPerson.set(person, atom.index);
  }
  const width = atoms.length;
  // Group vectors over atoms, duplicates dropped.
  const seen = new Set<string>();
  const rows: number[][] = [];
  for (const group of groups) {
    const row = new Array<number>(width).fill(0);
    for (const person of group) row[atomIndexOfPerson.get(person)!] = 1;
    const key = row.join('');
    if (seen.has(key) || !row.includes(1)) continue;
    seen.add(key);
    rows.push(row);
  }
  const sizes = atoms.map((atom) => atom.people.length);
  // Plain numbers are exact while every value stays a safe integer; past that, big integers.
  const found = searchWithNumbers(rows, sizes, t) ?? searchWithBigInts(rows, sizes, t);
  return found === NOTHING ? null : { people: found.flatMap((atom) => atoms[atom]!.people).sort() };
}

const NOTHING = 'nothing' as const;
type Search = number[] | typeof NOTHING;

/** The search with safe-integer arithmetic; null when a value would leave the safe range. */
function searchWithNumbers(input: readonly number[][], sizes: readonly number[], t: number): Search | null {
  const width = sizes.length;
  const rows = input.map((row) => [...row]);
  const pivots: number[] = [];
  const safe = (value: number) => Math.abs(value) <= Number.MAX_SAFE_INTEGER;
  const gcdN = (a: number, b: number): number => {
    let x = Math.abs(a);
    let y = Math.abs(b);
    while (y !== 0) [x, y] = [y, x % y];
    return x;
  };
  let rank = 0;
  for (let col = 0; col < width && rank < rows.length; col++) {
    let r = rank;
    while (r < rows.length && rows[r]![col] === 0) r++;
    if (r === rows.length) continue;
    [rows[rank], rows[r]] = [rows[r]!, rows[rank]!];
    const pivotRow = rows[rank]!;
    if (pivotRow[col]! < 0) for (let j = 0; j < width; j++) pivotRow[j] = -pivotRow[j]!;
    const pivot = pivotRow[col]!;
    for (let i = 0; i < rows.length; i++) {
      if (i === rank) continue;
      const row = rows[i]!;
      const factor = row[col]!;
      if (factor === 0) continue;
      let g = 0;
      for (let j = 0; j < width; j++) {
        const a = row[j]! * pivot;
        const b = pivotRow[j]! * factor;
        if (!safe(a) || !safe(b)) return null;
        row[j] = a - b;
        if (row[j] !== 0) g = gcdN(g, row[j]!);
      }
      if (g > 1) for (let j = 0; j < width; j++) row[j] = row[j]! / g;
    }
    pivots.push(col);
    rank++;
  }
  let common = 1;
  for (let p = 0; p < rank; p++) {
    const value = rows[p]![pivots[p]!]!;
    common = (common / gcdN(common, value)) * value;
    if (!safe(common)) return null;
  }
  const basis: number[][] = [];
  for (let p = 0; p < rank; p++) {
    const scale = common / rows[p]![pivots[p]!]!;
    const row = rows[p]!.map((value) => value * scale);
    // Sums of up to t − 1 rows must stay exact too.
    if (row.some((value) => !safe(value * t))) return null;
    basis.push(row);
  }
  return searchPivots(basis, pivots, sizes, t, common, 0);
}

/** The same search with big integers: always exact, slower. */
function searchWithBigInts(input: readonly number[][], sizes: readonly number[], t: number): Search {
  const width = sizes.length;
  const rows = input.map((row) => row.map((value) => BigInt(value)));
  const pivots: number[] = [];
  let rank = 0;
  for (let col = 0; col < width && rank < rows.length; col++) {
    let r = rank;
    while (r < rows.length && rows[r]![col] === 0n) r++;
    if (r === rows.length) continue;
    [rows[rank], rows[r]] = [rows[r]!, rows[rank]!];
    const pivotRow = rows[rank]!;
    if (pivotRow[col]! < 0n) for (let j = 0; j < width; j++) pivotRow[j] = -pivotRow[j]!;
    const pivot = pivotRow[col]!;
    for (let i = 0; i < rows.length; i++) {
      if (i === rank) continue;
      const row = rows[i]!;
      const factor = row[col]!;
      if (factor === 0n) continue;
      for (let j = 0; j < width; j++) row[j] = row[j]! * pivot - pivotRow[j]! * factor;
      normalise(row);
    }
    pivots.push(col);
    rank++;
  }
  let common = 1n;
  for (let p = 0; p < rank; p++) {
    const value = rows[p]![pivots[p]!]!;
    common = (common / gcd(common, value)) * value;
  }
  const basis = pivots.map((_, p) => {
    const row = rows[p]!;
    const scale = common / row[pivots[p]!]!;
    return row.map((value) => value * scale);
  });
  return searchPivots(basis, pivots, sizes, t, common, 0n);
}

/**
 * Tries every set P of pivot atoms with fewer than t people: the combination Σ_{p∈P} row_p / L
 * must be 0 or 1 on every other atom, and the atoms where it is 1 added to P must still hold
 * fewer than t people. Rows are scaled so every pivot equals L (`common`).
 */
function searchPivots<N extends number | bigint>(basis: N[][], pivots: readonly number[], sizes: readonly number[], t: number, common: N, zero: N): Search {
  const rank = pivots.length;
  const isPivot = new Set(pivots);
  const others = [...sizes.keys()].filter((j) => !isPivot.has(j));
  const chosen: number[] = [];
  const sums: N[] = new Array<N>(sizes.length).fill(zero);
  const add = (a: N, b: N): N => ((a as number) + (b as number)) as N;
  const subtract = (a: N, b: N): N => ((a as number) - (b as number)) as N;
  let found: number[] | null = null;
  const search = (start: number, people: number): void => {
    for (let p = start; p < rank && found === null; p++) {
      const size = sizes[pivots[p]!]!;
      if (people + size >= t) continue;
      chosen.push(p);
      const row = basis[p]!;
      for (const j of others) sums[j] = add(sums[j]!, row[j]!);
      let total = people + size;
      let zeroOrOne = true;
      for (const j of others) {
        const sum = sums[j]!;
        if (sum === common) total += sizes[j]!;
        else if (sum !== zero) {
          zeroOrOne = false;
          break;
        }
      }
      if (zeroOrOne && total < t) found = [...chosen.map((q) => pivots[q]!), ...others.filter((j) => sums[j] === common)];
      else search(p + 1, people + size);
      for (const j of others) sums[j] = subtract(sums[j]!, row[j]!);
      chosen.pop();
    }
  };
  search(0, 0);
  return found ?? NOTHING;
}
