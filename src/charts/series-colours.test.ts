// One colour per series across a report: the member's own values, the federation's lowest,
// average and highest, the national average and last year look the same in every figure.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chartWorld } from '../../test/support/chart-world.ts';
import { messages } from '../i18n/messages.ts';
import { buildMemberReport } from '../reports/member-report.ts';
import type { ChartSpec } from './chart-spec.ts';
import { seriesStyles } from './chart-theme.ts';
import type { TowerMix } from '../domain/costs/it-towers.ts';
import { towerMixChart } from './cost-charts.ts';
import { federationMaturityCharts } from './federation-maturity-charts.ts';
import { maturityCharts } from './maturity-charts.ts';

type Loose = Record<string, unknown>;

/** Every named series of a chart with the colour it is drawn in (radar entries count as series). */
function seriesColoursOf(spec: ChartSpec): Array<{ chart: string; name: string; colour: string }> {
  const found: Array<{ chart: string; name: string; colour: string }> = [];
  const series = (Array.isArray(spec.option.series) ? spec.option.series : [spec.option.series]) as Loose[];
  for (const entry of series) {
    if (entry === undefined) continue;
    const items = entry['type'] === 'radar' ? (entry['data'] as Loose[]) : [entry];
    for (const item of items) {
      const colour = (item['itemStyle'] as Loose | undefined)?.['color'];
      const name = item['name'];
      if (typeof name === 'string' && typeof colour === 'string') found.push({ chart: spec.id, name, colour });
    }
  }
  return found;
}

function reportCharts(locale: 'sv' | 'en'): ChartSpec[] {
  const world = chartWorld();
  const m = messages(locale);
  const report = buildMemberReport(
    {
      frame: {
        studyName: 'Fyrbodal',
        isFederation: true,
        year: 2025,
        memberCount: 5,
        texts: { background: '', purpose: '', goal: '', scope: '', goalPicture: [], author: 'Fyrbodal' },
        history: [],
        classification: 0,
        today: '2025-06-01',
      },
      member: { name: 'Kommun 11', number: 1 },
      maturity: { results: world.results, federation: world.overview, national: world.national },
      security: null,
      capabilityMap: null,
      costs: null,
    },
    locale,
  );
  const figures = report.blocks.flatMap((block) => (block.kind === 'figure' ? [block.chart] : []));
  const own: TowerMix = { infrastructure: 0.3, end_user_services: 0.2, application_services: 0.4, steer_and_support: 0.1 };
  const average: TowerMix = { infrastructure: 0.25, end_user_services: 0.25, application_services: 0.35, steer_and_support: 0.15 };
  const pages = [
    ...maturityCharts(world.results, m.results, locale),
    ...federationMaturityCharts({ instrument: world.instrument, overview: world.overview, national: world.national }, m.federation, locale),
    towerMixChart(own, average, m.costs, locale),
  ];
  return [...figures, ...pages];
}

describe('series colours', () => {
  for (const locale of ['sv', 'en'] as const) {
    it(`gives each series one colour in every chart of the report and the pages (${locale})`, () => {
      const charts = reportCharts(locale);
      const seen = charts.flatMap(seriesColoursOf);
      const byName = new Map<string, Set<string>>();
      for (const { name, colour } of seen) byName.set(name, (byName.get(name) ?? new Set()).add(colour));
      for (const [name, colours] of byName) assert.equal(colours.size, 1, `${name}: ${[...colours].join(', ')}`);

      const m = messages(locale);
      const expected: Array<[string, string]> = [
        [m.results.series.own, seriesStyles.own.colour],
        [m.results.series.federationAvg('Fyrbodal'), seriesStyles.federationAverage.colour],
        [m.results.series.federationMin('Fyrbodal'), seriesStyles.federationLowest.colour],
        [m.results.series.federationMax('Fyrbodal'), seriesStyles.federationHighest.colour],
        [m.results.series.national, seriesStyles.national.colour],
        [m.federation.series.average, seriesStyles.federationAverage.colour],
        [m.federation.series.lowest, seriesStyles.federationLowest.colour],
        [m.federation.series.highest, seriesStyles.federationHighest.colour],
        [m.federation.series.national, seriesStyles.national.colour],
        [m.federation.series.members, seriesStyles.members.colour],
        [m.results.series.previous(2024), seriesStyles.previousYear.colour],
        [m.costs.charts.own, seriesStyles.own.colour],
        [m.costs.average, seriesStyles.federationAverage.colour],
      ];
      for (const [name, colour] of expected) assert.deepEqual([...(byName.get(name) ?? [])], [colour], name);
      // The own organisation and the national average recur, so the check above compared figures.
      const charted = (name: string) => new Set(seen.filter((entry) => entry.name === name).map((entry) => entry.chart)).size;
      assert.ok(charted(m.results.series.own) >= 4, 'own values in several charts');
      assert.ok(charted(m.results.series.national) >= 3, 'national average in several charts');
    });
  }

  it('never gives two recurring series the same colour', () => {
    const colours = Object.values(seriesStyles).map((style) => style.colour.toLowerCase());
    assert.equal(new Set(colours).size, colours.length);
  });
});
