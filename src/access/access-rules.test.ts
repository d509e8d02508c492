// Who sees what: checked through HTTP, so a route that forgot its policy would fail here.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SmallWorld } from '../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../test/support/logged-in-world.ts';
import type { TestApp } from '../../test/support/test-context.ts';
import { testDialects } from '../../test/support/test-databases.ts';
import { textOf } from '../../test/support/test-browser.ts';
import { insertRound } from '../modules/rounds/repository.ts';

for (const dialect of testDialects()) {
  describe(`access rules (${dialect})`, () => {
    let t: TestApp;
    let world: SmallWorld;
    let roundA: string;
    let roundB: string;
    let loggedIn: LoggedInWorld;

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect);
      ({ t, world } = loggedIn);
      roundA = await insertRound(t.ctx, world.orgA, { name: 'Alfa 2026', year: 2026, instrumentKeys: ['digital-mognad'], openLink: false, status: 'open' });
      roundB = await insertRound(t.ctx, world.orgB, { name: 'Beta 2026', year: 2026, instrumentKeys: ['digital-mognad'], openLink: false, status: 'open' });
      await loggedIn.logInAll();
    });
    after(async () => loggedIn.close());

    const as = (key: keyof SmallWorld['users']) => loggedIn.browser(key);

    test('anonymous visitors are sent to the login page', async () => {
      const anonymous = loggedIn.anonymous();
      const home = await anonymous.get('/');
      assert.equal(home.status, 302);
      assert.equal(home.location, '/login');
      const org = await anonymous.get(`/org/${world.orgA}`);
      assert.equal(org.status, 302);
      assert.match(org.location!, /^\/login\?next=/);
    });

    test('a member sees its own organisation and not another member\'s', async () => {
      assert.equal((await as('coordinatorA').get(`/org/${world.orgA}`)).status, 200);
      assert.equal((await as('coordinatorA').get(`/org/${world.orgB}`)).status, 404);
      assert.equal((await as('coordinatorA').get(`/rounds/${roundB}`)).status, 404);
      assert.equal((await as('coordinatorA').get(`/org/${world.federationId}`)).status, 404);
      const dashboard = textOf((await as('coordinatorA').get('/')).body);
      assert.match(dashboard, /Alfa kommun/);
      assert.doesNotMatch(dashboard, /Beta kommun/);
    });

    test('a federation analyst sees the federation and its members, but cannot run their rounds', async () => {
      const analyst = as('analyst');
      assert.equal((await analyst.get(`/org/${world.federationId}`)).status, 200);
      assert.equal((await analyst.get(`/org/${world.orgA}`)).status, 200);
      const round = await analyst.get(`/rounds/${roundA}`);
      assert.equal(round.status, 200);
      assert.doesNotMatch(round.body, /Skicka inbjudan/, 'no coordinator actions for an analyst');
      assert.equal((await analyst.get(`/rounds/${roundA}/outbox`)).status, 403);
      assert.equal((await analyst.post(`/rounds/${roundA}/close`, {})).status, 403);
    });

    test('a viewer reads counts but neither the respondent list nor the outbox', async () => {
      const viewer = as('viewerA');
      const round = await viewer.get(`/rounds/${roundA}`);
      assert.equal(round.status, 200);
      assert.doesNotMatch(round.body, /id="respondents"/);
      assert.equal((await viewer.get(`/rounds/${roundA}/outbox`)).status, 403);
      assert.equal((await viewer.post(`/rounds/${roundA}/respondents`, { email: 'x@alfa.example' })).status, 403);
      assert.equal((await viewer.get(`/org/${world.orgA}/rounds/new`)).status, 403);
    });

    test('a coordinator cannot act on another organisation\'s round', async () => {
      const other = as('coordinatorB');
      await other.get('/');
      assert.equal((await other.post(`/rounds/${roundA}/respondents`, { email: 'intruder@beta.example' })).status, 404);
      assert.equal((await other.post(`/rounds/${roundA}/invitations`, {})).status, 404);
      assert.equal((await other.post(`/org/${world.orgA}/units`, { name: 'Smyg' })).status, 404);
      const respondents = await t.ctx.db.selectFrom('respondents').selectAll().where('round_id', '=', roundA).execute();
      assert.equal(respondents.length, 0);
    });

    test('the progress API answers with counts for those who may see the round, and nothing for others', async () => {
      const mine = await as('viewerA').get(`/api/rounds/${roundA}/progress`);
      assert.equal(mine.status, 200);
      const body = JSON.parse(mine.body) as { total: { respondents: number }; round: { id: string } };
      assert.equal(body.round.id, roundA);
      assert.equal(body.total.respondents, 0);
      const theirs = await as('coordinatorA').get(`/api/rounds/${roundB}/progress`);
      assert.equal(theirs.status, 404);
      assert.equal(JSON.parse(theirs.body).error.code, 'not_found');
      const anonymous = await loggedIn.anonymous().get(`/api/rounds/${roundA}/progress`);
      assert.equal(anonymous.status, 401);
    });

    test('only operators reach the operator page', async () => {
      assert.equal((await as('coordinatorA').get('/operator')).status, 403);
      const operator = await as('operator').get('/operator');
      assert.equal(operator.status, 200);
      assert.match(textOf(operator.body), /Alfa kommun/);
    });

    test('every form needs its CSRF token', async () => {
      const coordinator = as('coordinatorA');
      await coordinator.get(`/rounds/${roundA}`);
      const forged = await coordinator.post(`/rounds/${roundA}/close`, {}, { csrf: false });
      assert.equal(forged.status, 403);
      assert.match(textOf(forged.body), /Formuläret har gått ut/);
      const round = await t.ctx.db.selectFrom('rounds').select('status').where('id', '=', roundA).executeTakeFirstOrThrow();
      assert.equal(round.status, 'open');
    });
  });
}
