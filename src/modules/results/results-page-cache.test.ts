// The results page of a closed round is rendered once and reused (ctx.caches.resultsPages):
// access is still checked per request, each language has its own entry, and a change to any
// figure the page shows (here a reference value, another round closing) shows at once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createSmallWorld, PASSWORD, type SmallWorld } from '../../../test/support/fixtures.ts';
import { addSubmittedRespondents, answersScoring } from '../../../test/support/results-world.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { TestBrowser, textOf } from '../../../test/support/test-browser.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { insertRound } from '../rounds/repository.ts';

for (const dialect of testDialects()) {
  describe(`results page cache (${dialect})`, () => {
    let t: TestApp;
    let world: SmallWorld;
    let roundA: string;
    const browsers = new Map<string, TestBrowser>();
    const as = (key: keyof SmallWorld['users']) => browsers.get(key)!;
    const round = (org: string) => insertRound(t.ctx, org, { name: 'Mognadsmätning 2025', year: 2025, instrumentKeys: ['digital-mognad'], openLink: false, status: 'closed' });

    before(async () => {
      t = await createTestApp(dialect);
      world = await createSmallWorld(t.ctx);
      const instrument = t.ctx.instruments.require('digital-mognad');
      roundA = await round(world.orgA);
      await addSubmittedRespondents(t.ctx, roundA, instrument, [1, 2, 3, 4].map(() => ({ answers: answersScoring(instrument, 3) })));
      for (const key of ['coordinatorA', 'coordinatorB'] as const) {
        const browser = new TestBrowser(t.app);
        assert.equal((await browser.logIn(world.users[key], PASSWORD)).status, 303);
        browsers.set(key, browser);
      }
    });
    after(async () => t.close());

    test('a closed round is rendered once per language, and every request checks access first', async () => {
      // The first view publishes the closed round, so its page is kept from the second view on.
      assert.equal((await as('coordinatorA').get(`/rounds/${roundA}/results`)).status, 200);
      const first = await as('coordinatorA').get(`/rounds/${roundA}/results`);
      assert.equal(first.status, 200);
      assert.equal(t.ctx.caches.resultsPages.size, 1);
      const second = await as('coordinatorA').get(`/rounds/${roundA}/results`);
      assert.equal(second.status, 200);
      assert.equal(textOf(second.body), textOf(first.body));
      assert.equal(t.ctx.caches.resultsPages.size, 1);
      const english = await as('coordinatorA').get(`/rounds/${roundA}/results?lang=en`);
      assert.equal(english.status, 200);
      assert.match(english.body, /<html lang="en"/);
      assert.equal(t.ctx.caches.resultsPages.size, 2);
      assert.equal((await as('coordinatorB').get(`/rounds/${roundA}/results`)).status, 404);
    });

    test('a changed reference value or another closed round shows at once', async () => {
      const instrument = t.ctx.instruments.require('digital-mognad');
      const before = await as('coordinatorA').get(`/rounds/${roundA}/results`);
      assert.doesNotMatch(before.body, /data-testid="reference-table"/);
      await t.ctx.db
        .insertInto('reference_values')
        .values({ id: t.ctx.ids.id(), instrument_key: 'digital-mognad', instrument_version: instrument.version, year: 2025, measure: 'maturity-percent', value_milli: 47000, source: 'Cacherapport', imported_at: '2026-01-01T00:00:00Z', imported_by: null })
        .execute();
      const withReference = await as('coordinatorA').get(`/rounds/${roundA}/results`);
      assert.match(withReference.body, /data-testid="reference-table"/);
      assert.match(textOf(withReference.body), /Cacherapport/);

      const federationMembers = async () => {
        const page = await as('coordinatorA').get(`/rounds/${roundA}/results`);
        return textOf(page.body);
      };
      const beforeRounds = await federationMembers();
      for (const org of [world.orgB, await insertOrganisation(t.ctx, { name: 'Gamma kommun', kind: 'kommun', federationId: world.federationId })]) {
        const other = await round(org);
        await addSubmittedRespondents(t.ctx, other, instrument, [1, 2, 3].map(() => ({ answers: answersScoring(instrument, 5) })));
      }
      assert.notEqual(await federationMembers(), beforeRounds);
    });
  });
}
