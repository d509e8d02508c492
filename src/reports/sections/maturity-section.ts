// The digital-maturity part of the reports: the areas measured, the federation's spread against
// the country, the member against the federation, the matrix with its quadrant, the change since
// the last round and the recommendations of the member's quadrant. Figures come from the same
// chart builders as the results pages.
import { federationMatrixChart, federationMaturityBarsChart, federationRadarChart } from '../../charts/federation-maturity-charts.ts';
import { capabilityRadarChart, categoryTrendChart, maturityMatrixChart } from '../../charts/maturity-charts.ts';
import type { Instrument, QuadrantKey } from '../../domain/instruments/instrument-schema.ts';
import { allCapabilities } from '../../domain/instruments/instrument-structure.ts';
import { MIN_BENCHMARK_ORGANISATIONS, type Benchmark, type NationalComparison } from '../../domain/scoring/benchmarks.ts';
import { matrixDimensions } from '../../domain/scoring/maturity-score.ts';
import { shownChange } from '../../domain/rounding.ts';
import { formatNumber, formatPercent, type Locale } from '../../i18n/format.ts';
import { messages, pick } from '../../i18n/messages.ts';
import type { DocumentBuilder } from '../document-builder.ts';
import type { FederationReportInput, MaturityPart } from '../report-input.ts';
import type { ReportTexts } from '../report-texts.ts';

const QUADRANTS: QuadrantKey[] = ['A', 'B', 'C', 'D'];

export function percentText(locale: Locale, percent: number | null): string {
  return percent === null ? '–' : formatPercent(locale, percent / 100, 0);
}

function score(locale: Locale, value: number | null | undefined): string {
  return typeof value === 'number' ? formatNumber(locale, value, 1) : '–';
}

function capabilityTable(b: DocumentBuilder, instrument: Instrument, t: ReportTexts, locale: Locale): void {
  b.heading(2, t.capabilityDescriptions).paragraph(t.capabilityDescriptionsIntro);
  const rows = instrument.dimensions.flatMap((dimension) =>
    dimension.categories.map((category) => [pick(category.name, locale), pick(dimension.name, locale), pick(category.description, locale)]),
  );
  b.table(t.capabilityDescriptions, [t.areaColumns[1]!, t.areaColumns[0]!, t.areaColumns[2]!], rows);
  b.paragraph(t.capabilityListIntro(allCapabilities(instrument).length));
  b.table(
    t.capabilityList,
    t.capabilityListColumns,
    allCapabilities(instrument).map(({ capability, category }) => [pick(capability.name, locale), pick(category.name, locale), pick(capability.help, locale)]),
  );
}

export function memberMaturitySection(b: DocumentBuilder, part: MaturityPart, t: ReportTexts, locale: Locale): void {
  const { results } = part;
  const m = messages(locale);
  const instrument = results.instrument;
  b.heading(1, t.maturity).paragraph(t.maturityIntro);
  capabilityTable(b, instrument, t, locale);
  if (!results.result) {
    b.callout('warning', t.withheldTitle, t.withheld(results.respondents, results.round.anonymityThreshold));
    return;
  }
  if (results.smallSample) b.callout('warning', m.results.smallSampleTitle, m.results.smallSample(results.respondents, results.round.smallSampleThreshold));

  if (part.federation?.benchmark) {
    if (part.national) b.heading(2, t.federationRadar).paragraph(t.federationRadarIntro);
    else b.heading(2, t.federationSpread).paragraph(t.federationSpreadIntro);
    b.figure(federationRadarChart({ instrument, overview: part.federation, national: part.national }, m.federation, locale));
    nationalNote(b, part, t);
  }
  b.heading(2, t.memberRadar);
  b.figure(capabilityRadarChart(results, m.results, locale));

  b.heading(2, t.matrix);
  const quadrant = results.result.quadrant;
  const quadrantText = quadrant ? instrument.results?.quadrants[quadrant] : undefined;
  if (quadrant && quadrantText) b.paragraph({ text: t.quadrantIs(quadrant, pick(quadrantText.title, locale)), strong: true }, ' ', pick(quadrantText.description, locale));
  else b.paragraph(t.noQuadrant);
  b.figure(maturityMatrixChart(results, m.results, locale));
  dimensionsTable(b, part, t, locale);

  if (results.trend) {
    const trend = results.trend;
    b.heading(2, t.changeSince(trend.previousYear));
    if (trend.maturityPercent) b.paragraph(t.changeMaturity(percentText(locale, trend.maturityPercent.previous), percentText(locale, trend.maturityPercent.current)));
    if (trend.quadrant && trend.quadrant.previous !== trend.quadrant.current) b.paragraph(t.changeQuadrant(trend.quadrant.previous, trend.quadrant.current));
    b.figure(categoryTrendChart(results, m.results, locale));
    const rows = instrument.dimensions.flatMap((dimension) =>
      dimension.categories.flatMap((category) => {
        const change = trend.categories[category.key];
        return change ? [[pick(category.name, locale), score(locale, change.previous), score(locale, change.current), signed(locale, shownChange(change.previous, change.current))]] : [];
      }),
    );
    if (rows.length > 0) b.table(t.changeSince(trend.previousYear), t.changeColumns, rows, ['left', 'right', 'right', 'right']);
  }

  b.heading(2, t.recommendations);
  if (quadrant && quadrantText) {
    b.paragraph(t.maturityRecommendationsIntro(quadrant));
    b.bullets(quadrantText.recommendations.map((text) => pick(text, locale)));
  }
  const weakest = results.strengths.weakest.map((ranked) => categoryName(instrument, ranked.key, locale)).filter((name): name is string => name !== null);
  if (weakest.length > 0) b.paragraph(t.weakestAreas(weakest.join(', ')));
}

