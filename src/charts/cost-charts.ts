// Chart builders for the IT-cost analysis (the seed's figures 7–15). Pure: analysis or
// comparison data, the cost texts and a locale in, a ChartSpec out, so the pages, the SVG/PNG
// exports and later the reports draw the same figures. Percentages are 0–100 with one decimal;
// money in the tables is whole kronor.
import type { EChartsOption } from 'echarts';
import { tbmV4, type CostTaxonomy } from '../domain/costs/cost-taxonomy.ts';
import type { FederationComparison, FederationMemberFigures } from '../domain/costs/federation-comparison.ts';
import { IT_TOWER_KEYS, itTowers, type TowerMix } from '../domain/costs/it-towers.ts';
import type { InsideOutsideShare, LedgerAnalysis } from '../domain/costs/ledger-analysis.ts';
import { roundTo } from '../domain/rounding.ts';
import { formatNumber, formatPercent, type Locale } from '../i18n/format.ts';
import { pick, pickName, type Messages } from '../i18n/messages.ts';
import { localeAxisFormatter } from './axis-labels.ts';
import type { ChartSpec } from './chart-spec.ts';
import { palette, seriesStyles } from './chart-theme.ts';

type CostTexts = Messages['costs'];

// Every figure is rounded once, here, with src/domain/rounding.ts, from the unrounded share or öre.
const percent = (share: number | null | undefined): number | null => (share === null || share === undefined ? null : roundTo(share * 100, 1));
const kronor = (ore: number): number => roundTo(ore / 100, 0);

/**
 * A bar value with its label written out in the reader's locale ("2,6 %"), since a label
 * template such as "{c} %" would print the raw number with a decimal point.
 */
function percentItem(locale: Locale, share: number | null | undefined, digits = 1) {
  const value = percent(share);
  // The label is formatted from the unrounded share, so it is not a rounding of the rounded bar value.
  return { value, label: { formatter: share === null || share === undefined ? '' : formatPercent(locale, share, digits) } };
}

/** Millions of kronor with two decimals, for chart axes (the tables keep whole kronor). */
const millions = (ore: number): number => roundTo(ore / 100_000_000, 2);

function money(locale: Locale, ore: number): string {
  return `${formatNumber(locale, kronor(ore))} kr`;
}

/** The viewer's bar stands out by colour and by a hatched pattern, and its label says so too. */
const OWN_COLOUR = seriesStyles.own.colour;
const OTHER_COLOUR = seriesStyles.members.colour;
const OWN_DECAL = { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: Math.PI / 4, color: 'rgba(255,255,255,0.6)' };

function memberName(m: CostTexts, member: FederationMemberFigures): string {
  return member.isViewer ? m.ownMember(member.label) : m.memberLabel(member.label);
}

/**
 * The share of a member's identified IT cost booked on central IT, from its pool mix and the
 * inside/outside split: Σ over pools of (pool share × the pool's central-IT fraction), where
 * pools that only count on central IT have fraction 1. Equal to Σ centralIt / Σ total.
 */
export function centralItShareOfIt(
  poolMix: Record<string, number> | null,
  insideOutside: Record<string, InsideOutsideShare | null>,
  taxonomy: CostTaxonomy = tbmV4,
): number | null {
  if (poolMix === null) return null;
  let inside = 0;
  for (const pool of taxonomy.pools) {
    const share = poolMix[pool.key] ?? 0;
    if (!pool.countsOutsideCentralIt) inside += share;
    else inside += share * (insideOutside[pool.key]?.centralIt ?? 0);
  }
  return inside;
}

