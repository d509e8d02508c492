// The chart enhancer in a real browser, under the app's own Content-Security-Policy: the server
// SVG is there first; with JavaScript (ECharts' SSR client and public/charts.js) it shows a
// tooltip on hover and its legend turns series on and off. The page is a harness served with the app's CSP header, so any
// inline script or eval the enhancement needed would be blocked here as in production.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { render } from 'preact-render-to-string';
import type { ChartSpec } from '../../src/charts/chart-spec.ts';
import { ChartFigure } from '../../src/ui/chart-figure.tsx';
import { axeViolations, browserTestSkip, launchChromium, serveTestApp, type ServedApp } from '../support/browser.ts';

const skip = browserTestSkip();

const spec: ChartSpec = {
  id: 'harness-radar',
  title: 'Förmåga per kategori',
  summary: 'Den egna organisationen ligger över förbundets snitt i två av tre kategorier.',
  width: 520,
  height: 360,
  option: {
    legend: { bottom: 0, data: ['Egen organisation', 'Förbundet'] },
    radar: { indicator: ['Effektivitet', 'Innovation', 'Balansering'].map((name) => ({ name, max: 6 })) },
    series: [
      {
        type: 'radar',
        data: [
          { name: 'Egen organisation', value: [3.2, 2.1, 4] },
          { name: 'Förbundet', value: [2.9, 2.5, 3.1] },
        ],
      },
    ],
  },
  table: { caption: 'Poäng per kategori', columns: ['Kategori', 'Egen organisation', 'Förbundet'], rows: [['Effektivitet', 3.2, 2.9], ['Innovation', 2.1, 2.5], ['Balansering', 4, 3.1]] },
};

