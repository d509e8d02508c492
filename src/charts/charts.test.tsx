import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'preact-render-to-string';
import { ChartFigure } from '../ui/chart-figure.tsx';
import type { ChartSpec } from './chart-spec.ts';
import { textOn } from './chart-theme.ts';
import { renderChartPng } from './render-png.ts';
import { renderChartSvg } from './render-svg.ts';

const hostile = '<script>alert(1)</script>';

function barSpec(id = 'test-bars'): ChartSpec {
  return {
    id,
    title: 'Kostnad per kostnadspool',
    summary: 'Intern personal är den största posten.',
    width: 480,
    height: 300,
    option: {
      xAxis: { type: 'category', data: ['Intern personal', 'Hårdvara', hostile] },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', name: 'Central IT', data: [12.5, 3, 1] }],
    },
    table: { caption: 'Kostnad per pool (mnkr)', columns: ['Pool', 'Central IT'], rows: [['Intern personal', 12.5], ['Hårdvara', 3], [hostile, null]] },
  };
}

describe('chart rendering', () => {
  it('draws an SVG whose ids come from the chart id, the same on every call', () => {
    const first = renderChartSvg(barSpec());
    const second = renderChartSvg(barSpec());
    assert.equal(first, second);
    assert.match(first, /^<svg focusable="false" aria-hidden="true" width="480" height="300"/);
    assert.match(first, /viewBox="0 0 480 300"/);
    assert.ok(first.includes('Intern personal'));
    assert.doesNotMatch(first, /zr\d+-/);
  });

  it('escapes labels that look like markup', () => {
    const svg = renderChartSvg(barSpec());
    assert.ok(!svg.includes('<script>'), 'a label must never become an element');
  });

  it('draws a PNG at twice the size with the bundled font', async () => {
    const png = await renderChartPng(barSpec());
    assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]); // "PNG"
    assert.equal(png.readUInt32BE(16), 960);
    assert.equal(png.readUInt32BE(20), 600);
  });
});

describe('ChartFigure', () => {
  const html = render(<ChartFigure spec={barSpec()} locale="sv" exportHref={(format) => `/x/chart.${format}`} />);

  it('names the picture by its title and summary and keeps the data table beside it', () => {
    assert.match(html, /role="img" aria-labelledby="test-bars-title test-bars-summary"/);
    assert.match(html, /<caption>Kostnad per pool \(mnkr\)<\/caption>/);
    assert.match(html, /<th scope="row">Intern personal<\/th><td class="numeric">12,5<\/td>/);
    assert.match(html, /<td>–<\/td>/);
    assert.match(html, /href="\/x\/chart.png"/);
  });

  it('sends the option as inert JSON that cannot close its script element', () => {
    const json = /<script type="application\/json" class="chart-option">(.*?)<\/script>/s.exec(html)?.[1];
    assert.ok(json);
    assert.ok(!json.includes('<'));
    const option = JSON.parse(json) as { animation: boolean; xAxis: { data: string[] } };
    assert.equal(option.animation, false);
    assert.equal(option.xAxis.data[2], hostile);
  });
});

describe('textOn', () => {
  it('picks black on light and white on dark backgrounds', () => {
    assert.equal(textOn('#f7fbff'), '#000000');
    assert.equal(textOn('#08306b'), '#ffffff');
    assert.equal(textOn('#6baed6'), '#000000');
  });
});