/** Figure 7: central IT's share of the total cost for every member, the viewer highlighted, the average as a line. */
export function centralItShareChart(comparison: FederationComparison, m: CostTexts, locale: Locale): ChartSpec {
  const members = comparison.members;
  const names = members.map((member) => memberName(m, member));
  const average = percent(comparison.average.centralItShare);
  const own = members.find((member) => member.isViewer);
  const option: EChartsOption = {
    grid: { left: 56, right: 24, top: 32, bottom: 96 },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: 40, interval: 0 } },
    yAxis: { type: 'value', name: '%', axisLabel: { formatter: localeAxisFormatter(locale, ' %') } },
    tooltip: { trigger: 'axis' },
    series: [
      {
        type: 'bar',
        name: m.charts.shareColumn,
        data: members.map((member) => ({
          ...percentItem(locale, member.centralItShare),
          itemStyle: member.isViewer ? { color: OWN_COLOUR, decal: OWN_DECAL } : { color: OTHER_COLOUR },
        })),
        label: { show: true, position: 'top' },
        markLine:
          average === null
            ? undefined
            : { symbol: 'none', lineStyle: { type: 'dashed', color: '#1b1b1b' }, label: { formatter: `${m.average} ${formatPercent(locale, comparison.average.centralItShare ?? 0, 1)}`, position: 'insideStartTop' }, data: [{ yAxis: average }] },
      },
    ],
  };
  return {
    id: 'costs-central-it-share',
    title: m.charts.shareTitle,
    summary: m.charts.shareSummary(
      own && own.centralItShare !== null ? formatPercent(locale, own.centralItShare, 1) : null,
      comparison.average.centralItShare === null ? null : formatPercent(locale, comparison.average.centralItShare, 1),
      members.length,
    ),
    width: 720,
    height: 380,
    option,
    table: {
      caption: m.charts.shareCaption,
      columns: [m.charts.member, m.charts.shareColumn],
      rows: [...members.map((member, index) => [names[index] ?? '', percent(member.centralItShare)]), [m.average, average]],
    },
  };
}

/** Figure 8: every member's IT cost split over the pools (100 % stacked bars). */
export function federationPoolMixChart(comparison: FederationComparison, m: CostTexts, locale: Locale, taxonomy: CostTaxonomy = tbmV4): ChartSpec {
  const members = comparison.members.filter((member) => member.poolMix !== null);
  const names = members.map((member) => memberName(m, member));
  const poolName = (key: string) => pickName(taxonomy.pools.find((pool) => pool.key === key), key, locale);
  const averageMix = comparison.average.poolMix;
  let largest: [string, number] = ['', 0];
  for (const pool of taxonomy.pools) {
    const share = averageMix?.[pool.key] ?? 0;
    if (share > largest[1]) largest = [pool.key, share];
  }
  const option: EChartsOption = {
    grid: { left: 170, right: 24, top: 72, bottom: 32 },
    legend: { top: 0, type: 'plain' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: localeAxisFormatter(locale, ' %') } },
    yAxis: { type: 'category', data: names, inverse: true },
    series: taxonomy.pools.map((pool, index) => ({
      type: 'bar',
      stack: 'mix',
      name: pick(pool.name, locale),
      itemStyle: { color: palette[index % palette.length] },
      data: members.map((member) => percent(member.poolMix?.[pool.key] ?? 0)),
    })),
  };
  return {
    id: 'costs-pool-mix',
    title: m.charts.poolMixTitle,
    summary: m.charts.poolMixSummary(poolName(largest[0]).toLowerCase(), formatPercent(locale, largest[1], 1)),
    width: 760,
    height: Math.max(260, 110 + members.length * 30),
    option,
    table: {
      caption: m.charts.poolMixCaption,
      columns: [m.charts.member, ...taxonomy.pools.map((pool) => pick(pool.name, locale))],
      rows: [
        ...members.map((member, index) => [names[index] ?? '', ...taxonomy.pools.map((pool) => percent(member.poolMix?.[pool.key] ?? 0))]),
        ...(averageMix ? [[m.average, ...taxonomy.pools.map((pool) => percent(averageMix[pool.key] ?? 0))]] : []),
      ],
    },
  };
}

/**
 * The note under the pool table when some central-IT cost is on accounts no rule maps: the amount
 * and the accounts, so the key figure and the table's sum never differ without a reason.
 */
export function unmappedNote(analysis: LedgerAnalysis, m: CostTexts, locale: Locale): string | null {
  if (!analysis.unmappedTotalOre) return null;
  const accounts = analysis.unmapped.map((entry) => `${entry.account}${entry.name ? ` ${entry.name}` : ''} (${money(locale, entry.amountOre)})`).join(', ');
  return m.unmappedNote(money(locale, analysis.unmappedTotalOre), accounts);
}

