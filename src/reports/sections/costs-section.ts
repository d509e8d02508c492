// The IT-cost part: key figures, central IT's share against the other members, the cost pools
// (chart and table), inside and outside central IT, the towers against the federation average,
// and recommendations chosen by comparing the member's figures with the federation's.
import { centralItShareChart, federationInsideOutsideChart, federationPoolMixChart, insideOutsideSplitChart, ownPoolsChart, towerMixChart, unmappedNote } from '../../charts/cost-charts.ts';
import { tbmV4 } from '../../domain/costs/cost-taxonomy.ts';
import { towerMix, type TowerMix } from '../../domain/costs/it-towers.ts';
import { roundTo } from '../../domain/rounding.ts';
import { formatNumber, formatPercent, type Locale } from '../../i18n/format.ts';
import { messages } from '../../i18n/messages.ts';
import type { DocumentBuilder } from '../document-builder.ts';
import type { CostsPart, FederationReportInput } from '../report-input.ts';
import type { ReportTexts } from '../report-texts.ts';

export function kronorText(locale: Locale, ore: number): string {
  return `${formatNumber(locale, roundTo(ore / 100, 0))} kr`;
}

/** The seed counts infrastructure and end-user services as keeping things running. */
function operationsShare(mix: TowerMix | null): number | null {
  return mix === null ? null : mix.infrastructure + mix.end_user_services;
}

type CostRecommendationKey = 'unmapped' | 'lowCentralShare' | 'highOutsideSoftware' | 'highExternal' | 'noTowers' | 'operationsHeavy' | 'steady';

/**
 * Which cost recommendations apply. Comparisons need the federation average; a difference counts
 * when it is at least 5 percentage points, so rounding noise never triggers advice.
 */
function costRecommendations(part: CostsPart): CostRecommendationKey[] {
  const keys: CostRecommendationKey[] = [];
  const { analysis, comparison } = part;
  const margin = 0.05;
  if (analysis.unmappedTotalOre > 0) keys.push('unmapped');
  const average = comparison?.average;
  if (average && analysis.totalItOre > 0) {
    const own = comparison.members.find((member) => member.isViewer);
    const ownInside = ownCentralShareOfIt(part);
    const averageInside = averageCentralShareOfIt(part);
    if (ownInside !== null && averageInside !== null && ownInside < averageInside - margin) keys.push('lowCentralShare');
    const software = analysis.insideOutside.software?.outside ?? null;
    const averageSoftware = average.insideOutside.software?.outside ?? null;
    if (software !== null && averageSoftware !== null && software > averageSoftware + margin) keys.push('highOutsideSoftware');
    const external = own?.poolMix?.external_labour ?? null;
    const averageExternal = average.poolMix?.external_labour ?? null;
    if (external !== null && averageExternal !== null && external > averageExternal + margin) keys.push('highExternal');
    const operations = operationsShare(own?.towerMix ?? null);
    const averageOperations = operationsShare(average.towerMix);
    if (operations !== null && averageOperations !== null && operations > averageOperations + margin) keys.push('operationsHeavy');
  }
  if (!part.towers || towerMix(part.towers, 'fte') === null) keys.push('noTowers');
  if (keys.length === 0) keys.push('steady');
  return keys;
}

function ownCentralShareOfIt(part: CostsPart): number | null {
  const { analysis } = part;
  if (analysis.totalItOre === 0) return null;
  let inside = 0;
  for (const pool of tbmV4.pools) inside += analysis.pools[pool.key]?.centralItOre ?? 0;
  return inside / analysis.totalItOre;
}

function averageCentralShareOfIt(part: CostsPart): number | null {
  const members = part.comparison?.members ?? [];
  const shares = members.flatMap((member) => {
    if (!member.poolMix) return [];
    let inside = 0;
    for (const pool of tbmV4.pools) {
      const share = member.poolMix[pool.key] ?? 0;
      inside += pool.countsOutsideCentralIt ? share * (member.insideOutside[pool.key]?.centralIt ?? 0) : share;
    }
    return [inside];
  });
  return shares.length === 0 ? null : shares.reduce((sum, value) => sum + value, 0) / shares.length;
}

