// Personal data with a lifetime: the sweep removes names and addresses after the configured
// months and not before, keeping the answers; a person's register extract holds only their rows;
// erasure removes them in one transaction; the page, the round page, the survey and the mail tell people.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { PASSWORD, type SmallWorld } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { textOf } from '../../../test/support/test-browser.ts';
import { loadUserActor, type UserActor } from '../../app/actor.ts';
import { logIn } from '../auth/session-service.ts';
import { addRespondent } from '../rounds/respondent-service.ts';
import { closeRound, openRound } from '../rounds/round-service.ts';
import { insertRound } from '../rounds/repository.ts';
import { sendMail } from '../rounds/invitation-service.ts';
import { erasePersonalData, exportPersonalData, sweepRespondentData } from './service.ts';

const ANNA = 'anna.svensson@alfa.example';
const BERTIL = 'bertil@alfa.example';

for (const dialect of testDialects()) {
  describe(`personal data (${dialect})`, () => {
    let loggedIn: LoggedInWorld;
    let t: TestApp;
    let world: SmallWorld;
    let roundId: string;
    let laterRoundId: string;
    let operator: UserActor;

    const actorOf = async (email: string) => (await loadUserActor(t.ctx.db, (await t.ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id))!;
    const respondent = (id: string) => t.ctx.db.selectFrom('respondents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect, { RESPONDENT_DATA_MONTHS: '6' });
      ({ t, world } = loggedIn);
      const actor = await actorOf(world.users.coordinatorA);
      operator = await actorOf(world.users.operator);
      t.clock.set('2026-03-01T09:00:00Z');
      roundId = await insertRound(t.ctx, world.orgA, { name: 'Alfa 2026', year: 2026, instrumentKeys: ['digital-mognad'], openLink: false });
      laterRoundId = await insertRound(t.ctx, world.orgA, { name: 'Alfa 2027', year: 2027, instrumentKeys: ['digital-mognad'], openLink: false });
      await openRound(t.ctx, actor, roundId);
      await addRespondent(t.ctx, actor, roundId, { email: ANNA, name: 'Anna Svensson', role: 'Chef', unitId: null });
      await addRespondent(t.ctx, actor, roundId, { email: BERTIL, name: 'Bertil Berg', role: null, unitId: null });
      await sendMail(t.ctx, actor, roundId, 'invitation');
      // Anna answers one question, so her answers must survive the removal of her identity.
      const annaId = (await t.ctx.db.selectFrom('respondents').select('id').where('email', '=', ANNA).executeTakeFirstOrThrow()).id;
      await t.ctx.db
        .insertInto('responses')
        .values({ id: t.ctx.ids.id(), round_id: roundId, respondent_id: annaId, instrument_key: 'digital-mognad', instrument_version: '2026.1', status: 'submitted', started_at: '2026-03-02T09:00:00Z', updated_at: '2026-03-02T09:00:00Z', submitted_at: '2026-03-02T09:00:00Z' })
        .execute();
      t.clock.set('2026-04-15T12:00:00Z');
      await closeRound(t.ctx, actor, roundId);
      t.clock.set('2027-03-01T09:00:00Z');
      await openRound(t.ctx, actor, laterRoundId);
      await addRespondent(t.ctx, actor, laterRoundId, { email: ANNA, name: 'Anna Svensson', role: null, unitId: null });
    });
    after(async () => loggedIn.close());

    test('the mail, the survey start page and the footer tell respondents what is kept and for how long', async () => {
      const mail = t.mail.sent.find((sent) => sent.to === ANNA)!;
      assert.match(mail.text, /tas bort 6 månader efter att mätningen har stängts/);
      assert.match(mail.text, /removed 6 months after the measurement closes/);
      assert.match(mail.text, /http:\/\/mogna\.test\/personuppgifter/);
      const token = /\/s\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
      const visitor = loggedIn.anonymous();
      const start = await visitor.get(`/s/${token}`);
      // The round is closed by now, so the survey says so; the page's footer still links the personal-data page.
      assert.match(start.body, /href="\/personuppgifter"/);
      const page = await visitor.get('/personuppgifter');
      assert.equal(page.status, 200);
      assert.match(textOf(page.body), /tas bort 6 månader efter att mätningen har stängts/);
      assert.match(textOf(page.body), /IP-adressen/);
      const english = await visitor.get('/personuppgifter?lang=en');
      assert.match(textOf(english.body), /Personal data in Mogna/);
    });

    test('the open survey start page states the lifetime and links the personal-data page', async () => {
      const actor = await actorOf(world.users.coordinatorA);
      await sendMail(t.ctx, actor, laterRoundId, 'invitation');
      const mail = t.mail.sent.at(-1)!;
      const token = /\/s\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
      const start = await loggedIn.anonymous().get(`/s/${token}`);
      assert.equal(start.status, 200);
      assert.match(textOf(start.body), /tar bort dem 6 månader efter att mätningen har stängts/);
    });

    test('the round page tells the coordinator when names and addresses go', async () => {
      const coordinator = await loggedIn.as('coordinatorA');
      t.clock.set('2026-05-01T09:00:00Z');
      const closed = await coordinator.get(`/rounds/${roundId}`);
      assert.match(textOf(closed.body), /Namn och e-postadresser tas bort den 15 oktober 2026/);
      const open = await coordinator.get(`/rounds/${laterRoundId}`);
      assert.match(textOf(open.body), /tas bort 6 månader efter att mätningen har stängts/);
      t.clock.set('2026-10-16T09:00:00Z');
      assert.match(textOf((await coordinator.get(`/rounds/${roundId}`)).body), /Namn och e-postadresser är borttagna/);
    });

    test('only the operator runs the sweep, the register extract and the erasure', async () => {
      const coordinator = await actorOf(world.users.coordinatorA);
      await assert.rejects(sweepRespondentData(t.ctx, coordinator), { code: 'forbidden' });
      await assert.rejects(exportPersonalData(t.ctx, coordinator, ANNA), { code: 'forbidden' });
      await assert.rejects(erasePersonalData(t.ctx, coordinator, ANNA), { code: 'forbidden' });
      await assert.rejects(exportPersonalData(t.ctx, { kind: 'anonymous' }, ANNA), { code: 'unauthenticated' });
      assert.equal((await t.ctx.db.selectFrom('audit_log').select('id').where('action', 'in', ['personal_data_exported', 'personal_data_erased']).execute()).length, 0);
    });

    test('the sweep keeps identities until the lifetime is over, then removes them and keeps the answers', async () => {
      t.clock.set('2026-10-15T11:59:59Z');
      assert.deepEqual(await sweepRespondentData(t.ctx, operator), { rounds: 0, respondents: 0 });
      assert.equal((await t.ctx.db.selectFrom('respondents').select('email').where('round_id', '=', roundId).where('email', 'is not', null).execute()).length, 2);

      t.clock.set('2026-10-15T12:00:00Z');
      assert.deepEqual(await sweepRespondentData(t.ctx, operator), { rounds: 1, respondents: 2 });
      const rows = await t.ctx.db.selectFrom('respondents').selectAll().where('round_id', '=', roundId).execute();
      assert.equal(rows.length, 2, 'the respondents stay, without identity');
      for (const row of rows) {
        assert.equal(row.email, null);
        assert.equal(row.name, null);
      }
      assert.equal((await t.ctx.db.selectFrom('responses').select('id').where('round_id', '=', roundId).execute()).length, 1, 'answers are kept');
      assert.equal((await t.ctx.db.selectFrom('outbox').select('id').where('round_id', '=', roundId).execute()).length, 0, 'stored mails named them');
      const [entry] = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'respondent_data_removed').execute();
      assert.equal(entry?.subject_id, roundId);
      assert.equal(entry?.at, '2026-10-15T12:00:00.000Z');
      // The open round of the next year is untouched, and a second sweep has nothing to do.
      assert.equal((await t.ctx.db.selectFrom('respondents').select('email').where('round_id', '=', laterRoundId).executeTakeFirstOrThrow()).email, ANNA);
      assert.deepEqual(await sweepRespondentData(t.ctx, operator), { rounds: 0, respondents: 0 });
    });

    test("the register extract holds the person's rows and nobody else's", async () => {
      t.clock.set('2027-03-02T09:00:00Z');
      const extract = await exportPersonalData(t.ctx, operator, ' Anna.Svensson@alfa.example ');
      assert.equal(extract.email, ANNA);
      assert.equal(extract.user, null);
      assert.equal(extract.respondents.length, 1, 'the 2026 identity is already gone');
      assert.equal(extract.respondents[0]!.roundName, 'Alfa 2027');
      assert.equal(extract.respondents[0]!.organisationName, 'Alfa kommun');
      assert.equal(extract.mails.length, 1);
      assert.ok(extract.auditEntries.some((entry) => entry.action === 'respondent_added'));
      assert.doesNotMatch(JSON.stringify(extract), /bertil|Bertil/);

      const account = await exportPersonalData(t.ctx, operator, world.users.coordinatorA);
      assert.equal(account.user?.name, 'Sam Ordnare');
      assert.deepEqual(account.memberships.map((m) => m.role), ['coordinator']);
      assert.ok(account.auditEntries.some((entry) => entry.action === 'round_opened'), 'what the account did');
      assert.ok(account.auditEntries.some((entry) => entry.action === 'login'));
      assert.doesNotMatch(JSON.stringify(account), /anna|bertil/i);
    });

    test('erasure is all or nothing', async () => {
      const userId = (await t.ctx.db.selectFrom('users').select('id').where('email', '=', world.users.coordinatorA).executeTakeFirstOrThrow()).id;
      // Make the last step (the account) fail: nothing before it may stay changed.
      if (dialect === 'sqlite') {
        await sql`create trigger refuse_user_update before update on users begin select raise(abort, 'refused for the test'); end`.execute(t.ctx.db);
      } else {
        await sql`create function refuse_user_update() returns trigger language plpgsql as $$ begin raise exception 'refused for the test'; end; $$`.execute(t.ctx.db);
        await sql`create trigger refuse_user_update before update on users for each row execute function refuse_user_update()`.execute(t.ctx.db);
      }
      // Give the coordinator a respondent row too, so the erasure has something to do before the account.
      await t.ctx.db.updateTable('respondents').set({ email: world.users.coordinatorA }).where('round_id', '=', laterRoundId).execute();
      await assert.rejects(erasePersonalData(t.ctx, operator, world.users.coordinatorA), /refused for the test/);
      if (dialect === 'sqlite') await sql`drop trigger refuse_user_update`.execute(t.ctx.db);
      else await sql`drop trigger refuse_user_update on users`.execute(t.ctx.db);
      assert.equal((await t.ctx.db.selectFrom('respondents').select('email').where('round_id', '=', laterRoundId).executeTakeFirstOrThrow()).email, world.users.coordinatorA);
      assert.equal((await t.ctx.db.selectFrom('memberships').select('role').where('user_id', '=', userId).execute()).length, 1);
      assert.equal((await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'personal_data_erased').execute()).length, 0);
    });

    test('erasure removes identity, deactivates the account and records it without the address', async () => {
      const userId = (await t.ctx.db.selectFrom('users').select('id').where('email', '=', world.users.coordinatorA).executeTakeFirstOrThrow()).id;
      const summary = await erasePersonalData(t.ctx, operator, world.users.coordinatorA);
      assert.deepEqual(summary, { respondents: 1, account: true, mails: 0 });
      const row = await respondent((await t.ctx.db.selectFrom('respondents').select('id').where('round_id', '=', laterRoundId).executeTakeFirstOrThrow()).id);
      assert.equal(row.email, null);
      assert.equal(row.name, null);
      const user = await t.ctx.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
      assert.equal(user.name, '');
      assert.notEqual(user.email, world.users.coordinatorA);
      assert.ok(user.deactivated_at);
      assert.equal((await t.ctx.db.selectFrom('memberships').select('role').where('user_id', '=', userId).execute()).length, 0);
      assert.equal((await logIn(t.ctx, world.users.coordinatorA, PASSWORD)).kind, 'invalid', 'the account can no longer log in');
      const entry = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'personal_data_erased').executeTakeFirstOrThrow();
      assert.equal(entry.subject_id, userId);
      assert.doesNotMatch(JSON.stringify(entry), /@alfa/);
      const after = await exportPersonalData(t.ctx, operator, world.users.coordinatorA);
      assert.equal(after.user, null);
      assert.equal(after.respondents.length, 0);
    });
  });
}
