// Presenters of the workshop: the member's published results as the plain data the topics are
// derived from (src/domain/workshop), with names and texts in the reader's language, and the
// link that makes a decision an action (the action plan's form).
import type { RoundResults } from '../../domain/results/round-results.ts';
import { shownChange } from '../../domain/rounding.ts';
import type { CapabilityDifference } from '../../domain/scoring/insights.ts';
import { federationLevelMatrix, levelMap } from '../../domain/joint-results/level-map.ts';
import type { FederationComparison } from '../joint/service.ts';
import { practiceIndex } from '../../domain/joint-results/practice-index.ts';
import type { AnswerSet } from '../../domain/instruments/answer-set.ts';
import type { Instrument } from '../../domain/instruments/instrument-schema.ts';
import { workshopTopics, type WorkshopData, type WorkshopTopic, type WorkshopTopicTexts } from '../../domain/workshop/workshop-topics.ts';
import { formatNumber, type Locale } from '../../i18n/format.ts';
import { messages, pick } from '../../i18n/messages.ts';
import { names, one, signed } from '../results/views/parts.ts';

function topicTexts(locale: Locale): WorkshopTopicTexts {
  const m = messages(locale).workshop;
  return {
    matrixTitle: m.matrixTitle,
    matrixLead: m.matrixLead,
    maturity: m.maturity,
    gapsTitle: m.gapsTitle,
    gapsLead: m.gapsLead,
    gapFederation: m.gapFederation,
    gapNational: m.gapNational,
    spreadTitle: m.spreadTitle,
    spreadLead: m.spreadLead,
    spreadValue: m.spreadValue,
    weakestTitle: m.weakestTitle,
    weakestLead: m.weakestLead,
    capabilitiesTitle: m.capabilitiesTitle,
    capabilitiesLead: m.capabilitiesLead,
    perspectives: m.perspectives,
    level: m.level,
    securityTitle: m.securityTitle,
    securityLead: m.securityLead,
    collaborationTitle: m.collaborationTitle,
    collaborationLead: m.collaborationLead,
    number: (value) => one(locale, value),
    percent: (value) => `${formatNumber(locale, value, 1)} %`,
    signed: (value) => signed(locale, value),
  };
}

/** The figures of the results page (already past the anonymity rule) as the topics' data. */
type Joint = Array<{ instrument: Instrument; answers: AnswerSet }>;

/** Capabilities the federation's anonymised comparison names as collaboration candidates. */
function collaborationOf(comparisons: FederationComparison[], locale: Locale): string[] {
  const names: string[] = [];
  for (const comparison of comparisons) {
    const matrix = federationLevelMatrix(comparison.instrument, comparison.members, comparison.ownOrganisationIds, undefined, comparison.numbering);
    for (const row of matrix.candidates.slice(0, 5)) names.push(pick(row.capability.name, locale));
  }
  return names;
}

function workshopData(results: RoundResults, joint: Joint, comparisons: FederationComparison[], locale: Locale): WorkshopData {
  const weakCapabilities: WorkshopData['weakCapabilities'] = [];
  const securityGaps: string[] = [];
  for (const { instrument, answers } of joint) {
    if (instrument.analysis?.kind === 'level-map') {
      for (const entry of levelMap(instrument, answers).weak) if (entry.level !== null) weakCapabilities.push({ name: pick(entry.capability.name, locale), level: entry.level });
    } else if (instrument.analysis?.kind === 'practice-index') {
      // Not in place: not established, or established below the highest degree.
      for (const practice of practiceIndex(instrument, answers).practices) if (practice.score !== null && practice.score < 1) securityGaps.push(pick(practice.capability.name, locale));
    }
  }
  const { instrument, result } = results;
  const nameOf = names(instrument, locale);
  const quadrants = instrument.results?.quadrants;
  const quadrant = result?.quadrant && quadrants ? quadrants[result.quadrant] : undefined;
  const gaps = (entries: CapabilityDifference[]) =>
    entries.map((entry) => ({ name: nameOf(entry.key), own: entry.own, benchmark: entry.benchmark, difference: shownChange(entry.benchmark, entry.own) }));
  const federation = results.benchmarks.federations.find((entry) => entry.benchmark !== null);
  return {
    quadrant: result?.quadrant && quadrant ? { key: result.quadrant, title: pick(quadrant.title, locale), description: pick(quadrant.description, locale), recommendations: quadrant.recommendations.map((text) => pick(text, locale)) } : null,
    maturityPercent: result?.maturityPercent ?? null,
    federationName: federation?.name ?? null,
    gaps: { federation: federation ? gaps(results.differences.federation.below) : [], national: results.benchmarks.national ? gaps(results.differences.national.below) : [] },
    spread: results.spread.map((entry) => ({ name: nameOf(entry.key), sd: entry.sd, n: entry.n })),
    weakest: results.strengths.weakest.map((entry) => ({ name: nameOf(entry.key), score: entry.score })),
    weakCapabilities,
    securityGaps,
    collaboration: collaborationOf(comparisons, locale),
  };
}

export function topicsOf(workshop: { results: RoundResults | null; joint: Joint; comparisons: FederationComparison[] }, locale: Locale): WorkshopTopic[] {
  return workshop.results ? workshopTopics(workshopData(workshop.results, workshop.joint, workshop.comparisons, locale), topicTexts(locale)) : [];
}

/** The action plan's form, filled in from a decision (the action module's route). */
export function actionHref(organisationId: string, year: number, topicKey: string, decision: string): string {
  const query = new URLSearchParams({ source: 'workshop', topic: topicKey, year: String(year), title: decision });
  return `/org/${organisationId}/actions/new?${query.toString()}`;
}

export const workshopPath = (organisationId: string, year: number) => `/org/${organisationId}/workshop/${year}`;
