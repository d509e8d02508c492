// Chart builders for the results of the maturity survey (the seed's figures 3–5): the radar
// of all capabilities, the category radar and the sorted bars beside it, the 2×2 matrix and
// the category bars. Pure: round results, texts and a locale in, a ChartSpec out, so pages,
// SVG/PNG exports and later reports draw the same figures.
import type { EChartsOption } from 'echarts';
import type { Instrument } from '../domain/instruments/instrument-schema.ts';
import { allCapabilities } from '../domain/instruments/instrument-structure.ts';
import type { Benchmark } from '../domain/scoring/benchmarks.ts';
import { matrixDimensions } from '../domain/scoring/maturity-score.ts';
import { roundScore, shownChange } from '../domain/rounding.ts';
import { formatNumber, type Locale } from '../i18n/format.ts';
import { pick, type Messages } from '../i18n/messages.ts';
import type { RoundResults } from '../domain/results/round-results.ts';
import type { ChartSpec } from './chart-spec.ts';
import { spreadMarkers } from './marker-spread.ts';
import { radarIndicators, seriesStyles, textColour, type SeriesRole } from './chart-theme.ts';

type Texts = Messages['results'];

/** ECharts' marker for a missing value. */
const gap = (value: number | null) => (value === null ? '-' : value);

interface Series {
  name: string;
  /** Which recurring series this is, and so its colour, line and symbol in every chart. */
  role: SeriesRole;
  values: Array<number | null>;
}

function capabilityList(instrument: Instrument, locale: Locale) {
  return allCapabilities(instrument).map(({ capability, category }) => ({ key: capability.key, name: pick(capability.name, locale), categoryKey: category.key }));
}

function categoryList(instrument: Instrument, locale: Locale) {
  return instrument.dimensions.flatMap((dimension) => dimension.categories.map((category) => ({ key: category.key, name: pick(category.name, locale) })));
}

function firstFederation(results: RoundResults): { name: string; benchmark: Benchmark } | null {
  const found = results.benchmarks.federations.find((federation) => federation.benchmark !== null);
  return found && found.benchmark ? { name: found.name, benchmark: found.benchmark } : null;
}

/** Own, federation min/avg/max and national avg for a list of measures of one level. */
function comparisonSeries(results: RoundResults, m: Texts, level: 'capabilities' | 'categories', keys: string[], withRange: boolean): Series[] {
  const result = results.result;
  const own = keys.map((key) => roundScore(level === 'capabilities' ? result?.capabilities[key]?.score : result?.categories[key]));
  const series: Series[] = [{ name: m.series.own, role: 'own', values: own }];
  const federation = firstFederation(results);
  if (federation) {
    const values = (pickValue: 'min' | 'avg' | 'max') => keys.map((key) => roundScore(federation.benchmark[level][key]?.[pickValue]));
    if (withRange) series.push({ name: m.series.federationMin(federation.name), role: 'federationLowest', values: values('min') });
    series.push({ name: m.series.federationAvg(federation.name), role: 'federationAverage', values: values('avg') });
    if (withRange) series.push({ name: m.series.federationMax(federation.name), role: 'federationHighest', values: values('max') });
  }
  const national = results.benchmarks.national;
  if (national) series.push({ name: m.series.national, role: 'national', values: keys.map((key) => roundScore(national[level][key]?.avg)) });
  for (const reference of results.references) {
    const values = keys.map((key) => roundScore(reference.values[key]));
    if (values.some((value) => value !== null)) series.push({ name: m.series.reference(reference.source, reference.year, reference.organisations), role: 'reference', values });
  }
  return series;
}

function extremes(names: string[], values: Array<number | null>, locale: Locale): { best: string; worst: string; mean: string } {
  const scored = names.map((name, i) => ({ name, value: values[i] ?? null })).filter((entry): entry is { name: string; value: number } => entry.value !== null);
  if (scored.length === 0) return { best: '–', worst: '–', mean: '–' };
  const sorted = [...scored].sort((a, b) => b.value - a.value);
  const label = (entry: { name: string; value: number }) => `${entry.name} ${formatNumber(locale, entry.value, 1)}`;
  const mean = scored.reduce((sum, entry) => sum + entry.value, 0) / scored.length;
  return { best: label(sorted[0]!), worst: label(sorted[sorted.length - 1]!), mean: formatNumber(locale, mean, 1) };
}