/** Figures 9 and 10: the organisation's identified IT cost per pool, central IT and outside. */
export function ownPoolsChart(analysis: LedgerAnalysis, m: CostTexts, locale: Locale, taxonomy: CostTaxonomy = tbmV4): ChartSpec {
  const pools = taxonomy.pools;
  let largest = pools[0];
  for (const pool of pools) if ((analysis.pools[pool.key]?.totalOre ?? 0) > (analysis.pools[largest?.key ?? '']?.totalOre ?? 0)) largest = pool;
  const figures = (key: string) => analysis.pools[key] ?? { centralItOre: 0, outsideOre: 0, totalOre: 0 };
  const option: EChartsOption = {
    grid: { left: 170, right: 40, top: 40, bottom: 40 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', name: 'mnkr', axisLabel: { formatter: localeAxisFormatter(locale) } },
    yAxis: { type: 'category', data: pools.map((pool) => pick(pool.name, locale)), inverse: true },
    series: [
      { type: 'bar', stack: 'cost', name: m.charts.centralIt, itemStyle: { color: palette[0] }, data: pools.map((pool) => millions(figures(pool.key).centralItOre)) },
      { type: 'bar', stack: 'cost', name: m.charts.outside, itemStyle: { color: palette[4], decal: OWN_DECAL }, data: pools.map((pool) => millions(figures(pool.key).outsideOre)) },
    ],
  };
  const summary =
    analysis.totalItOre === 0 || largest === undefined
      ? m.charts.ownPoolsEmpty
      : m.charts.ownPoolsSummary(money(locale, analysis.totalItOre), pick(largest.name, locale).toLowerCase(), money(locale, figures(largest.key).totalOre));
  return {
    id: 'costs-own-pools',
    title: m.charts.ownPoolsTitle,
    summary,
    width: 720,
    height: 360,
    option,
    table: {
      caption: m.charts.ownPoolsCaption,
      columns: [m.pool, m.charts.centralIt, m.charts.outside, m.charts.total],
      rows: [
        ...pools.map((pool) => [pick(pool.name, locale), kronor(figures(pool.key).centralItOre), kronor(figures(pool.key).outsideOre), kronor(figures(pool.key).totalOre)]),
        [
          m.charts.sumRow,
          kronor(pools.reduce((sum, pool) => sum + figures(pool.key).centralItOre, 0)),
          kronor(pools.reduce((sum, pool) => sum + figures(pool.key).outsideOre, 0)),
          kronor(analysis.totalItOre),
        ],
        // Central-IT cost on accounts no rule maps is in the key figure "central IT" but in no
        // pool: shown as its own row, and then central IT's whole cost, so the totals agree.
        ...(!analysis.unmappedTotalOre
          ? []
          : [
              [m.charts.unmappedRow, kronor(analysis.unmappedTotalOre), null, null],
              [m.charts.centralItAllRow, kronor(analysis.centralItCostOre), null, null],
            ]),
      ],
      fractionDigits: 0,
    },
  };
}

/** Figure 11: for every member, the share of its identified IT cost inside and outside central IT. */
export function federationInsideOutsideChart(comparison: FederationComparison, m: CostTexts, locale: Locale, taxonomy: CostTaxonomy = tbmV4): ChartSpec {
  const members = comparison.members.filter((member) => member.poolMix !== null);
  const names = members.map((member) => memberName(m, member));
  const inside = members.map((member) => centralItShareOfIt(member.poolMix, member.insideOutside, taxonomy) ?? 0);
  const average = inside.length === 0 ? null : inside.reduce((sum, value) => sum + value, 0) / inside.length;
  const option: EChartsOption = {
    grid: { left: 170, right: 24, top: 40, bottom: 32 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: localeAxisFormatter(locale, ' %') } },
    yAxis: { type: 'category', data: names, inverse: true },
    series: [
      { type: 'bar', stack: 'split', name: m.charts.centralIt, itemStyle: { color: palette[0] }, label: { show: true, color: '#ffffff' }, data: inside.map((share) => percentItem(locale, share)) },
      { type: 'bar', stack: 'split', name: m.charts.outside, itemStyle: { color: palette[4], decal: OWN_DECAL }, data: inside.map((share) => percent(1 - share)) },
    ],
  };
  return {
    id: 'costs-inside-outside',
    title: m.charts.insideOutsideTitle,
    summary: m.charts.insideOutsideSummary(average === null ? null : formatPercent(locale, average, 1)),
    width: 720,
    height: Math.max(220, 90 + members.length * 30),
    option,
    table: {
      caption: m.charts.insideOutsideCaption,
      columns: [m.charts.member, m.charts.centralIt, m.charts.outside],
      rows: [...members.map((_member, index) => [names[index] ?? '', percent(inside[index]), percent(1 - (inside[index] ?? 0))]), ...(average === null ? [] : [[m.average, percent(average), percent(1 - average)]])],
    },
  };
}

