// The chart scripts are served from a fixed list; nothing else under /assets/ resolves.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/support/test-context.ts';

describe('/assets/', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp('sqlite');
  });
  after(async () => t.close());

  test('serves the chart enhancer and the pinned ECharts SSR client as JavaScript', async () => {
    for (const name of ['charts.js', 'echarts-ssr-client.js']) {
      const response = await t.app.inject({ method: 'GET', url: `/assets/${name}` });
      assert.equal(response.statusCode, 200, name);
      assert.match(String(response.headers['content-type']), /^text\/javascript/);
      assert.ok(response.body.length > 500, name);
    }
  });

  test('does not serve other files, however the name is written', async () => {
    for (const url of ['/assets/package.json', '/assets/..%2Fpackage.json', '/assets/%2e%2e/%2e%2e/package.json']) {
      const response = await t.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 404, url);
    }
  });
});
