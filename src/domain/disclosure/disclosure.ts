// The anonymity rule of the results, in one place (docs/method.md, "The anonymity rule").
// Given the scored respondents of a round with their unit and role, decides which groups a
// breakdown may show. The results service applies it before anything leaves the server, so
// no page, export or API can show a smaller group.
//
// 1. A group is shown only with at least `threshold` respondents (default 3, never below 2).
// 2. Units roll up level by level: a unit counts everyone in it and below it. Under each shown
//    unit (and under the whole organisation) the children below the threshold, and the people
//    placed directly on the parent, are pooled into "other units" when the pool reaches the
//    threshold. A pool below it would be given away by subtraction (parent − shown children),
//    so the smallest shown child joins the pool.
// 3. Roles work the same way under the whole organisation ("other roles").
// 4. Last, an audit over every shown group (the whole organisation included) looks for any
//    shown group A and disjoint shown groups B₁…B_k inside A that leave 0 < |A − ∪Bᵢ| < threshold
//    — across unit levels and between units and roles — and hides a group of that combination
//    (the smallest role in it, else the smallest unit group) until no such combination is left.
//    Hiding only ever removes combinations, so it ends. Role groups are disjoint and unit groups
//    nested or disjoint, which makes the search a subset-sum over the unit tree per choice of
//    roles (findViolation) instead of a search over every family of groups.

export const DEFAULT_ANONYMITY_THRESHOLD = 3;
export const MIN_ANONYMITY_THRESHOLD = 2;

export interface DisclosureRespondent {
  id: string;
  unitId: string | null;
  role: string | null;
}

export interface DisclosureUnit {
  id: string;
  parentId: string | null;
}

export type GroupKind = 'unit' | 'other-units' | 'role' | 'other-roles';

export interface DisclosedGroup {
  /** `unit:<id>`, `other-units:<parent id|root>`, `role:<role>`, `other-roles`. */
  key: string;
  kind: GroupKind;
  /** The unit id for `unit`, the parent unit id (null at the top) for `other-units`, the role for `role`. */
  ref: string | null;
  depth: number;
  members: string[];
}

export interface DisclosurePlan {
  threshold: number;
  /** Shown unit groups in tree order, each pool right after the shown units of its level. */
  units: DisclosedGroup[];
  roles: DisclosedGroup[];
  /** Groups (units, pools, roles) that met the threshold but were hidden so nothing can be derived. */
  suppressedForSubtraction: number;
}

export function effectiveThreshold(threshold: number | null | undefined): number {
  const value = threshold ?? DEFAULT_ANONYMITY_THRESHOLD;
  return Math.max(MIN_ANONYMITY_THRESHOLD, Math.floor(value));
}

interface Candidate extends DisclosedGroup {
  set: Set<string>;
}