/** Figures 12 and 13: hardware, software and telecom inside and outside central IT (federation average or own). */
export function insideOutsideSplitChart(
  split: Record<string, InsideOutsideShare | null>,
  which: 'federation' | 'own',
  m: CostTexts,
  locale: Locale,
  taxonomy: CostTaxonomy = tbmV4,
): ChartSpec {
  const pools = taxonomy.pools.filter((pool) => pool.countsOutsideCentralIt);
  const parts = pools.flatMap((pool) => {
    const share = split[pool.key];
    return share ? [m.charts.splitPart(pick(pool.name, locale).toLowerCase(), formatPercent(locale, share.centralIt, 0))] : [];
  });
  const option: EChartsOption = {
    grid: { left: 110, right: 24, top: 40, bottom: 32 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: localeAxisFormatter(locale, ' %') } },
    yAxis: { type: 'category', data: pools.map((pool) => pick(pool.name, locale)), inverse: true },
    series: [
      { type: 'bar', stack: 'split', name: m.charts.centralIt, itemStyle: { color: palette[0] }, label: { show: true, color: '#ffffff' }, data: pools.map((pool) => percentItem(locale, split[pool.key]?.centralIt ?? null, 0)) },
      { type: 'bar', stack: 'split', name: m.charts.outside, itemStyle: { color: palette[4], decal: OWN_DECAL }, data: pools.map((pool) => percent(split[pool.key]?.outside ?? null)) },
    ],
  };
  return {
    id: which === 'federation' ? 'costs-split-federation' : 'costs-split-own',
    title: which === 'federation' ? m.charts.splitFederationTitle : m.charts.splitOwnTitle,
    summary: m.charts.splitSummary(parts.length === 0 ? m.charts.splitNone : parts.join(', ')),
    width: 640,
    height: 240,
    option,
    table: {
      caption: m.charts.splitCaption,
      columns: [m.pool, m.charts.centralIt, m.charts.outside],
      rows: pools.map((pool) => [pick(pool.name, locale), percent(split[pool.key]?.centralIt ?? null), percent(split[pool.key]?.outside ?? null)]),
      fractionDigits: 0,
    },
  };
}

/** Figure 15: the organisation's staff per IT tower against the federation average. */
export function towerMixChart(own: TowerMix | null, average: TowerMix | null, m: CostTexts, locale: Locale): ChartSpec {
  const names = IT_TOWER_KEYS.map((key) => pickName(itTowers.find((tower) => tower.key === key), key, locale));
  const describe = (mix: TowerMix | null) =>
    mix === null ? null : IT_TOWER_KEYS.map((key, index) => `${(names[index] ?? key).toLowerCase()} ${formatPercent(locale, mix[key], 0)}`).join(', ');
  const option: EChartsOption = {
    grid: { left: 56, right: 24, top: 40, bottom: 64 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', axisLabel: { formatter: localeAxisFormatter(locale, ' %') } },
    series: [
      {
        type: 'bar',
        name: m.charts.own,
        itemStyle: { color: seriesStyles.own.colour },
        label: { show: true, position: 'top' },
        data: IT_TOWER_KEYS.map((key) => percentItem(locale, own?.[key] ?? null, 0)),
      },
      {
        type: 'line',
        name: m.average,
        symbol: seriesStyles.federationAverage.symbol,
        symbolSize: 10,
        lineStyle: { type: seriesStyles.federationAverage.line, width: 2, color: seriesStyles.federationAverage.colour },
        itemStyle: { color: seriesStyles.federationAverage.colour },
        data: IT_TOWER_KEYS.map((key) => percent(average?.[key] ?? null)),
      },
    ],
  };
  return {
    id: 'costs-towers',
    title: m.charts.towersTitle,
    summary: m.charts.towersSummary(describe(own), describe(average)),
    width: 640,
    height: 320,
    option,
    table: {
      caption: m.charts.towersCaption,
      columns: [m.towerName, m.charts.own, m.average],
      rows: IT_TOWER_KEYS.map((key, index) => [names[index] ?? key, percent(own?.[key] ?? null), percent(average?.[key] ?? null)]),
    },
  };
}
