// Respondents' personal links reach no one but their recipient (issue 12): not the outbox, not
// any page or table of a production server; the demo alone shows them, under a banner. The
// receipt shows answers only to the browser that submitted them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createSmallWorld, PASSWORD, type SmallWorld } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import { createTestApp, RecordingMail, type TestApp } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { TestBrowser, textOf } from '../../../test/support/test-browser.ts';
import { surveyPages } from '../../domain/instruments/instrument-structure.ts';
import { loadConfig } from '../../app/config.ts';

/** Every text value in every table of the database, as [table.column, value]. */
async function everyTextValue(t: TestApp): Promise<Array<[string, string]>> {
  const tables = await t.ctx.db.introspection.getTables();
  const values: Array<[string, string]> = [];
  for (const table of tables) {
    const columns = table.columns.filter((column) => /text|char/i.test(column.dataType)).map((column) => column.name);
    if (columns.length === 0) continue;
    const rows = await sql<Record<string, unknown>>`select ${sql.join(columns.map((column) => sql.ref(column)))} from ${sql.table(table.name)}`.execute(t.ctx.db);
    for (const row of rows.rows) {
      for (const column of columns) if (typeof row[column] === 'string') values.push([`${table.name}.${column}`, row[column]]);
    }
  }
  return values;
}

function linkIn(mail: RecordingMail, email: string): { path: string; token: string } {
  const sent = [...mail.sent].reverse().find((candidate) => candidate.to === email);
  assert.ok(sent, `a mail was handed to the transport for ${email}`);
  const match = /http:\/\/mogna\.test(\/s\/([A-Za-z0-9_-]{43}))/.exec(sent.text);
  assert.ok(match, 'the mail as sent carries the personal link');
  return { path: match[1]!, token: match[2]! };
}

async function openRoundWithRespondents(t: TestApp, world: SmallWorld, coordinator: TestBrowser, emails: string[]): Promise<string> {
  await coordinator.get(`/org/${world.orgA}/rounds/new`);
  const created = await coordinator.post(`/org/${world.orgA}/rounds`, { name: 'Digital mognad 2026', year: '2026', instruments: 'digital-mognad', threshold: '3' });
  assert.equal(created.status, 303, textOf(created.body));
  const roundId = created.location!.split('/').pop()!;
  for (const email of emails) {
    await coordinator.get(`/rounds/${roundId}`);
    assert.equal((await coordinator.post(`/rounds/${roundId}/respondents`, { email })).status, 303);
  }
  await coordinator.get(`/rounds/${roundId}`);
  await coordinator.post(`/rounds/${roundId}/open`, {});
  return roundId;
}

test('demo mode comes only from the command that starts the server, never from the environment', () => {
  assert.equal(loadConfig({}).DEMO_MODE, false);
  assert.equal(loadConfig({ DEMO_MODE: '1' }).DEMO_MODE, false, 'an environment variable cannot switch it on');
  assert.equal(loadConfig({}, { DEMO_MODE: '1' }).DEMO_MODE, true, 'mogna demo passes it as an override');
});

