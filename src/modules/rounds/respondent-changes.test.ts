// Made-up respondents are visible (issue 12): every change to a round's respondents after it
// opened is logged (who, what, when), and the round and results pages say how many
// respondents were added after the first answer came in.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createSmallWorld, PASSWORD, type SmallWorld } from '../../../test/support/fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { TestBrowser, textOf } from '../../../test/support/test-browser.ts';
import { surveyPages } from '../../domain/instruments/instrument-structure.ts';
import { loadUserActor } from '../../app/actor.ts';
import { respondentsAddedAfterFirstAnswer } from './round-service.ts';

for (const dialect of testDialects()) {
  describe(`respondent changes after a round opened (${dialect})`, () => {
    let t: TestApp;
    let world: SmallWorld;
    let coordinator: TestBrowser;
    let roundId: string;

    before(async () => {
      t = await createTestApp(dialect);
      world = await createSmallWorld(t.ctx);
      coordinator = new TestBrowser(t.app);
      await coordinator.logIn(world.users.coordinatorA, PASSWORD);
      await coordinator.get(`/org/${world.orgA}/rounds/new`);
      const created = await coordinator.post(`/org/${world.orgA}/rounds`, { name: 'Digital mognad 2026', year: '2026', instruments: 'digital-mognad', threshold: '3' });
      roundId = created.location!.split('/').pop()!;
    });
    after(async () => t.close());

    const changes = () => t.ctx.db.selectFrom('respondent_changes').selectAll().where('round_id', '=', roundId).orderBy('changed_at').orderBy('kind').execute();

    test('changes before the round opens are not logged; after it opens, adding, uploading and removing are', async () => {
      await coordinator.get(`/rounds/${roundId}`);
      await coordinator.post(`/rounds/${roundId}/respondents`, { email: 'anna@alfa.example' });
      assert.equal((await changes()).length, 0);
      await coordinator.get(`/rounds/${roundId}`);
      await coordinator.post(`/rounds/${roundId}/open`, {});

      t.clock.set('2026-11-25T11:00:00Z');
      await coordinator.get(`/rounds/${roundId}`);
      assert.equal((await coordinator.post(`/rounds/${roundId}/respondents`, { email: 'bo@alfa.example' })).status, 303);
      await coordinator.get(`/rounds/${roundId}`);
      const uploaded = await coordinator.upload(`/rounds/${roundId}/respondents/upload`, { name: 'lista.csv', content: 'e-post\r\ncia@alfa.example\r\ndan@alfa.example\r\n' });
      assert.equal(uploaded.status, 303, textOf(uploaded.body));
      const dan = await t.ctx.db.selectFrom('respondents').select('id').where('email', '=', 'dan@alfa.example').executeTakeFirstOrThrow();
      await coordinator.get(`/rounds/${roundId}`);
      assert.equal((await coordinator.post(`/rounds/${roundId}/respondents/${dan.id}/delete`, {})).status, 303);

      const logged = await changes();
      assert.deepEqual(
        logged.map((change) => [change.kind, change.respondent_count, change.detail, change.changed_by_name, change.changed_at]),
        [
          ['added', 1, 'bo@alfa.example', 'Sam Ordnare', '2026-11-25T11:00:00.000Z'],
          ['imported', 2, null, 'Sam Ordnare', '2026-11-25T11:00:00.000Z'],
          ['removed', 1, 'dan@alfa.example', 'Sam Ordnare', '2026-11-25T11:00:00.000Z'],
        ],
      );
      const page = await coordinator.get(`/rounds/${roundId}/respondents`);
      assert.match(page.body, /data-testid="respondent-changes"/);
      const text = textOf(page.body);
      assert.match(text, /Lade till bo@alfa\.example/);
      assert.match(text, /Laddade upp en lista med 2 respondenter/);
      assert.match(text, /Tog bort dan@alfa\.example/);
      // Nobody has answered yet, so no one was added "after the first answer".
      assert.doesNotMatch((await coordinator.get(`/rounds/${roundId}`)).body, /data-testid="late-respondents"/);
    });

    test('respondents added after the first answer are counted on the round page and the results page', async () => {
      await coordinator.get(`/rounds/${roundId}`);
      await coordinator.post(`/rounds/${roundId}/invitations`, {});
      const mail = t.mail.sent.find((candidate) => candidate.to === 'anna@alfa.example')!;
      const link = /http:\/\/mogna\.test(\/s\/[A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
      const item = surveyPages(t.ctx.instruments.require('digital-mognad'))[0]!.category.capabilities[0]!.items[0]!;
      t.clock.set('2026-11-25T12:00:00Z');
      const respondent = new TestBrowser(t.app);
      await respondent.get(`${link}/page/1`);
      assert.equal((await respondent.post(`${link}/page/1`, { [`a.${item.key}`]: '3', action: 'leave' })).status, 303);

      t.clock.set('2026-11-25T13:00:00Z');
      await coordinator.get(`/rounds/${roundId}`);
      await coordinator.post(`/rounds/${roundId}/respondents`, { email: 'erik@alfa.example' });
      await coordinator.get(`/rounds/${roundId}`);
      await coordinator.post(`/rounds/${roundId}/respondents`, { email: 'fia@alfa.example' });

      const actor = (await loadUserActor(t.ctx.db, (await t.ctx.db.selectFrom('users').select('id').where('email', '=', world.users.coordinatorA).executeTakeFirstOrThrow()).id))!;
      assert.deepEqual(await respondentsAddedAfterFirstAnswer(t.ctx, actor, roundId), { firstAnswerAt: '2026-11-25T12:00:00.000Z', added: 2 });
      const page = await coordinator.get(`/rounds/${roundId}`);
      assert.match(textOf(page.body), /2 respondenter lades till efter att det första svaret kom in/);
      await coordinator.post(`/rounds/${roundId}/close`, {});
      const results = await coordinator.get(`/rounds/${roundId}/results`);
      assert.equal(results.status, 200);
      assert.match(textOf(results.body), /2 respondenter lades till efter att det första svaret kom in/);
      assert.equal((await changes()).length, 5);
    });
  });
}
