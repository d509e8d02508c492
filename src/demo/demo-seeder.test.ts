// The demo federation lands whole in an empty database, on every dialect, and its published
// accounts can log in.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/support/test-context.ts';
import { testDialects } from '../../test/support/test-databases.ts';
import { TestBrowser, textOf } from '../../test/support/test-browser.ts';
import { DEMO_PASSWORD } from './demo-plan.ts';
import { databaseIsEmpty, seedDemo } from './demo-seeder.ts';

for (const dialect of testDialects()) {
  describe(`demo seeding (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(async () => t.close());

    test('seeds Demoförbundet with 14 members, closed rounds in the two previous years and an open one this year each', async () => {
      assert.equal(await databaseIsEmpty(t.ctx), true);
      const summary = await seedDemo(t.ctx);
      assert.equal(summary.organisations, 15);
      assert.equal(summary.rounds, 42);
      assert.equal(await databaseIsEmpty(t.ctx), false);
      const year = t.clock.now().getUTCFullYear();
      const rounds = await t.ctx.db.selectFrom('rounds').selectAll().execute();
      assert.equal(rounds.filter((round) => round.year === year - 1 && round.status === 'closed').length, 14);
      assert.equal(rounds.filter((round) => round.year === year - 2 && round.status === 'closed').length, 14);
      assert.equal(rounds.filter((round) => round.year === year && round.status === 'open').length, 14);
      for (const round of rounds.filter((candidate) => candidate.status === 'closed')) {
        const respondents = await t.ctx.db.selectFrom('respondents').select('id').where('round_id', '=', round.id).where('joint', '=', 0).execute();
        assert.ok(respondents.length >= 3 && respondents.length <= 25, `${respondents.length} respondents`);
      }
      const submitted = await t.ctx.db.selectFrom('responses').select('id').where('status', '=', 'submitted').execute();
      assert.ok(submitted.length > 150);
    });

    test('the demo coordinator logs in and sees the response rate of the open round', async () => {
      const browser = new TestBrowser(t.app);
      const login = await browser.logIn('samordnare@granasa.example', DEMO_PASSWORD);
      assert.equal(login.status, 303);
      const home = await browser.get('/');
      assert.match(textOf(home.body), /Granåsa kommun/);
      const orgPath = /href="(\/org\/[^"]+)"/.exec(home.body)![1]!;
      const org = await browser.get(orgPath);
      const roundPath = /href="(\/rounds\/[^"]+)"/.exec(org.body)![1]!;
      const round = await browser.get(roundPath);
      assert.equal(round.status, 200);
      assert.match(round.body, /data-testid="response-rate"/);
    });

    test('the dashboard shows each organisation\'s latest round with its response rate', async () => {
      const browser = new TestBrowser(t.app);
      await browser.logIn('samordnare@granasa.example', DEMO_PASSWORD);
      const text = textOf((await browser.get('/')).body);
      assert.match(text, new RegExp(`Digital mognad ${t.clock.now().getUTCFullYear()} Öppen`));
      assert.match(text, /\d+ % \(\d+\/\d+\)/);
    });

    test('the federation analyst sees all 14 members', async () => {
      const browser = new TestBrowser(t.app);
      await browser.logIn('analytiker@demoforbundet.example', DEMO_PASSWORD);
      const home = await browser.get('/');
      assert.equal((home.body.match(/href="\/org\//g) ?? []).length, 15);
    });
  });
}
