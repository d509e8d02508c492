// The joint assessments in a real browser, with the keyboard alone: the coordinator fills in the
// information-security survey (a follow-up appears only after "yes") and the capability map with
// Mellerud's 55 levels (from the seed's fixture), then reads the results — recommendations, the
// answer table, the capability map and its heat map, weak capabilities — and the federation view.
// axe-core checks WCAG 2.1 A/AA on each of those pages.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { insertDemoJointAssessments } from '../../src/demo/demo-joint-instruments.ts';
import { studyNumbering } from '../../src/domain/disclosure/member-numbering.ts';
import { allCapabilities } from '../../src/domain/instruments/instrument-structure.ts';
import { insertRound } from '../../src/modules/rounds/repository.ts';
import { browserTestSkip, launchChromiumWhile, serveTestApp, type ServedApp } from '../support/browser.ts';
import { expectAccessible, focused, logIn, snapshot, tabTo, text } from '../support/e2e-page.ts';
import { createSmallWorld, PASSWORD, type SmallWorld } from '../support/fixtures.ts';
import { mellerudCapabilityAnswers } from '../support/mellerud-fixture.ts';

const skip = browserTestSkip();

/** Tab into a radio group and choose the option `steps` places after the first (arrow keys move and select). */
async function chooseRadio(page: Page, name: string, steps: number): Promise<void> {
  await tabTo(page, (element) => element.tag === 'input' && element.type === 'radio' && element.name === name, `the radio group ${name}`);
  for (let step = 0; step < steps; step += 1) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  const chosen = await focused(page);
  assert.equal(chosen.name, name, 'the arrow keys stay inside the radio group');
}

async function pressButton(page: Page, label: string): Promise<void> {
  await tabTo(page, (element) => element.tag === 'button' && element.text === label, `the "${label}" button`, 120);
  await page.keyboard.press('Enter');
}