export function planDisclosure(
  respondents: readonly DisclosureRespondent[],
  units: readonly DisclosureUnit[],
  threshold: number,
): DisclosurePlan {
  const t = effectiveThreshold(threshold);
  const total = new Set(respondents.map((respondent) => respondent.id));
  if (total.size < t) return { threshold: t, units: [], roles: [], suppressedForSubtraction: 0 };

  // ---- Units: subtree membership, then the level-by-level pooling.
  const unitIds = new Set(units.map((unit) => unit.id));
  const children = new Map<string | null, string[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && unitIds.has(unit.parentId) ? unit.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(unit.id);
    children.set(parent, list);
  }
  const direct = new Map<string | null, string[]>();
  for (const respondent of respondents) {
    const unit = respondent.unitId !== null && unitIds.has(respondent.unitId) ? respondent.unitId : null;
    const list = direct.get(unit) ?? [];
    list.push(respondent.id);
    direct.set(unit, list);
  }
  const subtree = new Map<string, string[]>();
  const collect = (unitId: string): string[] => {
    const members = [...(direct.get(unitId) ?? [])];
    for (const child of children.get(unitId) ?? []) members.push(...collect(child));
    subtree.set(unitId, members);
    return members;
  };
  for (const root of children.get(null) ?? []) collect(root);

  const candidates: Candidate[] = [];
  const visit = (parentId: string | null, depth: number) => {
    const kids = (children.get(parentId) ?? []).map((id) => ({ id, members: subtree.get(id) ?? [] }));
    const shown = kids.filter((kid) => kid.members.length >= t).sort((a, b) => a.members.length - b.members.length);
    const pool = [...(direct.get(parentId) ?? []), ...kids.filter((kid) => kid.members.length < t).flatMap((kid) => kid.members)];
    if (pool.length > 0 && pool.length < t) {
      const smallest = shown.shift();
      if (smallest) pool.push(...smallest.members);
    }
    const shownIds = new Set(shown.map((kid) => kid.id));
    for (const kid of kids) {
      if (!shownIds.has(kid.id)) continue;
      candidates.push({ key: `unit:${kid.id}`, kind: 'unit', ref: kid.id, depth, members: kid.members, set: new Set(kid.members) });
      visit(kid.id, depth + 1);
    }
    // A pool that is all of the parent says nothing new; a pool below the threshold is never shown.
    const parentSize = parentId === null ? total.size : (subtree.get(parentId)?.length ?? 0);
    if (pool.length >= t && pool.length < parentSize) {
      candidates.push({ key: `other-units:${parentId ?? 'root'}`, kind: 'other-units', ref: parentId, depth, members: pool, set: new Set(pool) });
    }
  };
  visit(null, 0);

  // ---- Roles: one level under the whole organisation.
  const byRole = new Map<string, string[]>();
  const noRole: string[] = [];
  for (const respondent of respondents) {
    const role = respondent.role?.trim();
    if (!role) {
      noRole.push(respondent.id);
      continue;
    }
    const list = byRole.get(role) ?? [];
    list.push(respondent.id);
    byRole.set(role, list);
  }
  const roleGroups = [...byRole.entries()].map(([role, members]) => ({ role, members }));
  const shownRoles = roleGroups.filter((group) => group.members.length >= t).sort((a, b) => a.members.length - b.members.length);
  const rolePool = [...noRole, ...roleGroups.filter((group) => group.members.length < t).flatMap((group) => group.members)];
  if (rolePool.length > 0 && rolePool.length < t) {
    const smallest = shownRoles.shift();
    if (smallest) rolePool.push(...smallest.members);
  }
  for (const group of shownRoles.sort((a, b) => a.role.localeCompare(b.role, 'sv'))) {
    candidates.push({ key: `role:${group.role}`, kind: 'role', ref: group.role, depth: 0, members: group.members, set: new Set(group.members) });
  }
  if (rolePool.length >= t && rolePool.length < total.size) {
    candidates.push({ key: 'other-roles', kind: 'other-roles', ref: null, depth: 0, members: rolePool, set: new Set(rolePool) });
  }

  // ---- Audit: no combination of shown figures may isolate fewer than t respondents.
  const index = new Map(respondents.map((respondent, i) => [respondent.id, i]));
  const bits = (members: Iterable<string>) => bitsetOf(members, index, total.size);
  const audited: AuditGroup[] = [
    { key: 'total', family: 'unit', size: total.size, bits: bits(total) },
    ...candidates.map((c) => ({ key: c.key, family: c.kind === 'unit' || c.kind === 'other-units' ? ('unit' as const) : ('role' as const), size: c.set.size, bits: bits(c.set) })),
  ];
  const hidden = new Set<string>();
  for (;;) {
    const violation = findViolation(audited.filter((group) => !hidden.has(group.key)), t);
    if (!violation) break;
    hidden.add(violation);
  }
  // A unit hidden by the audit hides its descendants' rows too, so the table stays a tree.
  const hiddenUnits = new Set(candidates.filter((c) => hidden.has(c.key) && c.kind === 'unit').map((c) => c.ref));
  const parentOf = new Map(units.map((unit) => [unit.id, unit.parentId]));
  const underHidden = (unitId: string | null): boolean => {
    for (let current = unitId; current !== null && current !== undefined; current = parentOf.get(current) ?? null) {
      if (hiddenUnits.has(current)) return true;
    }
    return false;
  };
  const strip = ({ set: _set, ...group }: Candidate): DisclosedGroup => group;
  const visibleUnits = candidates.filter(
    (c) => (c.kind === 'unit' || c.kind === 'other-units') && !hidden.has(c.key) && !(c.kind === 'unit' ? underHidden(parentOf.get(c.ref!) ?? null) : underHidden(c.ref)),
  );
  return {
    threshold: t,
    units: visibleUnits.map(strip),
    roles: candidates.filter((c) => (c.kind === 'role' || c.kind === 'other-roles') && !hidden.has(c.key)).map(strip),
    suppressedForSubtraction: hidden.size,
  };
}

/** A shown group for the audit: its members as a bitset over the round's respondents. */
export interface AuditGroup {
  key: string;
  /** Unit groups (units and their pools) form one laminar family, role groups another. */
  family: 'unit' | 'role';
  size: number;
  bits: Uint32Array;
}

