// Results of a `level-map` instrument (formagekarta): every capability's level, the map of
// areas → themes → capabilities, weak capabilities, the current–target gap, and across a
// federation the members × capabilities matrix and collaboration candidates.
// Formulas and worked example: docs/method.md, "Capability map".
import { applicableAnswers, type AnswerSet } from '../instruments/answer-set.ts';
import type { Capability, Category, Dimension, Instrument } from '../instruments/instrument-schema.ts';
import { allCapabilities } from '../instruments/instrument-structure.ts';

export interface CapabilityLevel {
  capability: Capability;
  theme: Category;
  area: Dimension;
  itemKey: string;
  /** null when unanswered or "don't know". */
  level: number | null;
  target: number | null;
  /** target − level when both are given. */
  gap: number | null;
  comment: string | null;
}

interface LevelMapSettings {
  weakAtMost: number;
  strongAtLeast: number;
  collaborationMinWeak: number;
  /** The scale's levels, lowest first. */
  levels: number[];
}

function levelMapSettings(instrument: Instrument): LevelMapSettings {
  if (instrument.analysis?.kind !== 'level-map') throw new Error(`${instrument.key} has no level-map analysis`);
  const first = allCapabilities(instrument)[0]!.capability.items[0]!;
  const scale = instrument.scales[first.scale ?? instrument.defaultScale]!;
  const levels: number[] = [];
  for (let value = scale.min; value <= scale.max; value += 1) levels.push(value);
  const { weakAtMost, strongAtLeast, collaborationMinWeak } = instrument.analysis;
  return { weakAtMost, strongAtLeast, collaborationMinWeak, levels };
}

export interface LevelMapResult {
  capabilities: CapabilityLevel[];
  /** level → number of capabilities at that level (every level of the scale present). */
  countsByLevel: Map<number, number>;
  unanswered: number;
  /** Capabilities at or below weakAtMost, in instrument order. */
  weak: CapabilityLevel[];
  /** Capabilities with a positive gap, largest gap first (instrument order within a tie). */
  gaps: CapabilityLevel[];
  /** Mean level over answered capabilities; null when none. */
  meanLevel: number | null;
}

export function levelMap(instrument: Instrument, rawAnswers: AnswerSet): LevelMapResult {
  const settings = levelMapSettings(instrument);
  const answers = applicableAnswers(instrument, rawAnswers);
  const capabilities = allCapabilities(instrument).map(({ capability, category, dimension }): CapabilityLevel => {
    const itemKey = capability.items[0]!.key;
    const answer = answers.get(itemKey);
    const level = answer?.value ?? null;
    const target = answer?.target ?? null;
    return {
      capability,
      theme: category,
      area: dimension,
      itemKey,
      level,
      target,
      gap: level !== null && target !== null ? target - level : null,
      comment: answer?.comment ?? null,
    };
  });
  const countsByLevel = new Map(settings.levels.map((level) => [level, 0]));
  for (const entry of capabilities) {
    if (entry.level !== null) countsByLevel.set(entry.level, (countsByLevel.get(entry.level) ?? 0) + 1);
  }
  const answered = capabilities.filter((entry) => entry.level !== null);
  return {
    capabilities,
    countsByLevel,
    unanswered: capabilities.length - answered.length,
    weak: answered.filter((entry) => entry.level! <= settings.weakAtMost),
    gaps: capabilities
      .map((entry, order) => ({ entry, order }))
      .filter(({ entry }) => entry.gap !== null && entry.gap > 0)
      .sort((a, b) => b.entry.gap! - a.entry.gap! || a.order - b.order)
      .map(({ entry }) => entry),
    meanLevel: answered.length === 0 ? null : answered.reduce((sum, entry) => sum + entry.level!, 0) / answered.length,
  };
}

export interface FederationMember {
  organisationId: string;
  name: string;
  answers: AnswerSet;
}

/** How a member is shown: by name (the viewer's own organisation) or as "Kommun n". */
export type MemberLabel = { kind: 'own'; name: string } | { kind: 'anonymous'; number: number };

