// The federation report's conclusions and recommendations, each derived from the figures the
// report shows (rules in docs/method.md, "Reports"): the quadrant most members are in and how
// spread they are, the capabilities weak for more than half of the members, the spread of
// central IT's share of total costs, and the security practices most members lack.
// Members are never named: every conclusion is a count over the shown parts.
import type { Capability, QuadrantKey } from '../../domain/instruments/instrument-schema.ts';
import { formatNumber, formatPercent, type Locale } from '../../i18n/format.ts';
import { pick } from '../../i18n/messages.ts';
import type { DocumentBuilder } from '../document-builder.ts';
import type { FederationReportInput } from '../report-input.ts';
import type { ReportTexts } from '../report-texts.ts';
import { listing } from './front-matter.ts';
import { QUADRANT_KEYS } from './quadrants-section.ts';

export type FederationConclusion =
  | { kind: 'quadrantMost'; quadrant: QuadrantKey; title: string; count: number; total: number }
  | { kind: 'quadrantSpread'; quadrants: number }
  | { kind: 'weakForMost'; capabilities: Capability[] }
  | { kind: 'noWeakForMost' }
  | { kind: 'costSpread'; low: number; high: number; wide: boolean }
  | { kind: 'securityGap'; practices: number; total: number };

/** Members spread over at least this many quadrants call for collaboration across the quadrants. */
const SPREAD_QUADRANTS = 3;

type ShownParts = Pick<FederationReportInput, 'maturity' | 'security' | 'capabilityMap' | 'costs'>;

/** Pure: the conclusions for the parts shown in the federation report (see visibleParts). */
export function federationConclusions(shown: ShownParts, locale: Locale): FederationConclusion[] {
  const conclusions: FederationConclusion[] = [];
  if (shown.maturity) {
    const counts = shown.maturity.overview.quadrantCounts;
    const total = QUADRANT_KEYS.reduce((sum, key) => sum + counts[key], 0);
    if (total > 0) {
      // The first quadrant in A–D order wins a tie, so the result does not depend on member order.
      const most = QUADRANT_KEYS.reduce((best, key) => (counts[key] > counts[best] ? key : best), QUADRANT_KEYS[0]!);
      const title = shown.maturity.instrument.results?.quadrants[most]?.title;
      conclusions.push({ kind: 'quadrantMost', quadrant: most, title: title ? pick(title, locale) : most, count: counts[most], total });
      const used = QUADRANT_KEYS.filter((key) => counts[key] > 0).length;
      if (used >= SPREAD_QUADRANTS) conclusions.push({ kind: 'quadrantSpread', quadrants: used });
    }
  }
  if (shown.capabilityMap) {
    const { matrix } = shown.capabilityMap;
    const members = matrix.members.length;
    const weak = matrix.rows.filter((row) => row.weakCount * 2 > members).map((row) => row.capability);
    conclusions.push(weak.length > 0 ? { kind: 'weakForMost', capabilities: weak } : { kind: 'noWeakForMost' });
  }
  if (shown.costs) {
    const shares = shown.costs.comparison.members.flatMap((member) => (member.centralItShare === null ? [] : [member.centralItShare]));
    if (shares.length >= 2) {
      const low = Math.min(...shares);
      const high = Math.max(...shares);
      conclusions.push({ kind: 'costSpread', low, high, wide: high >= 2 * low && high > low });
    }
  }
  if (shown.security) {
    const { counts, members } = shown.security;
    const lacking = counts.filter((practice) => practice.established * 2 < members).length;
    if (lacking > 0) conclusions.push({ kind: 'securityGap', practices: lacking, total: counts.length });
  }
  return conclusions;
}

function conclusionRow(conclusion: FederationConclusion, t: ReportTexts, locale: Locale): [string, string] {
  const c = t.chapters.conclusions;
  switch (conclusion.kind) {
    case 'quadrantMost':
      return [c.quadrantMost(conclusion.quadrant, conclusion.title, conclusion.count, conclusion.total), c.quadrantAdvice[conclusion.quadrant]];
    case 'quadrantSpread':
      return [c.quadrantSpread(conclusion.quadrants), c.quadrantSpreadAdvice];
    case 'weakForMost':
      return [c.weakForMost(conclusion.capabilities.length, listing(conclusion.capabilities.map((capability) => pick(capability.name, locale)), t)), c.weakForMostAdvice];
    case 'noWeakForMost':
      return [c.noWeakForMost, c.noWeakForMostAdvice];
    case 'costSpread':
      return [
        c.costSpread(formatPercent(locale, conclusion.low, 1), formatPercent(locale, conclusion.high, 1), formatNumber(locale, (conclusion.high - conclusion.low) * 100, 1)),
        conclusion.wide ? c.costSpreadWideAdvice : c.costSpreadNarrowAdvice,
      ];
    case 'securityGap':
      return [c.securityGap(conclusion.practices, conclusion.total), c.securityGapAdvice];
  }
}

export function federationConclusionsSection(b: DocumentBuilder, shown: ShownParts, t: ReportTexts, locale: Locale): void {
  const c = t.chapters;
  b.heading(1, c.conclusionsTitle).paragraph(c.conclusionsIntro);
  const conclusions = federationConclusions(shown, locale);
  if (conclusions.length === 0) {
    b.paragraph(c.conclusionNone);
    return;
  }
  b.table(c.conclusionsTitle, [c.conclusionFinding, c.conclusionAdvice], conclusions.map((conclusion) => conclusionRow(conclusion, t, locale)));
}
