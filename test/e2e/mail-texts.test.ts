// A coordinator writes the invitation in the browser: the preview follows the typing (through
// public/mail-preview.js and the preview address), a faulty placeholder is told in the preview
// and, when saved, in the error summary; axe checks the page at desktop and phone width.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { insertRound } from '../../src/modules/rounds/repository.ts';
import { browserTestSkip, launchChromiumWhile, serveTestApp, type ServedApp } from '../support/browser.ts';
import { expectAccessible, logIn } from '../support/e2e-page.ts';
import { createSmallWorld, PASSWORD, type SmallWorld } from '../support/fixtures.ts';

const skip = browserTestSkip();
const PHONE = { width: 390, height: 844 };

describe('browser: the mail texts page', { skip }, () => {
  let served: ServedApp;
  let browser: Browser;
  let world: SmallWorld;
  let roundId: string;

  before(async () => {
    await launchChromiumWhile(
      async () => {
        served = await serveTestApp('sqlite');
        world = await createSmallWorld(served.ctx);
        roundId = await insertRound(served.ctx, world.orgA, { name: 'Alfa 2026', year: 2026, instrumentKeys: ['digital-mognad'], openLink: false, status: 'open' });
      },
      (launched) => (browser = launched),
    );
  });
  after(async () => {
    await browser?.close();
    await served?.close();
  });

  test('the preview follows the typing; a faulty placeholder is told; the text is saved', async () => {
    const context = await browser.newContext({ locale: 'sv-SE' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await logIn(page, served.baseUrl, world.users.coordinatorA, PASSWORD);

    await page.goto(`${served.baseUrl}/rounds/${roundId}/mail`);
    await page.getByRole('link', { name: 'Ändra texterna i e-posten' }).click();
    await page.waitForURL(`${served.baseUrl}/rounds/${roundId}/mail-texts`);
    await expectAccessible(page, 'the mail texts page');
    const preview = page.locator('#mail-preview');
    assert.match(await preview.innerText(), /Hej Kim Exempelsson!/);

    const body = page.locator('#body-sv');
    await body.fill('Välkommen {namn}! Svara före {sista_dag}: {länk}');
    await preview.getByText('Välkommen Kim Exempelsson! Svara före när mätningen stänger: http', { exact: false }).waitFor();
    await body.fill('Välkommen {förnamn}! {länk}');
    await preview.getByText('Platshållaren {förnamn} finns inte', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Spara texterna' }).click();
    await page.locator('.error-summary').waitFor();
    assert.match(await page.locator('.error-summary').innerText(), /Svenska, Text: Platshållaren \{förnamn\} finns inte/);
    await expectAccessible(page, 'the mail texts page with an error');

    await page.locator('#body-sv').fill('Välkommen {namn}! {länk}');
    await page.getByRole('button', { name: 'Spara texterna' }).click();
    await page.waitForURL(/mail-texts\?kind=invitation$/);
    assert.equal((await page.locator('[role=status]').first().innerText()).trim(), 'Texterna är sparade.');
    await page.setViewportSize(PHONE);
    await expectAccessible(page, 'the mail texts page at phone width');
    await page.goto(`${served.baseUrl}/rounds/${roundId}/invitations/confirm`);
    await expectAccessible(page, 'the confirmation page at phone width');
    await context.close();
  });
});
