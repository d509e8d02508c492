// Chart builders for the federation's maturity overview: every member in the 2×2 matrix, the
// maturity percentage per member, and the federation's lowest/average/highest per capability
// with the national average. Pure: overview data, texts and a locale in, ChartSpecs out, for
// the page, the SVG/PNG exports and the federation report.
import type { Instrument } from '../domain/instruments/instrument-schema.ts';
import { allCapabilities } from '../domain/instruments/instrument-structure.ts';
import type { Benchmark } from '../domain/scoring/benchmarks.ts';
import type { FederationOverview, FederationOverviewRow } from '../domain/scoring/federation-overview.ts';
import { matrixDimensions } from '../domain/scoring/maturity-score.ts';
import { roundScore, roundTo } from '../domain/rounding.ts';
import { formatNumber, formatPercent, type Locale } from '../i18n/format.ts';
import { pick, type Messages } from '../i18n/messages.ts';
import type { ChartSpec } from './chart-spec.ts';
import { spreadMarkers } from './marker-spread.ts';
import { measureChartText } from './text-metrics.ts';
import { radarIndicators, seriesStyles, textColour, type SeriesRole } from './chart-theme.ts';

type Texts = Messages['federation'];

export interface FederationChartInput {
  instrument: Instrument;
  overview: FederationOverview;
  national: Benchmark | null;
}

/** A maturity percentage as published: one decimal, rounded once (src/domain/rounding.ts). */
const percentShown = (value: number | null | undefined): number | null => (typeof value === 'number' ? roundTo(value, 1) : null);

/** Markers closer than this many pixels on both axes are spread apart (the own square is 16 px). */
const MARKER_DISTANCE = 16;

export function memberName(row: FederationOverviewRow, t: Texts): string {
  return row.own && row.name ? t.ownLabel(row.name, row.number) : t.memberLabel(row.number);
}

