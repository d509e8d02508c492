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
// 4. Last, the exact audit (exact-audit.ts) over every shown group, the whole organisation and
//    any groups published earlier about the round: when some linear combination of their sums
//    equals the sum over 1 … t − 1 people, groups are hidden (roles first, then small and deep
//    units) until none does, and hidden groups that can come back without a leak come back.
//    Hiding only shrinks the span of what is shown, and with nothing but the organisation left
//    nothing is derivable, so it ends clean.
// 5. Open-link respondents may choose their unit and role, so made-up answers can be aimed at
//    one group: one real invited person and t − 1 made-up answers in one unit make a group of t.
//    The audit therefore runs a second time as an attacker who knows every open-link answer sees
//    it: each group reduced to its invited members (their sum is the group's sum less the known
//    answers). No combination may give away 1 … t − 1 invited people either.

import { findDerivableSet } from './exact-audit.ts';

const DEFAULT_ANONYMITY_THRESHOLD = 3;
const MIN_ANONYMITY_THRESHOLD = 2;

export interface DisclosureRespondent {
  id: string;
  unitId: string | null;
  role: string | null;
  /** Answered through the round's open link (whose answers a coordinator may have made up). */
  viaOpenLink?: boolean;
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
  /**
   * True when even the whole organisation's figures cannot be published next to the groups
   * published before (`options.published`): fewer than t respondents would separate them.
   */
  blocked: boolean;
}

export function effectiveThreshold(threshold: number | null | undefined): number {
  const value = threshold ?? DEFAULT_ANONYMITY_THRESHOLD;
  return Math.max(MIN_ANONYMITY_THRESHOLD, Math.floor(value));
}

interface Candidate extends DisclosedGroup {
  set: Set<string>;
}

export interface DisclosureOptions {
  /**
   * Groups (member ids) already published about the same round, e.g. by an earlier closing of
   * it: a reader can combine them with the new figures, so the audit counts them as shown.
   */
  published?: readonly (readonly string[])[];
}

/** Roles before units, pools before named groups, small before large, deep before shallow. */
function hidingOrder(a: Candidate, b: Candidate): number {
  const family = (c: Candidate) => (c.kind === 'role' || c.kind === 'other-roles' ? 0 : 1);
  return family(a) - family(b) || a.members.length - b.members.length || b.depth - a.depth || a.key.localeCompare(b.key);
}

export function planDisclosure(
  respondents: readonly DisclosureRespondent[],
  units: readonly DisclosureUnit[],
  threshold: number,
  options: DisclosureOptions = {},
): DisclosurePlan {
  const t = effectiveThreshold(threshold);
  const total = new Set(respondents.map((respondent) => respondent.id));
  if (total.size < t) return { threshold: t, units: [], roles: [], suppressedForSubtraction: 0, blocked: false };

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

  // ---- Audit: no linear combination of shown figures (and of figures published before, which
  // stay fixed) may give away fewer than t respondents. Hide groups until the exact audit is
  // clean (roles first, smallest first, then the smallest and deepest unit groups); then offer
  // each hidden group back, in the opposite order, and keep it when the audit stays clean.
  const fixed: string[][] = [[...total], ...(options.published ?? []).map((group) => [...group])];
  const order = [...candidates].sort(hidingOrder);
  const hidden = new Set<string>();
  const openLink = new Set(respondents.filter((respondent) => respondent.viaOpenLink).map((respondent) => respondent.id));
  const invitedPart = (groups: string[][]) => (openLink.size === 0 ? [] : groups.map((group) => group.filter((id) => !openLink.has(id))).filter((group) => group.length > 0));
  const auditClean = (groups: string[][]) => findDerivableSet(groups, t) === null && (openLink.size === 0 || findDerivableSet(invitedPart(groups), t) === null);
  const clean = () => auditClean([...fixed, ...candidates.filter((c) => !hidden.has(c.key)).map((c) => c.members)]);
  if (!auditClean(fixed)) return { threshold: t, units: [], roles: [], suppressedForSubtraction: 0, blocked: true };
  for (const candidate of order) {
    if (clean()) break;
    hidden.add(candidate.key);
  }
  for (const candidate of [...order].reverse()) {
    if (!hidden.has(candidate.key)) continue;
    hidden.delete(candidate.key);
    if (!clean()) hidden.add(candidate.key);
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
    blocked: false,
  };
}
