// What a page with charts makes the browser download: the enhancer and ECharts' SSR client,
// far below the 370 KB (gzipped) of the whole ECharts library; and the enhancer's tooltip knows
// every series type the chart builders draw.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/support/test-context.ts';

const TOOLTIP_SERIES_TYPES = ['bar', 'line', 'scatter', 'radar', 'heatmap'];

async function chartBuilderSources(): Promise<string> {
  const dir = new URL('../charts/', import.meta.url);
  const names = (await readdir(dir)).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
  return (await Promise.all(names.map((name) => readFile(new URL(name, dir), 'utf8')))).join('\n');
}

describe('the charts’ browser scripts', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp('sqlite');
  });
  after(async () => t.close());

  test('together weigh under 20 KB gzipped', async () => {
    let gzipped = 0;
    for (const name of ['charts.js', 'echarts-ssr-client.js']) {
      const response = await t.app.inject({ method: 'GET', url: `/assets/${name}` });
      assert.equal(response.statusCode, 200, name);
      gzipped += gzipSync(response.rawPayload).length;
    }
    assert.ok(gzipped < 20_000, `${gzipped} bytes gzipped`);
    assert.ok(gzipped > 1_000, 'both scripts have content');
  });

  test('the SSR client is the one that sets window["echarts-ssr-client"].hydrate', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/assets/echarts-ssr-client.js' });
    assert.match(response.body, /echarts-ssr-client/);
    assert.match(response.body, /function hydrate\(/);
  });

  test('the tooltip describes every series type the chart builders use', async () => {
    const source = await chartBuilderSources();
    const used = [...source.matchAll(/type: '([a-zA-Z]+)'/g)].map((match) => match[1]!);
    const seriesTypes = used.filter((type) => ['bar', 'line', 'scatter', 'radar', 'heatmap', 'pie', 'boxplot', 'gauge', 'funnel', 'treemap', 'sankey', 'custom', 'effectScatter', 'pictorialBar'].includes(type));
    assert.ok(seriesTypes.length > 0, 'the builders draw series');
    for (const type of seriesTypes) assert.ok(TOOLTIP_SERIES_TYPES.includes(type), `series type ${type} has a tooltip in public/charts.js`);
  });
});
