// The outbox a coordinator can trust (issue 15): without SMTP the notice after sending says the
// mail waits in the outbox (never "sent") and links there; the outbox is a table of recipient,
// kind, time and status, searched on the server, a page at a time, with one mail opened at its
// own address and no personal link in it; another organisation's coordinator is refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PASSWORD } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import { openRoundWithRespondents } from '../../../test/support/open-round.ts';
import { RecordingMail } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { TestBrowser, textOf } from '../../../test/support/test-browser.ts';
import { insertOutboxMessage, insertRound } from './repository.ts';

/** The table's rows as [recipient, kind, status]. */
function tableRows(body: string): Array<[string, string, string]> {
  const rows = [...body.matchAll(/<tr data-testid="outbox-row">([\s\S]*?)<\/tr>/g)].map((match) => match[1]!);
  return rows.map((row) => {
    const cell = (testId: string) => textOf(new RegExp(`data-testid="${testId}"[^>]*>([\\s\\S]*?)</(?:a|td)>`).exec(row)?.[1] ?? '').trim();
    return [cell('outbox-recipient'), cell('outbox-kind'), cell('outbox-status')];
  });
}

/** The address each row opens, in table order. */
function openLinks(body: string): string[] {
  return [...body.matchAll(/<a href="([^"]*mail=[^"]*)"[^>]*data-testid="outbox-recipient"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
}

for (const dialect of testDialects()) {
  describe(`the outbox without SMTP (${dialect})`, () => {
    let loggedIn: LoggedInWorld;
    let coordinator: TestBrowser;
    let roundId: string;
    const mail = new RecordingMail('outbox');

    before(async () => {
      // Reminders right after the invitations, to see both notices (reminders.test.ts tests the wait).
      loggedIn = await openLoggedInWorld(dialect, { REMINDER_AFTER_DAYS: '0' }, { mail });
      ({ roundId, coordinator } = await openRoundWithRespondents(loggedIn));
    });
    after(async () => loggedIn.close());

    test('the notice after sending says the mail is in the outbox, not sent, and links to the outbox', async () => {
      // Posting the send route is what the confirmation page's button does (send-confirm.test.ts tests the page).
      await coordinator.get(`/rounds/${roundId}`);
      const invited = await coordinator.follow(await coordinator.post(`/rounds/${roundId}/invitations`, {}));
      const notice = textOf(/<div class="notice notice-warning" role="status">([\s\S]*?)<\/div>/.exec(invited.body)?.[1] ?? '');
      assert.match(notice, /2 inbjudningar ligger i utkorgen men har inte skickats/);
      assert.match(notice, /Ingen har fått dem ännu.*De måste levereras på annat sätt/s);
      assert.doesNotMatch(notice, /skickade/);
      assert.match(invited.body, new RegExp(`<a href="/rounds/${roundId}/outbox">Öppna utkorgen</a>`));

      await coordinator.get(`/rounds/${roundId}?lang=en`);
      const reminded = await coordinator.follow(await coordinator.post(`/rounds/${roundId}/reminders`, {}));
      const english = textOf(reminded.body);
      assert.match(english, /2 reminders are in the outbox but have not been sent, because e-mail is not set up/);
      assert.match(english, /They must be delivered another way/);
      assert.doesNotMatch(english, /have been sent/);
      assert.match(reminded.body, />Open the outbox</);
      await coordinator.get(`/rounds/${roundId}?lang=sv`);
    });

    test('the table lists every mail with its kind and status, and opens the newest below it', async () => {
      const { t, world } = loggedIn;
      const base = { organisation_id: world.orgA, round_id: roundId, respondent_id: null, subject: 'Gemensam bedömning för Alfa kommun', body: 'Hej Nora' };
      await insertOutboxMessage(t.ctx.db, { ...base, id: t.ctx.ids.id(), kind: 'joint_assessment', recipient: 'nora@alfa.example', created_at: '2026-03-01T08:00:00.000Z', delivery: 'failed', error: 'mailbox unavailable' });
      const page = await coordinator.get(`/rounds/${roundId}/outbox`);
      assert.equal(page.status, 200);
      assert.match(page.body, /<caption class="visually-hidden">E-post i mätningen, nyast först<\/caption>/);
      assert.match(page.body, /<th scope="col">Mottagare<\/th>/);
      assert.match(page.body, /<label[^>]*for="q"[^>]*>\s*Sök på mottagare eller typ/);
      assert.deepEqual(
        tableRows(page.body).sort(),
        [
          ['anna@alfa.example', 'Inbjudan', 'I utkorgen'],
          ['anna@alfa.example', 'Påminnelse', 'I utkorgen'],
          ['bo@alfa.example', 'Inbjudan', 'I utkorgen'],
          ['bo@alfa.example', 'Påminnelse', 'I utkorgen'],
          ['nora@alfa.example', 'Gemensam bedömning', 'Misslyckades'],
        ].sort(),
      );
      assert.match(textOf(page.body), /1–5 av 5 meddelanden/);
      // One mail is open at a time: the newest (a reminder), without its personal link.
      assert.equal([...page.body.matchAll(/class="mail-body"/g)].length, 1);
      assert.match(textOf(/data-testid="outbox-opened"[\s\S]*<\/section>/.exec(page.body)?.[0] ?? ''), /personlig länk – skickad via e-post/);
      const english = await coordinator.get(`/rounds/${roundId}/outbox?lang=en`);
      assert.ok(tableRows(english.body).some(([recipient, kind, status]) => recipient === 'nora@alfa.example' && kind === 'Joint assessment' && status === 'Failed'));
      await coordinator.get(`/rounds/${roundId}?lang=sv`);
    });

    test('search narrows the table on the server, by recipient or by kind in either language', async () => {
      const byRecipient = await coordinator.get(`/rounds/${roundId}/outbox?q=ANNA`);
      assert.deepEqual(tableRows(byRecipient.body).map(([recipient]) => recipient), ['anna@alfa.example', 'anna@alfa.example']);
      assert.match(byRecipient.body, /<input id="q" name="q"[^>]*value="ANNA"/);
      const byKind = await coordinator.get(`/rounds/${roundId}/outbox?q=p%C3%A5minn`);
      assert.deepEqual(tableRows(byKind.body).map(([, kind]) => kind), ['Påminnelse', 'Påminnelse']);
      const byEnglishKind = await coordinator.get(`/rounds/${roundId}/outbox?q=joint`);
      assert.deepEqual(tableRows(byEnglishKind.body).map(([recipient]) => recipient), ['nora@alfa.example']);
      const wildcard = await coordinator.get(`/rounds/${roundId}/outbox?q=%25`);
      assert.deepEqual(tableRows(wildcard.body), [], 'a % is searched for, not a wildcard');
      assert.match(textOf(wildcard.body), /Ingen e-post matchar ”%”/);
    });

    test('each row opens its own mail at a stable address, without the personal link', async () => {
      const list = await coordinator.get(`/rounds/${roundId}/outbox?q=bo%40alfa`);
      const links = openLinks(list.body);
      assert.equal(links.length, 2);
      for (const link of links) {
        assert.match(link, /^\/rounds\/[^/]+\/outbox\?q=bo%40alfa&mail=[0-9a-f-]{36}#mail$/);
        const opened = await coordinator.get(link.replace(/#mail$/, ''));
        assert.equal(opened.status, 200);
        assert.match(opened.body, /aria-current="true"/);
        const section = /data-testid="outbox-opened"[\s\S]*<\/section>/.exec(opened.body)?.[0] ?? '';
        assert.match(textOf(section), /bo@alfa\.example/);
        assert.match(textOf(section), /personlig länk – skickad via e-post/);
        assert.doesNotMatch(opened.body, /\/s\/[A-Za-z0-9_-]{20,}/, 'no personal link on the page');
      }
      const sentToBo = mail.sent.filter((sent) => sent.to === 'bo@alfa.example');
      assert.equal(sentToBo.length, 2, 'the transport got the mails with their links');
      const nora = openLinks((await coordinator.get(`/rounds/${roundId}/outbox?q=nora`)).body)[0]!;
      assert.match(textOf((await coordinator.get(nora.replace(/#mail$/, ''))).body), /Servern svarade: mailbox unavailable/);
    });

    test('many mails come a page at a time, and the search is kept across pages', async () => {
      const { t, world } = loggedIn;
      for (let index = 0; index < 60; index += 1) {
        await insertOutboxMessage(t.ctx.db, {
          id: t.ctx.ids.id(), organisation_id: world.orgA, round_id: roundId, respondent_id: null, kind: 'invitation',
          recipient: `person${String(index).padStart(2, '0')}@massa.example`, subject: 'Enkät', body: 'Text',
          created_at: new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString(), delivery: 'outbox', error: null,
        });
      }
      const first = await coordinator.get(`/rounds/${roundId}/outbox?q=massa`);
      assert.equal(tableRows(first.body).length, 50);
      assert.match(textOf(first.body), /1–50 av 60 meddelanden/);
      const next = /<a href="([^"]*)">Nästa sida<\/a>/.exec(first.body)?.[1]?.replace(/&amp;/g, '&');
      assert.equal(next, `/rounds/${roundId}/outbox?q=massa&page=2`);
      const second = await coordinator.get(next);
      assert.equal(tableRows(second.body).length, 10);
      assert.match(textOf(second.body), /51–60 av 60 meddelanden/);
      assert.match(second.body, />Föregående sida<\/a>/);
      assert.doesNotMatch(second.body, />Nästa sida<\/a>/);
      const beyond = await coordinator.get(`/rounds/${roundId}/outbox?q=massa&page=9`);
      assert.equal(beyond.status, 200);
      assert.deepEqual(tableRows(beyond.body), []);
      assert.match(beyond.body, />Föregående sida<\/a>/, 'a page past the end leads back');
    });

    test('another organisation’s coordinator, a viewer and a mail of another round are refused', async () => {
      const { t, world } = loggedIn;
      const mailId = openLinks((await coordinator.get(`/rounds/${roundId}/outbox?q=anna`)).body)[0]!.match(/mail=([0-9a-f-]{36})/)![1]!;
      const stranger = await loggedIn.as('coordinatorB');
      for (const url of [`/rounds/${roundId}/outbox`, `/rounds/${roundId}/outbox?mail=${mailId}`]) {
        const refused = await stranger.get(url);
        assert.ok(refused.status === 403 || refused.status === 404, `status ${refused.status}`);
        assert.doesNotMatch(refused.body, /anna@alfa\.example/);
      }
      const viewer = new TestBrowser(t.app);
      await viewer.logIn(world.users.viewerA, PASSWORD);
      assert.equal((await viewer.get(`/rounds/${roundId}/outbox`)).status, 403);
      const otherRound = await insertRound(t.ctx, world.orgA, { name: 'Alfa 2027', year: 2027, instrumentKeys: ['digital-mognad'], openLink: false, status: 'open' });
      assert.equal((await coordinator.get(`/rounds/${otherRound}/outbox?mail=${mailId}`)).status, 404, 'a mail opens only under its own round');
      assert.equal((await coordinator.get(`/rounds/${roundId}/outbox?mail=not-an-id`)).status, 400);
    });
  });
}