function signed(locale: Locale, value: number): string {
  const text = formatNumber(locale, Math.abs(value), 1);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

function categoryName(instrument: Instrument, key: string, locale: Locale): string | null {
  for (const dimension of instrument.dimensions) {
    const category = dimension.categories.find((candidate) => candidate.key === key);
    if (category) return pick(category.name, locale);
  }
  return null;
}

/** Says where the national figure comes from, or that there is none (and so no national column). */
function nationalNote(b: DocumentBuilder, part: { national: Benchmark | null; nationalSource?: NationalComparison | null }, t: ReportTexts): void {
  const source = part.nationalSource;
  if (part.national && source) b.paragraph(t.nationalSource(source.scope, source.year, source.organisations));
  else if (!part.national) b.paragraph(t.noNational);
}

function dimensionsTable(b: DocumentBuilder, part: MaturityPart, t: ReportTexts, locale: Locale): void {
  const { results } = part;
  const result = results.result!;
  const federation = results.benchmarks.federations[0]?.benchmark ?? null;
  // The same national figure as the report's radar (for a federation: outside its members); none, no column.
  const national = part.national;
  const matrix = matrixDimensions(results.instrument);
  const rows = [matrix.capability, matrix.legacy].map((key) => {
    const dimension = results.instrument.dimensions.find((candidate) => candidate.key === key);
    return [
      dimension ? pick(dimension.name, locale) : key,
      score(locale, result.dimensions[key]),
      score(locale, federation?.dimensions[key]?.avg),
      ...(national ? [score(locale, national.dimensions[key]?.avg)] : []),
    ];
  });
  rows.push([
    t.maturityRow,
    score(locale, result.maturityPercent),
    score(locale, federation?.maturityPercent?.avg),
    ...(national ? [score(locale, national.maturityPercent?.avg)] : []),
  ]);
  const columns = national ? t.dimensionColumns : t.dimensionColumns.slice(0, 3);
  b.table(t.dimensionsTable, columns, rows, (['left', 'right', 'right', 'right'] as const).slice(0, columns.length));
  if (!part.federation?.benchmark) nationalNote(b, part, t);
}

export function federationMaturitySection(b: DocumentBuilder, part: NonNullable<FederationReportInput['maturity']>, t: ReportTexts, locale: Locale): void {
  const m = messages(locale);
  const { instrument, overview } = part;
  b.heading(1, t.maturity).paragraph(t.maturityIntro);
  capabilityTable(b, instrument, t, locale);
  b.heading(2, t.matrix).paragraph(t.federationMaturityIntro(overview.rows.length));
  b.figure(federationMatrixChart(part, m.federation, locale));
  b.table(
    t.quadrantCountsTable,
    t.quadrantColumns,
    QUADRANTS.map((quadrant) => {
      const text = instrument.results?.quadrants[quadrant];
      return [quadrant, text ? pick(text.title, locale) : '', String(overview.quadrantCounts[quadrant])];
    }),
    ['left', 'left', 'right'],
  );
  b.figure(federationMaturityBarsChart(part, m.federation, locale));
  b.table(
    t.memberMaturityTable,
    t.memberMaturityColumns,
    overview.rows.map((row) => [
      t.memberLabel(row.number),
      String(row.respondents),
      score(locale, row.capability),
      score(locale, row.legacy),
      score(locale, row.maturityPercent),
      row.quadrant ?? '–',
    ]),
    ['left', 'right', 'right', 'right', 'right', 'left'],
  );
  const national = part.national;
  b.heading(2, national ? t.federationRadar : t.federationSpread);
  if (overview.benchmark) {
    b.paragraph(national ? t.federationRadarIntro : t.federationSpreadIntro);
    b.figure(federationRadarChart(part, m.federation, locale));
    nationalNote(b, part, t);
    const rows = allCapabilities(instrument).map(({ capability }) => {
      const value = overview.benchmark!.capabilities[capability.key];
      return [pick(capability.name, locale), score(locale, value?.min), score(locale, value?.avg), score(locale, value?.max), ...(national ? [score(locale, national.capabilities[capability.key]?.avg)] : [])];
    });
    const columns = [m.federation.columns.capability, m.federation.series.lowest, m.federation.series.average, m.federation.series.highest, ...(national ? [m.federation.series.national] : [])];
    b.table(national ? t.federationRadar : t.federationSpread, columns, rows, (['left', 'right', 'right', 'right', 'right'] as const).slice(0, columns.length));
  } else {
    b.paragraph(t.tooFewMembers(MIN_BENCHMARK_ORGANISATIONS));
  }
}