for (const dialect of testDialects()) {
  describe(`private links on a production server without SMTP (${dialect})`, () => {
    let t: TestApp;
    let world: SmallWorld;
    let loggedIn: LoggedInWorld;
    let coordinator: TestBrowser;
    let roundId: string;

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect, {}, { mail: new RecordingMail('outbox') });
      ({ t, world } = loggedIn);
      coordinator = await loggedIn.as('coordinatorA');
      roundId = await openRoundWithRespondents(t, world, coordinator, ['anna@alfa.example', 'bo@alfa.example']);
    });
    after(async () => loggedIn.close());

    test('the round\'s mail part says mail is not set up and how to set it up, and inviting does not pretend to send', async () => {
      const page = await coordinator.get(`/rounds/${roundId}/mail`);
      assert.match(page.body, /data-testid="mail-not-configured"/);
      assert.match(textOf(page.body), /E-post är inte inställd.*SMTP_URL/s);
      const sent = await coordinator.follow(await coordinator.post(`/rounds/${roundId}/invitations`, {}));
      assert.match(textOf(sent.body), /2 inbjudningar ligger i utkorgen men har inte skickats, eftersom e-post inte är inställd/);
      assert.doesNotMatch(textOf(sent.body), /inbjudningar är skickade/);
    });

    test('no page, export or table holds a personal link or its token', async () => {
      const anna = linkIn(t.mail, 'anna@alfa.example');
      const bo = linkIn(t.mail, 'bo@alfa.example');
      const pages = [
        await coordinator.get(`/rounds/${roundId}`),
        await coordinator.get(`/rounds/${roundId}/respondents`),
        await coordinator.get(`/rounds/${roundId}/mail`),
        await coordinator.get(`/rounds/${roundId}/outbox`),
        await coordinator.get(`/api/rounds/${roundId}/progress`),
        await coordinator.get(`/rounds/${roundId}/respondents/template.csv`),
        await coordinator.get(`/org/${world.orgA}`),
      ];
      for (const page of pages) {
        assert.ok(page.status < 400, `status ${page.status}`);
        for (const secret of [anna.token, bo.token]) assert.ok(!String(page.body).includes(secret), 'a page shows a personal token');
      }
      const outbox = await coordinator.get(`/rounds/${roundId}/outbox`);
      assert.match(textOf(outbox.body), /anna@alfa\.example/);
      assert.match(textOf(outbox.body), /personlig länk – skickad via e-post/);
      assert.doesNotMatch(outbox.body, /data-testid="demo-banner"/);

      const values = await everyTextValue(t);
      assert.ok(values.some(([column]) => column === 'outbox.body'), 'the scan reads the outbox');
      for (const [column, value] of values) {
        for (const secret of [anna.token, bo.token]) assert.ok(!value.includes(secret), `${column} holds a raw personal token`);
        assert.ok(!/\/s\/[A-Za-z0-9_-]{43}/.test(value), `${column} holds a personal link`);
      }
      // The link still works: only its hash is stored.
      const respondent = new TestBrowser(t.app);
      assert.equal((await respondent.get(anna.path)).status, 200);
    });

    test('an open link is stored only as a hash and shown once, to the coordinator who made it', async () => {
      await coordinator.get(`/rounds/${roundId}`);
      const made = await coordinator.post(`/rounds/${roundId}/open-link`, {});
      assert.equal(made.status, 303);
      const first = await coordinator.get(`/rounds/${roundId}`);
      const token = /data-testid="open-link">http:\/\/mogna\.test\/o\/([A-Za-z0-9_-]{43})</.exec(first.body)?.[1];
      assert.ok(token, 'the page after making the link shows it');
      const again = await coordinator.get(`/rounds/${roundId}`);
      assert.ok(!again.body.includes(token), 'the link is not shown a second time');
      assert.match(textOf(again.body), /Länken visas bara en gång/);
      for (const [column, value] of await everyTextValue(t)) assert.ok(!value.includes(token), `${column} holds the open link's token`);
      assert.equal((await new TestBrowser(t.app).get(`/o/${token}`)).status, 200);
    });
  });

  describe(`private links in the demo (${dialect})`, () => {
    let t: TestApp;

    before(async () => {
      t = await createTestApp(dialect, { DEMO_MODE: '1' }, { mail: new RecordingMail('outbox') });
    });
    after(async () => t.close());

    test('the demo outbox shows the personal link under a banner saying a production server never does', async () => {
      const world = await createSmallWorld(t.ctx);
      const coordinator = new TestBrowser(t.app);
      await coordinator.logIn(world.users.coordinatorA, PASSWORD);
      const roundId = await openRoundWithRespondents(t, world, coordinator, ['anna@alfa.example']);
      const page = await coordinator.get(`/rounds/${roundId}/mail`);
      assert.doesNotMatch(page.body, /data-testid="mail-not-configured"/);
      const sent = await coordinator.follow(await coordinator.post(`/rounds/${roundId}/invitations`, {}));
      assert.match(textOf(sent.body), /1 inbjudningar ligger i utkorgen\. I demoläget skickas ingen e-post/);
      const outbox = await coordinator.get(`/rounds/${roundId}/outbox`);
      assert.ok(outbox.body.includes(linkIn(t.mail, 'anna@alfa.example').path), 'the demo outbox shows the link');
      assert.match(outbox.body, /data-testid="demo-banner"/);
      assert.match(textOf(outbox.body), /En tjänst i drift visar aldrig länkarna/);
    });
  });

  describe(`the receipt (${dialect})`, () => {
    let t: TestApp;
    let link: string;

    before(async () => {
      t = await createTestApp(dialect);
      const world = await createSmallWorld(t.ctx);
      const coordinator = new TestBrowser(t.app);
      await coordinator.logIn(world.users.coordinatorA, PASSWORD);
      const roundId = await openRoundWithRespondents(t, world, coordinator, ['anna@alfa.example']);
      await coordinator.get(`/rounds/${roundId}`);
      await coordinator.post(`/rounds/${roundId}/invitations`, {});
      link = linkIn(t.mail, 'anna@alfa.example').path;
    });
    after(async () => t.close());

    test('shows the answers only in the browser that submitted them, and only for a while', async () => {
      const instrument = t.ctx.instruments.require('digital-mognad');
      const firstItem = surveyPages(instrument)[0]!.category.capabilities[0]!.items[0]!;
      const respondent = new TestBrowser(t.app);
      await respondent.get(`${link}/page/1`);
      assert.equal((await respondent.post(`${link}/page/1`, { [`a.${firstItem.key}`]: '5', action: 'next' })).status, 303);
      await respondent.get(`${link}/review`);
      assert.equal((await respondent.post(`${link}/submit`, {})).status, 303);

      const own = await respondent.get(link);
      assert.match(textOf(own.body), /Tack! Dina svar är inskickade/);
      assert.match(own.body, /<summary>Dina svar<\/summary>/, 'the submitting browser reads its answers');

      const someoneElse = await new TestBrowser(t.app).get(link);
      assert.equal(someoneElse.status, 200);
      assert.match(textOf(someoneElse.body), /Tack! Dina svar är inskickade/);
      // The test clock says 10:00 UTC: 11:00 in Sweden, where every time is read.
      assert.match(textOf(someoneElse.body), /Inskickade 25 nov\. 2026 11:00/);
      assert.doesNotMatch(someoneElse.body, /<summary>Dina svar<\/summary>/, 'another browser with the link sees no answers');
      assert.match(textOf(someoneElse.body), /visas dina svar bara direkt efter/);

      t.clock.set('2026-11-25T10:31:00Z');
      const later = await respondent.get(link);
      assert.doesNotMatch(later.body, /<summary>Dina svar<\/summary>/, 'the receipt key expires');
    });
  });

  describe(`the open link's cap and rate limit (${dialect})`, () => {
    let t: TestApp;
    let world: SmallWorld;
    let coordinator: TestBrowser;
    let roundId: string;
    let openLink: string;
    let loggedIn: LoggedInWorld;

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect, { OPEN_LINK_RATE_LIMIT: '3' });
      ({ t, world } = loggedIn);
      coordinator = await loggedIn.as('coordinatorA');
      await coordinator.get(`/org/${world.orgA}/rounds/new`);
      const created = await coordinator.post(`/org/${world.orgA}/rounds`, { name: 'Öppen 2026', year: '2026', instruments: 'digital-mognad', openLink: 'on' });
      roundId = created.location!.split('/').pop()!;
      const page = await coordinator.get(`/rounds/${roundId}`);
      openLink = /data-testid="open-link">http:\/\/mogna\.test(\/o\/[A-Za-z0-9_-]{43})</.exec(page.body)![1]!;
      await coordinator.post(`/rounds/${roundId}/respondents`, { email: 'anna@alfa.example' });
      await coordinator.get(`/rounds/${roundId}`);
      await coordinator.post(`/rounds/${roundId}/open`, {});
    });
    after(async () => loggedIn.close());

    test('the coordinator sets the cap; a wrong one is explained at the field', async () => {
      await coordinator.get(`/rounds/${roundId}`);
      const wrong = await coordinator.post(`/rounds/${roundId}/open-link-cap`, { cap: 'många' });
      assert.equal(wrong.status, 400);
      assert.match(wrong.body, /class="error-summary"/);
      assert.match(textOf(wrong.body), /Skriv ett heltal mellan 1 och 10 000/);
      const saved = await coordinator.follow(await coordinator.post(`/rounds/${roundId}/open-link-cap`, { cap: '2' }));
      assert.match(textOf(saved.body), /Gränsen för den öppna länken är sparad/);
      assert.equal((await t.ctx.db.selectFrom('rounds').select('open_link_cap').where('id', '=', roundId).executeTakeFirstOrThrow()).open_link_cap, 2);
    });

    test('past its cap the open link refuses with a page saying so, and past the rate limit with 429', async () => {
      const visitor = new TestBrowser(t.app);
      for (let i = 0; i < 2; i += 1) {
        await visitor.get(openLink);
        assert.equal((await visitor.post(openLink, {})).status, 303, `response ${i + 1} starts`);
      }
      await visitor.get(openLink);
      const full = await visitor.post(openLink, {});
      assert.equal(full.status, 409);
      assert.match(textOf(full.body), /tar inte emot fler svar via den här länken/);
      const limited = await visitor.post(openLink, {});
      assert.equal(limited.status, 429);
      assert.match(textOf(limited.body), /För många nya svar från din adress/);
      assert.equal((await t.ctx.db.selectFrom('respondents').select('id').where('round_id', '=', roundId).where('via_open_link', '=', 1).execute()).length, 2);
    });

    test('open-link responses are counted apart from invited ones on the round page and in the progress API', async () => {
      const api = JSON.parse((await coordinator.get(`/api/rounds/${roundId}/progress`)).body) as { total: { respondents: number }; invited: { respondents: number }; openLink: { respondents: number } };
      assert.deepEqual([api.total.respondents, api.invited.respondents, api.openLink.respondents], [3, 1, 2]);
      const page = await coordinator.get(`/rounds/${roundId}`);
      assert.match(textOf(page.body), /Via öppen länk/);
      assert.match(textOf(page.body), /2 av högst 2 har börjat svara via den öppna länken/);
    });
  });
}
