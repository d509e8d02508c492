// Coordinators can correct mistakes without losing anything that results depend on.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type SmallWorld } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import type { TestBrowser} from '../../../test/support/test-browser.ts';
import { textOf } from '../../../test/support/test-browser.ts';
import { insertRespondents } from '../rounds/repository.ts';
import { insertRound } from '../rounds/repository.ts';

for (const dialect of testDialects()) {
  describe(`correcting mistakes (${dialect})`, () => {
    let t: TestApp;
    let world: SmallWorld;
    let loggedIn: LoggedInWorld;
    let coordinator: TestBrowser;
    let roundId: string;

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect);
      ({ t, world } = loggedIn);
      roundId = await insertRound(t.ctx, world.orgA, { name: 'Alfa 2026', year: 2026, instrumentKeys: ['digital-mognad'], openLink: false, status: 'open' });
      coordinator = await loggedIn.as('coordinatorA');
    });
    after(async () => loggedIn.close());

    test('a mistyped respondent is removed; one who submitted is kept', async () => {
      const [typo, done] = await insertRespondents(t.ctx, t.ctx.db, roundId, [
        { email: 'anan@alfa.example', unitId: world.units.school },
        { email: 'klar@alfa.example', unitId: world.units.school },
      ]);
      const now = t.clock.now().toISOString();
      await t.ctx.db
        .insertInto('responses')
        .values({ id: t.ctx.ids.id(), round_id: roundId, respondent_id: done!, instrument_key: 'digital-mognad', instrument_version: '2026', status: 'submitted', started_at: now, updated_at: now, submitted_at: now })
        .execute();
      await coordinator.get(`/rounds/${roundId}`);
      const removed = await coordinator.follow(await coordinator.post(`/rounds/${roundId}/respondents/${typo}/delete`, {}));
      assert.match(textOf(removed.body), /Respondenten är borttagen/);
      const kept = await coordinator.follow(await coordinator.post(`/rounds/${roundId}/respondents/${done}/delete`, {}));
      assert.match(textOf(kept.body), /kan inte tas bort/);
      const emails = (await t.ctx.db.selectFrom('respondents').select('email').where('round_id', '=', roundId).execute()).map((row) => row.email);
      assert.deepEqual(emails, ['klar@alfa.example']);
    });

    test('units are renamed; a unit in use or with units below it is not removed', async () => {
      await coordinator.get(`/org/${world.orgA}`);
      await coordinator.post(`/org/${world.orgA}/units/${world.units.homeCare}/rename`, { name: 'Hemtjänsten' });
      const renamed = await t.ctx.db.selectFrom('units').select('name').where('id', '=', world.units.homeCare).executeTakeFirstOrThrow();
      assert.equal(renamed.name, 'Hemtjänsten');
      const parent = await coordinator.follow(await coordinator.post(`/org/${world.orgA}/units/${world.units.social}/delete`, {}));
      assert.match(textOf(parent.body), /kan inte tas bort/);
      const used = await coordinator.follow(await coordinator.post(`/org/${world.orgA}/units/${world.units.school}/delete`, {}));
      assert.match(textOf(used.body), /kan inte tas bort/);
      const gone = await coordinator.follow(await coordinator.post(`/org/${world.orgA}/units/${world.units.homeCare}/delete`, {}));
      assert.match(textOf(gone.body), /Enheten är borttagen/);
      assert.equal((await t.ctx.db.selectFrom('units').select('id').where('organisation_id', '=', world.orgA).execute()).length, 2);
    });

    test('another organisation\'s coordinator can do none of it', async () => {
      const other = await loggedIn.as('coordinatorB');
      await other.get('/');
      assert.equal((await other.post(`/org/${world.orgA}/units/${world.units.school}/rename`, { name: 'Kapad' })).status, 404);
      assert.equal((await other.post(`/org/${world.orgA}/units/${world.units.social}/delete`, {})).status, 404);
      const school = await t.ctx.db.selectFrom('units').select('name').where('id', '=', world.units.school).executeTakeFirstOrThrow();
      assert.equal(school.name, 'Skolförvaltningen');
    });
  });
}
