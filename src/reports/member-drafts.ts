// Generated drafts of the analyst's texts in a member's sub-report (issue 13): the summary, one
// interpretation after each part, and the recommendations chosen by documented rules
// (docs/method.md, "Drafts of the analyst's texts"). Pure: the report input and a locale in,
// plain text out. An empty text written by the analyst means "use the draft".
import { allCapabilities } from '../domain/instruments/instrument-structure.ts';
import { levelMap } from '../domain/joint-results/level-map.ts';
import { practiceIndex } from '../domain/joint-results/practice-index.ts';
import { roundScore, roundTo } from '../domain/rounding.ts';
import { formatNumber, formatPercent, type Locale } from '../i18n/format.ts';
import { pick } from '../i18n/messages.ts';
import type { MemberReportInput } from './report-input.ts';
import { reportTexts, type ReportTexts } from './report-texts.ts';

export const MEMBER_TEXT_KEYS = ['summary', 'maturity', 'security', 'costs', 'capabilityMap', 'recommendations'] as const;
export type MemberTextKey = (typeof MEMBER_TEXT_KEYS)[number];
/** The analyst's texts of one member and year; a missing or empty text means "use the draft". */
export type MemberTexts = Partial<Record<MemberTextKey, string>>;

export function isMemberTextKey(value: string): value is MemberTextKey {
  return (MEMBER_TEXT_KEYS as readonly string[]).includes(value);
}

export type RecommendationCategory = 'competence' | 'governance' | 'economy' | 'it';

/**
 * Which recommendation category a maturity capability belongs to (the seed's categories:
 * kompetens, ledning och styrning, ekonomi, IT). Capabilities not listed give no recommendation.
 */
export const CAPABILITY_CATEGORY: Readonly<Record<string, RecommendationCategory>> = {
  kompetensforsorjning: 'competence',
  kompetensmix: 'competence',
  innovationskultur: 'competence',
  portfoljstyrning: 'governance',
  forvaltningsstyrning: 'governance',
  projektstyrning: 'governance',
  styrning: 'governance',
  prioritering: 'governance',
  standarder: 'governance',
  'informationssakerhet-och-integritet': 'governance',
  forsorjningsstrategi: 'economy',
  'ekonomiska-ramar': 'economy',
  kostnadskontroll: 'economy',
  nyttokontroll: 'economy',
  nyttorealisering: 'economy',
  infrastruktur: 'it',
  'skugg-it': 'it',
  'teknisk-skuld': 'it',
};

/** A capability scoring this far (scale points) below the reference average is called weak. */
const BELOW_REFERENCE_MARGIN = 0.5;
/** At most this many recommendations per category come from the maturity survey. */
const PER_CATEGORY = 2;
/** An information-security index below this (0–100) gives a governance recommendation. */
const SECURITY_INDEX_LOW = 50;

export interface Recommendation {
  category: RecommendationCategory;
  text: string;
}

function reference(input: MemberReportInput) {
  const part = input.maturity;
  if (!part) return null;
  if (part.federation?.benchmark) return { benchmark: part.federation.benchmark, federation: true };
  if (part.national) return { benchmark: part.national, federation: false };
  return null;
}

function score(locale: Locale, value: number): string {
  return formatNumber(locale, roundScore(value), 1);
}

/**
 * The recommendation rules, in order (docs/method.md):
 * 1. a maturity capability in CAPABILITY_CATEGORY is weak when its score is below the middle of
 *    the answer scale, or more than BELOW_REFERENCE_MARGIN below the reference average (the
 *    federation's, else the nation's); per category the PER_CATEGORY weakest, lowest first;
 * 2. an information-security index below SECURITY_INDEX_LOW: governance (a security policy and roles);
 * 3. capabilities at or below the capability map's weak level: IT (the weakest, with the count);
 * 4. identified IT cost in pools without a rule (unmapped > 0): economy;
 * 5. none of the above: follow the same measures up next year.
 */