function tableRows(rows: Array<Array<string | number | null>>, locale: Locale, digits: number): string[][] {
  return rows.map((row) => row.map((cell) => (cell === null ? '–' : typeof cell === 'number' ? formatNumber(locale, cell, digits) : cell)));
}

export function memberCostsSection(b: DocumentBuilder, part: CostsPart, t: ReportTexts, locale: Locale, year: number): void {
  const m = messages(locale).costs;
  const { analysis, comparison } = part;
  b.heading(1, t.costs).paragraph(t.costsIntro);
  b.heading(2, t.costsKeyFigures);
  const share = analysis.centralItShare === null ? '–' : formatPercent(locale, analysis.centralItShare, 1);
  const averageShare = comparison?.average.centralItShare ?? null;
  b.table(
    t.costsKeyFigures,
    t.costsKeyColumns,
    [
      [t.totalIt, kronorText(locale, analysis.totalItOre)],
      [t.centralItCost, kronorText(locale, analysis.centralItCostOre)],
      [t.organisationTotal, kronorText(locale, analysis.organisationTotalCostOre)],
      [t.centralItShare, share],
      ...(averageShare === null ? [] : [[t.federationAverageShare, formatPercent(locale, averageShare, 1)]]),
    ],
    ['left', 'right'],
  );
  if (part.previousTotalItOre !== null && part.previousTotalItOre > 0) {
    const change = (analysis.totalItOre - part.previousTotalItOre) / part.previousTotalItOre;
    const text = `${change > 0 ? '+' : change < 0 ? '−' : ''}${formatPercent(locale, Math.abs(change), 1)}`;
    b.paragraph(t.costChange(year - 1, kronorText(locale, part.previousTotalItOre), text));
  }
  if (comparison) b.figure(centralItShareChart(comparison, m, locale));
  else b.paragraph(t.noComparison);

  const pools = ownPoolsChart(analysis, m, locale);
  b.figure(pools);
  b.table(pools.table.caption, pools.table.columns, tableRows(pools.table.rows, locale, 0), pools.table.columns.map((_, index) => (index === 0 ? 'left' : 'right')));
  const note = unmappedNote(analysis, m, locale);
  if (note) b.paragraph(note);
  b.figure(insideOutsideSplitChart(analysis.insideOutside, 'own', m, locale));
  if (comparison) b.figure(insideOutsideSplitChart(comparison.average.insideOutside, 'federation', m, locale));

  const ownTowers = part.towers ? towerMix(part.towers, 'fte') : null;
  if (ownTowers) b.figure(towerMixChart(ownTowers, comparison?.average.towerMix ?? null, m, locale));
  else b.paragraph(t.noTowers);

  b.heading(2, t.recommendations).paragraph(t.costRecommendationsIntro);
  const texts = t.costRecommendations;
  b.bullets(costRecommendations(part).map((key) => (key === 'unmapped' ? texts.unmapped(kronorText(locale, analysis.unmappedTotalOre)) : texts[key])));
}

export function federationCostsSection(b: DocumentBuilder, part: NonNullable<FederationReportInput['costs']>, t: ReportTexts, locale: Locale): void {
  const m = messages(locale).costs;
  const { comparison } = part;
  b.heading(1, t.costs).paragraph(t.costsIntro, ' ', t.federationCostsIntro(part.membersWithLedger));
  b.figure(centralItShareChart(comparison, m, locale));
  const mix = federationPoolMixChart(comparison, m, locale);
  b.figure(mix);
  b.table(mix.table.caption, mix.table.columns, tableRows(mix.table.rows, locale, 1), mix.table.columns.map((_, index) => (index === 0 ? 'left' : 'right')));
  b.figure(federationInsideOutsideChart(comparison, m, locale));
  b.figure(insideOutsideSplitChart(comparison.average.insideOutside, 'federation', m, locale));
  if (comparison.average.towerMix) b.figure(towerMixChart(null, comparison.average.towerMix, m, locale));
}
