// The action plan in a real browser: a coordinator adds an action through the form (a mistake
// first, so the error summary shows), changes its status with a note, and the plan, the form
// and the action page pass axe-core (WCAG 2.1 A/AA) at desktop and phone width.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserTestSkip, launchChromiumWhile, serveTestApp, type ServedApp } from '../support/browser.ts';
import { expectAccessible, logIn, text } from '../support/e2e-page.ts';
import { createSmallWorld, PASSWORD, type SmallWorld } from '../support/fixtures.ts';

const skip = browserTestSkip();

describe('browser: the action plan', { skip }, () => {
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

  test('a coordinator adds an action, changes its status, and every page passes axe at both widths', { timeout: 120_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await logIn(page, served.baseUrl, world.users.coordinatorA, PASSWORD);
    await page.goto(`${served.baseUrl}/org/${world.orgA}/actions/new?year=2026`);
    await expectAccessible(page, 'the new action form');
    await page.getByRole('button', { name: 'Spara åtgärden' }).click();
    assert.match(await text(page, '.error-summary'), /Skriv vad som ska göras/);
    await expectAccessible(page, 'the form with errors');
    await page.getByLabel('Vad ska göras?').fill('Rutin för behörighetsgenomgång');
    await page.getByLabel('Ansvarig', { exact: true }).fill('IT-chef');
    await page.getByRole('button', { name: 'Spara åtgärden' }).click();
    await page.waitForURL(/\/actions\/[0-9a-f-]{36}$/);
    await page.getByLabel('Status', { exact: true }).selectOption('in_progress');
    await page.getByLabel('Kort anteckning (valfritt)').fill('Första genomgången bokad');
    await page.getByRole('button', { name: 'Spara status' }).click();
    assert.match(await text(page, '[data-testid="action-history"]'), /Pågår — Första genomgången bokad/);
    await expectAccessible(page, 'the action page');
    await page.goto(`${served.baseUrl}/org/${world.orgA}/actions?year=2026`);
    await expectAccessible(page, 'the plan');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, 'the plan at phone width');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, 'nothing scrolls sideways at 390 px');
    await context.close();
  });
});