/** Every member as a point in the matrix; the own organisation is a larger, darker square. */
export function federationMatrixChart({ instrument, overview }: FederationChartInput, t: Texts, locale: Locale): ChartSpec {
  const matrix = matrixDimensions(instrument);
  const dimensionName = (key: string) => pick(instrument.dimensions.find((dimension) => dimension.key === key)?.name ?? { sv: key, en: key }, locale);
  const threshold = instrument.results?.quadrantThreshold ?? 3;
  const placed = overview.rows.filter((row) => row.capability !== null && row.legacy !== null);
  const width = 600;
  const height = 540;
  const grid = { left: 64, right: 32, top: 24, bottom: 96 };
  // Members on (nearly) the same spot are spread a few pixels apart, each labelled on its outer
  // side (the label follows its marker's offset).
  const plot = { width: width - grid.left - grid.right, height: height - grid.top - grid.bottom };
  const spreads = spreadMarkers(
    placed.map((row) => ({ x: ((roundScore(row.capability) ?? 0) / 6) * plot.width, y: (1 - (roundScore(row.legacy) ?? 0) / 6) * plot.height })),
    MARKER_DISTANCE,
  );
  const spreadOf = new Map(placed.map((row, i) => [row, spreads[i]!]));
  const labelText = (row: FederationOverviewRow) => (row.own ? memberName(row, t) : String(row.number));
  const point = (row: FederationOverviewRow) => {
    const spread = spreadOf.get(row)!;
    const moved = spread.offset[0] !== 0 || spread.offset[1] !== 0;
    // A label on the right that would run past the picture's edge (a long own name near the
    // right) goes on the left of its marker instead.
    const right = grid.left + ((roundScore(row.capability) ?? 0) / 6) * plot.width + spread.offset[0] + (row.own ? 8 : 5.5) + 5 + measureChartText(labelText(row), '11px');
    const side = spread.labelSide === 'right' && right > width - 2 ? 'left' : spread.labelSide;
    return {
      value: [roundScore(row.capability), roundScore(row.legacy)],
      name: memberName(row, t),
      ...(moved ? { symbolOffset: spread.offset } : {}),
      label: { show: true, formatter: labelText(row), position: side, color: textColour, fontSize: 11 },
    };
  };
  const quadrantLabel = (key: string, x: number, y: number) => ({ value: [x, y], symbolSize: 0, label: { show: true, formatter: key, fontSize: 30, fontWeight: 'bold' as const, color: '#6b6b6b' } });
  const counts = (['A', 'B', 'C', 'D'] as const).map((key) => `${key} ${overview.quadrantCounts[key]}`).join(', ');
  return {
    id: 'federation-matrix',
    title: t.matrixTitle,
    summary: t.matrixSummary(counts),
    width,
    height,
    option: {
      legend: { data: [t.series.members, t.series.own], bottom: 0 },
      tooltip: { trigger: 'item' },
      grid,
      xAxis: { type: 'value', min: 0, max: 6, interval: 1, name: dimensionName(matrix.capability), nameLocation: 'middle', nameGap: 28, splitLine: { show: false } },
      yAxis: { type: 'value', min: 0, max: 6, interval: 1, name: dimensionName(matrix.legacy), nameLocation: 'middle', nameGap: 36, splitLine: { show: false } },
      series: [
        {
          type: 'scatter',
          name: 'quadrants',
          silent: true,
          data: [quadrantLabel('A', threshold / 2, threshold / 2), quadrantLabel('B', threshold / 2, (6 + threshold) / 2), quadrantLabel('C', (6 + threshold) / 2, threshold / 2), quadrantLabel('D', (6 + threshold) / 2, (6 + threshold) / 2)],
          markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: '#595959', type: 'solid', width: 1.5 }, data: [{ xAxis: threshold }, { yAxis: threshold }] },
        },
        { type: 'scatter', name: t.series.members, symbol: seriesStyles.members.symbol, symbolSize: 11, itemStyle: { color: seriesStyles.members.colour, borderColor: '#ffffff', borderWidth: 1 }, data: placed.filter((row) => !row.own).map(point) },
        { type: 'scatter', name: t.series.own, symbol: seriesStyles.own.symbol, symbolSize: 16, itemStyle: { color: seriesStyles.own.colour, borderColor: '#000000', borderWidth: 1 }, data: placed.filter((row) => row.own).map(point) },
      ],
    },
    table: {
      caption: t.matrixTitle,
      columns: [t.columns.member, dimensionName(matrix.capability), dimensionName(matrix.legacy), t.columns.quadrant],
      rows: overview.rows.map((row) => [memberName(row, t), roundScore(row.capability), roundScore(row.legacy), row.quadrant ?? '–']),
      fractionDigits: 1,
    },
  };
}

/** Maturity percentage per member, highest first; the own organisation is hatched as well as coloured. */
export function federationMaturityBarsChart({ overview }: FederationChartInput, t: Texts, locale: Locale): ChartSpec {
  const sorted = overview.rows.filter((row) => row.maturityPercent !== null).sort((a, b) => b.maturityPercent! - a.maturityPercent!);
  const values = sorted.map((row) => row.maturityPercent!);
  const percent = (value: number) => formatPercent(locale, value / 100, 1);
  const average = values.length > 0 ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
  return {
    id: 'federation-maturity-bars',
    title: t.barsTitle,
    summary: values.length > 0 ? t.barsSummary(percent(Math.min(...values)), percent(average!), percent(Math.max(...values))) : t.noResults,
    width: 640,
    height: Math.max(240, 60 + sorted.length * 26),
    option: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 170, right: 48, top: 16, bottom: 32 },
      xAxis: { type: 'value', min: 0, max: 100, name: '%', axisLabel: { color: textColour } },
      yAxis: { type: 'category', inverse: true, data: sorted.map((row) => memberName(row, t)), axisLabel: { color: textColour, fontWeight: 'normal' } },
      series: [
        {
          type: 'bar',
          name: t.barsSeries,
          label: { show: true, position: 'right', color: textColour },
          data: sorted.map((row) => ({
            value: percentShown(row.maturityPercent),
            // A formatter string per bar, because the option is JSON and ECharts would print "63.9".
            label: { formatter: formatNumber(locale, row.maturityPercent!, 1) },
            itemStyle: row.own ? { color: seriesStyles.own.colour, decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [4, 3], rotation: -Math.PI / 4, color: 'rgba(255,255,255,0.6)' } } : { color: seriesStyles.members.colour },
          })),
        },
      ],
      aria: { enabled: false, decal: { show: true } },
    },
    table: {
      caption: t.barsTitle,
      columns: [t.columns.member, t.columns.maturity, t.columns.quadrant, t.columns.respondents],
      rows: sorted.map((row) => [memberName(row, t), percentShown(row.maturityPercent), row.quadrant ?? '–', formatNumber(locale, row.respondents)]),
      fractionDigits: 1,
    },
  };
}

