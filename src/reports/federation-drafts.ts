// Generated drafts of the analyst's texts in the federation report (issue 13): the summary, an
// interpretation after each part and the federation's recommendations, by the rules in
// docs/method.md ("Drafts of the federation report's texts"). Pure: the federation report's
// input and a locale in, plain text out. Only what the report itself shows is used (the parts
// with enough members, visibleParts), and no member is named or numbered: the drafts speak of
// "members" and counts only. Every figure is rounded once (roundTo) and then only formatted.
import { roundTo } from '../domain/rounding.ts';
import { formatNumber, formatPercent, type Locale } from '../i18n/format.ts';
import { pick } from '../i18n/messages.ts';
import { visibleParts } from './federation-report.ts';
import { MEMBER_TEXT_KEYS, type MemberTextKey } from './member-drafts.ts';
import type { FederationReportInput } from './report-input.ts';
import { reportTexts } from './report-texts.ts';

/** The federation report's texts have the same keys as a member's. */
const FEDERATION_TEXT_KEYS = MEMBER_TEXT_KEYS;
export type FederationTextKey = MemberTextKey;

/** A mean information-security index (0–100) below this gives a governance recommendation. */
const FEDERATION_SECURITY_INDEX_LOW = 50;
/** A spread in maturity (highest − lowest, percentage points) of at least this gives a competence recommendation. */
const MATURITY_SPREAD_WIDE = 20;
/** At most this many collaboration candidates are recommended, most weak members first. */
const CANDIDATES_RECOMMENDED = 3;

const mean = (values: readonly number[]) => (values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length);

interface MaturityFigures {
  members: number;
  average: number;
  lowest: number;
  highest: number;
  /** The quadrant most members are in, and how many; ties go to the earlier letter. */
  quadrant: { key: string; count: number } | null;
}

function maturityFigures(input: FederationReportInput): MaturityFigures | null {
  const shown = visibleParts(input).maturity;
  if (!shown) return null;
  const values = shown.overview.rows.flatMap((row) => (row.maturityPercent === null ? [] : [row.maturityPercent]));
  if (values.length === 0) return null;
  const quadrants = Object.entries(shown.overview.quadrantCounts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const top = quadrants[0];
  return {
    members: values.length,
    average: roundTo(mean(values)!, 0),
    lowest: roundTo(Math.min(...values), 0),
    highest: roundTo(Math.max(...values), 0),
    quadrant: top && top[1] > 0 ? { key: top[0], count: top[1] } : null,
  };
}

/** Every draft of the federation report; a part not shown in the report has an empty draft. */
export function federationDrafts(input: FederationReportInput, locale: Locale): Record<FederationTextKey, string> {
  const t = reportTexts(locale).federationDrafts;
  const shown = visibleParts(input);
  const percent = (value: number) => formatPercent(locale, value / 100, 0);
  const maturity = maturityFigures(input);

  const maturityText = maturity
    ? [t.maturitySpread(maturity.members, percent(maturity.lowest), percent(maturity.highest)), maturity.quadrant ? t.maturityQuadrant(maturity.quadrant.key, maturity.quadrant.count) : ''].filter(Boolean).join(' ')
    : '';

  let securityText = '';
  let securityIndex: number | null = null;
  if (shown.security) {
    const average = mean(shown.security.indexes);
    securityIndex = average === null ? null : roundTo(average, 0);
    const fewest = [...shown.security.counts].sort((a, b) => a.established - b.established || a.capability.key.localeCompare(b.capability.key))[0];
    securityText = [
      securityIndex === null ? '' : t.securityIndex(formatNumber(locale, securityIndex), shown.security.members),
      fewest ? t.securityFewest(pick(fewest.capability.name, locale), fewest.established, shown.security.members) : '',
    ]
      .filter(Boolean)
      .join(' ');
  }

  let costsText = '';
  if (shown.costs) {
    const share = shown.costs.comparison.average.centralItShare;
    costsText = t.costs(share === null ? null : formatPercent(locale, roundTo(share, 3), 1), shown.costs.membersWithLedger);
  }

  const candidates = shown.capabilityMap ? [...shown.capabilityMap.matrix.candidates].sort((a, b) => b.weakCount - a.weakCount || a.capability.key.localeCompare(b.capability.key)) : [];
  const capabilityText = shown.capabilityMap
    ? [t.candidates(candidates.length, shown.capabilityMap.matrix.members.length), candidates[0] ? t.mostWeak(pick(candidates[0].capability.name, locale), candidates[0].weakCount) : ''].filter(Boolean).join(' ')
    : '';

  const recommendations: string[] = [];
  const category = reportTexts(locale).drafts.categories;
  for (const candidate of candidates.slice(0, CANDIDATES_RECOMMENDED)) {
    recommendations.push(`${category.it}: ${t.collaborate(pick(candidate.capability.name, locale), candidate.weakCount, candidate.strongCount)}`);
  }
  if (securityIndex !== null && securityIndex < FEDERATION_SECURITY_INDEX_LOW) recommendations.push(`${category.governance}: ${t.securityPolicy(formatNumber(locale, securityIndex))}`);
  if (maturity && maturity.highest - maturity.lowest >= MATURITY_SPREAD_WIDE) recommendations.push(`${category.competence}: ${t.shareWays(formatNumber(locale, maturity.highest - maturity.lowest))}`);
  if (recommendations.length === 0) recommendations.push(t.followUp);

  const summary = [
    maturity ? t.summaryMaturity(maturity.members, percent(maturity.average)) : '',
    shown.capabilityMap ? t.summaryCandidates(candidates.length) : '',
    t.summaryFirstStep(recommendations[0]!),
  ]
    .filter(Boolean)
    .join(' ');

  return { summary, maturity: maturityText, security: securityText, costs: costsText, capabilityMap: capabilityText, recommendations: recommendations.join('\n') };
}

/** The texts the federation report prints: the analyst's where written, else the draft. */
export function effectiveFederationTexts(input: FederationReportInput, locale: Locale): Record<FederationTextKey, string> {
  const drafts = federationDrafts(input, locale);
  const written = input.analystTexts ?? {};
  return Object.fromEntries(FEDERATION_TEXT_KEYS.map((key) => [key, (written[key] ?? '').trim() !== '' ? written[key]!.trim() : drafts[key]])) as Record<FederationTextKey, string>;
}
