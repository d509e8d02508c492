// A results workshop in a real browser with the keyboard alone: the arrow and page keys move
// between topics, focus lands on each topic's heading, the notes save themselves as they are
// typed (and are there again after a reload), and axe finds no WCAG 2.1 A/AA problems.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { insertOrganisation } from '../../src/modules/organisations/repository.ts';
import { insertRound } from '../../src/modules/rounds/repository.ts';
import { browserTestSkip, launchChromiumWhile, serveTestApp, type ServedApp } from '../support/browser.ts';
import { expectAccessible, focused, logIn } from '../support/e2e-page.ts';
import { createSmallWorld, PASSWORD, type SmallWorld } from '../support/fixtures.ts';
import { addSubmittedRespondents, answersScoring } from '../support/results-world.ts';

const skip = browserTestSkip();

describe('browser: a results workshop with the keyboard', { skip }, () => {
  let served: ServedApp;
  let browser: Browser;
  let world: SmallWorld;

  before(async () => {
    await launchChromiumWhile(
      async () => {
        served = await serveTestApp('sqlite');
        const { ctx } = served;
        world = await createSmallWorld(ctx);
        const instrument = ctx.instruments.require('digital-mognad');
        const round = (org: string) => insertRound(ctx, org, { name: 'Mognadsmätning 2025', year: 2025, instrumentKeys: ['digital-mognad'], openLink: false, status: 'closed' });
        const scores = (value: number) => (key: string) => (['infrastruktur', 'styrning'].includes(key) ? 2 : value);
        await addSubmittedRespondents(ctx, await round(world.orgA), instrument, [
          ...[1, 2, 3, 4, 5].map(() => ({ answers: answersScoring(instrument, scores(4)) })),
          ...[1, 2, 3, 4].map(() => ({ answers: answersScoring(instrument, scores(2)) })),
        ]);
        const orgC = await insertOrganisation(ctx, { name: 'Gamma kommun', kind: 'kommun', federationId: world.federationId });
        await addSubmittedRespondents(ctx, await round(orgC), instrument, [1, 2, 3, 4, 5].map(() => ({ answers: answersScoring(instrument, 5) })));
      },
      (launched) => (browser = launched),
    );
  });
  after(async () => {
    await browser?.close();
    await served?.close();
  });

  const headingFocused = async (page: Page) => {
    const element = await focused(page);
    assert.equal(element.tag, 'h1', `focus on the topic heading, not ${JSON.stringify(element)}`);
  };

  test('through the topics with the keys, notes saved as typed', async () => {
    const context = await browser.newContext({ locale: 'sv-SE' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await logIn(page, served.baseUrl, world.users.coordinatorA, PASSWORD);
    const start = `${served.baseUrl}/org/${world.orgA}/workshop/2025`;
    await page.goto(start);
    await page.getByText('Ämne 1 av').waitFor();
    await headingFocused(page);
    await expectAccessible(page, 'the workshop\'s first topic');
    await page.keyboard.press('ArrowRight');
    await page.getByText('Ämne 2 av').waitFor();
    await headingFocused(page);
    await page.keyboard.press('PageDown');
    await page.getByText('Ämne 3 av').waitFor();
    await page.keyboard.press('ArrowLeft');
    await page.getByText('Ämne 2 av').waitFor();
    await page.keyboard.press('PageUp');
    await page.getByText('Ämne 1 av').waitFor();
    // Typing in a text field does not change the topic.
    await page.getByLabel('Anteckningar', { exact: true }).focus();
    await page.keyboard.type('Arvet bromsar oss');
    await page.keyboard.press('ArrowLeft');
    await page.locator('#workshop-status', { hasText: 'Sparat.' }).waitFor();
    assert.match(await page.innerText('[data-testid="progress"]'), /Ämne 1 av/);
    await page.reload();
    assert.equal(await page.getByLabel('Anteckningar', { exact: true }).inputValue(), 'Arvet bromsar oss');
    await page.goto(`${start}/handout`);
    await expectAccessible(page, 'the workshop\'s handout');
    await context.close();
  });
});
