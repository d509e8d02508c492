// The open link's start page lets the respondent say which unit they work in and which role they
// have (issue 15): the choices come from the organisation's unit tree and the roles the round
// uses, "Vill inte ange" is always there, a choice that is not on the lists is explained at its
// field (never a server error), and the respondent row is created with the choice. Through HTTP,
// on every database dialect.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SmallWorld } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import { textOf, type TestBrowser } from '../../../test/support/test-browser.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';

for (const dialect of testDialects()) {
  describe(`the open link's unit and role (${dialect})`, () => {
    let loggedIn: LoggedInWorld;
    let t: TestApp;
    let world: SmallWorld;
    let coordinator: TestBrowser;
    let roundId: string;
    let openLink: string;

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect);
      ({ t, world } = loggedIn);
      coordinator = await loggedIn.as('coordinatorA');
      await coordinator.get(`/org/${world.orgA}/rounds/new`);
      const created = await coordinator.post(`/org/${world.orgA}/rounds`, { name: 'Öppen 2026', year: '2026', instruments: 'digital-mognad', openLink: 'on' });
      roundId = created.location!.split('/').pop()!;
      const page = await coordinator.get(`/rounds/${roundId}`);
      openLink = /data-testid="open-link">http:\/\/mogna\.test(\/o\/[A-Za-z0-9_-]{43})</.exec(page.body)![1]!;
      await coordinator.post(`/rounds/${roundId}/respondents`, { email: 'anna@alfa.example', role: 'Förvaltningschef', unitId: world.units.social });
      await coordinator.get(`/rounds/${roundId}`);
      await coordinator.post(`/rounds/${roundId}/respondents`, { email: 'bo@alfa.example', role: 'IT-chef' });
      await coordinator.get(`/rounds/${roundId}`);
      await coordinator.post(`/rounds/${roundId}/open`, {});
    });
    after(async () => loggedIn.close());

    const openLinkRespondents = () =>
      t.ctx.db.selectFrom('respondents').select(['unit_id', 'role', 'email']).where('round_id', '=', roundId).where('via_open_link', '=', 1).execute();

    test('the page offers the unit tree with each sub-unit under its path, the round\'s roles, and "Vill inte ange" first', async () => {
      const page = await loggedIn.anonymous().get(openLink);
      assert.equal(page.status, 200);
      // An empty value is rendered as a bare `value` attribute.
      const units = [...page.body.matchAll(/<option value(?:="([^"]*)")?[^>]*>([^<]*)<\/option>/g)].map((match) => [match[1] ?? '', match[2]]);
      assert.deepEqual(units, [
        ['', 'Vill inte ange'],
        [world.units.school, 'Skolförvaltningen'],
        [world.units.social, 'Socialförvaltningen'],
        [world.units.homeCare, 'Socialförvaltningen › Hemtjänst'],
        ['', 'Vill inte ange'],
        ['Förvaltningschef', 'Förvaltningschef'],
        ['IT-chef', 'IT-chef'],
      ]);
      assert.match(page.body, /<label for="unitId" class="label">Vilken enhet arbetar du i\?<\/label>/);
      assert.match(page.body, /<label for="role" class="label">Vilken roll har du\?<\/label>/);
      assert.match(textOf(page.body), /räknas dina svar in i hela organisationens resultat, men inte i någon enhet eller roll/);
      const english = await loggedIn.anonymous().get(`${openLink}?lang=en`);
      assert.match(textOf(english.body), /Which unit do you work in\?/);
      assert.match(textOf(english.body), /Prefer not to say/);
    });

    test('a unit that is not the organisation\'s, or a role the round does not use, is explained at its field and starts nothing', async () => {
      const otherUnit = t.ctx.ids.id();
      await t.ctx.db.insertInto('units').values({ id: otherUnit, organisation_id: world.orgB, parent_id: null, name: 'Betas enhet' }).execute();
      const visitor = loggedIn.anonymous();
      for (const [fields, message] of [
        [{ unitId: otherUnit, role: '' }, /Välj en enhet i listan, eller ”Vill inte ange”/],
        [{ unitId: 'inte-en-enhet', role: '' }, /Välj en enhet i listan/],
        [{ unitId: 'x'.repeat(500), role: '' }, /Välj en enhet i listan/],
        [{ unitId: '', role: 'Rektor' }, /Välj en roll i listan, eller ”Vill inte ange”/],
        [{ unitId: world.units.school, role: ['IT-chef', 'Förvaltningschef'] }, /Välj en roll i listan/],
      ] as const) {
        await visitor.get(openLink);
        const refused = await visitor.post(openLink, fields as Record<string, string | string[]>);
        assert.equal(refused.status, 400, JSON.stringify(fields).slice(0, 80));
        assert.match(refused.body, /class="error-summary"/);
        assert.match(textOf(refused.body), message);
        assert.match(refused.body, /aria-invalid="true"/);
      }
      // The unit chosen alongside a wrong role is still chosen when the page comes back.
      await visitor.get(openLink);
      const again = await visitor.post(openLink, { unitId: world.units.school, role: 'Rektor' });
      assert.match(again.body, new RegExp(`<option value="${world.units.school}" selected`));
      assert.deepEqual(await openLinkRespondents(), []);
    });

    test('the choice is stored on the new respondent, the role in the round\'s spelling; "Vill inte ange" stores nothing', async () => {
      const visitor = loggedIn.anonymous();
      await visitor.get(openLink);
      const chosen = await visitor.post(openLink, { unitId: world.units.homeCare, role: '  it-CHEF ' });
      assert.equal(chosen.status, 303);
      assert.match(chosen.location!, /^\/s\/[A-Za-z0-9_-]{43}\/page\/1$/);
      await visitor.get(openLink);
      assert.equal((await visitor.post(openLink, { unitId: '', role: '' })).status, 303);
      await visitor.get(openLink);
      assert.equal((await visitor.post(openLink, {})).status, 303, 'a form without the fields (an old page) still starts');
      const rows = (await openLinkRespondents()).map((row) => JSON.stringify(row)).sort();
      assert.deepEqual(rows, [
        JSON.stringify({ unit_id: world.units.homeCare, role: 'IT-chef', email: null }),
        JSON.stringify({ unit_id: null, role: null, email: null }),
        JSON.stringify({ unit_id: null, role: null, email: null }),
      ].sort());
    });
  });
}
