// The method's checklist over HTTP on every dialect: who may read and tick which list (study
// runners, a member's coordinator and viewer, another member, an organisation outside the
// federation), ticking and unticking with a notice, the next step, the follow-up phase only from
// the federation's second study year, a step the method does not have, and the audit entry.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertTestStudy } from '../../../test/support/checklist-studies.ts';
import { PASSWORD, type SmallWorld } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { textOf, type TestBrowser } from '../../../test/support/test-browser.ts';
import { anonymous, loadUserActor } from '../../app/actor.ts';
import { createUser } from '../auth/repository.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { checklistForStudy } from './service.ts';

const pressed = (body: string, key: string) => new RegExp(`data-step="${key}"[\\s\\S]*?aria-pressed="(true|false)"`).exec(body)?.[1];

for (const dialect of testDialects()) {
  describe(`method checklist (${dialect})`, () => {
    let loggedIn: LoggedInWorld;
    let t: TestApp;
    let world: SmallWorld;
    let study: string;
    let outsider: TestBrowser;
    const page = (orgId: string) => `/org/${orgId}/studies/2026/checklist`;
    const tick = (browser: TestBrowser, fields: Record<string, string>) => browser.post(`/studies/${study}/checklist`, { memberId: '', done: '1', ...fields });

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect);
      ({ t, world } = loggedIn);
      study = await insertTestStudy(t.ctx, { federationId: world.federationId, year: 2026, memberIds: [world.orgA, world.orgB] });
      const outside = await insertOrganisation(t.ctx, { name: 'Utanför kommun', kind: 'kommun' });
      await createUser(t.ctx, { email: 'samordnare@utanfor.example', name: 'Ut Anför', password: PASSWORD, memberships: [{ organisationId: outside, role: 'coordinator' }] });
      await loggedIn.logInAll();
      outsider = await loggedIn.asAccount('samordnare@utanfor.example');
    });
    after(async () => loggedIn.close());

    test("the study runner sees the federation's own steps, every member's progress and no follow-up in the first year", async () => {
      const response = await loggedIn.browser('analyst').get(page(world.federationId));
      assert.equal(response.status, 200);
      const text = textOf(response.body);
      assert.match(text, /Metodens steg i studien 2026/);
      assert.match(text, /Förbundets steg/);
      assert.match(text, /0 av 3 steg klara/);
      assert.match(text, /Förankring/);
      assert.match(text, /Utse en projektledare/);
      assert.ok(!text.includes('Uppföljning ('), 'no follow-up phase in the first study year');
      assert.match(text, /Uppföljningen kommer med från förbundets andra studieår/);
      assert.match(text, /Alfa kommun 0 av 7 steg klara Utse en kontaktperson hos er/);
      assert.match(text, /Beta kommun 0 av 7 steg klara/);
      assert.ok(response.body.includes(`href="${page(world.orgA)}"`), "a member's own list is one link away");
      assert.equal(pressed(response.body, 'project-lead'), 'false');
      assert.match(response.body, /<li class="checklist-step is-next"[^>]*aria-current="step"[^>]*data-step="project-lead"/);
    });

    test('ticking a step redirects back with a notice, moves the next step and writes the audit log; unticking undoes it', async () => {
      const analyst = loggedIn.browser('analyst');
      await analyst.get(page(world.federationId));
      const done = await tick(analyst, { step: 'project-lead' });
      assert.equal(done.status, 303);
      assert.equal(done.location, `${page(world.federationId)}#step-study-project-lead`);
      const after = await analyst.follow(done);
      const text = textOf(after.body);
      assert.match(text, /”Utse en projektledare” är markerat som klart\./);
      assert.match(text, /1 av 3 steg klara/);
      assert.match(text, /Klart 25 november 2026/);
      assert.equal(pressed(after.body, 'project-lead'), 'true');
      assert.match(after.body, /aria-current="step"[^>]*data-step="steering-group"/);
      const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'checklist_step_done').execute();
      assert.equal(audit.length, 1);
      assert.deepEqual([audit[0]!.organisation_id, audit[0]!.subject_type, audit[0]!.subject_id, JSON.parse(audit[0]!.detail)], [world.federationId, 'study', study, { step: 'project-lead', year: 2026 }]);

      const again = await tick(analyst, { step: 'project-lead' });
      assert.equal(again.status, 303, 'ticking a done step again changes nothing');
      const undone = await analyst.follow(await tick(analyst, { step: 'project-lead', done: '0' }));
      assert.match(textOf(undone.body), /”Utse en projektledare” är inte längre markerat som klart\./);
      assert.match(textOf(undone.body), /0 av 3 steg klara/);
      const actions = await t.ctx.db.selectFrom('audit_log').select('action').where('subject_id', '=', study).execute();
      assert.deepEqual(actions.map((row) => row.action).sort(), ['checklist_step_done', 'checklist_step_undone']);
    });

    test("a member's coordinator reads and ticks its own steps, but not the federation's", async () => {
      const coordinator = loggedIn.browser('coordinatorA');
      const own = await coordinator.get(page(world.orgA));
      assert.equal(own.status, 200);
      assert.match(textOf(own.body), /Metodens steg för Alfa kommun 2026/);
      assert.match(textOf(own.body), /Tänk på Chefer på flera nivåer/);
      const response = await tick(coordinator, { step: 'explain-terms', memberId: world.orgA });
      assert.equal(response.status, 303);
      const after = await coordinator.follow(response);
      assert.match(textOf(after.body), /1 av 7 steg klara/);
      assert.equal(pressed(after.body, 'explain-terms'), 'true');
      assert.equal((await coordinator.get(page(world.federationId))).status, 404);
      await coordinator.get(page(world.orgA));
      assert.equal((await tick(coordinator, { step: 'project-lead' })).status, 404);
      // The runner sees the member's progress in the summary.
      assert.match(textOf((await loggedIn.browser('analyst').get(page(world.federationId))).body), /Alfa kommun 1 av 7 steg klara/);
    });

    test("the study runner may tick a member's step too", async () => {
      const analyst = loggedIn.browser('analyst');
      await analyst.get(page(world.orgB));
      const response = await tick(analyst, { step: 'member-contact', memberId: world.orgB });
      assert.equal(response.status, 303);
      assert.equal(response.location, `${page(world.orgB)}#step-${world.orgB}-member-contact`);
    });

    test("a member's viewer reads the steps without forms and may not tick", async () => {
      const viewer = loggedIn.browser('viewerA');
      const response = await viewer.get(page(world.orgA));
      assert.equal(response.status, 200);
      assert.ok(!response.body.includes('aria-pressed'), 'no toggles');
      assert.match(textOf(response.body), /Du kan se stegen men inte bocka av dem\./);
      assert.match(textOf(response.body), /Klart Förklara begreppen före enkäten/);
      assert.equal((await tick(viewer, { step: 'choose-respondents', memberId: world.orgA })).status, 403);
    });

    test("another member and an organisation outside the federation meet 'not found'", async () => {
      const other = loggedIn.browser('coordinatorB');
      assert.equal((await other.get(page(world.orgA))).status, 404);
      await other.get(page(world.orgB));
      assert.equal((await tick(other, { step: 'choose-respondents', memberId: world.orgA })).status, 404);
      for (const orgId of [world.orgA, world.federationId]) assert.equal((await outsider.get(page(orgId))).status, 404);
      await outsider.get('/');
      assert.equal((await outsider.post(`/studies/${study}/checklist`, { step: 'project-lead', memberId: '', done: '1' })).status, 404);
      assert.equal((await loggedIn.browser('analyst').get(`/org/${world.orgA}/studies/2024/checklist`)).status, 404, 'no study that year');
    });

    test("a federation viewer may not open the study's list; the operator may, and ticks", async () => {
      await createUser(t.ctx, { email: 'lasare@forbundet.example', name: 'Läs Are', password: PASSWORD, memberships: [{ organisationId: world.federationId, role: 'viewer' }] });
      const viewer = await loggedIn.asAccount('lasare@forbundet.example');
      assert.equal((await viewer.get(page(world.federationId))).status, 403);
      assert.equal((await viewer.get(page(world.orgA))).status, 403, 'sees the member, but does not run the study');
      const operator = loggedIn.browser('operator');
      assert.equal((await operator.get(page(world.federationId))).status, 200);
      assert.equal((await tick(operator, { step: 'steering-group' })).status, 303);
    });

    test('a step the method does not have, or a step of the other list, is refused with a message', async () => {
      const analyst = loggedIn.browser('analyst');
      await analyst.get(page(world.federationId));
      const unknown = await tick(analyst, { step: 'no-such-step' });
      assert.equal(unknown.status, 400);
      assert.match(textOf(unknown.body), /Steget finns inte/);
      await analyst.get(page(world.federationId));
      const wrongList = await tick(analyst, { step: 'explain-terms' });
      assert.equal(wrongList.status, 400, "a member's step is not on the federation's list");
      await analyst.get(page(world.federationId));
      assert.equal((await tick(analyst, { step: 'project-lead', returnTo: '//elsewhere.example/' })).status, 400, 'only a path on this site');
    });

    test("follow-up steps come only in the federation's second study year", async () => {
      const coordinator = loggedIn.browser('coordinatorA');
      await coordinator.get(page(world.orgA));
      const early = await tick(coordinator, { step: 'review-last-actions', memberId: world.orgA });
      assert.equal(early.status, 409);
      assert.match(textOf(early.body), /Uppföljningen har inte börjat/);

      await insertTestStudy(t.ctx, { federationId: world.federationId, year: 2025, memberIds: [world.orgA] });
      const second = await coordinator.get(page(world.orgA));
      assert.match(textOf(second.body), /Uppföljning \(0 av 1 klara\)/);
      assert.match(textOf(second.body), /Följ upp förra årets åtgärder/);
      assert.match(textOf(second.body), /1 av 8 steg klara/);
      assert.equal((await tick(coordinator, { step: 'review-last-actions', memberId: world.orgA })).status, 303);
    });

    test("the study pages can ask for a member's list by the study's id; the page speaks English too", async () => {
      const userOf = async (email: string) => {
        const user = await t.ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
        return (await loadUserActor(t.ctx.db, user.id))!;
      };
      const view = await checklistForStudy(t.ctx, await userOf(world.users.analyst), study, world.orgA);
      assert.deepEqual([view.scope, view.organisation.name, view.canTick, view.checklist.phases[0]?.key], ['member', 'Alfa kommun', true, 'anchoring']);
      await assert.rejects(checklistForStudy(t.ctx, await userOf(world.users.coordinatorB), study, world.orgA), { code: 'not_found' });
      await assert.rejects(checklistForStudy(t.ctx, await userOf(world.users.coordinatorA), study), { code: 'not_found' });
      await assert.rejects(checklistForStudy(t.ctx, anonymous, study), { code: 'unauthenticated' });
      const english = await loggedIn.browser('analyst').get(`${page(world.orgA)}?lang=en`);
      assert.match(textOf(english.body), /The method's steps for Alfa kommun 2026/);
      assert.match(textOf(english.body), /Explain the terms before the survey/);
      assert.match(textOf(english.body), /\d of 8 steps done/);
      await loggedIn.browser('analyst').get(`${page(world.orgA)}?lang=sv`);
    });
  });
}
