// Sending shows who will get the mail and asks for confirmation (issue 15): the round page's
// buttons lead to a page listing exactly the recipients, with the first one's mail as it will
// read (the link is made only when sent); confirming sends to them; a list that changed after the
// page was shown is shown again instead of sent; others cannot see the page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import { openRoundWithRespondents } from '../../../test/support/open-round.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { textOf, type TestBrowser } from '../../../test/support/test-browser.ts';

const listed = (body: string) => [...body.matchAll(/data-testid="confirm-recipient">([^<]*)</g)].map((match) => match[1]!).sort();
const fingerprint = (body: string) => /name="recipients" value="([0-9a-f]{64})"/.exec(body)![1]!;

for (const dialect of testDialects()) {
  describe(`the confirmation before sending (${dialect})`, () => {
    let loggedIn: LoggedInWorld;
    let coordinator: TestBrowser;
    let roundId: string;

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect, { REMINDER_AFTER_DAYS: '0' });
      ({ roundId, coordinator } = await openRoundWithRespondents(loggedIn, ['anna@alfa.example', 'bo@alfa.example', 'cia@alfa.example']));
    });
    after(async () => loggedIn.close());

    test('the round page leads to a page that lists exactly the recipients and the first mail', async () => {
      const round = await coordinator.get(`/rounds/${roundId}/mail`);
      assert.match(round.body, new RegExp(`<a href="/rounds/${roundId}/invitations/confirm" class="button button-primary">Skicka inbjudan till 3`));
      const page = await coordinator.get(`/rounds/${roundId}/invitations/confirm`);
      assert.equal(page.status, 200);
      assert.deepEqual(listed(page.body), ['anna@alfa.example', 'bo@alfa.example', 'cia@alfa.example']);
      const text = textOf(page.body);
      assert.match(text, /Skicka inbjudningar/);
      assert.match(text, /3 personer får mejlet/);
      assert.match(text, /Mejlet till anna@alfa\.example/);
      assert.match(text, /Din personliga länk: \[personlig länk, skapas när mejlet skickas\]/);
      assert.match(text, /Avsändare: Alfa kommun/);
      assert.match(page.body, new RegExp(`<form method="post" action="/rounds/${roundId}/invitations"`));
      assert.match(page.body, new RegExp(`<a href="/rounds/${roundId}/mail#invitations" class="button button-secondary">Avbryt</a>`));
      assert.equal(loggedIn.t.mail.sent.length, 0, 'nothing sent by looking');
    });

    test('a list that changed since the page was shown is shown again, not sent', async () => {
      const page = await coordinator.get(`/rounds/${roundId}/invitations/confirm`);
      const shown = fingerprint(page.body);
      await coordinator.post(`/rounds/${roundId}/respondents`, { email: 'dan@alfa.example' });
      const stale = await coordinator.post(`/rounds/${roundId}/invitations`, { recipients: shown });
      assert.equal(stale.location, `/rounds/${roundId}/invitations/confirm`);
      assert.match(textOf((await coordinator.follow(stale)).body), /Mottagarna har ändrats sedan sidan visades/);
      assert.equal(loggedIn.t.mail.sent.length, 0);
    });

    test('confirming sends to exactly those listed', async () => {
      const page = await coordinator.get(`/rounds/${roundId}/invitations/confirm`);
      assert.deepEqual(listed(page.body), ['anna@alfa.example', 'bo@alfa.example', 'cia@alfa.example', 'dan@alfa.example']);
      const sent = await coordinator.follow(await coordinator.post(`/rounds/${roundId}/invitations`, { recipients: fingerprint(page.body) }));
      assert.match(textOf(sent.body), /4 inbjudningar är skickade/);
      assert.deepEqual(loggedIn.t.mail.sent.map((mail) => mail.to).sort(), listed(page.body));
      const none = await coordinator.get(`/rounds/${roundId}/invitations/confirm`);
      assert.match(textOf(none.body), /Det finns ingen att skicka till/);
      const reminders = await coordinator.get(`/rounds/${roundId}/reminders/confirm`);
      assert.match(textOf(reminders.body), /Skicka påminnelser/);
      assert.equal(listed(reminders.body).length, 4);
    });

    test('only the round’s coordinators see it', async () => {
      assert.equal((await (await loggedIn.as('viewerA')).get(`/rounds/${roundId}/invitations/confirm`)).status, 403);
      assert.equal((await (await loggedIn.as('coordinatorB')).get(`/rounds/${roundId}/reminders/confirm`)).status, 404);
    });
  });
}