export interface FederationCapabilityRow {
  capability: Capability;
  theme: Category;
  area: Dimension;
  /** One level per member column (null: unanswered). */
  levels: Array<number | null>;
  weakCount: number;
  strongCount: number;
  /** Several members weak and at least one strong to learn from. */
  collaborationCandidate: boolean;
  /** The highest level any member reached (null: none answered). */
  strongest: number | null;
  /** Highest minus lowest level among the members that answered (0 with fewer than two). */
  spread: number;
  /** Member columns (indexes into `members`) at the strongest level, when that level counts as strong. */
  strongMembers: number[];
}

/** How many collaboration candidates a page or report lists before "show all". */
export const TOP_CANDIDATES = 10;

/**
 * Candidates first where most members are weak, then where the strongest member is strongest
 * (most to learn), then where the spread is widest; ties in questionnaire order. docs/method.md,
 * "Collaboration candidates".
 */
export function compareCandidates(a: FederationCapabilityRow, b: FederationCapabilityRow): number {
  return b.weakCount - a.weakCount || (b.strongest ?? -1) - (a.strongest ?? -1) || b.spread - a.spread;
}

export interface FederationLevelMatrix {
  members: Array<{ label: MemberLabel; own: boolean }>;
  rows: FederationCapabilityRow[];
  candidates: FederationCapabilityRow[];
  settings: LevelMapSettings;
}

/**
 * Members × capabilities. Members are ordered by their id (random, so the order reveals
 * nothing) and numbered 1…n, except the viewer's own organisations, which are named and placed first.
 */
export function federationLevelMatrix(
  instrument: Instrument,
  members: FederationMember[],
  ownOrganisationIds: ReadonlySet<string>,
  minWeak?: number,
  /** Numbers fixed for a whole study (see studyNumbering); without it, members are numbered 1…n here. */
  numbering?: ReadonlyMap<string, number>,
): FederationLevelMatrix {
  const settings = levelMapSettings(instrument);
  const threshold = minWeak ?? settings.collaborationMinWeak;
  const sorted = [...members].sort((a, b) => {
    const ownA = ownOrganisationIds.has(a.organisationId) ? 0 : 1;
    const ownB = ownOrganisationIds.has(b.organisationId) ? 0 : 1;
    return ownA - ownB || (a.organisationId < b.organisationId ? -1 : a.organisationId > b.organisationId ? 1 : 0);
  });
  let number = 0;
  const labelled = sorted.map((member) => {
    const own = ownOrganisationIds.has(member.organisationId);
    const label: MemberLabel = own ? { kind: 'own', name: member.name } : { kind: 'anonymous', number: numbering?.get(member.organisationId) ?? (number += 1) };
    return { label, own, map: levelMap(instrument, member.answers) };
  });
  const rows = allCapabilities(instrument).map(({ capability, category, dimension }, index): FederationCapabilityRow => {
    const levels = labelled.map((member) => member.map.capabilities[index]!.level);
    const weakCount = levels.filter((level) => level !== null && level <= settings.weakAtMost).length;
    const strongCount = levels.filter((level) => level !== null && level >= settings.strongAtLeast).length;
    const answered = levels.filter((level): level is number => level !== null);
    const strongest = answered.length === 0 ? null : Math.max(...answered);
    const spread = answered.length < 2 ? 0 : strongest! - Math.min(...answered);
    const strongMembers = strongest !== null && strongest >= settings.strongAtLeast ? levels.flatMap((level, column) => (level === strongest ? [column] : [])) : [];
    return {
      capability,
      theme: category,
      area: dimension,
      levels,
      weakCount,
      strongCount,
      collaborationCandidate: weakCount >= threshold && strongCount >= 1,
      strongest,
      spread,
      strongMembers,
    };
  });
  return {
    members: labelled.map(({ label, own }) => ({ label, own })),
    rows,
    candidates: rows.filter((row) => row.collaborationCandidate).sort(compareCandidates),
    settings: { ...settings, collaborationMinWeak: threshold },
  };
}
