// The browser's ECharts holds every chart type and component the chart builders use, and stays
// well under the full library's size.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { describe, test } from 'node:test';
import { buildEchartsBundle, bundledChartTypes, bundledComponents } from './echarts-bundle.ts';

const SERIES_TYPES = ['bar', 'line', 'scatter', 'radar', 'heatmap', 'pie', 'boxplot', 'candlestick', 'effectScatter', 'lines', 'graph', 'gauge', 'funnel', 'parallel', 'sankey', 'treemap', 'sunburst', 'map', 'tree', 'pictorialBar', 'themeRiver', 'custom'];
const COMPONENT_KEYS = ['title', 'tooltip', 'legend', 'grid', 'radar', 'polar', 'visualMap', 'markLine', 'markArea', 'markPoint', 'dataZoom', 'graphic', 'dataset', 'toolbox', 'aria', 'geo', 'singleAxis', 'calendar', 'brush', 'timeline'];

async function chartBuilderSources(): Promise<string> {
  const dir = new URL('../charts/', import.meta.url);
  const names = (await readdir(dir)).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
  return (await Promise.all(names.map((name) => readFile(new URL(name, dir), 'utf8')))).join('\n');
}

describe('the browser ECharts bundle', () => {
  test('has every series type and component the chart builders write into an option', async () => {
    const source = await chartBuilderSources();
    for (const type of SERIES_TYPES) {
      if (new RegExp(`type: '${type}'`).test(source)) assert.ok(type in bundledChartTypes, `series type ${type} is bundled`);
    }
    for (const key of COMPONENT_KEYS) {
      if (new RegExp(`\\b${key}: `).test(source)) assert.ok(key in bundledComponents, `component ${key} is bundled`);
    }
    // The bundle has the plain legend and the piecewise visual map only.
    assert.doesNotMatch(source, /type: 'scroll'|type: 'continuous'/);
  });

  test('builds, registers itself as window.echarts and is far smaller than the whole library', async () => {
    const bundle = await buildEchartsBundle();
    assert.match(bundle, /window\.echarts\s*=/);
    const gzipped = gzipSync(bundle).length;
    assert.ok(gzipped < 230_000, `${gzipped} bytes gzipped`);
    assert.ok(gzipped > 100_000, 'the bundle holds the library, not an empty entry');
  });
});
