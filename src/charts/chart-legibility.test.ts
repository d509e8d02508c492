// Charts that read on paper: a scale on the radar's rings, matrix markers that stay visible when
// members share a place, labels that are never cut at the picture's edge, heat maps printed large
// enough. Judged from the drawn SVG with the bundled font's widths.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chartWorld } from '../../test/support/chart-world.ts';
import { svgTexts } from '../../test/support/svg-texts.ts';
import { messages } from '../i18n/messages.ts';
import type { ChartSpec } from './chart-spec.ts';
import { radarIndicators, seriesStyles } from './chart-theme.ts';
import { federationMatrixChart, federationRadarChart } from './federation-maturity-charts.ts';
import { spreadMarkers } from './marker-spread.ts';
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

/** Markers drawn by ECharts as scaled paths: their centre and half size, by fill colour. */
function markers(svg: string, fill: string): Array<{ x: number; y: number; half: number }> {
  return [...svg.matchAll(/<path\b[^>]*transform="matrix\(([-\d.]+),0,0,([-\d.]+),([-\d.]+),([-\d.]+)\)"[^>]*fill="([^"]+)"/g)]
    .filter((match) => match[5] === fill && Number(match[1]) > 0)
    .map((match) => ({ x: Number(match[3]), y: Number(match[4]), half: Number(match[1]) }));
}

describe('matrix markers', () => {
  it('spreads members at identical coordinates apart and labels each on its own side', () => {
    const world = chartWorld({ twins: true });
    const [second, third] = world.overview.rows.filter((row) => !row.own && row.capability === world.overview.rows[1]!.capability);
    assert.ok(second && third && second.legacy === third.legacy, 'two members share a place');
    const spec = federationMatrixChart({ instrument: world.instrument, overview: world.overview, national: world.national }, messages('sv').federation, 'sv');
    const svg = renderChartSvg(spec, 'sv');
    const drawn = markers(svg, seriesStyles.members.colour);
    assert.equal(drawn.length, 4, 'four other members');
    for (let i = 0; i < drawn.length; i++) {
      for (let j = i + 1; j < drawn.length; j++) {
        const [a, b] = [drawn[i]!, drawn[j]!];
        const apart = Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y));
        assert.ok(apart >= a.half + b.half, `markers ${i} and ${j} overlap (${apart.toFixed(1)} px apart)`);
      }
    }
    // Member labels are 11 px; the axes' numbers (12 px) use the same digits.
    const labels = svgTexts(svg).filter((text) => text.fontSize === 11 && (text.text === String(second.number) || text.text === String(third.number)));
    assert.equal(labels.length, 2, 'both members labelled');
    const [left, right] = [...labels].sort((a, b) => a.x - b.x);
    // One label reads to the left of the pair, the other to the right: neither covers a marker.
    assert.equal(left!.anchor, 'end');
    assert.equal(right!.anchor, 'start');
    const pair = drawn.filter((marker) => Math.abs(marker.y - left!.y) < 1);
    assert.equal(pair.length, 2);
    assert.ok(left!.x <= Math.min(...pair.map((marker) => marker.x - marker.half)), 'left label beside the left marker');
    assert.ok(right!.x >= Math.max(...pair.map((marker) => marker.x + marker.half)), 'right label beside the right marker');
  });

  it('leaves members that stand alone where they are', () => {
    const world = chartWorld();
    const spec = federationMatrixChart({ instrument: world.instrument, overview: world.overview, national: world.national }, messages('sv').federation, 'sv');
    const series = spec.option.series as Array<{ data?: Array<{ symbolOffset?: unknown }> }>;
    assert.ok(series.every((entry) => (entry.data ?? []).every((item) => item.symbolOffset === undefined)));
  });

  it('spreads any number of markers on one spot at least the given distance apart', () => {
    for (const n of [2, 3, 5, 8]) {
      const points = Array.from({ length: n }, () => ({ x: 100, y: 100 }));
      const placed = spreadMarkers(points, 16).map((spread) => ({ x: 100 + spread.offset[0], y: 100 + spread.offset[1] }));
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) assert.ok(Math.hypot(placed[i]!.x - placed[j]!.x, placed[i]!.y - placed[j]!.y) >= 15.9, `${n} markers: ${i} and ${j}`);
      }
    }
    assert.deepEqual(spreadMarkers([{ x: 0, y: 0 }, { x: 40, y: 0 }], 16).map((spread) => spread.offset), [[0, 0], [0, 0]]);
  });
});
