// The open link's start page in a browser (issue 15): a respondent on a phone chooses their unit
// from the organisation's tree and their role, starts, and lands on the first survey page; a
// choice that is not on the list comes back with the error summary focused. axe checks the page
// at phone and desktop width, with and without the error.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { hashToken } from '../../src/app/ports.ts';
import { insertOrganisation } from '../../src/modules/organisations/repository.ts';
import { insertRespondents, insertRound, storeOpenLink } from '../../src/modules/rounds/repository.ts';
import { browserTestSkip, launchChromiumWhile, serveTestApp, type ServedApp } from '../support/browser.ts';
import { expectAccessible } from '../support/e2e-page.ts';

const skip = browserTestSkip();
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

describe('browser: the open link asks for unit and role', { skip }, () => {
  let served: ServedApp;
  let browser: Browser;
  let link: string;
  let roundId: string;
  let homeCare: string;

  before(async () => {
    await launchChromiumWhile(
      async () => {
        served = await serveTestApp('sqlite');
        const { ctx } = served;
        const organisationId = await insertOrganisation(ctx, { name: 'Deltakommun', kind: 'kommun', size: 12_000 });
        const unit = async (name: string, parentId: string | null) => {
          const id = ctx.ids.id();
          await ctx.db.insertInto('units').values({ id, organisation_id: organisationId, parent_id: parentId, name }).execute();
          return id;
        };
        const social = await unit('Socialförvaltningen', null);
        homeCare = await unit('Hemtjänst', social);
        await unit('Skolförvaltningen', null);
        roundId = await insertRound(ctx, organisationId, { name: 'Digital mognad', year: ctx.clock.now().getUTCFullYear(), instrumentKeys: ['digital-mognad'], openLink: false, status: 'open' });
        await ctx.db.transaction().execute((trx) => insertRespondents(ctx, trx, roundId, [{ email: 'dora@delta.example', role: 'Enhetschef' }]));
        const token = ctx.ids.token();
        await storeOpenLink(ctx.db, roundId, hashToken(token), 100);
        link = `${served.baseUrl}/o/${token}`;
      },
      (launched) => (browser = launched),
    );
  });
  after(async () => {
    await browser?.close();
    await served?.close();
  });

  test('on a phone: a unit and role chosen from the lists start the survey with them', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'sv-SE' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(link);
    await expectAccessible(page, 'the open link page at phone width');
    await page.getByLabel('Vilken enhet arbetar du i?').selectOption({ label: 'Socialförvaltningen › Hemtjänst' });
    await page.getByLabel('Vilken roll har du?').selectOption({ label: 'Enhetschef' });
    await page.getByRole('button', { name: 'Börja svara' }).click();
    await page.waitForURL(/\/s\/[A-Za-z0-9_-]+\/page\/1$/);
    const row = await served.ctx.db.selectFrom('respondents').select(['unit_id', 'role']).where('round_id', '=', roundId).where('via_open_link', '=', 1).executeTakeFirstOrThrow();
    assert.deepEqual(row, { unit_id: homeCare, role: 'Enhetschef' });
    await context.close();
  });

  test('on a desktop: a unit that is not on the list comes back with the error summary focused', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'sv-SE' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(link);
    await expectAccessible(page, 'the open link page at desktop width');
    // As if the unit had been removed while the page was open.
    await page.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>('#unitId')!;
      select.options[1]!.value = 'borttagen-enhet';
      select.selectedIndex = 1;
    });
    await page.getByRole('button', { name: 'Börja svara' }).click();
    await page.locator('.error-summary').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.className ?? ''), 'error-summary');
    assert.match(await page.locator('.error-summary').innerText(), /Välj en enhet i listan/);
    await expectAccessible(page, 'the open link page with an error');
    await context.close();
  });
});
