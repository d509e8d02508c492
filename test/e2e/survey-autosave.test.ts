// A respondent on a phone never loses an answer: choices are saved as they are made, so closing the
// browser mid-page and coming back through the link finds them; after each page change focus is on
// the page's heading; "Ändra" on the review comes back to the review. axe checks each page at
// phone width.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { insertOrganisation } from '../../src/modules/organisations/repository.ts';
import { insertRespondents, insertRound, mintRespondentLink } from '../../src/modules/rounds/repository.ts';
import { browserTestSkip, launchChromiumWhile, PHONE_VIEWPORT, serveTestApp, type ServedApp } from '../support/browser.ts';
import { expectAccessible } from '../support/e2e-page.ts';

const skip = browserTestSkip();
const PHONE = PHONE_VIEWPORT;
const SAVED = 'Dina svar på den här sidan är sparade.';

/** The checked value of every radio group on the page that has one, by field name. */
function checkedValues(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const result: Record<string, string> = {};
    document.querySelectorAll<HTMLInputElement>('fieldset.statement input[type=radio]:checked').forEach((input) => (result[input.name] = input.value));
    return result;
  });
}

const focusedTag = (page: Page) => page.evaluate(() => `${document.activeElement?.tagName ?? ''} ${document.activeElement?.textContent ?? ''}`.trim());

describe('browser: answers are saved as they are given', { skip }, () => {
  let served: ServedApp;
  let browser: Browser;
  let link: string;

  before(async () => {
    await launchChromiumWhile(
      async () => {
        served = await serveTestApp('sqlite');
        const { ctx } = served;
        const organisationId = await insertOrganisation(ctx, { name: 'Deltakommun', kind: 'kommun', size: 12_000 });
        const roundId = await insertRound(ctx, organisationId, { name: 'Digital mognad', year: ctx.clock.now().getUTCFullYear(), instrumentKeys: ['digital-mognad'], openLink: false, status: 'open' });
        const token = await ctx.db.transaction().execute(async (trx) => {
          const [respondentId] = await insertRespondents(ctx, trx, roundId, [{ email: 'dora@delta.example' }]);
          return mintRespondentLink(ctx, trx, respondentId!);
        });
        link = `${served.baseUrl}/s/${token}`;
      },
      (launched) => (browser = launched),
    );
  });
  after(async () => {
    await browser?.close();
    await served?.close();
  });

  test('part of a page, the browser closed, resumed from the link; "Ändra" from the review; submitted', async () => {
    // ── Half a page on a phone, then the browser is closed ──────────────────────────────────
    const first = await browser.newContext({ viewport: PHONE, locale: 'sv-SE' });
    const phone = await first.newPage();
    phone.setDefaultTimeout(10_000);
    await phone.goto(`${link}/page/1`);
    await expectAccessible(phone, 'a survey page at phone width');
    const statements = phone.locator('fieldset.statement');
    for (const index of [0, 1, 2]) await statements.nth(index).locator('label', { hasText: '4' }).first().click();
    await statements.nth(3).getByText('Vet ej').click();
    await phone.locator('#autosave-status', { hasText: SAVED }).waitFor();
    const given = await checkedValues(phone);
    assert.equal(Object.keys(given).length, 4);
    await first.close();

    // ── Back through the link in a new browser: nothing is lost ─────────────────────────────
    const second = await browser.newContext({ viewport: PHONE, locale: 'sv-SE' });
    const page = await second.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(link);
    await page.getByRole('link', { name: 'Fortsätt där du slutade' }).click();
    // Until the page has loaded, its script may not yet listen for the buttons (focus after a page change).
    await page.waitForURL(`${link}/page/1`);
    assert.deepEqual(await checkedValues(page), given);

    // ── Page by page: focus lands on each new page's heading ────────────────────────────────
    for (let number = 1; number <= 6; number += 1) {
      const button = page.getByRole('button', { name: number === 6 ? 'Spara och granska svaren' : 'Spara och fortsätt', exact: true });
      await button.click();
      await page.waitForURL(number === 6 ? `${link}/review` : `${link}/page/${number + 1}`);
      assert.match(await focusedTag(page), /^H1 /, `focus after leaving page ${number}`);
    }
    await expectAccessible(page, 'the review at phone width');

    // ── "Ändra" on page 2 and back to the review ────────────────────────────────────────────
    await page.getByRole('link', { name: /Ändra svar om/ }).nth(1).click();
    await page.waitForURL(`${link}/page/2?return=review`);
    assert.match(await focusedTag(page), /^H1 /);
    await page.locator('fieldset.statement').first().locator('label', { hasText: '6' }).first().click();
    await page.getByRole('button', { name: 'Spara och gå tillbaka till granskningen' }).click();
    await page.waitForURL(`${link}/review`);
    assert.match(await focusedTag(page), /^H1 Granska dina svar/);
    assert.match(await page.locator('main').innerText(), /6 – Stämmer helt/);

    await page.getByRole('button', { name: 'Skicka in svaren' }).click();
    await page.locator('h1', { hasText: 'Tack!' }).waitFor();
    await second.close();
  });
});