export function recommendationDrafts(input: MemberReportInput, locale: Locale): Recommendation[] {
  const t = reportTexts(locale).drafts;
  const out: Recommendation[] = [];
  const maturity = input.maturity?.results;
  const result = maturity?.result;
  if (maturity && result) {
    const middle = result.scale.min + (result.scale.max - result.scale.min) / 2;
    const ref = reference(input);
    const weak = allCapabilities(maturity.instrument).flatMap(({ capability }) => {
      const category = CAPABILITY_CATEGORY[capability.key];
      const value = result.capabilities[capability.key]?.score;
      if (!category || typeof value !== 'number') return [];
      const average = ref?.benchmark.capabilities[capability.key]?.avg;
      const belowReference = typeof average === 'number' && value < average - BELOW_REFERENCE_MARGIN;
      if (value >= middle && !belowReference) return [];
      return [{ category, name: pick(capability.name, locale), value, average: belowReference ? average : null }];
    });
    weak.sort((a, b) => a.value - b.value);
    const perCategory = new Map<RecommendationCategory, number>();
    for (const entry of weak) {
      const count = perCategory.get(entry.category) ?? 0;
      if (count >= PER_CATEGORY) continue;
      perCategory.set(entry.category, count + 1);
      out.push({ category: entry.category, text: t.strengthen(entry.name, score(locale, entry.value), entry.average === null ? null : score(locale, entry.average), ref?.federation ?? false) });
    }
  }
  if (input.security) {
    const index = practiceIndex(input.security.instrument, input.security.answers).index;
    if (index !== null && index < SECURITY_INDEX_LOW) out.push({ category: 'governance', text: t.securityPolicy(formatNumber(locale, roundTo(index, 0), 0)) });
  }
  if (input.capabilityMap) {
    const map = levelMap(input.capabilityMap.instrument, input.capabilityMap.answers);
    const weakest = [...map.weak].sort((a, b) => (a.level ?? 0) - (b.level ?? 0))[0];
    if (weakest) out.push({ category: 'it', text: t.capabilityMapWeak(map.weak.length, pick(weakest.capability.name, locale)) });
  }
  if (input.costs && input.costs.analysis.unmappedTotalOre > 0) out.push({ category: 'economy', text: t.unmappedCosts });
  if (out.length === 0) out.push({ category: 'governance', text: t.followUp });
  return out;
}

function recommendationLines(list: Recommendation[], t: ReportTexts): string {
  return list.map((entry) => `${t.drafts.categories[entry.category]}: ${entry.text}`).join('\n');
}

function maturityDraft(input: MemberReportInput, locale: Locale, t: ReportTexts): string {
  const maturity = input.maturity?.results;
  const result = maturity?.result;
  if (!maturity || !result) return t.drafts.maturityWithheld;
  const sentences: string[] = [];
  const ref = reference(input);
  const categories = maturity.instrument.dimensions.flatMap((dimension) => dimension.categories);
  const scored = categories.flatMap((category) => {
    const value = result.categories[category.key];
    if (typeof value !== 'number') return [];
    const average = ref?.benchmark.categories[category.key]?.avg;
    return [{ name: pick(category.name, locale), value, difference: typeof average === 'number' ? value - average : null }];
  });
  const compared = scored.filter((entry) => entry.difference !== null);
  if (ref && compared.length >= 2) {
    const sorted = [...compared].sort((a, b) => b.difference! - a.difference!);
    const best = sorted[0]!;
    const worst = sorted.at(-1)!;
    sentences.push(t.drafts.strongestWeakest(best.name, signedScore(locale, best.difference!), worst.name, signedScore(locale, worst.difference!), ref.federation));
  } else if (scored.length >= 2) {
    const sorted = [...scored].sort((a, b) => b.value - a.value);
    sentences.push(t.drafts.strongestWeakestAlone(sorted[0]!.name, score(locale, sorted[0]!.value), sorted.at(-1)!.name, score(locale, sorted.at(-1)!.value)));
  }
  const quadrant = result.quadrant;
  const text = quadrant ? maturity.instrument.results?.quadrants[quadrant] : undefined;
  if (quadrant && text) sentences.push(t.drafts.quadrantMeans(quadrant, pick(text.title, locale)));
  return sentences.join(' ');
}

