// The A–D table with all four quadrants of the maturity matrix, and for a member a fuller text
// on what its own quadrant means in practice (linked to the three steps under Terms).
import type { Instrument, QuadrantKey } from '../../domain/instruments/instrument-schema.ts';
import type { Locale } from '../../i18n/format.ts';
import { pick } from '../../i18n/messages.ts';
import type { DocumentBuilder } from '../document-builder.ts';
import type { MaturityPart } from '../report-input.ts';
import type { ReportTexts } from '../report-texts.ts';

export const QUADRANT_KEYS: readonly QuadrantKey[] = ['A', 'B', 'C', 'D'];

/** Where each quadrant lies in the matrix; the same rule as `quadrantOf` in maturity-score.ts. */
function quadrantAxes(quadrant: QuadrantKey): { capability: 'low' | 'high'; legacy: 'limiting' | 'enabling' } {
  return {
    capability: quadrant === 'A' || quadrant === 'B' ? 'low' : 'high',
    legacy: quadrant === 'B' || quadrant === 'D' ? 'enabling' : 'limiting',
  };
}

function quadrantsTable(b: DocumentBuilder, instrument: Instrument, t: ReportTexts, locale: Locale): void {
  const c = t.chapters;
  const quadrants = instrument.results?.quadrants;
  if (!quadrants) return;
  b.heading(2, c.quadrantsTitle).paragraph(c.quadrantsIntro);
  b.table(
    c.quadrantsTitle,
    c.quadrantsColumns,
    QUADRANT_KEYS.map((key) => {
      const axes = quadrantAxes(key);
      const text = quadrants[key];
      return [
        key,
        axes.capability === 'low' ? c.capabilityLow : c.capabilityHigh,
        axes.legacy === 'limiting' ? c.legacyLimiting : c.legacyEnabling,
        pick(text.title, locale),
        pick(text.description, locale),
      ];
    }),
  );
}

/** The member's A–D table and what its quadrant means in practice; nothing when no result is shown. */
export function memberQuadrantSection(b: DocumentBuilder, part: MaturityPart, t: ReportTexts, locale: Locale): void {
  const { results } = part;
  quadrantsTable(b, results.instrument, t, locale);
  const quadrant = results.result?.quadrant ?? null;
  if (!quadrant || !results.instrument.results) return;
  const practice = t.chapters.quadrantPractice[quadrant];
  b.heading(2, t.chapters.practiceTitle(quadrant));
  b.paragraph(t.chapters.practiceStep(quadrant, practice.phase));
  for (const text of practice.text) b.paragraph(text);
  b.paragraph(t.chapters.practiceCaveat);
}

export function federationQuadrantsSection(b: DocumentBuilder, instrument: Instrument, t: ReportTexts, locale: Locale): void {
  quadrantsTable(b, instrument, t, locale);
  if (instrument.results) b.paragraph(t.chapters.quadrantsFederationNote);
}
