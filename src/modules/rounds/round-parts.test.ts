// The round's parts (issue 15): the overview for every reader of the round, the respondents and
// the mail for its coordinators only; a sub-navigation marks the part shown; forms land back on
// their part with the notice; the respondents can be searched by name, address, role or unit and
// by status, fifty to a page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import { openRoundWithRespondents } from '../../../test/support/open-round.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { textOf, type TestBrowser } from '../../../test/support/test-browser.ts';
import { findRespondentIdByEmail } from './repository.ts';

/** The links of the round's sub-navigation, and which one is the current page. */
function subNav(body: string): { links: string[]; current: string | undefined } {
  const nav = /<nav class="sub-nav"[^>]*>(.*?)<\/nav>/s.exec(body)?.[1] ?? '';
  const links = [...nav.matchAll(/<a [^>]*>([^<]+)<\/a>/g)].map((match) => match[1]!);
  const current = /<a [^>]*aria-current="page"[^>]*>([^<]+)<\/a>/.exec(nav)?.[1];
  return { links, current };
}

for (const dialect of testDialects()) {
  describe(`the round's parts (${dialect})`, () => {
    let loggedIn: LoggedInWorld;
    let coordinator: TestBrowser;
    let roundId: string;

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect);
      ({ roundId, coordinator } = await openRoundWithRespondents(loggedIn));
    });
    after(async () => loggedIn.close());

    test('a coordinator moves between overview, respondents and mail; the current part is marked', async () => {
      for (const [path, current] of [['', 'Översikt'], ['/respondents', 'Respondenter'], ['/mail', 'E-post']] as const) {
        const page = await coordinator.get(`/rounds/${roundId}${path}`);
        assert.equal(page.status, 200, path);
        assert.deepEqual(subNav(page.body), { links: ['Översikt', 'Respondenter', 'E-post', 'Resultat'], current }, path);
      }
      const overview = textOf((await coordinator.get(`/rounds/${roundId}`)).body);
      assert.match(overview, /2 respondenter\./);
      assert.match(overview, /2 väntar på inbjudan och ingen kan påminnas/);
      assert.doesNotMatch(overview, /anna@alfa\.example/, 'the overview lists nobody');
      const respondents = await coordinator.get(`/rounds/${roundId}/respondents`);
      assert.match(respondents.body, /<title>Respondenter – Alfa 2026 – Mogna<\/title>/);
      assert.ok(respondents.body.indexOf('respondents/upload') < respondents.body.indexOf('data-testid="respondents"'), 'the upload comes before the list');
      const mail = textOf((await coordinator.get(`/rounds/${roundId}/mail`)).body);
      assert.match(mail, /Skicka inbjudan till 2 som inte fått någon/);
      assert.match(mail, /tidigast 3 dagar efter inbjudan/);
      assert.match(mail, /Utkorg/);
      const english = await coordinator.get(`/rounds/${roundId}/mail?lang=en`);
      assert.deepEqual(subNav(english.body), { links: ['Overview', 'Respondents', 'E-mail', 'Results'], current: 'E-mail' });
      await coordinator.get(`/rounds/${roundId}?lang=sv`);
    });

    test('forms land on the part they were sent from, with their notice', async () => {
      await coordinator.get(`/rounds/${roundId}/respondents`);
      const added = await coordinator.post(`/rounds/${roundId}/respondents`, { email: 'cia@alfa.example', name: 'Cia Berg', role: 'IT-chef' });
      assert.equal(added.location, `/rounds/${roundId}/respondents`);
      assert.match(textOf((await coordinator.follow(added)).body), /Respondenten är tillagd/);
      const wrong = await coordinator.post(`/rounds/${roundId}/respondents`, { email: 'inte en adress' });
      assert.equal(wrong.status, 400);
      assert.equal(subNav(wrong.body).current, 'Respondenter', 'a wrong address is shown in the respondents part');
      assert.match(wrong.body, /class="error-summary"/);

      await coordinator.get(`/rounds/${roundId}/mail`);
      const sent = await coordinator.post(`/rounds/${roundId}/invitations`, {});
      assert.equal(sent.location, `/rounds/${roundId}/mail`);
      assert.match(textOf((await coordinator.follow(sent)).body), /3 inbjudningar är skickade/);

      await coordinator.get(`/rounds/${roundId}/respondents`);
      const anna = (await findRespondentIdByEmail(loggedIn.t.ctx.db, roundId, 'anna@alfa.example'))!;
      const resent = await coordinator.post(`/rounds/${roundId}/respondents/${anna}/resend`, {});
      assert.equal(resent.location, `/rounds/${roundId}/respondents`);
      assert.match(textOf((await coordinator.follow(resent)).body), /En ny inbjudan är skickad till anna@alfa\.example/);
    });

    test('the respondents are searched by name, address, role or unit and by status, fifty to a page', async () => {
      const rows = Array.from({ length: 60 }, (_, index) => `person${String(index + 1).padStart(2, '0')}@alfa.example`);
      await coordinator.get(`/rounds/${roundId}/respondents`);
      assert.equal((await coordinator.upload(`/rounds/${roundId}/respondents/upload`, { name: 'lista.csv', content: `e-post\n${rows.join('\n')}\n` })).status, 303);

      const first = await coordinator.get(`/rounds/${roundId}/respondents`);
      assert.match(textOf(first.body), /1–50 av 63 respondenter/);
      assert.match(first.body, /href="\/rounds\/[^"]+\/respondents\?page=2#respondent-list"/);
      const second = textOf((await coordinator.get(`/rounds/${roundId}/respondents?page=2`)).body);
      assert.match(second, /51–63 av 63 respondenter/);

      const byName = textOf((await coordinator.get(`/rounds/${roundId}/respondents?q=${encodeURIComponent('cia berg')}`)).body);
      assert.match(byName, /1–1 av 1 respondent\b/);
      assert.match(byName, /cia@alfa\.example Cia Berg/);
      const byRole = textOf((await coordinator.get(`/rounds/${roundId}/respondents?q=it-chef`)).body);
      assert.match(byRole, /cia@alfa\.example/);
      assert.doesNotMatch(byRole, /person01/);

      const invited = textOf((await coordinator.get(`/rounds/${roundId}/respondents?status=invited`)).body);
      assert.match(invited, /1–3 av 3 respondenter/);
      assert.doesNotMatch(invited, /person01/);
      const none = textOf((await coordinator.get(`/rounds/${roundId}/respondents?q=ingen-sadan`)).body);
      assert.match(none, /Ingen respondent matchar sökningen/);
      assert.equal((await coordinator.get(`/rounds/${roundId}/respondents?status=nonsense&page=x`)).status, 200, 'a bad filter shows everyone');
    });

    test('only the round\'s coordinators reach the respondents and the mail; others see the overview without names', async () => {
      for (const role of ['analyst', 'viewerA'] as const) {
        const reader = await loggedIn.as(role);
        const overview = await reader.get(`/rounds/${roundId}`);
        assert.equal(overview.status, 200, role);
        assert.deepEqual(subNav(overview.body).links.filter((link) => link === 'Respondenter' || link === 'E-post'), [], `${role} is offered no coordinator parts`);
        assert.doesNotMatch(overview.body, /alfa\.example/, `${role} sees no addresses`);
        for (const part of ['respondents', 'mail']) assert.equal((await reader.get(`/rounds/${roundId}/${part}`)).status, 403, `${role} ${part}`);
      }
      const stranger = await loggedIn.as('coordinatorB');
      for (const part of ['', '/respondents', '/mail']) assert.equal((await stranger.get(`/rounds/${roundId}${part}`)).status, 404, `another member's coordinator: ${part}`);
    });
  });
}