describe('charts in the browser', { skip }, () => {
  let served: ServedApp;
  let browser: Browser;
  let csp: string;

  before(async () => {
    served = await serveTestApp('sqlite');
    browser = await launchChromium();
    const home = await fetch(`${served.baseUrl}/tillganglighet`);
    csp = home.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
  });
  after(async () => {
    await browser?.close();
    await served?.close();
  });

  async function openHarness(javaScriptEnabled: boolean, shown: ChartSpec = spec, lang: 'sv' | 'en' = 'sv') {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') cspErrors.push(message.text());
    });
    const figure = render(<ChartFigure spec={shown} locale={lang} />);
    const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Diagram</title><link rel="stylesheet" href="/static/mogna.css"><script src="/assets/charts.js" defer></script></head><body><main><h1>Diagram</h1>${figure}</main></body></html>`;
    await page.route(`${served.baseUrl}/chart-harness`, (route) =>
      route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp }, body: html }),
    );
    await page.goto(`${served.baseUrl}/chart-harness`);
    return { page, context, cspErrors };
  }

  test('without JavaScript the server SVG and the data table are there', async () => {
    const { page, context, cspErrors } = await openHarness(false);
    assert.equal(await page.locator('.chart-canvas > svg').count(), 1);
    assert.equal(await page.locator('.chart-canvas').getAttribute('data-chart-ready'), null);
    await page.getByText('Visa tabell: Förmåga per kategori').click();
    assert.equal(await page.locator('table caption').textContent(), 'Poäng per kategori');
    assert.deepEqual(cspErrors, [], 'the server SVG stays within the CSP');
    await context.close();
  });

  test('with JavaScript it becomes interactive: a tooltip on hover, and a legend entry turns its series off and on', async () => {
    const { page, context, cspErrors } = await openHarness(true);
    await page.waitForSelector('.chart-canvas[data-chart-ready="true"] svg', { timeout: 15_000 });
    // The radar's second item (Förbundet) as drawn: its line and its points.
    const federation = page.locator('.chart-canvas svg [ecmeta_ssr_type="chart"][ecmeta_series_index="0"][ecmeta_data_index="1"]');
    const seriesShown = async () => (await federation.evaluateAll((shapes) => shapes.map((shape) => getComputedStyle(shape).display !== 'none'))).every(Boolean);
    assert.ok((await federation.count()) > 1, 'the series is drawn');
    assert.equal(await seriesShown(), true);

    await page.locator('.chart-canvas svg path[ecmeta_ssr_type="chart"][ecmeta_data_index="1"]').first().hover({ force: true });
    const tooltip = page.locator('.chart-tooltip');
    await tooltip.waitFor({ state: 'visible' });
    const tip = await tooltip.innerText();
    assert.match(tip, /Förbundet/);
    assert.match(tip, /Effektivitet: 2,9/, 'the values are written the page’s way');

    // Click where the legend's word is, as a person does (ECharts lays a hit area over the entry).
    const word = (await page.locator('.chart-canvas svg text', { hasText: 'Förbundet' }).boundingBox())!;
    const clickLegend = () => page.mouse.click(word.x + word.width / 2, word.y + word.height / 2);
    await clickLegend();
    assert.equal(await seriesShown(), false);
    await clickLegend();
    assert.equal(await seriesShown(), true);
    assert.deepEqual(cspErrors, [], 'no CSP violation or script error');
    const { violations, report } = await axeViolations(page);
    assert.equal(violations.length, 0, report);
    await context.close();
  });

  for (const [lang, written, notWritten] of [['sv', '2,5', '2.5'], ['en', '2.5', '2,5']] as const) {
    test(`the interactive chart writes axis numbers the page's way (${lang}: ${written})`, async () => {
      const bars: ChartSpec = {
        id: 'harness-bars',
        title: 'Mognad per område',
        summary: 'Tre områden på skalan 0–3.',
        width: 520,
        height: 300,
        option: {
          grid: { left: 120, right: 24, top: 16, bottom: 32 },
          xAxis: { type: 'value', min: 0, max: 3, interval: 0.5 },
          yAxis: { type: 'category', data: ['Effektivitet', 'Innovation', 'Balansering'] },
          series: [{ type: 'bar', name: 'Egen', data: [2.5, 1.5, 2.25] }],
        },
        table: { caption: 'Mognad per område', columns: ['Område', 'Egen'], rows: [['Effektivitet', 2.5], ['Innovation', 1.5], ['Balansering', 2.25]] },
      };
      const { page, context, cspErrors } = await openHarness(true, bars, lang);
      await page.waitForSelector('.chart-canvas[data-chart-ready="true"] svg', { timeout: 15_000 });
      const texts = await page.locator('.chart-canvas svg text').allTextContents();
      assert.ok(texts.includes(written), texts.join(' '));
      assert.ok(!texts.includes(notWritten), texts.join(' '));
      await page.locator('.chart-canvas svg path[ecmeta_ssr_type="chart"][ecmeta_data_index="0"]').first().hover({ force: true });
      await page.locator('.chart-tooltip').waitFor({ state: 'visible' });
      assert.equal((await page.locator('.chart-tooltip').innerText()).replace(/\s+/g, ' '), `Egen Effektivitet: ${written}`);
      assert.deepEqual(cspErrors, [], 'no CSP violation or script error');
      await context.close();
    });
  }
  test('the enhanced chart keeps a heat map with a piecewise scale and a scatter with a mark line', async () => {
    const heat: ChartSpec = {
      id: 'harness-heat',
      title: 'Förmågenivåer',
      summary: 'Två förmågor på nivå 1 och 3.',
      width: 520,
      height: 300,
      option: {
        grid: { left: 120, right: 24, top: 16, bottom: 32 },
        xAxis: { type: 'category', data: ['Nivå'] },
        yAxis: { type: 'category', data: ['Styrning', 'Arkitektur'] },
        visualMap: { type: 'piecewise', show: false, dimension: 2, pieces: [{ value: 1, color: '#fde0c5' }, { value: 3, color: '#d55e00' }] },
        series: [{ type: 'heatmap', name: 'Nivå', data: [[0, 0, 1], [0, 1, 3]], label: { show: true } }],
      },
      table: { caption: 'Förmågenivåer', columns: ['Förmåga', 'Nivå'], rows: [['Styrning', 1], ['Arkitektur', 3]] },
    };
    const matrix: ChartSpec = {
      id: 'harness-matrix',
      title: 'Mognadsmatris',
      summary: 'En organisation i ruta A.',
      width: 520,
      height: 360,
      option: {
        xAxis: { type: 'value', min: 0, max: 6 },
        yAxis: { type: 'value', min: 0, max: 6 },
        tooltip: {},
        series: [{ type: 'scatter', name: 'Egen', data: [[4, 5]], markLine: { silent: true, symbol: 'none', data: [{ xAxis: 3 }, { yAxis: 3 }] } }],
      },
      table: { caption: 'Mognadsmatris', columns: ['Organisation', 'Förmåga', 'Arv'], rows: [['Egen', 4, 5]] },
    };
    for (const shown of [heat, matrix]) {
      const { page, context, cspErrors } = await openHarness(true, shown);
      await page.waitForSelector('.chart-canvas[data-chart-ready="true"] svg', { timeout: 15_000 });
      const drawn = await page.locator('.chart-canvas svg path').count();
      assert.ok(drawn > 2, `${shown.id}: ${drawn} shapes drawn`);
      assert.deepEqual(cspErrors, [], `${shown.id}: no CSP violation or script error`);
      await context.close();
    }
  });
});
