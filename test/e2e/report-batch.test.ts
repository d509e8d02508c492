// The whole demo federation's reports from the browser: the year page, the preview of a
// sub-report, and the batch — the progress page counts the files while the job runs (polled by
// /static/report-batch.js, or by a no-script refresh) and ends with a ZIP holding the federation
// report and every participating member's sub-report as DOCX and PDF. axe WCAG 2.1 A/AA on each page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedDemo } from '../../src/demo/demo-seeder.ts';
import { DEMO_PASSWORD } from '../../src/demo/demo-plan.ts';
import { browserTestSkip, launchChromiumWhile, serveTestApp, type ServedApp } from '../support/browser.ts';
import { expectAccessible, logIn, text } from '../support/e2e-page.ts';

const skip = browserTestSkip();

describe('browser: the reports of the demo federation', { skip }, () => {
  let served: ServedApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let federationId: string;
  let memberId: string;
  let year: number;

  before(async () => {
    await launchChromiumWhile(
      async () => {
        // The batch is drawn by report workers, as `mogna serve` draws it.
        served = await serveTestApp('sqlite', { REPORT_WORKERS: '2' });
        await seedDemo(served.ctx);
        const db = served.ctx.db;
        federationId = (await db.selectFrom('organisations').select('id').where('kind', '=', 'kommunalforbund').executeTakeFirstOrThrow()).id;
        memberId = (await db.selectFrom('organisations').select('id').where('name', '=', 'Granåsa kommun').executeTakeFirstOrThrow()).id;
        year = served.clock.now().getUTCFullYear() - 1;
      },
      (launched) => (browser = launched),
    );
    context = await browser.newContext({ locale: 'sv-SE', acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await logIn(page, served.baseUrl, 'analytiker@demoforbundet.example', DEMO_PASSWORD);
  });
  after(async () => {
    await browser?.close();
    await served?.close();
  });

  test('the reports page opens on last year and lists every member with its number', async () => {
    await page.goto(`${served.baseUrl}/org/${federationId}/reports`);
    assert.match(page.url(), new RegExp(`/reports/${year}$`));
    assert.equal(await text(page, 'h1'), `Rapporter ${year}`);
    assert.equal(await page.locator('table tbody tr').count(), 14);
    await expectAccessible(page, 'the federation reports page');
  });

  test('the preview shows a member’s sub-report in the app, with its charts named', async () => {
    await page.goto(`${served.baseUrl}/org/${memberId}/reports/${year}/member`);
    const headings = await page.locator('article.report h2').allTextContents();
    assert.deepEqual(headings.slice(0, 3), ['Dokumentinformation', 'Sammanfattning', 'Innehåll']);
    for (const part of ['Digital mognad', 'Informationssäkerhet', 'IT-kostnader', 'Förmågekarta']) assert.ok(headings.includes(part), part);
    const figures = page.locator('article.report figure [role="img"]');
    assert.ok((await figures.count()) >= 10);
    assert.ok(((await figures.first().getAttribute('aria-labelledby')) ?? '').split(' ').length === 2);
    await expectAccessible(page, 'the report preview');
  });

  test('the batch shows its progress and ends with a ZIP of every report', async () => {
    await page.goto(`${served.baseUrl}/org/${federationId}/reports/${year}`);
    await page.getByRole('button', { name: 'Skapa alla rapporter (ZIP)' }).click();
    await page.waitForURL(/\/batch\/[0-9a-f]{32}$/);
    const jobUrl = page.url();
    // The batch writes 30 files; the page counts them while it runs.
    assert.match(await text(page, '[data-batch-text]'), /\d+ av 30 filer klara/);
    assert.equal(await page.locator('progress#batch-progress').getAttribute('max'), '30');
    await expectAccessible(page, 'the batch progress page');
    // Without JavaScript the page refreshes itself while the job runs.
    const html = await (await context.request.get(jobUrl)).text();
    if (!html.includes('Alla rapporter är klara')) assert.match(html, /<noscript><meta http-equiv="refresh" content="2"/);

    const link = page.getByTestId('batch-download');
    await link.waitFor({ state: 'visible', timeout: 180_000 });
    assert.match(await text(page, '[data-batch-text]'), /30 av 30 filer klara/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const names = Object.keys(zip.files).sort();
    assert.equal(names.filter((name) => name.endsWith('.docx')).length, 15);
    assert.equal(names.filter((name) => name.endsWith('.pdf')).length, 15);
    assert.ok(names.includes(`mogna-demoforbundet-${year}.pdf`), names.join(', '));
    assert.ok(names.includes(`mogna-granasa-kommun-${year}.docx`), names.join(', '));
    const pdf = await zip.file(`mogna-granasa-kommun-${year}.pdf`)!.async('uint8array');
    assert.equal(Buffer.from(pdf.subarray(0, 5)).toString(), '%PDF-');

    // A reader without JavaScript who comes back finds the same link.
    const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() });
    const plain = await noScript.newPage();
    await plain.goto(jobUrl);
    assert.equal(await plain.getByTestId('batch-download').isVisible(), true);
    await noScript.close();
  });
});
