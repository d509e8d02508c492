// Reminders wait REMINDER_AFTER_DAYS (3) after the invitation, go only to those who have not
// answered, and never twice the same day; the round page says so and offers the button only
// when someone can be reminded.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import { openRoundWithRespondents } from '../../../test/support/open-round.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { textOf, type TestBrowser } from '../../../test/support/test-browser.ts';

const DAY = 24 * 60 * 60 * 1000;

for (const dialect of testDialects()) {
  describe(`reminders (${dialect})`, () => {
    let loggedIn: LoggedInWorld;
    let coordinator: TestBrowser;
    let roundId: string;

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect);
      ({ roundId, coordinator } = await openRoundWithRespondents(loggedIn));
    });
    after(async () => loggedIn.close());

    const later = (ms: number) => loggedIn.t.clock.set(new Date(loggedIn.t.clock.now().getTime() + ms));
    const remindButton = async () => /Skicka påminnelse till (\d+) som inte svarat/.exec(textOf((await coordinator.get(`/rounds/${roundId}/mail`)).body))?.[1];
    const reminders = () => loggedIn.t.mail.sent.filter((mail) => /Påminnelse/.test(mail.subject)).map((mail) => mail.to).sort();

    test('no reminder until three days after the invitation; then to everyone who has not answered, once that day', async () => {
      await coordinator.get(`/rounds/${roundId}`);
      await coordinator.post(`/rounds/${roundId}/invitations`, {});
      assert.equal(loggedIn.t.mail.sent.length, 2);
      const page = textOf((await coordinator.get(`/rounds/${roundId}/mail`)).body);
      assert.match(page, /tidigast 3 dagar efter inbjudan och högst en gång om dagen/);
      assert.equal(await remindButton(), undefined, 'no button on the day of the invitation');
      await coordinator.post(`/rounds/${roundId}/reminders`, {});
      assert.deepEqual(reminders(), [], 'a forced post sends nothing either');

      later(3 * DAY - 60_000);
      assert.equal(await remindButton(), undefined, 'a minute short of three days');
      later(60_000);
      assert.equal(await remindButton(), '2');
      await coordinator.post(`/rounds/${roundId}/reminders`, {});
      assert.deepEqual(reminders(), ['anna@alfa.example', 'bo@alfa.example']);

      // The same day: nothing more, however often the button is pressed.
      assert.equal(await remindButton(), undefined);
      await coordinator.post(`/rounds/${roundId}/reminders`, {});
      assert.equal(reminders().length, 2);

      // The next day (Swedish calendar), one more reminder each.
      later(DAY);
      assert.equal(await remindButton(), '2');
      await coordinator.post(`/rounds/${roundId}/reminders`, {});
      assert.equal(reminders().length, 4);
    });
  });
}
