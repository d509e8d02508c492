// The demo's studies (issue 15): last year's closed and this year's in progress, both over the
// members' own rounds, so the federation analyst's dashboard shows both.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/support/test-context.ts';
import { testDialects } from '../../test/support/test-databases.ts';
import { TestBrowser, textOf } from '../../test/support/test-browser.ts';
import { DEMO_PASSWORD } from './demo-plan.ts';
import { seedDemo } from './demo-seeder.ts';

for (const dialect of testDialects()) {
  describe(`the demo's studies (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
      await seedDemo(t.ctx);
    });
    after(async () => t.close());

    test('last year’s study is closed and this year’s is open, each adopting the members’ rounds', async () => {
      const year = t.clock.now().getUTCFullYear();
      const studies = await t.ctx.db.selectFrom('studies').selectAll().orderBy('year').execute();
      assert.deepEqual(studies.map((study) => [study.year, study.status]), [[year - 1, 'closed'], [year, 'open']]);
      assert.ok(studies[1]!.closes_on > t.clock.now().toISOString().slice(0, 10));
      const open = await t.ctx.db.selectFrom('rounds').select(['study_id', 'status']).where('year', '=', year).execute();
      assert.ok(open.every((round) => round.study_id === studies[1]!.id && round.status === 'open'));
      const lastYear = await t.ctx.db.selectFrom('study_members').selectAll().where('study_id', '=', studies[0]!.id).execute();
      assert.equal(lastYear.length, 14 * 4);
      assert.equal(lastYear.filter((row) => row.declined_at !== null).length, 3, 'three members declined the cost analysis');
      assert.ok(lastYear.filter((row) => row.part !== 'costs').every((row) => row.round_id !== null));
    });

    test('the analyst’s dashboard shows both years, members by name', async () => {
      const browser = new TestBrowser(t.app);
      await browser.logIn('analytiker@demoforbundet.example', DEMO_PASSWORD);
      const federation = await t.ctx.db.selectFrom('organisations').select('id').where('kind', '=', 'kommunalforbund').executeTakeFirstOrThrow();
      const year = t.clock.now().getUTCFullYear();
      const page = textOf((await browser.get(`/org/${federation.id}`)).body);
      assert.match(page, new RegExp(`Studien ${year} – Pågår`));
      assert.match(page, new RegExp(`Studien ${year - 1} – Avslutad`));
      const current = textOf((await browser.get(`/org/${federation.id}/studies/${year}`)).body);
      assert.match(current, /Granåsa kommun/);
      assert.match(current, /\d+ % har svarat/);
      const last = textOf((await browser.get(`/org/${federation.id}/studies/${year - 1}`)).body);
      assert.match(last, /Gemensam bedömning klar/);
      assert.match(last, /Avböjd/);
      assert.match(last, /Huvudbok (uppladdad|kopplad)/);
    });

    test('the method’s steps: last year’s study all done, this year’s on its way with the follow-up begun', async () => {
      const studies = await t.ctx.db.selectFrom('studies').select(['id', 'year']).orderBy('year').execute();
      const ticked = async (studyId: string) => t.ctx.db.selectFrom('study_checklist').select(['member_id', 'step_key']).where('study_id', '=', studyId).execute();
      const [last, current] = [await ticked(studies[0]!.id), await ticked(studies[1]!.id)];
      assert.ok(!last.some((row) => row.step_key === 'review-last-actions'), 'no follow-up in a first study year');
      assert.ok(last.length > current.length && current.length > 0);
      assert.equal(new Set(current.filter((row) => row.step_key === 'review-last-actions').map((row) => row.member_id)).size, 7, 'half the members followed up');
      const browser = new TestBrowser(t.app);
      await browser.logIn('analytiker@demoforbundet.example', DEMO_PASSWORD);
      const federation = await t.ctx.db.selectFrom('organisations').select('id').where('kind', '=', 'kommunalforbund').executeTakeFirstOrThrow();
      const lastPage = textOf((await browser.get(`/org/${federation.id}/studies/${studies[0]!.year}`)).body);
      assert.match(lastPage, /Metodens steg/);
      const currentPage = textOf((await browser.get(`/org/${federation.id}/studies/${studies[1]!.year}`)).body);
      assert.match(currentPage, /Medlemmarnas steg/);
    });
  });
}