/** The federation's spread per capability (the seed's federation radar): lowest, average, highest and national. */
export function federationRadarChart({ instrument, overview, national }: FederationChartInput, t: Texts, locale: Locale): ChartSpec | null {
  const benchmark = overview.benchmark;
  if (!benchmark) return null;
  const capabilities = allCapabilities(instrument).map(({ capability }) => ({ key: capability.key, name: pick(capability.name, locale) }));
  const series: Array<{ name: string; role: SeriesRole; values: Array<number | null> }> = [
    { name: t.series.lowest, role: 'federationLowest', values: capabilities.map((c) => roundScore(benchmark.capabilities[c.key]?.min)) },
    { name: t.series.average, role: 'federationAverage', values: capabilities.map((c) => roundScore(benchmark.capabilities[c.key]?.avg)) },
    { name: t.series.highest, role: 'federationHighest', values: capabilities.map((c) => roundScore(benchmark.capabilities[c.key]?.max)) },
  ];
  if (national) series.push({ name: t.series.national, role: 'national', values: capabilities.map((c) => roundScore(national.capabilities[c.key]?.avg)) });
  return {
    id: 'federation-radar',
    title: t.radarTitle,
    summary: t.radarSummary,
    width: 760,
    height: 640,
    option: {
      legend: { data: series.map((entry) => entry.name), bottom: 0 },
      tooltip: { trigger: 'item' },
      radar: { indicator: radarIndicators(capabilities.map((c) => c.name), 6), radius: '55%', center: ['50%', '45%'], splitNumber: 6, axisLabel: { show: false }, axisName: { color: textColour, fontSize: 10 } },
      series: [
        {
          type: 'radar',
          data: series.map((entry) => ({
            name: entry.name,
            value: entry.values.map((value) => (value === null ? '-' : value)),
            symbol: seriesStyles[entry.role].symbol,
            symbolSize: 4,
            lineStyle: { type: seriesStyles[entry.role].line, width: entry.role === 'federationAverage' ? 3 : 1.5, color: seriesStyles[entry.role].colour },
            itemStyle: { color: seriesStyles[entry.role].colour },
          })),
        },
      ],
    },
    table: {
      caption: t.radarTitle,
      columns: [t.columns.capability, ...series.map((entry) => entry.name)],
      rows: capabilities.map((c, i) => [c.name, ...series.map((entry) => entry.values[i] ?? null)]),
      fractionDigits: 1,
    },
  };
}

/** Every chart of the overview, in page order; the export route looks charts up here. */
export function federationMaturityCharts(input: FederationChartInput, t: Texts, locale: Locale): ChartSpec[] {
  return [federationMatrixChart(input, t, locale), federationMaturityBarsChart(input, t, locale), federationRadarChart(input, t, locale)].filter((spec): spec is ChartSpec => spec !== null);
}