describe('browser: joint assessments with the keyboard alone', { skip }, () => {
  let served: ServedApp;
  let world: SmallWorld;
  let browser: Browser;
  let roundId: string;

  before(async () => {
    await launchChromiumWhile(
      async () => {
        served = await serveTestApp('sqlite');
        world = await createSmallWorld(served.ctx);
        roundId = await insertRound(served.ctx, world.orgA, { name: 'Gemensamma bedömningar 2026', year: 2026, instrumentKeys: ['informationssakerhet', 'formagekarta'], openLink: false, status: 'open' });
        // Beta kommun has answered the capability map too, so the federation view has two members.
        const { ctx } = served;
        await ctx.db.transaction().execute((trx) =>
          insertDemoJointAssessments(trx, {
            instruments: { formagekarta: ctx.instruments.require('formagekarta'), informationssakerhet: ctx.instruments.require('informationssakerhet') },
            members: [{ key: 'beta', formaga: 4, id: world.orgB }],
            year: 2026,
            seed: 1,
            newId: () => ctx.ids.id(),
          }),
        );
      },
      (launched) => (browser = launched),
    );
  });

  after(async () => {
    await browser?.close();
    await served?.close();
  });

  test('the coordinator fills in both instruments by keyboard and reads the results', async () => {
    const base = served.baseUrl;
    const context = await browser.newContext({ locale: 'sv-SE' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await logIn(page, base, world.users.coordinatorA, PASSWORD);

    // ── The round page offers both joint assessments ──────────────────────────────────────
    await page.goto(`${base}/rounds/${roundId}`);
    await expectAccessible(page, 'the round page with joint assessments');
    await tabTo(page, (element) => element.tag === 'a' && element.text === 'Fyll i informationssäkerhet', 'the link to fill in information security', 80);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/joint\/informationssakerhet\/page\/1$/);
    await expectAccessible(page, 'the information-security question page');

    // ── Page 1: a CISO (yes), then the follow-up appears: 1–10 hours ─────────────────────
    assert.equal(await page.locator('#question-ciso-timmar').isVisible(), true, 'unanswered parent: the follow-up is shown with its hint');
    await chooseRadio(page, 'a.har-ciso', 1); // Nej …
    assert.equal(await page.locator('#question-ciso-timmar').isVisible(), false, '"no" hides the follow-up');
    await page.keyboard.press('ArrowLeft'); // … back to Ja
    assert.equal(await page.locator('#question-ciso-timmar').isVisible(), true, '"yes" shows it again');
    await chooseRadio(page, 'a.ciso-timmar', 1);
    await snapshot(page, 'joint-01-infosec-page-1');
    await pressButton(page, 'Spara och fortsätt');
    await page.waitForURL(/\/page\/2$/);

    // ── Page 2: every practice "no" (as in Mellerud), except management review: yes, degree 3 ──
    for (const practice of ['ledning', 'risk', 'klassning', 'kontinuitet', 'medvetenhet', 'upphandling', 'uppfoljning']) {
      if (practice === 'ledning') {
        await chooseRadio(page, `a.${practice}-etablerat`, 0);
        await chooseRadio(page, `a.${practice}-grad`, 2);
      } else {
        await chooseRadio(page, `a.${practice}-etablerat`, 1);
      }
    }
    await pressButton(page, 'Spara och granska svaren');
    await page.waitForURL(/\/joint\/informationssakerhet\/review$/);
    await expectAccessible(page, 'the review page');
    const review = await text(page, 'main');
    assert.match(review, /1–10 timmar/);
    assert.match(review, /3 – Till stor del infört/);
    await pressButton(page, 'Skicka in svaren');
    await page.waitForURL(/\/joint\/informationssakerhet\/results$/);

    // ── Results: index, recommendations, answer table ─────────────────────────────────────
    await expectAccessible(page, 'the information-security results');
    await snapshot(page, 'joint-02-infosec-results');
    // (3/4 + 6 × 0) / 7 × 100 = 10,7
    assert.equal(await text(page, '[data-testid="practice-index"]'), '10,7');
    const recommendations = await page.locator('.recommendation-list h3').allTextContents();
    assert.ok(recommendations.includes('Ge samordnaren mer tid för informationssäkerhet'));
    assert.ok(recommendations.includes('Börja klassa er information'));
    assert.ok(recommendations.includes('Bygg ett ledningssystem för informationssäkerhet (LIS)'));
    assert.ok(!recommendations.includes('Sätt informationssäkerheten på ledningens dagordning'));
    const rows = await page.locator('#answer-table tbody tr').count();
    assert.equal(rows, 16, 'figure 6: 2 CISO questions and 7 practices × 2');

    // ── The capability map: Mellerud's 55 levels, a target and a comment, by keyboard ────
    const formagekarta = served.ctx.instruments.require('formagekarta');
    const mellerud = mellerudCapabilityAnswers(formagekarta);
    await page.goto(`${base}/rounds/${roundId}`);
    assert.equal(await page.getByRole('button', { name: 'Ändra svaren i informationssäkerhet' }).count(), 1, 'a submitted assessment can be reopened');
    await expectAccessible(page, 'the round page with a submitted assessment');
    await tabTo(page, (element) => element.tag === 'a' && element.text === 'Fyll i förmågekarta för den digitala motorn', 'the link to fill in the capability map', 80);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/joint\/formagekarta\/page\/1$/);
    await expectAccessible(page, 'a capability-map question page');
    const themes = formagekarta.dimensions.flatMap((dimension) => dimension.categories);
    for (const [index, theme] of themes.entries()) {
      for (const capability of theme.capabilities) {
        const item = capability.items[0]!;
        await chooseRadio(page, `a.${item.key}`, mellerud.get(item.key)!.value!);
        if (capability.key === 'forsta-kommunens-prioriteringar') {
          await tabTo(page, (element) => element.tag === 'select' && element.name === `t.${item.key}`, 'the target select');
          for (let step = 0; step < 4; step += 1) await page.keyboard.press('ArrowDown'); // '', 0, 1, 2, 3
          assert.equal((await focused(page)).currentValue, '3');
          await page.keyboard.press('Tab');
          await page.keyboard.type('Ingen gemensam prioriteringsordning');
        }
      }
      await pressButton(page, index === themes.length - 1 ? 'Spara och granska svaren' : 'Spara och fortsätt');
      await page.waitForURL(index === themes.length - 1 ? /\/review$/ : new RegExp(`/page/${index + 2}$`));
    }
    await pressButton(page, 'Skicka in svaren');
    await page.waitForURL(/\/joint\/formagekarta\/results$/);

    // ── Results: the seed's figures, the heat map, weak capabilities, the table ──────────
    await expectAccessible(page, 'the capability-map results');
    await snapshot(page, 'joint-03-capability-results');
    if (process.env.E2E_SCREENSHOTS) await page.locator('#capability-map').screenshot({ path: join(process.env.E2E_SCREENSHOTS, 'joint-03b-capability-map.png') });
    assert.equal(await text(page, '[data-testid="level-count-1"]'), '37');
    assert.equal(await text(page, '[data-testid="level-count-2"]'), '16');
    assert.equal(await text(page, '[data-testid="level-count-3"]'), '2');
    assert.equal(await page.locator('#capability-map .map-tile').count(), 55);
    assert.equal(await page.locator('#capability-map .map-tile[data-level="1"]').count(), 37);
    assert.equal(await text(page, '#capability-map .map-tile[data-level="3"] .map-tile-level'), '3 Bra', 'the level is written in the tile');
    assert.equal(await page.locator('[id^="capability-heatmap-"] svg').count(), 3, 'a heat map per area, as in the reports');
    assert.equal(await page.locator('#weak-list li').count(), 37);
    assert.equal(await page.locator('#perspectives dt').count(), 6);
    assert.equal(await page.locator('#capability-table tbody tr').count(), 55);
    assert.match(await text(page, '#capability-table'), /Ingen gemensam prioriteringsordning/);
    assert.equal(allCapabilities(formagekarta).length, 55);

    // ── The federation view: Beta is anonymised, Alfa named ───────────────────────────────
    await page.getByRole('link', { name: 'Jämför med förbundet' }).click();
    await page.waitForURL(/\/compare\/formagekarta/);
    await expectAccessible(page, 'the federation comparison');
    await snapshot(page, 'joint-04-federation');
    const header = await page.locator('#federation-matrix thead th').allTextContents();
    assert.ok(header.some((cell) => cell.startsWith('Alfa kommun')));
    // Beta carries its one number of the federation (ids decide it, so it differs between runs).
    const memberIds = await served.ctx.db.selectFrom('federation_members').select('member_id').where('federation_id', '=', world.federationId).execute();
    const betaNumber = studyNumbering(memberIds.map((row) => row.member_id)).get(world.orgB);
    assert.ok(header.includes(`Kommun ${betaNumber}`), header.join(' | '));
    assert.ok(!header.some((cell) => cell.includes('Beta')));
    await context.close();
  });
});
