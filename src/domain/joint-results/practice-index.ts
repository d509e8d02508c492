// Results of a `practice-index` instrument (informationssakerhet): which practices are
// established, to what degree, the index, and how many federation members have each practice.
// Formula and worked example: docs/method.md, "Information-security index".
import { applicableAnswers, type AnswerSet } from '../instruments/answer-set.ts';
import type { Capability, Instrument } from '../instruments/instrument-schema.ts';
import { itemIndex } from '../instruments/instrument-structure.ts';

interface PracticeResult {
  capability: Capability;
  establishedItem: string;
  degreeItem: string;
  /** true/false, or null when not answered (or "don't know"). */
  established: boolean | null;
  /** The degree answer when established; null otherwise. */
  degree: number | null;
  /** Share of the practice in the index, 0–1; null when the practice is unanswered. */
  score: number | null;
}

export interface PracticeIndexResult {
  practices: PracticeResult[];
  /** 0–100, over the answered practices; null when none is answered. */
  index: number | null;
  answered: number;
  established: number;
  /**
   * Practices fully in place: established at the scale's highest degree ("Helt infört och
   * uppföljt"). A practice only started or partly introduced exists but is not in place.
   */
  inPlace: number;
}

function practiceDefinitions(instrument: Instrument) {
  if (instrument.analysis?.kind !== 'practice-index') throw new Error(`${instrument.key} has no practice-index analysis`);
  return instrument.analysis.practices;
}

/**
 * Score of one practice: 0 when not established; when established, degree d on a scale
 * min…max scores (d − min + 1) / (max − min + 1) — on the 1–4 scale d/4. Established without
 * a degree counts as the lowest degree.
 */
export function practiceScore(established: boolean | null, degree: number | null, degreeMin: number, degreeMax: number): number | null {
  if (established === null) return null;
  if (!established) return 0;
  const steps = degreeMax - degreeMin + 1;
  return ((degree ?? degreeMin) - degreeMin + 1) / steps;
}

export function practiceIndex(instrument: Instrument, rawAnswers: AnswerSet): PracticeIndexResult {
  const answers = applicableAnswers(instrument, rawAnswers);
  const items = itemIndex(instrument);
  const practices = practiceDefinitions(instrument).map((definition): PracticeResult => {
    const establishedEntry = items.get(definition.established)!;
    const degreeEntry = items.get(definition.degree)!;
    const value = answers.get(definition.established)?.value ?? null;
    const established = value === null ? null : value === 1;
    const degree = established ? answers.get(definition.degree)?.value ?? null : null;
    return {
      capability: establishedEntry.capability,
      establishedItem: definition.established,
      degreeItem: definition.degree,
      established,
      degree,
      score: practiceScore(established, degree, degreeEntry.scale.min, degreeEntry.scale.max),
    };
  });
  const scored = practices.filter((practice) => practice.score !== null);
  const index = scored.length === 0 ? null : (100 * scored.reduce((sum, practice) => sum + practice.score!, 0)) / scored.length;
  return {
    practices,
    index,
    answered: scored.length,
    established: practices.filter((practice) => practice.established === true).length,
    inPlace: practices.filter((practice) => practice.score === 1).length,
  };
}

export interface PracticeFederationCount {
  capability: Capability;
  established: number;
  notEstablished: number;
  unanswered: number;
  /** Mean degree among the members that have the practice; null when none has it. */
  meanDegree: number | null;
}

/** Per practice: how many members (each a submitted joint answer) have it. */
export function practiceFederationCounts(instrument: Instrument, members: AnswerSet[]): PracticeFederationCount[] {
  const results = members.map((answers) => practiceIndex(instrument, answers));
  return practiceDefinitions(instrument).map((_, p) => {
    const column = results.map((result) => result.practices[p]!);
    const withDegree = column.filter((practice) => practice.established && practice.degree !== null);
    return {
      capability: column[0]?.capability ?? practiceIndex(instrument, new Map()).practices[p]!.capability,
      established: column.filter((practice) => practice.established === true).length,
      notEstablished: column.filter((practice) => practice.established === false).length,
      unanswered: column.filter((practice) => practice.established === null).length,
      meanDegree: withDegree.length === 0 ? null : withDegree.reduce((sum, practice) => sum + practice.degree!, 0) / withDegree.length,
    };
  });
}
