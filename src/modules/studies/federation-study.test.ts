// A federation's yearly study (issue 15), as its analyst and the members' coordinators use it:
// setting it up makes every member's round in one transaction (and nothing on a mistake), the
// coordinators get a mail, access follows the roles, a part can be declined and taken back, the
// dashboard follows each member's parts, and the study closes on its date or by hand.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SmallWorld } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { textOf } from '../../../test/support/test-browser.ts';
import { operatorToolActor } from '../../cli/operator-actor.ts';
import { insertRespondents, insertRound } from '../rounds/repository.ts';
import { closeDueStudies } from './service.ts';

const YEAR = 2027;
const CLOSES_ON = '2027-01-15';

for (const dialect of testDialects()) {
  describe(`a federation's study (${dialect})`, () => {
    let loggedIn: LoggedInWorld;
    let t: TestApp;
    let world: SmallWorld;
    let ownRound: string;

    const fields = (overrides: Record<string, string | string[]> = {}) => ({
      year: String(YEAR),
      parts: ['maturity', 'security', 'capability-map', 'costs'],
      members: [world.orgA, world.orgB],
      closesOn: CLOSES_ON,
      threshold: '3',
      contactName: 'Ana Lytiker',
      contactEmail: 'analytiker@forbundet.example',
      ...overrides,
    });

    const partRows = async () => t.ctx.db.selectFrom('study_members').selectAll().orderBy('member_id').orderBy('part').execute();
    const instrumentsOf = async (roundId: string) =>
      (await t.ctx.db.selectFrom('round_instruments').select('instrument_key').where('round_id', '=', roundId).orderBy('instrument_key').execute()).map((row) => row.instrument_key);

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect);
      ({ t, world } = loggedIn);
      // Alfa's coordinator made a maturity round for the year before the federation's study.
      ownRound = await insertRound(t.ctx, world.orgA, { name: 'Alfas egen 2027', year: YEAR, instrumentKeys: ['digital-mognad'], openLink: false, status: 'open' });
    });
    after(async () => loggedIn.close());

    test('a member coordinator, a member viewer and outsiders cannot set up a study', async () => {
      for (const role of ['coordinatorA', 'viewerA', 'coordinatorB'] as const) {
        const browser = await loggedIn.as(role);
        assert.equal((await browser.get(`/org/${world.federationId}/studies/new`)).status, 404, role);
      }
      const coordinator = await loggedIn.as('coordinatorA');
      await coordinator.get(`/org/${world.orgA}`);
      assert.equal((await coordinator.post(`/org/${world.federationId}/studies`, fields())).status, 404);
      assert.notEqual((await loggedIn.anonymous().get(`/org/${world.federationId}/studies/new`)).status, 200);
      const operator = await loggedIn.as('operator');
      assert.equal((await operator.get(`/org/${world.federationId}/studies/new`)).status, 200);
      assert.equal((await t.ctx.db.selectFrom('studies').selectAll().execute()).length, 0);
    });

    test('the form explains each mistake at its field and creates nothing', async () => {
      const analyst = await loggedIn.as('analyst');
      const form = await analyst.get(`/org/${world.federationId}/studies/new`);
      assert.equal(form.status, 200);
      assert.match(textOf(form.body), /Alfa kommun/);
      const bad = await analyst.post(`/org/${world.federationId}/studies`, { ...fields({ year: '27', closesOn: '2026-11-25', contactEmail: 'ana@', contactName: '' }), parts: [], members: [] });
      assert.equal(bad.status, 400);
      const text = textOf(bad.body);
      for (const message of [/Skriv ett år med fyra siffror/, /Välj minst en del/, /Välj minst en medlem/, /Skriv kontaktpersonens namn/, /Skriv en e-postadress/]) assert.match(text, message);
      const past = await analyst.post(`/org/${world.federationId}/studies`, fields({ closesOn: '2026-11-25' }));
      assert.equal(past.status, 400);
      assert.match(textOf(past.body), /måste vara efter i dag/);
      assert.match(past.body, /href="#closesOn"/);
      assert.equal((await t.ctx.db.selectFrom('studies').selectAll().execute()).length, 0);
      assert.equal((await t.ctx.db.selectFrom('rounds').selectAll().execute()).length, 1, 'only Alfa’s own round');
    });

    test('creating the study makes each member’s round in one step and tells the coordinators', async () => {
      const analyst = await loggedIn.as('analyst');
      await analyst.get(`/org/${world.federationId}/studies/new`);
      const created = await analyst.post(`/org/${world.federationId}/studies`, fields());
      assert.equal(created.status, 303, created.body);
      assert.equal(created.location, `/org/${world.federationId}/studies/${YEAR}`);
      const study = await t.ctx.db.selectFrom('studies').selectAll().executeTakeFirstOrThrow();
      assert.equal(study.closes_on, CLOSES_ON);
      assert.equal(study.status, 'open');
      const rounds = await t.ctx.db.selectFrom('rounds').selectAll().where('year', '=', YEAR).orderBy('organisation_id').execute();
      assert.equal(rounds.length, 2, 'Alfa’s own round is adopted, Beta gets a new one');
      assert.ok(rounds.every((round) => round.study_id === study.id && round.closes_on === CLOSES_ON && round.reminder_days === '7,2' && round.contact_email === 'analytiker@forbundet.example'));
      const adopted = rounds.find((round) => round.organisation_id === world.orgA)!;
      assert.equal(adopted.id, ownRound);
      assert.deepEqual(await instrumentsOf(ownRound), ['digital-mognad', 'formagekarta', 'informationssakerhet']);
      const beta = rounds.find((round) => round.organisation_id === world.orgB)!;
      assert.equal(beta.status, 'open');
      assert.deepEqual(await instrumentsOf(beta.id), ['digital-mognad', 'formagekarta', 'informationssakerhet']);
      const parts = await partRows();
      assert.equal(parts.length, 8);
      assert.ok(parts.filter((row) => row.part === 'costs').every((row) => row.round_id === null));
      // The coordinators of Alfa and Beta are told, each with a link to their own round.
      const mails = t.mail.sent.filter((mail) => /Testförbundet har startat studien 2027/.test(mail.subject));
      assert.deepEqual(mails.map((mail) => mail.to).sort(), [world.users.coordinatorA, world.users.coordinatorB].sort());
      const alfa = mails.find((mail) => mail.to === world.users.coordinatorA)!;
      assert.match(alfa.text, /Alfa kommun är med/);
      assert.match(alfa.text, /15 januari 2027/);
      assert.match(alfa.text, /Ana Lytiker \(analytiker@forbundet\.example\)/);
      assert.match(alfa.text, new RegExp(`http://mogna.test/rounds/${ownRound}`));
      assert.match(alfa.text, /Informationssäkerhet/);
      const outbox = await t.ctx.db.selectFrom('outbox').selectAll().where('kind', '=', 'study_created').execute();
      assert.equal(outbox.length, 2);
      assert.ok(outbox.every((row) => row.delivery === 'smtp'));
      const page = await analyst.follow(created);
      assert.match(textOf(page.body), /2 samordnare har fått ett mejl om studien/);
      // A second study for the same year is refused at the year field.
      await analyst.get(`/org/${world.federationId}/studies/new`);
      const again = await analyst.post(`/org/${world.federationId}/studies`, fields());
      assert.equal(again.status, 400);
      assert.match(textOf(again.body), /redan en studie för 2027/);
    });

    test('the dashboard names each member with its parts’ status; only those who run the study see it', async () => {
      const analyst = await loggedIn.as('analyst');
      const url = `/org/${world.federationId}/studies/${YEAR}`;
      let text = textOf((await analyst.get(url)).body);
      assert.match(text, /Alfa kommun/);
      assert.match(text, /Beta kommun/);
      assert.match(text, /Inte påbörjad/);
      assert.match(text, /Ingen huvudbok/);
      assert.match(text, /Ingen är inbjuden till enkäten ännu/);
      // Alfa adds two respondents and invites them; one answers.
      const [anna] = await insertRespondents(t.ctx, t.ctx.db, ownRound, [{ email: 'anna@alfa.example', invitedAt: '2026-11-25T10:00:00.000Z' }, { email: 'bo@alfa.example', invitedAt: '2026-11-25T10:00:00.000Z' }]);
      await t.ctx.db
        .insertInto('responses')
        .values({ id: t.ctx.ids.id(), round_id: ownRound, respondent_id: anna!, instrument_key: 'digital-mognad', instrument_version: '2026', status: 'submitted', started_at: '2026-11-25T10:00:00.000Z', updated_at: '2026-11-25T10:00:00.000Z', submitted_at: '2026-11-25T10:00:00.000Z' })
        .execute();
      const beta = await t.ctx.db.selectFrom('rounds').select('id').where('organisation_id', '=', world.orgB).where('year', '=', YEAR).executeTakeFirstOrThrow();
      await insertRespondents(t.ctx, t.ctx.db, beta.id, [{ email: 'cia@beta.example' }]);
      text = textOf((await analyst.get(url)).body);
      assert.match(text, /50 % har svarat/);
      assert.match(text, /1 av 2/);
      assert.match(text, /Svarande tillagda/);
      assert.match(text, /Nästa steg: Skicka inbjudningar \(Medlemmens samordnare\)/);
      assert.match(text, /1 av 2 inbjudna har svarat/);
      assert.match(text, /Gemensam bedömning klar|Inte ifylld/);
      // The federation's page lists the study; members' coordinators see only their own part.
      assert.match(textOf((await analyst.get(`/org/${world.federationId}`)).body), /Studien 2027/);
      const coordinator = await loggedIn.as('coordinatorA');
      assert.equal((await coordinator.get(url)).status, 404);
      const own = textOf((await coordinator.get(`/org/${world.orgA}`)).body);
      assert.match(own, /Er del i Testförbundets studie 2027/);
      assert.match(own, /50 % har svarat/);
      assert.doesNotMatch(own, /Beta kommun/);
      assert.equal((await (await loggedIn.as('viewerA')).get(url)).status, 404);
      assert.equal((await (await loggedIn.as('operator')).get(url)).status, 200);
    });

    test('a member declines a part not yet answered, takes it back, and cannot decline one answered', async () => {
      const coordinator = await loggedIn.as('coordinatorA');
      await coordinator.get(`/org/${world.orgA}`);
      const base = `/org/${world.federationId}/studies/${YEAR}/members/${world.orgA}/parts`;
      const declined = await coordinator.post(`${base}/security/decline`, { back: 'member' });
      assert.equal(declined.status, 303);
      assert.equal(declined.location, `/org/${world.orgA}`);
      assert.deepEqual(await instrumentsOf(ownRound), ['digital-mognad', 'formagekarta']);
      const row = (await partRows()).find((part) => part.member_id === world.orgA && part.part === 'security')!;
      assert.ok(row.declined_at);
      assert.match(textOf((await coordinator.follow(declined)).body), /Avböjd/);
      assert.equal((await coordinator.post(`${base}/security/undecline`, {})).status, 303);
      assert.deepEqual(await instrumentsOf(ownRound), ['digital-mognad', 'formagekarta', 'informationssakerhet']);
      assert.equal((await partRows()).find((part) => part.member_id === world.orgA && part.part === 'security')!.declined_at, null);
      // Someone has answered the maturity survey: it stays.
      await coordinator.get(`/org/${world.orgA}`);
      const refused = await coordinator.post(`${base}/maturity/decline`, {});
      assert.equal(refused.status, 409);
      assert.match(textOf(refused.body), /Delen kan inte avböjas/);
      assert.ok((await instrumentsOf(ownRound)).includes('digital-mognad'));
      // Costs have no round: declining only marks the part.
      assert.equal((await coordinator.post(`${base}/costs/decline`, {})).status, 303);
      // Beta's coordinator cannot touch Alfa's parts; the analyst can, from the dashboard.
      const other = await loggedIn.as('coordinatorB');
      await other.get(`/org/${world.orgB}`);
      assert.equal((await other.post(`${base}/capability-map/decline`, {})).status, 404);
      const analyst = await loggedIn.as('analyst');
      await analyst.get(`/org/${world.federationId}/studies/${YEAR}`);
      const byAnalyst = await analyst.post(`${base}/costs/undecline`, { back: 'dashboard' });
      assert.equal(byAnalyst.location, `/org/${world.federationId}/studies/${YEAR}`);
    });

    test('the study closes when its last day is over in Sweden, not before', async () => {
      const operator = operatorToolActor('test');
      // 23:30 in Stockholm on the closing day (22:30 UTC in winter): still open.
      t.clock.set('2027-01-15T22:30:00Z');
      assert.deepEqual(await closeDueStudies(t.ctx, operator), []);
      assert.equal((await t.ctx.db.selectFrom('studies').select('status').executeTakeFirstOrThrow()).status, 'open');
      // 00:30 in Stockholm the next day (still the 15th in UTC): closed, with every round.
      t.clock.set('2027-01-15T23:30:00Z');
      const closed = await closeDueStudies(t.ctx, operator);
      assert.equal(closed.length, 1);
      assert.equal(closed[0]!.rounds, 2);
      const study = await t.ctx.db.selectFrom('studies').selectAll().executeTakeFirstOrThrow();
      assert.equal(study.status, 'closed');
      const rounds = await t.ctx.db.selectFrom('rounds').select('status').where('study_id', '=', study.id).execute();
      assert.ok(rounds.every((round) => round.status === 'closed'));
      assert.deepEqual(await closeDueStudies(t.ctx, operator), [], 'once');
      // A closed study's parts can no longer be declined.
      t.clock.set('2026-11-25T10:00:00Z');
      const coordinator = await loggedIn.as('coordinatorA');
      await coordinator.get(`/org/${world.orgA}`);
      assert.equal((await coordinator.post(`/org/${world.federationId}/studies/${YEAR}/members/${world.orgA}/parts/security/decline`, {})).status, 409);
      // Nor can a member open its own round again: the study's results rest on it.
      const memberRound = await t.ctx.db.selectFrom('rounds').select('id').where('study_id', '=', study.id).where('organisation_id', '=', world.orgA).executeTakeFirstOrThrow();
      assert.doesNotMatch(textOf((await coordinator.get(`/rounds/${memberRound.id}`)).body), /Öppna mätningen igen/);
      assert.equal((await coordinator.post(`/rounds/${memberRound.id}/open`, {})).status, 409);
      assert.equal((await t.ctx.db.selectFrom('rounds').select('status').where('id', '=', memberRound.id).executeTakeFirstOrThrow()).status, 'closed');
    });

    test('those who run the study may close it by hand before its date', async () => {
      const analyst = await loggedIn.as('analyst');
      await analyst.get(`/org/${world.federationId}/studies/new`);
      const created = await analyst.post(`/org/${world.federationId}/studies`, fields({ year: '2028', closesOn: '2028-03-31', parts: 'maturity', members: world.orgB }));
      assert.equal(created.status, 303, created.body);
      const coordinator = await loggedIn.as('coordinatorB');
      await coordinator.get(`/org/${world.orgB}`);
      assert.equal((await coordinator.post(`/org/${world.federationId}/studies/2028/close`, {})).status, 404);
      const page = await analyst.get(`/org/${world.federationId}/studies/2028`);
      assert.match(textOf(page.body), /Stäng studien/);
      const closed = await analyst.post(`/org/${world.federationId}/studies/2028/close`, {});
      assert.equal(closed.status, 303);
      assert.match(textOf((await analyst.follow(closed)).body), /Studien är stängd\. 1 mätning stängdes/);
      const round = await t.ctx.db.selectFrom('rounds').select('status').where('organisation_id', '=', world.orgB).where('year', '=', 2028).executeTakeFirstOrThrow();
      assert.equal(round.status, 'closed');
    });
  });
}
