// One respondent's invitation can be sent again (a lost mail): only to someone invited who has
// not answered, only by the round's coordinator; the new link works and so does the old one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import { openRoundWithRespondents } from '../../../test/support/open-round.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { textOf, type TestBrowser } from '../../../test/support/test-browser.ts';
import { findRespondentIdByEmail } from './repository.ts';

for (const dialect of testDialects()) {
  describe(`sending one invitation again (${dialect})`, () => {
    let loggedIn: LoggedInWorld;
    let coordinator: TestBrowser;
    let roundId: string;

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect);
      ({ roundId, coordinator } = await openRoundWithRespondents(loggedIn));
    });
    after(async () => loggedIn.close());

    const idOf = async (email: string) => (await findRespondentIdByEmail(loggedIn.t.ctx.db, roundId, email))!;
    const linksTo = (email: string) => loggedIn.t.mail.sent.filter((mail) => mail.to === email).map((mail) => /http:\/\/mogna\.test(\/s\/[A-Za-z0-9_-]+)/.exec(mail.text)![1]!);

    test('before the invitations there is nothing to send again', async () => {
      const page = await coordinator.get(`/rounds/${roundId}/respondents`);
      assert.doesNotMatch(page.body, /\/resend"/);
      const early = await coordinator.follow(await coordinator.post(`/rounds/${roundId}/respondents/${await idOf('anna@alfa.example')}/resend`, {}));
      assert.match(textOf(early.body), /kan inte skickas igen/);
      assert.equal(loggedIn.t.mail.sent.length, 0);
    });

    test('an invited respondent gets a new invitation; both links open the survey', async () => {
      await coordinator.get(`/rounds/${roundId}`);
      await coordinator.post(`/rounds/${roundId}/invitations`, {});
      const anna = await idOf('anna@alfa.example');
      const page = await coordinator.get(`/rounds/${roundId}/respondents`);
      assert.ok(page.body.includes(`/rounds/${roundId}/respondents/${anna}/resend`), 'a button on her row');
      assert.match(page.body, /aria-label="Skicka inbjudan igen till anna@alfa\.example"/);
      const resent = await coordinator.follow(await coordinator.post(`/rounds/${roundId}/respondents/${anna}/resend`, {}));
      assert.match(textOf(resent.body), /En ny inbjudan är skickad till anna@alfa\.example/);
      const links = linksTo('anna@alfa.example');
      assert.equal(links.length, 2);
      assert.notEqual(links[0], links[1]);
      for (const link of links) assert.equal((await loggedIn.anonymous().get(link)).status, 200, link);
      assert.equal(linksTo('bo@alfa.example').length, 1, 'nobody else gets mail');
    });

    test('another organisation\'s coordinator cannot, and an unknown respondent is not found', async () => {
      const stranger = await loggedIn.as('coordinatorB');
      await stranger.get(`/org/${loggedIn.world.orgB}`);
      const refused = await stranger.post(`/rounds/${roundId}/respondents/${await idOf('bo@alfa.example')}/resend`, {});
      assert.ok([403, 404].includes(refused.status), String(refused.status));
      await coordinator.get(`/rounds/${roundId}`);
      const unknown = await coordinator.post(`/rounds/${roundId}/respondents/${crypto.randomUUID()}/resend`, {});
      assert.equal(unknown.status, 404);
      assert.equal(linksTo('bo@alfa.example').length, 1);
    });
  });
}
