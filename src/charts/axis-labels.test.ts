import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localeAxisFormatter, withLocaleAxisLabels } from './axis-labels.ts';
import type { ChartSpec } from './chart-spec.ts';
import { renderChartSvg } from './render-svg.ts';

function percentBars(locale: 'sv' | 'en'): ChartSpec {
  return {
    id: `axis-${locale}`,
    title: 'Andel',
    summary: 'Två staplar.',
    width: 400,
    height: 300,
    option: {
      xAxis: { type: 'category', data: ['A', 'B'] },
      yAxis: { type: 'value', min: 0, max: 4, interval: 0.5, axisLabel: { formatter: localeAxisFormatter(locale, ' %') } },
      series: [{ type: 'bar', data: [3.5, 1.2] }],
    },
    table: { caption: 'Andel', columns: ['', '%'], rows: [['A', 3.5], ['B', 1.2]] },
  };
}

describe('axis labels in the reader’s locale', () => {
  it('writes a Swedish axis with a decimal comma and the unit', () => {
    const svg = renderChartSvg(percentBars('sv'));
    assert.match(svg, />3,5 %</);
    assert.doesNotMatch(svg, /3\.5 %/);
  });

  it('writes an English axis with a decimal point', () => {
    assert.match(renderChartSvg(percentBars('en')), />3\.5 %</);
  });

  it('keeps the spec itself plain JSON and turns only markers into formatters', () => {
    const option = percentBars('sv').option;
    assert.equal(JSON.parse(JSON.stringify(option)).yAxis.axisLabel.formatter, 'mogna-axis:sv: %');
    const live = withLocaleAxisLabels({ ...option, xAxis: { axisLabel: { formatter: '{value} st' } } }) as { yAxis: { axisLabel: { formatter: (value: number) => string } }; xAxis: { axisLabel: { formatter: unknown } } };
    assert.equal(live.yAxis.axisLabel.formatter(12.25), '12,25 %');
    assert.equal(live.xAxis.axisLabel.formatter, '{value} st');
  });
});
