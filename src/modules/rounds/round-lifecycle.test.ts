// Creating, opening, closing and reopening rounds, with the rules that keep years comparable.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SmallWorld } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { TestBrowser, textOf } from '../../../test/support/test-browser.ts';

for (const dialect of testDialects()) {
  describe(`round lifecycle (${dialect})`, () => {
    let t: TestApp;
    let world: SmallWorld;
    let loggedIn: LoggedInWorld;
    let coordinator: TestBrowser;

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect);
      ({ t, world } = loggedIn);
      coordinator = await loggedIn.as('coordinatorA');
    });
    after(async () => loggedIn.close());

    const create = async (fields: Record<string, string | string[]>) => {
      await coordinator.get(`/org/${world.orgA}/rounds/new`);
      return coordinator.post(`/org/${world.orgA}/rounds`, fields);
    };

    test('the form explains every mistake at its field and in the summary', async () => {
      const bad = await create({ name: '', year: '26', threshold: '1' });
      assert.equal(bad.status, 400);
      const text = textOf(bad.body);
      assert.match(text, /Skriv ett namn på mätningen/);
      assert.match(text, /Skriv ett år med fyra siffror/);
      assert.match(text, /Välj minst en enkät/);
      assert.match(text, /Skriv ett heltal från 2 till 50/);
      assert.match(bad.body, /href="#year"/);
      assert.equal((await t.ctx.db.selectFrom('rounds').selectAll().execute()).length, 0);
    });

    test('one round per organisation, instrument and year', async () => {
      const first = await create({ name: 'Mognad 2025', year: '2025', instruments: 'digital-mognad' });
      assert.equal(first.status, 303);
      const duplicate = await create({ name: 'Igen', year: '2025', instruments: 'digital-mognad' });
      assert.equal(duplicate.status, 400);
      assert.match(textOf(duplicate.body), /redan en mätning med Digital mognad för 2025/);
    });

    test('a round closed in an earlier year cannot be reopened; one from this year can', async () => {
      t.clock.set('2025-05-01T10:00:00Z');
      const created = await create({ name: 'Mognad 2025 B', year: '2025', instruments: 'digital-mognad', threshold: '2' });
      // The 2025 round exists already (previous test), so this is refused; use the existing one.
      assert.equal(created.status, 400);
      const round = await t.ctx.db.selectFrom('rounds').selectAll().where('year', '=', 2025).executeTakeFirstOrThrow();
      await coordinator.get(`/rounds/${round.id}`);
      await coordinator.post(`/rounds/${round.id}/open`, {});
      await coordinator.post(`/rounds/${round.id}/close`, {});
      await coordinator.post(`/rounds/${round.id}/open`, {});
      assert.equal((await t.ctx.db.selectFrom('rounds').select('status').where('id', '=', round.id).executeTakeFirstOrThrow()).status, 'open');
      await coordinator.post(`/rounds/${round.id}/close`, {});
      t.clock.set('2026-02-01T10:00:00Z');
      const reopen = await coordinator.post(`/rounds/${round.id}/open`, {});
      assert.equal(reopen.status, 409);
      assert.match(textOf(reopen.body), /kan inte öppnas igen/);
      assert.equal((await t.ctx.db.selectFrom('rounds').select('status').where('id', '=', round.id).executeTakeFirstOrThrow()).status, 'closed');
    });

    test('an open link lets anyone answer without an e-mail address', async () => {
      const created = await create({ name: 'Öppen 2026', year: '2026', instruments: 'digital-mognad', openLink: 'on' });
      assert.equal(created.status, 303);
      const roundId = created.location!.split('/').pop()!;
      // The coordinator reads the open link on the page that follows its creation.
      const roundPage = await coordinator.get(`/rounds/${roundId}`);
      const openLink = /data-testid="open-link">http:\/\/mogna\.test(\/o\/[A-Za-z0-9_-]{43})</.exec(roundPage.body)?.[1];
      assert.ok(openLink, 'the new round shows its open link once');
      const visitor = new TestBrowser(t.app);
      assert.equal((await visitor.get(openLink)).status, 409, 'not open yet');
      await coordinator.get(`/rounds/${roundId}`);
      await coordinator.post(`/rounds/${roundId}/open`, {});
      const landing = await visitor.get(openLink);
      assert.equal(landing.status, 200);
      const started = await visitor.post(openLink, {});
      assert.equal(started.status, 303);
      assert.match(started.location!, /^\/s\/[A-Za-z0-9_-]{43}\/page\/1$/);
      const respondents = await t.ctx.db.selectFrom('respondents').selectAll().where('round_id', '=', roundId).execute();
      assert.equal(respondents.length, 1);
      assert.equal(respondents[0]!.email, null);
      assert.equal(respondents[0]!.via_open_link, 1);
    });
  });
}