function signedScore(locale: Locale, value: number): string {
  const rounded = roundScore(value);
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${formatNumber(locale, Math.abs(rounded), 1)}`;
}

function securityDraft(input: MemberReportInput, locale: Locale, t: ReportTexts): string {
  if (!input.security) return '';
  const current = practiceIndex(input.security.instrument, input.security.answers);
  const sentences = [t.drafts.security(current.established, current.practices.length, current.index === null ? null : formatNumber(locale, roundTo(current.index, 0), 0))];
  if (input.security.previous) {
    const previous = practiceIndex(input.security.instrument, input.security.previous);
    sentences.push(t.drafts.securityChange(previous.established, current.established));
  }
  return sentences.join(' ');
}

function costsDraft(input: MemberReportInput, locale: Locale, t: ReportTexts): string {
  if (!input.costs) return '';
  const { analysis, previousTotalItOre } = input.costs;
  const sentences = [t.drafts.costs(analysis.centralItShare === null ? null : formatPercent(locale, roundTo(analysis.centralItShare, 3), 1))];
  if (previousTotalItOre !== null && previousTotalItOre > 0) {
    const change = (analysis.totalItOre - previousTotalItOre) / previousTotalItOre;
    sentences.push(t.drafts.costsChange(formatPercent(locale, roundTo(Math.abs(change), 3), 1), change > 0 ? 'up' : change < 0 ? 'down' : 'same'));
  }
  return sentences.join(' ');
}

function capabilityMapDraft(input: MemberReportInput, locale: Locale, t: ReportTexts): string {
  if (!input.capabilityMap) return '';
  const map = levelMap(input.capabilityMap.instrument, input.capabilityMap.answers);
  const sentences = [t.drafts.capabilityMap(map.weak.length, map.capabilities.length, map.meanLevel === null ? null : score(locale, map.meanLevel))];
  const gap = map.gaps[0];
  if (gap && gap.gap !== null) sentences.push(t.drafts.capabilityGap(pick(gap.capability.name, locale), gap.gap));
  return sentences.join(' ');
}

function summaryDraft(input: MemberReportInput, locale: Locale, t: ReportTexts, first: Recommendation | undefined): string {
  const sentences: string[] = [];
  const maturity = input.maturity?.results;
  const result = maturity?.result;
  if (maturity && result && result.maturityPercent !== null) {
    const own = result.maturityPercent;
    const federation = input.maturity?.federation?.benchmark?.maturityPercent?.avg;
    const national = input.maturity?.national?.maturityPercent?.avg;
    const compare = (average: number | undefined | null) => (typeof average === 'number' ? (own > average + 0.5 ? 'above' : own < average - 0.5 ? 'below' : 'level') : null);
    sentences.push(t.drafts.summaryMaturity(formatPercent(locale, roundTo(own, 0) / 100, 0), compare(federation), compare(national)));
    const change = maturity.trend?.maturityPercent;
    if (change) sentences.push(t.drafts.summaryChange(maturity.trend!.previousYear, formatPercent(locale, roundTo(change.previous, 0) / 100, 0), formatPercent(locale, roundTo(change.current, 0) / 100, 0)));
  }
  if (input.security?.previous) {
    const before = practiceIndex(input.security.instrument, input.security.previous).established;
    const now = practiceIndex(input.security.instrument, input.security.answers).established;
    if (before !== now) sentences.push(t.drafts.securityChange(before, now));
  }
  if (first) sentences.push(t.drafts.summaryFirst(first.text));
  return sentences.join(' ');
}

/** Every draft of a member's texts; a part the member did not take part in gets an empty draft. */
export function memberDrafts(input: MemberReportInput, locale: Locale): Record<MemberTextKey, string> {
  const t = reportTexts(locale);
  const recommendations = recommendationDrafts(input, locale);
  return {
    summary: summaryDraft(input, locale, t, recommendations[0]),
    maturity: input.maturity ? maturityDraft(input, locale, t) : '',
    security: securityDraft(input, locale, t),
    costs: costsDraft(input, locale, t),
    capabilityMap: capabilityMapDraft(input, locale, t),
    recommendations: recommendationLines(recommendations, t),
  };
}

/** The text the report prints: the analyst's own when written, else the draft. */
export function effectiveMemberTexts(input: MemberReportInput, locale: Locale): Record<MemberTextKey, string> {
  const drafts = memberDrafts(input, locale);
  const own = input.analystTexts ?? {};
  return Object.fromEntries(MEMBER_TEXT_KEYS.map((key) => [key, own[key]?.trim() ? own[key]!.trim() : drafts[key]])) as Record<MemberTextKey, string>;
}
