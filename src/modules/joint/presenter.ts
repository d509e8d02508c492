// Turns the joint assessments' results into what the pages and downloads show: the results page
// of one instrument (its analysis, recommendations and charts), the federation comparison (the
// anonymised matrix or the practice counts, and its chart), and the list of comparable joint
// instruments on a federation's page. A chart file is the same spec as on its page.
import type { ChartSpec } from '../../charts/chart-spec.ts';
import { capabilityHeatmapChartsByArea, federationMatrixChart, levelCountChart, MAX_MATRIX_CHART_MEMBERS, practiceScoreChart } from '../../charts/joint-charts.ts';
import { isItemShown, type AnswerSet } from '../../domain/instruments/answer-set.ts';
import type { AnswerScale, Instrument, Recommendation } from '../../domain/instruments/instrument-schema.ts';
import { allCapabilities, pageItems } from '../../domain/instruments/instrument-structure.ts';
import { federationLevelMatrix, levelMap, type FederationLevelMatrix, type LevelMapResult } from '../../domain/joint-results/level-map.ts';
import { practiceFederationCounts, practiceIndex, type PracticeFederationCount, type PracticeIndexResult } from '../../domain/joint-results/practice-index.ts';
import { selectRecommendations } from '../../domain/recommendations/evaluate-recommendations.ts';
import { pick, type Locale, type Messages } from '../../i18n/messages.ts';
import type { SurveySession } from '../survey/service.ts';
import type { FederationComparison, JointResults } from './service.ts';

/** The scale of a level map's capabilities (every capability uses the first one's). */
function levelScale(instrument: Instrument): AnswerScale {
  const item = allCapabilities(instrument)[0]!.capability.items[0]!;
  return instrument.scales[item.scale ?? instrument.defaultScale]!;
}

/** Where filling in resumes: the first page with a question that applies and has no answer yet. */
export function resumePageNumber(session: SurveySession): number {
  const first = session.pages.find((page) => pageItems(page).some(({ item }) => !session.answers.has(item.key) && isItemShown(item, session.answers)));
  return first?.globalNumber ?? 1;
}

/** What every joint results page shows around its own content. */
export interface ResultsContext {
  instrument: Instrument;
  organisationName: string;
  roundId: string;
  roundName: string;
  submittedAt: string | null;
  /** The federation comparison of the round's year, when the organisation is in a federation. */
  compareHref: string | null;
  recommendations: Recommendation[];
}

export interface PracticeResultsView extends ResultsContext {
  kind: 'practice';
  answers: AnswerSet | null;
  /** Null while nothing is submitted, and for an instrument without a practice index. */
  result: PracticeIndexResult | null;
  chart: ChartSpec | null;
}

export interface LevelMapResultsView extends ResultsContext {
  kind: 'level-map';
  result: LevelMapResult | null;
  scale: AnswerScale;
  counts: ChartSpec | null;
  /** One heat map per area, the same figures the reports print: the whole map in one is 55 rows tall. */
  heatmaps: ChartSpec[];
}

export type JointResultsView = PracticeResultsView | LevelMapResultsView;

export function presentJointResults(results: JointResults, m: Messages, locale: Locale): JointResultsView {
  const { instrument, answers, round } = results;
  const context: ResultsContext = {
    instrument,
    organisationName: results.organisationName,
    roundId: round.id,
    roundName: round.name,
    submittedAt: results.submittedAt,
    compareHref: results.inFederation ? `/org/${round.organisation_id}/compare/${instrument.key}?year=${round.year}` : null,
    recommendations: answers ? selectRecommendations(instrument, answers) : [],
  };
  if (instrument.analysis?.kind === 'level-map') {
    const scale = levelScale(instrument);
    const result = answers ? levelMap(instrument, answers) : null;
    return {
      ...context,
      kind: 'level-map',
      result,
      scale,
      counts: result ? levelCountChart(result, scale, m.joint, locale) : null,
      heatmaps: result ? capabilityHeatmapChartsByArea(result, scale, m.joint, locale) : [],
    };
  }
  const result = answers && instrument.analysis?.kind === 'practice-index' ? practiceIndex(instrument, answers) : null;
  return { ...context, kind: 'practice', answers, result, chart: result ? practiceScoreChart(result, m.joint, locale) : null };
}

/** Every chart of a joint instrument's results page, for the page and its exports alike. */
export function jointResultCharts(view: JointResultsView): ChartSpec[] {
  if (view.kind === 'level-map') return view.counts ? [view.counts, ...view.heatmaps] : [];
  return view.chart ? [view.chart] : [];
}

export interface FederationComparisonView {
  organisationId: string;
  federationName: string;
  instrument: Instrument;
  year: number | null;
  years: number[];
  memberCount: number;
  /** A level map's anonymised matrix with the collaboration candidates. */
  matrix: FederationLevelMatrix | null;
  /** A practice index's counts per practice. */
  practiceCounts: PracticeFederationCount[] | null;
  scale: AnswerScale | null;
  /** The threshold asked for in the query, if any (the matrix holds the one applied). */
  minWeak: number | null;
  /** The matrix as a heat map, unless there are too many members to read one. */
  chart: ChartSpec | null;
}

export function presentFederationComparison(
  comparison: FederationComparison,
  request: { organisationId: string; minWeak?: number },
  m: Messages,
  locale: Locale,
): FederationComparisonView {
  const { instrument, members } = comparison;
  const levelMapped = instrument.analysis?.kind === 'level-map';
  const matrix = levelMapped ? federationLevelMatrix(instrument, members, comparison.ownOrganisationIds, request.minWeak, comparison.numbering) : null;
  const scale = levelMapped ? levelScale(instrument) : null;
  return {
    organisationId: request.organisationId,
    federationName: comparison.federation.name,
    instrument,
    year: comparison.year,
    years: comparison.years,
    memberCount: members.length,
    matrix,
    practiceCounts: instrument.analysis?.kind === 'practice-index' ? practiceFederationCounts(instrument, members.map((member) => member.answers)) : null,
    scale,
    minWeak: request.minWeak ?? null,
    chart: matrix && scale && members.length > 0 && members.length <= MAX_MATRIX_CHART_MEMBERS ? federationMatrixChart(matrix, instrument, scale, m.joint, locale) : null,
  };
}

/** The joint instruments with a federation view, newest version of each, by name. */
export function comparableJointInstruments(ctx: { instruments: { list(): Instrument[] } }, locale: Locale): Array<{ key: string; name: string }> {
  const keys = new Map<string, string>();
  for (const instrument of ctx.instruments.list()) {
    if (instrument.respondentMode === 'joint' && instrument.analysis) keys.set(instrument.key, pick(instrument.name, locale));
  }
  return [...keys].map(([key, name]) => ({ key, name }));
}
