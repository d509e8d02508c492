// The federation's maturity overview over HTTP on every dialect: members numbered and only the
// reader's own organisation named, a member below its anonymity threshold left out, the
// federation average and quadrant counts from hand-computed scores, access, chart exports.
import assert from 'node:assert/strict';
import { studyNumbering } from '../../domain/disclosure/member-numbering.ts';
import { after, before, describe, test } from 'node:test';
import { PASSWORD, type SmallWorld } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import { addSubmittedRespondents, answersScoring } from '../../../test/support/results-world.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { textOf, type TestBrowser } from '../../../test/support/test-browser.ts';
import { createUser } from '../auth/repository.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { insertRound } from '../rounds/repository.ts';

for (const dialect of testDialects()) {
  describe(`federation maturity overview (${dialect})`, () => {
    let loggedIn: LoggedInWorld;
    let t: TestApp;
    let world: SmallWorld;
    let outsiderOrg: string;
    let roundA: string;
    let outsider: TestBrowser;
    const path = (orgId: string) => `/org/${orgId}/maturity/digital-mognad`;

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect);
      ({ t, world } = loggedIn);
      const { ctx } = t;
      const instrument = ctx.instruments.require('digital-mognad');
      const closedRound = (org: string) => insertRound(ctx, org, { name: 'Mätning 2025', year: 2025, instrumentKeys: ['digital-mognad'], openLink: false, status: 'closed' });
      const everyone = (count: number, value: number) => Array.from({ length: count }, () => ({ answers: answersScoring(instrument, value) }));
      const gamma = await insertOrganisation(ctx, { name: 'Gamma kommun', kind: 'kommun', federationId: world.federationId });
      const delta = await insertOrganisation(ctx, { name: 'Delta kommun', kind: 'kommun', federationId: world.federationId });
      outsiderOrg = await insertOrganisation(ctx, { name: 'Utanför kommun', kind: 'kommun' });
      roundA = await closedRound(world.orgA);
      await addSubmittedRespondents(ctx, roundA, instrument, everyone(3, 4)); // 66.7 %, D
      await addSubmittedRespondents(ctx, await closedRound(world.orgB), instrument, everyone(3, 2)); // 33.3 %, A
      await addSubmittedRespondents(ctx, await closedRound(gamma), instrument, everyone(4, 5)); // 83.3 %, D
      await addSubmittedRespondents(ctx, await closedRound(delta), instrument, everyone(2, 0)); // below the threshold of 3
      await addSubmittedRespondents(ctx, await closedRound(outsiderOrg), instrument, everyone(3, 1)); // national only
      await createUser(ctx, { email: 'samordnare@utanfor.example', name: 'Ut Anför', password: PASSWORD, memberships: [{ organisationId: outsiderOrg, role: 'coordinator' }] });
      await loggedIn.logInAll();
      outsider = await loggedIn.asAccount('samordnare@utanfor.example');
    });
    after(async () => loggedIn.close());

    test('a member sees every member numbered, only itself by name, and the small member left out', async () => {
      const page = await loggedIn.browser('coordinatorA').get(path(world.orgA));
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      assert.match(text, /Alfa kommun \(Kommun \d\)/);
      for (const other of ['Beta kommun', 'Gamma kommun', 'Delta kommun', 'Utanför kommun']) assert.ok(!text.includes(other), `${other} must not be named`);
      assert.match(text, /3 av 4 medlemmar har ett resultat för året/);
      // (66.7 + 33.3 + 83.3) / 3 = 61.1
      assert.match(text, /61,1 % Förbundets genomsnittliga mognad/);
      assert.match(text, /A – [^:]+: 1 medlem\b/);
      assert.match(text, /D – [^:]+: 2 medlemmar/);
      const table = /<table class="table" data-testid="member-table">([\s\S]*?)<\/table>/.exec(page.body)![1]!;
      assert.equal((table.match(/<tr/g) ?? []).length, 4, 'a header row and three members');
      assert.ok(!table.includes('>2<'), 'the two-respondent member is not in the table');
      // A member cannot open the federation's own page (404), so its name is no link.
      assert.ok(!page.body.includes(`href="/org/${world.federationId}"`), 'no link to the federation page for a member');
    });

    test('the federation analyst sees the same figures with no member named', async () => {
      const page = await loggedIn.browser('analyst').get(path(world.federationId));
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      assert.match(text, /61,1 %/);
      for (const name of ['Alfa kommun', 'Beta kommun', 'Gamma kommun']) assert.ok(!text.includes(name), `${name} must not be named`);
      // Every member keeps its one number of the federation (four members; Delta has no result shown).
      const memberIds = await t.ctx.db.selectFrom('federation_members').select('member_id').where('federation_id', '=', world.federationId).execute();
      const numbers = studyNumbering(memberIds.map((row) => row.member_id));
      for (const id of [world.orgA, world.orgB]) assert.match(text, new RegExp(`Kommun ${numbers.get(id)}\\b`));
      assert.ok(page.body.includes(`href="/org/${world.federationId}"`), 'the analyst is linked to the federation page');
      // In English the members are numbered in English too (then back to Swedish for the next tests).
      const english = textOf((await loggedIn.browser('analyst').get(`${path(world.federationId)}?lang=en`)).body);
      assert.match(english, new RegExp(`Municipality ${numbers.get(world.orgA)}\\b`));
      assert.ok(!/Kommun \d/.test(english), 'no Swedish member labels in English');
      await loggedIn.browser('analyst').get(`${path(world.federationId)}?lang=sv`);
    });

    test('the numbers are the same for every reader', async () => {
      const numberOfAlfa = /Alfa kommun \(Kommun (\d)\)/.exec(textOf((await loggedIn.browser('coordinatorA').get(path(world.orgA))).body))![1];
      const analystPage = await loggedIn.browser('analyst').get(path(world.federationId));
      const row = new RegExp(`Kommun ${numberOfAlfa}</th><td class="numeric">3</td><td class="numeric">4,0</td>`);
      assert.match(analystPage.body, row);
    });

    test('an organisation outside the federation gets not found', async () => {
      assert.equal((await outsider.get(path(world.federationId))).status, 404);
      assert.equal((await outsider.get(path(world.orgA))).status, 404);
      const own = await outsider.get(path(outsiderOrg));
      assert.equal(own.status, 404, 'an organisation in no federation has no federation overview');
    });

    test('charts download as SVG and PNG; unknown charts and instruments are not found', async () => {
      const browser = loggedIn.browser('coordinatorA');
      const svg = await browser.get(`${path(world.orgA)}/charts/federation-matrix.svg`);
      assert.equal(svg.status, 200);
      assert.match(svg.body, /^<svg /);
      assert.ok(svg.body.includes('Alfa kommun (Kommun'));
      assert.ok(!svg.body.includes('Gamma kommun'));
      const png = await browser.get(`${path(world.orgA)}/charts/federation-maturity-bars.png`);
      assert.equal(png.status, 200);
      assert.equal(png.headers['content-type'], 'image/png');
      assert.equal((await browser.get(`${path(world.orgA)}/charts/nothing.svg`)).status, 404);
      assert.equal((await browser.get(`${path(world.orgA)}/charts/..%2Fetc.svg`)).status, 404);
      assert.equal((await browser.get(`/org/${world.orgA}/maturity/formagekarta`)).status, 404, 'a joint instrument has no maturity overview');
    });

    test('the federation page and every member page link to the overview', async () => {
      const page = await loggedIn.browser('analyst').get(`/org/${world.federationId}`);
      assert.ok(page.body.includes(`href="${path(world.federationId)}"`));
      const member = await loggedIn.browser('coordinatorA').get(`/org/${world.orgA}`);
      assert.ok(member.body.includes(`href="${path(world.orgA)}"`));
      const results = await loggedIn.browser('coordinatorA').get(`/rounds/${roundA}/results`);
      assert.ok(results.body.includes(`href="${path(world.orgA)}?year=2025"`), 'the results page links to the year of the overview');
      const outside = await outsider.get(`/org/${outsiderOrg}`);
      assert.ok(!outside.body.includes('/maturity/'), 'no federation, no link');
    });
  });
}