function radarOption(names: string[], series: Series[], fontSize: number): EChartsOption {
  return {
    legend: { data: series.map((entry) => entry.name), bottom: 0, left: 'center', width: '90%' },
    tooltip: { trigger: 'item' },
    radar: {
      indicator: radarIndicators(names, 6),
      radius: '55%',
      center: ['50%', '45%'],
      splitNumber: 6,
      axisLabel: { show: false },
      axisName: { color: textColour, fontSize },
    },
    series: [
      {
        type: 'radar',
        data: series.map((entry) => {
          const style = seriesStyles[entry.role];
          const own = entry.role === 'own';
          return {
            name: entry.name,
            value: entry.values.map(gap),
            symbol: style.symbol,
            symbolSize: own ? 6 : 4,
            lineStyle: { type: style.line, width: own ? 3 : 1.5, color: style.colour },
            itemStyle: { color: style.colour },
            areaStyle: own ? { opacity: 0.12, color: style.colour } : undefined,
          };
        }),
      },
    ],
  };
}

function table(caption: string, firstColumn: string, names: string[], series: Series[]) {
  return {
    caption,
    columns: [firstColumn, ...series.map((entry) => entry.name)],
    rows: names.map((name, i) => [name, ...series.map((entry) => entry.values[i] ?? null)]),
    fractionDigits: 1,
  };
}

/** Figure 3/4: a radar of every capability: own, federation min/avg/max, national avg. */
export function capabilityRadarChart(results: RoundResults, m: Texts, locale: Locale): ChartSpec {
  const capabilities = capabilityList(results.instrument, locale);
  const names = capabilities.map((capability) => capability.name);
  const series = comparisonSeries(results, m, 'capabilities', capabilities.map((capability) => capability.key), true);
  const { best, worst, mean } = extremes(names, series[0]!.values, locale);
  return {
    id: 'capability-radar',
    title: m.capabilityRadarTitle,
    summary: m.capabilityRadarSummary(mean, best, worst),
    width: 760,
    height: 640,
    option: radarOption(names, series, 10),
    table: table(m.capabilityRadarTitle, m.columns.capability, names, series),
  };
}

/** The category radar the interface notes advise beside the full one (six axes read easily). */
export function categoryRadarChart(results: RoundResults, m: Texts, locale: Locale): ChartSpec {
  const categories = categoryList(results.instrument, locale);
  const names = categories.map((category) => category.name);
  const series = comparisonSeries(results, m, 'categories', categories.map((category) => category.key), false);
  const { best, worst } = extremes(names, series[0]!.values, locale);
  return {
    id: 'category-radar',
    title: m.categoryRadarTitle,
    summary: m.categoryRadarSummary(best, worst),
    width: 520,
    height: 460,
    option: radarOption(names, series, 12),
    table: table(m.categoryRadarTitle, m.columns.category, names, series),
  };
}

/** The capabilities as horizontal bars, highest first, with the federation mean beside them. */
export function sortedCapabilityBarsChart(results: RoundResults, m: Texts, locale: Locale): ChartSpec {
  const capabilities = capabilityList(results.instrument, locale);
  const all = comparisonSeries(results, m, 'capabilities', capabilities.map((capability) => capability.key), false);
  const rows = capabilities
    .map((capability, i) => ({ name: capability.name, own: all[0]!.values[i] ?? null, other: all[1]?.values[i] ?? null }))
    .sort((a, b) => (b.own ?? -1) - (a.own ?? -1));
  const names = rows.map((row) => row.name);
  const series: Series[] = [{ name: all[0]!.name, role: all[0]!.role, values: rows.map((row) => row.own) }];
  if (all[1]) series.push({ name: all[1].name, role: all[1].role, values: rows.map((row) => row.other) });
  const { best, worst } = extremes(names, series[0]!.values, locale);
  const reversedNames = [...names].reverse();
  return {
    id: 'capability-bars',
    title: m.sortedBarsTitle,
    summary: m.sortedBarsSummary(best, worst),
    width: 620,
    height: 120 + names.length * (series.length > 1 ? 26 : 18),
    option: {
      legend: { data: series.map((entry) => entry.name), bottom: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 210, right: 40, top: 16, bottom: 48 },
      xAxis: { type: 'value', min: 0, max: 6, interval: 1 },
      yAxis: { type: 'category', data: reversedNames, axisLabel: { fontSize: 11, color: textColour } },
      series: series.map((entry, i) => ({
        type: 'bar',
        name: entry.name,
        // Each bar carries its own label text, so numbers read the locale's way (4,8 in Swedish).
        data: [...entry.values].reverse().map((value) =>
          value === null ? '-' : i === 0 ? { value, label: { show: true, position: 'right' as const, formatter: formatNumber(locale, value, 1), fontSize: 10, color: textColour } } : value,
        ),
        itemStyle: { color: seriesStyles[entry.role].colour, decal: i === 1 ? { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: Math.PI / 4 } : undefined },
      })),
    },
    table: table(m.sortedBarsTitle, m.columns.capability, names, series),
  };
}

