// The audit log as people meet it: every listed action leaves an entry with the actor and the
// time from the app's clock; coordinators read their own organisation's log, others are turned
// away, the operator reads everything; the table refuses updates and deletes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { SmallWorld } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { textOf, type TestBrowser } from '../../../test/support/test-browser.ts';
import { insertRound } from '../rounds/repository.ts';

for (const dialect of testDialects()) {
  describe(`audit log (${dialect})`, () => {
    let loggedIn: LoggedInWorld;
    let t: TestApp;
    let world: SmallWorld;
    let coordinator: TestBrowser;
    let roundId: string;
    let coordinatorId: string;

    const entries = (action: string) => t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('at').execute();

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect);
      ({ t, world } = loggedIn);
      coordinatorId = (await t.ctx.db.selectFrom('users').select('id').where('email', '=', world.users.coordinatorA).executeTakeFirstOrThrow()).id;
      roundId = await insertRound(t.ctx, world.orgA, { name: 'Alfa 2026', year: 2026, instrumentKeys: ['digital-mognad'], openLink: false });
      t.clock.set('2026-11-25T10:00:00Z');
      // By hand: the failed login is what the first test reads from the log; the world only logs in.
      const wrong = await loggedIn.anonymous().logIn(world.users.coordinatorA, 'not the password');
      assert.equal(wrong.status, 401);
      coordinator = await loggedIn.as('coordinatorA');
    });
    after(async () => loggedIn.close());

    test('a login and a failed login are recorded with the account, the time and the IP address', async () => {
      const [failed] = await entries('login_failed');
      assert.equal(failed?.subject_id, coordinatorId);
      assert.equal(failed?.at, '2026-11-25T10:00:00.000Z');
      assert.ok(failed?.ip, 'the IP address of a login event is kept');
      const [login] = await entries('login');
      assert.equal(login?.subject_id, coordinatorId);
      assert.equal(login?.actor_user_id, coordinatorId);
      assert.equal(failed?.actor_user_id, null, 'whoever typed the wrong password is not known');
      assert.ok(login?.ip);
    });

    test('opening, closing and reopening a round, adding a respondent and inviting are recorded for the organisation', async () => {
      await coordinator.get(`/rounds/${roundId}`);
      t.clock.set('2026-11-25T11:00:00Z');
      assert.equal((await coordinator.post(`/rounds/${roundId}/open`, {})).status, 303);
      const added = await coordinator.post(`/rounds/${roundId}/respondents`, { email: 'anna.svensson@alfa.example', name: 'Anna Svensson', role: '', unitId: '' });
      assert.equal(added.status, 303);
      assert.equal((await coordinator.post(`/rounds/${roundId}/invitations`, {})).status, 303);
      assert.equal((await coordinator.post(`/rounds/${roundId}/close`, {})).status, 303);
      assert.equal((await coordinator.post(`/rounds/${roundId}/open`, {})).status, 303);
      assert.equal((await coordinator.post(`/rounds/${roundId}/close`, {})).status, 303);

      for (const action of ['round_opened', 'respondent_added', 'invitation_sent', 'round_closed', 'round_reopened']) {
        const [entry] = await entries(action);
        assert.ok(entry, action);
        assert.equal(entry.organisation_id, world.orgA, action);
        assert.equal(entry.actor_user_id, coordinatorId, action);
        assert.equal(entry.at, '2026-11-25T11:00:00.000Z', action);
        assert.equal(entry.ip, null, `${action} keeps no IP address`);
      }
      assert.equal((await entries('round_closed')).length, 2);
      assert.deepEqual(JSON.parse((await entries('invitation_sent'))[0]!.detail), { sent: 1, failed: 0 });
    });

    test('an export download and a membership change are recorded', async () => {
      const exported = await coordinator.get(`/api/rounds/${roundId}/results`);
      assert.equal(exported.status, 200);
      const [download] = await entries('export_downloaded');
      assert.equal(download?.organisation_id, world.orgA);
      assert.equal(download?.subject_id, roundId);
      assert.equal(JSON.parse(download!.detail).format, 'json');

      const operator = await loggedIn.as('operator');
      await operator.get('/operator');
      const changed = await operator.post('/operator/roles', { roleEmail: world.users.viewerA, roleOrganisation: world.orgA, roleRole: 'analyst' });
      assert.equal(changed.status, 303);
      const membership = (await entries('membership_changed')).find((entry) => entry.actor_kind === 'user' && JSON.parse(entry.detail).role === 'analyst');
      assert.ok(membership);
      assert.equal(membership.organisation_id, world.orgA);
      assert.equal(membership.actor_user_id, (await t.ctx.db.selectFrom('users').select('id').where('email', '=', world.users.operator).executeTakeFirstOrThrow()).id);
    });

    test('the log never holds an e-mail address, a name of a respondent or a link', async () => {
      const rows = await t.ctx.db.selectFrom('audit_log').selectAll().execute();
      const text = JSON.stringify(rows);
      assert.doesNotMatch(text, /@/);
      assert.doesNotMatch(text, /Anna|Svensson|\/s\//);
    });

    test("a coordinator reads their organisation's log; another organisation's coordinator and a viewer are turned away", async () => {
      assert.match((await coordinator.get(`/org/${world.orgA}`)).body, new RegExp(`href="/org/${world.orgA}/audit"`));
      const page = await coordinator.get(`/org/${world.orgA}/audit`);
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      assert.match(text, /Logg för Alfa kommun/);
      assert.match(text, /Mätning öppnad igen/);
      assert.match(text, /Svarande tillagd/);
      assert.match(text, /Inloggning/, "the organisation's members' logins are part of its log");
      assert.match(text, /Sam Ordnare/);

      const other = await loggedIn.as('coordinatorB');
      assert.equal((await other.get(`/org/${world.orgA}/audit`)).status, 404);
      const own = await other.get(`/org/${world.orgB}/audit`);
      assert.equal(own.status, 200);
      assert.doesNotMatch(textOf(own.body), /Mätning öppnad/);
      assert.equal((await other.get('/operator/audit')).status, 403);

      const viewer = await loggedIn.as('viewerA');
      // viewerA became an analyst of Alfa above: a member, but not a coordinator.
      assert.equal((await viewer.get(`/org/${world.orgA}/audit`)).status, 403);
    });

    test('the operator reads every entry, filtered by date and paged', async () => {
      const operator = await loggedIn.as('operator');
      const all = await operator.get('/operator/audit');
      assert.equal(all.status, 200);
      assert.match(textOf(all.body), /Misslyckad inloggning/);
      assert.match(textOf(all.body), /Roll ändrad/);
      const before = await operator.get('/operator/audit?to=2026-11-24');
      assert.match(textOf(before.body), /Det finns inga händelser/);
      const bad = await operator.get('/operator/audit?from=2026-13-01');
      assert.equal(bad.status, 400);
      assert.match(textOf(bad.body), /Skriv från och med som ett datum/);
      assert.match(bad.body, /href="#from"/);
      const total = (await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;
      assert.match(textOf(all.body), new RegExp(`Visar 1–${Math.min(50, Number(total))} av ${total} händelser`));
      const english = await operator.get('/operator/audit?lang=en');
      assert.match(textOf(english.body), /Log for the whole platform/);
    });

    test('the database refuses to change or delete an entry', async () => {
      await assert.rejects(sql`update audit_log set action = 'x'`.execute(t.ctx.db), /append-only/);
      await assert.rejects(sql`delete from audit_log`.execute(t.ctx.db), /append-only/);
      assert.ok((await entries('login')).length > 0);
    });
  });
}