function bitsetOf(members: Iterable<string>, index: Map<string, number>, size: number): Uint32Array {
  const words = new Uint32Array(Math.ceil(size / 32) || 1);
  for (const member of members) {
    const i = index.get(member);
    if (i !== undefined) words[i >>> 5]! |= 1 << (i & 31);
  }
  return words;
}

function within(inner: Uint32Array, outer: Uint32Array): boolean {
  for (let i = 0; i < inner.length; i++) if ((inner[i]! & ~outer[i]!) !== 0) return false;
  return true;
}

function disjoint(a: Uint32Array, b: Uint32Array): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i]! & b[i]!) !== 0) return false;
  return true;
}

/** More role groups inside one group than this and the audit hides the smallest (2^k subsets are tried). */
const MAX_ROLE_GROUPS = 12;

/**
 * The key of the group to hide next, or null when no shown group A and family of disjoint
 * shown groups inside it leave a remainder of 1 … t − 1. The total ("total") is never hidden.
 *
 * Role groups are pairwise disjoint, and unit groups are nested or disjoint (a laminar family).
 * So for every A and every subset Q of the role groups inside A, the unit groups inside A and
 * disjoint from Q form a forest; the sizes that disjoint choices from it can cover are found
 * by a subset-sum over the forest (a node, or any combination of its children's choices). A
 * remainder |A| − |∪Q| − s in 1 … t − 1 is a violation.
 */
export function findViolation(groups: readonly AuditGroup[], t: number): string | null {
  for (const outer of groups) {
    const inside = groups.filter((group) => group !== outer && group.size < outer.size && within(group.bits, outer.bits));
    if (inside.length === 0) continue;
    const roles = inside.filter((group) => group.family === 'role').sort((a, b) => a.size - b.size);
    const units = inside.filter((group) => group.family === 'unit');
    if (roles.length > MAX_ROLE_GROUPS) return roles[0]!.key;
    for (let mask = 0; mask < 1 << roles.length; mask++) {
      const chosen = roles.filter((_, i) => mask & (1 << i));
      if (!chosen.every((a, i) => chosen.slice(i + 1).every((b) => disjoint(a.bits, b.bits)))) continue;
      const covered = chosen.reduce((sum, group) => sum + group.size, 0);
      const target = outer.size - covered;
      const available = units.filter((group) => chosen.every((role) => disjoint(role.bits, group.bits)));
      const sums = coverableSizes(available, target);
      let leak = false;
      for (let s = Math.max(0, target - t + 1); s < target; s++) if (sums[s]) leak = true;
      if (!leak) continue;
      // Break the combination: hide the smallest role in it, or else the smallest unit group inside A.
      if (chosen.length > 0) return chosen[0]!.key;
      const smallest = [...available].sort((a, b) => a.size - b.size)[0];
      return smallest && smallest.key !== 'total' ? smallest.key : null;
    }
  }
  return null;
}

/** Which totals (0 … cap) disjoint choices from a laminar family can cover: sums[s] === 1. */
function coverableSizes(groups: readonly AuditGroup[], cap: number): Uint8Array {
  // Parent of each group: the smallest other group containing it.
  const sorted = [...groups].sort((a, b) => b.size - a.size);
  const children = new Map<AuditGroup | null, AuditGroup[]>();
  sorted.forEach((group, i) => {
    let parent: AuditGroup | null = null;
    for (let j = i - 1; j >= 0; j--) {
      const candidate = sorted[j]!;
      if (candidate.size > group.size && within(group.bits, candidate.bits) && (parent === null || candidate.size < parent.size)) parent = candidate;
    }
    const list = children.get(parent) ?? [];
    list.push(group);
    children.set(parent, list);
  });
  const combine = (a: Uint8Array, b: Uint8Array): Uint8Array => {
    const out = new Uint8Array(cap + 1);
    const right: number[] = [];
    for (let j = 0; j <= cap; j++) if (b[j]) right.push(j);
    for (let i = 0; i <= cap; i++) {
      if (!a[i]) continue;
      for (const j of right) {
        if (i + j > cap) break;
        out[i + j] = 1;
      }
    }
    return out;
  };
  const options = (node: AuditGroup | null): Uint8Array => {
    let result: Uint8Array = new Uint8Array(cap + 1);
    result[0] = 1;
    for (const child of children.get(node) ?? []) result = combine(result, options(child));
    if (node && node.size <= cap) result[node.size] = 1;
    return result;
  };
  return options(null);
}
