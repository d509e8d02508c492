// Charts that read on paper: a scale on the radar's rings, matrix markers that stay visible when
// members share a place, labels that are never cut at the picture's edge, heat maps printed large
// enough. Judged from the drawn SVG with the bundled font's widths.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chartWorld } from '../../test/support/chart-world.ts';
import { svgTexts } from '../../test/support/svg-texts.ts';
import { messages } from '../i18n/messages.ts';
import type { ChartSpec } from './chart-spec.ts';
import { radarIndicators } from './chart-theme.ts';
import { federationRadarChart } from './federation-maturity-charts.ts';
import { capabilityRadarChart, categoryRadarChart } from './maturity-charts.ts';
import { renderChartSvg } from './render-svg.ts';

describe('radar scale', () => {
  const world = chartWorld();
  const radars: ChartSpec[] = [
    capabilityRadarChart(world.results, messages('sv').results, 'sv'),
    categoryRadarChart(world.results, messages('sv').results, 'sv'),
    federationRadarChart({ instrument: world.instrument, overview: world.overview, national: world.national }, messages('sv').federation, 'sv')!,
  ];
  for (const radar of radars) {
    it(`writes the ring values 0–6 once, up the first axis (${radar.id})`, () => {
      const texts = svgTexts(renderChartSvg(radar, 'sv'));
      const rings = ['0', '1', '2', '3', '4', '5', '6'].map((value) => texts.filter((text) => text.text === value));
      for (const [value, found] of rings.entries()) assert.equal(found.length, 1, `ring ${value} labelled once`);
      const placed = rings.map((found) => found[0]!);
      // One axis, pointing up: the same x, and higher values higher on the page.
      for (const label of placed) assert.ok(Math.abs(label.x - placed[0]!.x) < 0.5, `${label.text} at x ${label.x}`);
      for (let i = 1; i < placed.length; i++) assert.ok(placed[i]!.y < placed[i - 1]!.y, `${placed[i]!.text} above ${placed[i - 1]!.text}`);
    });
  }

  it('writes the ring values in the locale', () => {
    const spec: ChartSpec = {
      id: 'half-steps',
      title: 'Halva steg',
      summary: 'Tre axlar på skalan 0–3.',
      width: 400,
      height: 400,
      option: { radar: { indicator: radarIndicators(['A', 'B', 'C'], 3), splitNumber: 6, axisLabel: { show: false } }, series: [{ type: 'radar', data: [{ name: 'Egen', value: [1, 2.5, 3] }] }] },
      table: { caption: 'Halva steg', columns: [], rows: [] },
    };
    const sv = svgTexts(renderChartSvg(spec, 'sv')).map((text) => text.text);
    const en = svgTexts(renderChartSvg(spec, 'en')).map((text) => text.text);
    assert.ok(['0,5', '1,5', '2,5'].every((value) => sv.includes(value)), sv.join(' '));
    assert.ok(['0.5', '1.5', '2.5'].every((value) => en.includes(value)), en.join(' '));
  });
});
