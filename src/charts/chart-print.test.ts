// Charts as they are printed: numbers on the axes written the reader's way, and legend labels
// that never run into the next item's swatch, judged from the drawn SVG with the real font's widths.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChartSpec } from './chart-spec.ts';
import { renderChartSvg } from './render-svg.ts';
import { measureChartText } from './text-metrics.ts';

interface SvgText {
  text: string;
  x: number;
  y: number;
  style: string;
}

/** Every text of an SVG with where ECharts put it (its translate plus its own x and y). */
function svgTexts(svg: string): SvgText[] {
  return [...svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)].map(([, attributes, text]) => {
    const translate = /transform="translate\(([-\d.]+) ([-\d.]+)\)"/.exec(attributes!);
    const own = (name: string) => Number(new RegExp(`\\s${name}="([-\\d.]+)"`).exec(attributes!)?.[1] ?? 0);
    return {
      text: text!,
      x: Number(translate?.[1] ?? 0) + own('x'),
      y: Number(translate?.[2] ?? 0) + own('y'),
      style: /style="([^"]*)"/.exec(attributes!)?.[1] ?? '',
    };
  });
}

function valueAxisChart(): ChartSpec {
  return {
    id: 'axis-numbers',
    title: 'Mognad',
    summary: 'Tre områden på skalan 0–3.',
    width: 640,
    height: 300,
    option: {
      grid: { left: 120, right: 24, top: 24, bottom: 32 },
      xAxis: { type: 'value', min: 0, max: 3, interval: 0.5 },
      yAxis: { type: 'category', data: ['Effektivitet', 'Innovation', 'Balansering'] },
      series: [{ type: 'bar', name: 'Egen', data: [2.5, 1.5, 2.25] }],
    },
    table: { caption: 'Mognad', columns: ['Område', 'Värde'], rows: [] },
  };
}

describe('chart axes', () => {
  it('writes decimal commas on the value axis in Swedish', () => {
    const labels = svgTexts(renderChartSvg(valueAxisChart(), 'sv')).map((text) => text.text);
    for (const label of ['0,5', '1,5', '2,5']) assert.ok(labels.includes(label), `${label} in ${labels.join(' ')}`);
    assert.ok(!labels.some((label) => /^\d+\.\d+$/.test(label)), labels.join(' '));
  });

  it('keeps the decimal point in English', () => {
    const labels = svgTexts(renderChartSvg(valueAxisChart(), 'en')).map((text) => text.text);
    assert.ok(labels.includes('1.5') && !labels.includes('1,5'), labels.join(' '));
  });
});

describe('chart legends', () => {
  it('leaves every legend label clear of the next item, measured in the font the chart is drawn with', () => {
    const names = ['Åmåls kommun (egen organisation)', 'Förbundets genomsnitt för året', 'Förbundets lägsta värde', 'Förbundets högsta värde', 'Riket (samtliga deltagare)'];
    const spec: ChartSpec = {
      id: 'legend-check',
      title: 'Jämförelse',
      summary: 'Fem serier.',
      width: 760,
      height: 360,
      option: {
        legend: { data: names, bottom: 0, left: 'center', width: '90%' },
        xAxis: { type: 'category', data: ['A', 'B'] },
        yAxis: { type: 'value' },
        series: names.map((name, index) => ({ type: 'line' as const, name, data: [index, index + 1] })),
      },
      table: { caption: 'Jämförelse', columns: ['Serie'], rows: [] },
    };
    const legend = svgTexts(renderChartSvg(spec, 'sv')).filter((text) => names.includes(text.text));
    assert.equal(legend.length, names.length);
    const rows = new Map<number, SvgText[]>();
    for (const item of legend) rows.set(Math.round(item.y), [...(rows.get(Math.round(item.y)) ?? []), item]);
    const swatch = 25 + 5; // ECharts' item width and the gap before the label
    for (const row of rows.values()) {
      row.sort((a, b) => a.x - b.x);
      for (let index = 0; index + 1 < row.length; index += 1) {
        const end = row[index]!.x + measureChartText(row[index]!.text, row[index]!.style);
        const nextSwatch = row[index + 1]!.x - swatch;
        assert.ok(end <= nextSwatch, `"${row[index]!.text}" ends at ${end.toFixed(1)}, the next swatch starts at ${nextSwatch.toFixed(1)}`);
      }
      const last = row.at(-1)!;
      assert.ok(last.x + measureChartText(last.text, last.style) <= spec.width, `"${last.text}" runs past the chart's edge`);
    }
  });
});
