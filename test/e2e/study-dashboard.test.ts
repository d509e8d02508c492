// A federation's study in a real browser (issue 15): the analyst starts it from the federation's
// page, the dashboard follows the members, and a member's coordinator declines a part after
// confirming it. axe-core checks WCAG 2.1 A/AA at desktop and at phone width (390 px), where the
// dashboard's table reflows into one block per member instead of scrolling sideways.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserTestSkip, launchChromiumWhile, serveTestApp, type ServedApp } from '../support/browser.ts';
import { expectAccessible, logIn, snapshot, text } from '../support/e2e-page.ts';
import { createSmallWorld, PASSWORD, type SmallWorld } from '../support/fixtures.ts';

const skip = browserTestSkip();
const PHONE = { width: 390, height: 844 };

/** axe passes at 390 px and the study's own tables (`.table-reflow`) fit the screen. */
async function fitsThePhone(page: Page, what: string): Promise<void> {
  await page.setViewportSize(PHONE);
  await expectAccessible(page, `${what} at 390 px`);
  const right = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll('.table-reflow')).map((table) => table.getBoundingClientRect().right)));
  assert.ok(right <= PHONE.width, `${what}: the study's table reaches ${right} px at 390 px`);
  await page.setViewportSize({ width: 1366, height: 900 });
}

describe('browser: a federation’s study', { skip }, () => {
  let served: ServedApp;
  let world: SmallWorld;
  let browser: Browser;

  before(async () => {
    await launchChromiumWhile(
      async () => {
        served = await serveTestApp('sqlite');
        world = await createSmallWorld(served.ctx);
      },
      (launched) => (browser = launched),
    );
  });
  after(async () => {
    await browser?.close();
    await served?.close();
  });

  test('the analyst sets up the study and follows it on the dashboard', async () => {
    const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await logIn(page, served.baseUrl, world.users.analyst, PASSWORD);
    await page.goto(`${served.baseUrl}/org/${world.federationId}`);
    await page.getByRole('link', { name: 'Starta en ny studie' }).click();
    await expectAccessible(page, 'the new-study form');
    await page.getByLabel('Sista svarsdag').fill('15/1');
    await page.getByRole('button', { name: 'Skapa studien' }).click();
    assert.match(await text(page, '.error-summary'), /Sista svarsdag|ÅÅÅÅ-MM-DD/);
    await expectAccessible(page, 'the new-study form with its errors');
    await page.getByLabel('Sista svarsdag').fill('2027-01-15');
    await page.getByLabel('Kontaktperson', { exact: true }).fill('Ana Lytiker');
    await page.getByLabel('Kontaktpersonens e-postadress').fill(world.users.analyst);
    await page.getByRole('button', { name: 'Skapa studien' }).click();
    await page.waitForURL(`${served.baseUrl}/org/${world.federationId}/studies/2027`);
    assert.match(await text(page, 'main'), /Alfa kommun.*Beta kommun/);
    assert.match(await text(page, 'main'), /Inte påbörjad/);
    await expectAccessible(page, 'the dashboard');
    await snapshot(page, 'study-dashboard');
    await fitsThePhone(page, 'the dashboard');
    await context.close();
  });

  test('a member’s coordinator sees the member’s part and declines one after confirming', async () => {
    const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await logIn(page, served.baseUrl, world.users.coordinatorA, PASSWORD);
    await page.goto(`${served.baseUrl}/org/${world.orgA}`);
    assert.match(await text(page, 'main'), /Er del i Testförbundets studie 2027/);
    await fitsThePhone(page, 'the member’s page with its study parts');
    await page.locator('summary', { hasText: 'Avböj delen' }).nth(1).click();
    await expectAccessible(page, 'the decline confirmation');
    await page.getByRole('button', { name: /Ja, Alfa kommun avböjer Informationssäkerhet/ }).click();
    await page.waitForURL(`${served.baseUrl}/org/${world.orgA}`);
    assert.match(await text(page, 'main'), /Delen är avböjd/);
    assert.match(await text(page, 'main'), /Avböjd/);
    await page.getByRole('button', { name: /Ångra avböjandet/ }).click();
    assert.match(await text(page, 'main'), /Delen är med i studien igen/);
    await context.close();
  });
});