/** Horizontal grouped bars over the areas (0–6), first area on top; `styleOf` decorates series i. */
function areaBarsOption(names: string[], series: Series[], styleOf: (i: number) => { color: string | undefined; decal: object | undefined }): EChartsOption {
  return {
    legend: { data: series.map((entry) => entry.name), bottom: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 150, right: 40, top: 16, bottom: 56 },
    xAxis: { type: 'value', min: 0, max: 6, interval: 1 },
    yAxis: { type: 'category', data: [...names].reverse(), axisLabel: { color: textColour } },
    series: series.map((entry, i) => ({ type: 'bar', name: entry.name, data: [...entry.values].reverse().map(gap), itemStyle: styleOf(i) })),
  };
}

/** The areas as grouped bars: own, federation mean, national mean. */
export function categoryBarsChart(results: RoundResults, m: Texts, locale: Locale): ChartSpec {
  const categories = categoryList(results.instrument, locale);
  const names = categories.map((category) => category.name);
  const series = comparisonSeries(results, m, 'categories', categories.map((category) => category.key), false);
  return {
    id: 'category-bars',
    title: m.categoryBarsTitle,
    summary: m.categoryBarsSummary,
    width: 620,
    height: 120 + names.length * series.length * 14,
    option: areaBarsOption(names, series, (i) => ({
      color: seriesStyles[series[i]!.role].colour,
      decal: i > 0 ? { symbol: i % 2 ? 'rect' : 'circle', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: Math.PI / 4 } : undefined,
    })),
    table: table(m.categoryBarsTitle, m.columns.category, names, series),
  };
}

/** Figure 5: the 2×2 matrix with the organisation's point, the federation mean and the national mean. */
export function maturityMatrixChart(results: RoundResults, m: Texts, locale: Locale): ChartSpec {
  const { instrument, result } = results;
  const matrix = matrixDimensions(instrument);
  const dimensionName = (key: string) => pick(instrument.dimensions.find((dimension) => dimension.key === key)?.name ?? { sv: key, en: key }, locale);
  const threshold = result?.threshold ?? instrument.results?.quadrantThreshold ?? 3;
  const points: Array<{ name: string; role: SeriesRole; x: number | null; y: number | null }> = [
    { name: m.series.own, role: 'own', x: roundScore(result?.dimensions[matrix.capability]), y: roundScore(result?.dimensions[matrix.legacy]) },
  ];
  const federation = firstFederation(results);
  if (federation) {
    points.push({ name: m.series.federationAvg(federation.name), role: 'federationAverage', x: roundScore(federation.benchmark.dimensions[matrix.capability]?.avg), y: roundScore(federation.benchmark.dimensions[matrix.legacy]?.avg) });
  }
  const national = results.benchmarks.national;
  if (national) points.push({ name: m.series.national, role: 'national', x: roundScore(national.dimensions[matrix.capability]?.avg), y: roundScore(national.dimensions[matrix.legacy]?.avg) });
  for (const reference of results.references) {
    const x = roundScore(reference.values[matrix.capability]);
    const y = roundScore(reference.values[matrix.legacy]);
    if (x !== null && y !== null) points.push({ name: m.series.reference(reference.source, reference.year, reference.organisations), role: 'reference', x, y });
  }
  const shown = points.filter((point) => point.x !== null && point.y !== null);
  const own = points[0]!;
  // Points on (nearly) the same spot, e.g. the own organisation on the federation's mean, are
  // spread a few pixels apart so that neither marker hides the other.
  const grid = { left: 64, right: 24, top: 24, bottom: 96 };
  const plot = { width: 560 - grid.left - grid.right, height: 520 - grid.top - grid.bottom };
  const spreads = spreadMarkers(shown.map((point) => ({ x: ((point.x ?? 0) / 6) * plot.width, y: (1 - (point.y ?? 0) / 6) * plot.height })), 18);
  const quadrantLabel = (key: string, x: number, y: number) => ({
    value: [x, y],
    symbolSize: 0,
    label: { show: true, formatter: key, fontSize: 30, fontWeight: 'bold' as const, color: '#6b6b6b' },
  });
  return {
    id: 'maturity-matrix',
    title: m.matrixTitle,
    summary:
      own.x !== null && own.y !== null && result?.quadrant
        ? m.matrixSummary(formatNumber(locale, own.x, 1), formatNumber(locale, own.y, 1), result.quadrant)
        : m.matrixNoPoint,
    width: 560,
    height: 520,
    option: {
      legend: { data: shown.map((point) => point.name), bottom: 0 },
      tooltip: { trigger: 'item' },
      grid,
      xAxis: { type: 'value', min: 0, max: 6, interval: 1, name: dimensionName(matrix.capability), nameLocation: 'middle', nameGap: 28, splitLine: { show: false } },
      yAxis: { type: 'value', min: 0, max: 6, interval: 1, name: dimensionName(matrix.legacy), nameLocation: 'middle', nameGap: 36, splitLine: { show: false } },
      series: [
        {
          type: 'scatter' as const,
          name: 'quadrants',
          silent: true,
          data: [quadrantLabel('A', threshold / 2, threshold / 2), quadrantLabel('B', threshold / 2, (6 + threshold) / 2), quadrantLabel('C', (6 + threshold) / 2, threshold / 2), quadrantLabel('D', (6 + threshold) / 2, (6 + threshold) / 2)],
          markLine: {
            silent: true,
            symbol: 'none',
            label: { show: false },
            lineStyle: { color: '#595959', type: 'solid' as const, width: 1.5 },
            data: [{ xAxis: threshold }, { yAxis: threshold }],
          },
        },
        ...shown.map((point, i) => ({
          type: 'scatter' as const,
          name: point.name,
          ...(spreads[i]!.offset[0] !== 0 || spreads[i]!.offset[1] !== 0 ? { symbolOffset: spreads[i]!.offset } : {}),
          symbol: seriesStyles[point.role].symbol,
          symbolSize: point.role === 'own' ? 18 : 13,
          itemStyle: { color: seriesStyles[point.role].colour, borderColor: '#ffffff', borderWidth: 1 },
          data: [[point.x, point.y]],
        })),
      ],
    },
    table: {
      caption: m.matrixTitle,
      columns: ['', dimensionName(matrix.capability), dimensionName(matrix.legacy)],
      rows: points.map((point) => [point.name, point.x, point.y]),
      fractionDigits: 1,
    },
  };
}

