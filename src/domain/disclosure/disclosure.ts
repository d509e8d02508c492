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
//    — across unit levels and between units and roles — and suppresses the smallest Bᵢ until
//    no such combination is left. Suppressing only ever removes combinations, so it ends.

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

/** How many disjoint combinations the audit tries per group before it plays safe. */
const SEARCH_BUDGET = 200_000;

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
  const hidden = new Set<string>();
  const totalGroup: Candidate = { key: 'total', kind: 'unit', ref: null, depth: -1, members: [...total], set: total };
  for (;;) {
    const shown = candidates.filter((candidate) => !hidden.has(candidate.key));
    const violation = findViolation([totalGroup, ...shown], t);
    if (!violation) break;
    hidden.add(violation.key);
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

function isStrictSubset(inner: Set<string>, outer: Set<string>): boolean {
  if (inner.size >= outer.size) return false;
  for (const member of inner) if (!outer.has(member)) return false;
  return true;
}

function disjoint(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const member of small) if (large.has(member)) return false;
  return true;
}

/**
 * The group to hide next, or null when no shown group A and disjoint shown groups inside it
 * leave a remainder of 1 … t − 1 respondents. The total (key "total") is never hidden.
 */
export function findViolation<G extends { key: string; set: Set<string> }>(groups: readonly G[], t: number): G | null {
  for (const outer of groups) {
    const inside = groups.filter((group) => group !== outer && isStrictSubset(group.set, outer.set)).sort((a, b) => b.set.size - a.set.size);
    if (inside.length === 0) continue;
    let budget = SEARCH_BUDGET;
    let found: G[] | null = null;
    const chosen: G[] = [];
    const search = (start: number, covered: number): boolean => {
      if (--budget < 0) return true;
      for (let i = start; i < inside.length; i++) {
        const candidate = inside[i]!;
        if (!chosen.every((other) => disjoint(other.set, candidate.set))) continue;
        chosen.push(candidate);
        const remainder = outer.set.size - covered - candidate.set.size;
        if (remainder > 0 && remainder < t) {
          found = [...chosen];
          return true;
        }
        if (remainder >= t && search(i + 1, covered + candidate.set.size)) return true;
        chosen.pop();
      }
      return false;
    };
    search(0, 0);
    if (found === null && budget < 0) {
      // Too many combinations to be sure: hide the smallest group inside A and look again.
      found = [inside[inside.length - 1]!];
    }
    if (found !== null) {
      const family = (found as G[]).filter((group) => group.key !== 'total');
      const smallest = family.reduce<G | null>((best, group) => (best === null || group.set.size < best.set.size ? group : best), null);
      if (smallest) return smallest;
    }
  }
  return null;
}
