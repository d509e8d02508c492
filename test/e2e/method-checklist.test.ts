// The method's checklist in a real browser: the federation's analyst and a member's coordinator
// tick steps with the keyboard alone (each toggle is a plain form; the page loads no script), the
// toggle's state is announced through aria-pressed, focus is visible, and axe-core finds no WCAG
// 2.1 A/AA violation at desktop and phone width.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { insertTestStudy } from '../support/checklist-studies.ts';
import { browserTestSkip, launchChromiumWhile, serveTestApp, type ServedApp } from '../support/browser.ts';
import { expectAccessible, logIn, snapshot, text } from '../support/e2e-page.ts';
import { createSmallWorld, PASSWORD, type SmallWorld } from '../support/fixtures.ts';

const skip = browserTestSkip();

/** Presses Tab until the focused element's accessible name (its aria-label) is `label`. */
async function tabToLabel(page: Page, label: string, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) === label) return;
  }
  assert.fail(`Tab never reached "${label}" within ${limit} presses`);
}

describe('browser: the method checklist with the keyboard alone', { skip }, () => {
  let served: ServedApp;
  let world: SmallWorld;
  let browser: Browser;

  before(async () => {
    await launchChromiumWhile(
      async () => {
        served = await serveTestApp('sqlite');
        world = await createSmallWorld(served.ctx);
        await insertTestStudy(served.ctx, { federationId: world.federationId, year: 2025, memberIds: [world.orgA, world.orgB] });
        await insertTestStudy(served.ctx, { federationId: world.federationId, year: 2026, memberIds: [world.orgA, world.orgB] });
      },
      (launched) => (browser = launched),
    );
  });
  after(async () => {
    await browser?.close();
    await served?.close();
  });

  test("the analyst ticks the study's first step; a coordinator ticks its own; both pages pass axe at both widths", { timeout: 120_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await logIn(page, served.baseUrl, world.users.analyst, PASSWORD);
    const federationPage = `${served.baseUrl}/org/${world.federationId}/studies/2026/checklist`;
    await page.goto(federationPage);
    assert.equal(await text(page, '[data-testid="checklist-progress"]'), '0 av 4 steg klara');
    await expectAccessible(page, "the federation's checklist");

    await tabToLabel(page, 'Klart: Utse en projektledare');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.equal(outline, 'solid', 'the focused toggle shows a visible outline');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#step-study-project-lead$/);
    assert.match(await text(page, '.notice'), /”Utse en projektledare” är markerat som klart/);
    assert.equal(await text(page, '[data-testid="checklist-progress"]'), '1 av 4 steg klara');
    const toggle = page.getByRole('button', { name: 'Klart: Utse en projektledare' });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('[aria-current="step"]').getAttribute('data-step'), 'steering-group');
    await expectAccessible(page, "the federation's checklist after a tick");
    await snapshot(page, 'checklist-federation');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, "the federation's checklist at phone width");
    await context.close();

    const member = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const phone = await member.newPage();
    await logIn(phone, served.baseUrl, world.users.coordinatorA, PASSWORD);
    await phone.goto(`${served.baseUrl}/org/${world.orgA}/studies/2026/checklist`);
    assert.match(await text(phone, 'h1'), /Metodens steg för Alfa kommun 2026/);
    assert.ok(await phone.getByRole('heading', { name: /Uppföljning/ }).isVisible(), 'the second study year has a follow-up phase');
    await tabToLabel(phone, 'Klart: Förklara begreppen före enkäten');
    await phone.keyboard.press('Space');
    await phone.waitForURL(/explain-terms$/);
    assert.equal(await phone.getByRole('button', { name: 'Klart: Förklara begreppen före enkäten' }).getAttribute('aria-pressed'), 'true');
    assert.equal(await text(phone, '[data-testid="checklist-progress"]'), '1 av 8 steg klara');
    await expectAccessible(phone, "a member's checklist at phone width");
    await snapshot(phone, 'checklist-member-phone');
    await phone.setViewportSize({ width: 1280, height: 900 });
    await expectAccessible(phone, "a member's checklist at desktop width");
    await member.close();
  });
});