/** The areas this year beside the earlier round's, where the areas are comparable. */
export function categoryTrendChart(results: RoundResults, m: Texts, locale: Locale): ChartSpec | null {
  const { trend } = results;
  if (!trend) return null;
  const categories = categoryList(results.instrument, locale).filter((category) => trend.categories[category.key]);
  if (categories.length === 0) return null;
  const names = categories.map((category) => category.name);
  const series: Series[] = [
    { name: m.series.previous(trend.previousYear), role: 'previousYear', values: categories.map((category) => roundScore(trend.categories[category.key]?.previous)) },
    { name: m.series.previous(results.round.year), role: 'own', values: categories.map((category) => roundScore(trend.categories[category.key]?.current)) },
  ];
  const changes = categories.map((category) => ({ name: category.name, change: shownChange(trend.categories[category.key]!.previous, trend.categories[category.key]!.current) })).sort((a, b) => b.change - a.change);
  const describe = (entry: { name: string; change: number } | undefined) =>
    entry ? `${entry.name} ${entry.change >= 0 ? '+' : '−'}${formatNumber(locale, Math.abs(entry.change), 1)}` : '–';
  return {
    id: 'category-trend',
    title: m.trendChartTitle(trend.previousYear, results.round.year),
    summary: m.trendChartSummary(describe(changes[0]), describe(changes[changes.length - 1])),
    width: 620,
    height: 120 + names.length * 30,
    option: areaBarsOption(names, series, (i) => ({
      color: seriesStyles[series[i]!.role].colour,
      decal: i === 0 ? { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: Math.PI / 4 } : undefined,
    })),
    table: {
      caption: m.trendChartTitle(trend.previousYear, results.round.year),
      columns: [m.columns.category, ...series.map((entry) => entry.name), m.columns.change],
      rows: categories.map((category, i) => [category.name, series[0]!.values[i] ?? null, series[1]!.values[i] ?? null, shownChange(trend.categories[category.key]!.previous, trend.categories[category.key]!.current)]),
      fractionDigits: 1,
    },
  };
}

/** Every chart of the results page, in page order; the export route looks charts up here. */
export function maturityCharts(results: RoundResults, m: Texts, locale: Locale): ChartSpec[] {
  if (!results.result) return [];
  return [
    maturityMatrixChart(results, m, locale),
    capabilityRadarChart(results, m, locale),
    categoryRadarChart(results, m, locale),
    sortedCapabilityBarsChart(results, m, locale),
    categoryBarsChart(results, m, locale),
    ...[categoryTrendChart(results, m, locale)].filter((spec): spec is ChartSpec => spec !== null),
  ];
}
