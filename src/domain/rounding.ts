// The one rounding of published figures. Every page, chart, table, export, API answer and report
// rounds a figure here, once, from the unrounded value, so the same figure never reads 2,6 in a
// chart and 2,5 in the table under it (rounding an already rounded 2,549 → 2,55 → 2,6 is the trap).
// Formatting (decimal comma, spaces) stays in src/i18n/format.ts and never rounds further.

/** Decimals a published figure carries: scores on the 0–6 and 0–4 scales, and percentages. */
export const PUBLISHED_DECIMALS = { score: 1, percent: 0, share: 3 } as const;

/**
 * Rounds half away from zero to `decimals` places. The scaled value is nudged by a relative
 * epsilon first, so binary fractions such as 2.45 (stored as 2.4499999…) round as people expect.
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  const rounded = Math.round(scaled * (1 + Number.EPSILON * 4)) / factor;
  return value < 0 ? -rounded : rounded;
}

/** A score (mean on an answer scale) as published: one decimal. */
export function roundScore(value: number): number;
export function roundScore(value: number | null | undefined): number | null;
export function roundScore(value: number | null | undefined): number | null {
  return typeof value === 'number' ? roundTo(value, PUBLISHED_DECIMALS.score) : null;
}

/**
 * The change between two figures as it is published: the difference of the two rounded figures,
 * so a table that shows "3,8 → 3,8" shows "±0,0" beside it, never "+0,1" from the raw values.
 */
export function shownChange(previous: number, current: number, decimals: number = PUBLISHED_DECIMALS.score): number {
  return roundTo(roundTo(current, decimals) - roundTo(previous, decimals), decimals);
}
