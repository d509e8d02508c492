// The IT-cost pages in a real browser: a coordinator finds them from the organisation page,
// uploads a ledger of several megabytes and sees the progress bar and status move, chooses
// central IT, reads the figures, fills in the IT towers, looks at the rules and the federation
// comparison; a broken file comes back with the error summary. axe-core checks WCAG 2.1 A/AA
// on every page.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { loadUserActor } from '../../src/app/actor.ts';
import { chooseCentralIt, importLedger } from '../../src/modules/costs/service.ts';
import { insertOrganisation } from '../../src/modules/organisations/repository.ts';
import { browserTestSkip, launchChromiumWhile, serveTestApp, type ServedApp } from '../support/browser.ts';
import { expectAccessible, logIn, snapshot } from '../support/e2e-page.ts';
import { createSmallWorld, PASSWORD, type SmallWorld } from '../support/fixtures.ts';
import { SMALL_LEDGER_ROWS, smallCsv, smallSie } from '../support/ledger-files.ts';

const skip = browserTestSkip();

describe('browser: IT-cost pages', { skip }, () => {
  let served: ServedApp;
  let world: SmallWorld;
  let browser: Browser;
  let workDir: string;
  let bigFile: string;
  let brokenFile: string;
  let csvFile: string;

  before(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'mogna-e2e-costs-'));
    await launchChromiumWhile(
      async () => {
        served = await serveTestApp('sqlite');
        world = await createSmallWorld(served.ctx);
        // About 9 MB: the small ledger's vouchers 6 000 times over, so the upload takes a while.
        const rows = Array.from({ length: 6000 }, () => SMALL_LEDGER_ROWS).flat();
        bigFile = join(workDir, 'huvudbok-2025.se');
        await writeFile(bigFile, smallSie({ rows }));
        csvFile = join(workDir, 'huvudbok-2024.csv');
        await writeFile(csvFile, smallCsv());
        brokenFile = join(workDir, 'trasig.se');
        await writeFile(brokenFile, smallSie().replace('#TRANS 6420 {1 "100"} 300000.00', '#TRANS 6420 {1 "100"} tre-hundra'));
        // Two more members with ledgers, so the comparison has three.
        const operatorRow = await served.ctx.db.selectFrom('users').select('id').where('email', '=', world.users.operator).executeTakeFirstOrThrow();
        const operator = (await loadUserActor(served.ctx.db, operatorRow.id))!;
        const gamma = await insertOrganisation(served.ctx, { name: 'Gamma kommun', kind: 'kommun', federationId: world.federationId });
        for (const [organisationId, text] of [
          [world.orgB, smallSie()],
          [gamma, smallSie({ rows: [['5010', '100', '100.00'], ['6430', '200', '50.00'], ['5010', '200', '9900.00']] })],
        ] as const) {
          await importLedger(served.ctx, operator, organisationId, 2025, { fileName: 'hb.se', format: 'sie', source: Readable.from([Buffer.from(text)]) });
          await chooseCentralIt(served.ctx, operator, organisationId, 2025, ['100']);
        }
      },
      (launched) => (browser = launched),
    );
  });

  after(async () => {
    await browser?.close();
    await served?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  test('upload with progress, central IT, figures, towers, rules and comparison, all accessible', async () => {
    const base = served.baseUrl;
    const context = await browser.newContext({ locale: 'sv-SE' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await logIn(page, base, world.users.coordinatorA, PASSWORD);
    await page.goto(`${base}/org/${world.orgA}`);
    await page.getByRole('link', { name: 'IT-kostnader', exact: true }).click();
    await page.waitForURL(`${base}/org/${world.orgA}/costs/2025`);
    await expectAccessible(page, 'the empty cost page');

    // ── A broken file: the script shows the server's answer with the error summary ────────
    await page.getByLabel('Fil med huvudboken').setInputFiles(brokenFile);
    await page.getByRole('button', { name: 'Läs in filen' }).click();
    await page.locator('.error-summary').waitFor();
    assert.match((await page.locator('[data-testid="upload-error"]').textContent()) ?? '', /Rad \d+: Ett belopp är inte ett tal\./);
    await expectAccessible(page, 'the cost page with an upload error');

    // ── A large file: progress bar and status move, then the page reloads with the result ─
    const statuses: string[] = [];
    const values: number[] = [];
    await page.exposeFunction('recordUpload', (status: string, value: number) => {
      statuses.push(status);
      values.push(value);
    });
    await page.goto(`${base}/org/${world.orgA}/costs/2025`);
    // A plain script (no named functions, which the TypeScript loader would wrap in a helper the page lacks).
    await page.evaluate(`
      (function () {
        var status = document.querySelector('[data-upload-status]');
        var bar = document.querySelector('#ledger-progress');
        function record() { window.recordUpload(status.textContent || '', bar.position); }
        new MutationObserver(record).observe(status, { childList: true, characterData: true, subtree: true });
        new MutationObserver(record).observe(bar, { attributes: true });
      })();
    `);
    assert.equal(await page.locator('[data-upload-progress]').isHidden(), true);
    await page.getByLabel('Fil med huvudboken').setInputFiles(bigFile);
    await page.getByRole('button', { name: 'Läs in filen' }).click();
    await page.locator('.notice-success').waitFor();
    assert.match((await page.locator('.notice-success').textContent()) ?? '', /Huvudboken är inläst: 108\s000 rader och 2 kostnadsställen\./);
    assert.ok(statuses.some((status) => /Filen laddas upp och läses: \d+ % klart\./.test(status)), statuses.join(' | '));
    assert.ok(statuses.some((status) => status.startsWith('Filen är uppladdad. Den läses klart')), statuses.join(' | '));
    assert.ok(values.some((value) => value > 0), values.join(','));

    // ── Central IT ───────────────────────────────────────────────────────────────────────
    await page.getByRole('link', { name: 'Välj kostnadsställen för central IT' }).click();
    await expectAccessible(page, 'the cost-centre choice');
    await page.getByRole('checkbox', { name: /^100 IT-enheten/ }).check();
    await page.getByRole('button', { name: 'Spara valet' }).click();
    await page.locator('[data-testid="central-it-share"]').waitFor();
    assert.equal((await page.locator('[data-testid="central-it-share"]').textContent())?.replace(/\s/g, ' '), '2,6 %');
    // The chart script replaces the server SVG with an interactive chart; the page stays accessible.
    await page.locator('#costs-own-pools .chart-canvas').waitFor();
    await expectAccessible(page, 'the cost page with figures');
    await snapshot(page, 'costs-year');
    await page.getByText('Visa tabell: Hårdvara, mjukvara och telekom').click();
    assert.match((await page.locator('#costs-split-own table').textContent()) ?? '', /Mjukvara\s*30\s*70/);

    // ── IT towers ────────────────────────────────────────────────────────────────────────
    await page.getByRole('link', { name: 'Arbetsområden inom central IT (IT towers)' }).first().click();
    await expectAccessible(page, 'the IT towers form');
    await page.getByRole('group', { name: 'Infrastruktur' }).getByLabel('Årsarbetskrafter').fill('3,5');
    await page.getByRole('group', { name: 'Slutanvändartjänster' }).getByLabel('Årsarbetskrafter').fill('2');
    await page.getByRole('group', { name: 'Applikationsverksamhet' }).getByLabel('Årsarbetskrafter').fill('1');
    await page.getByRole('group', { name: 'Styra och stödja' }).getByLabel('Årsarbetskrafter').fill('tre');
    await page.getByRole('button', { name: 'Spara arbetsområdena' }).click();
    await page.locator('.error-summary').waitFor();
    await expectAccessible(page, 'the IT towers form with an error');
    await snapshot(page, 'costs-towers-error');
    await page.getByRole('group', { name: 'Styra och stödja' }).getByLabel('Årsarbetskrafter').fill('0,5');
    await page.getByRole('button', { name: 'Spara arbetsområdena' }).click();
    await page.locator('.notice-success').waitFor();
    assert.match((await page.locator('[data-testid="towers"]').textContent()) ?? '', /3,50/);

    // ── Comparison ───────────────────────────────────────────────────────────────────────
    await page.getByRole('link', { name: 'Jämförelse inom förbundet' }).click();
    await page.locator('#costs-central-it-share').waitFor();
    assert.match((await page.locator('#costs-central-it-share table').textContent()) ?? '', /\(er kommun\)/);
    await expectAccessible(page, 'the federation comparison');
    await snapshot(page, 'costs-comparison');

    // ── Rules ────────────────────────────────────────────────────────────────────────────
    await page.goto(`${base}/org/${world.orgA}/costs/rules?year=2025`);
    await expectAccessible(page, 'the rules page');

    // ── A CSV file: the column-mapping step, reached through the upload script ───────────
    await page.goto(`${base}/org/${world.orgA}/costs/2024`);
    await page.getByLabel('Fil med huvudboken').setInputFiles(csvFile);
    await page.getByRole('button', { name: 'Läs in filen' }).click();
    await page.waitForURL(/\/costs\/2024\/columns\/[0-9a-f]{48}$/);
    await expectAccessible(page, 'the column-mapping step');
    await snapshot(page, 'costs-columns');
    assert.equal(await page.getByLabel('Kolumn med belopp').inputValue(), 'Belopp');
    await page.getByRole('button', { name: 'Läs in filen med de här kolumnerna' }).click();
    await page.locator('.notice-success').waitFor();
    assert.match((await page.locator('.notice-success').textContent()) ?? '', /Huvudboken är inläst: 9 rader/);
    await context.close();
  });
});
