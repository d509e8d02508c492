// Made-up respondents through the open link (issue 12, problem 3): with one real invited
// respondent, a coordinator who submits answers they know through the open link must not be
// able to subtract them from the published figures. Invited and open-link respondents are each
// held to the threshold. On both databases.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createSmallWorld, type SmallWorld } from '../../../test/support/fixtures.ts';
import { addSubmittedRespondents, answersScoring } from '../../../test/support/results-world.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { loadUserActor, type UserActor } from '../../app/actor.ts';
import type { Instrument } from '../../domain/instruments/instrument-schema.ts';
import { closeRound } from '../rounds/round-service.ts';
import { insertRound } from '../rounds/repository.ts';
import { getRoundResults } from './service.ts';

for (const dialect of testDialects()) {
  describe(`made-up respondents through the open link (${dialect})`, () => {
    let t: TestContext;
    let world: SmallWorld;
    let instrument: Instrument;
    let coordinator: UserActor;

    before(async () => {
      t = await createTestContext(dialect);
      world = await createSmallWorld(t.ctx);
      instrument = t.ctx.instruments.require('digital-mognad');
      const user = await t.ctx.db.selectFrom('users').select('id').where('email', '=', world.users.coordinatorA).executeTakeFirstOrThrow();
      coordinator = (await loadUserActor(t.ctx.db, user.id))!;
    });
    after(async () => t.close());

    async function roundWith(real: number[], fakes: number[], year: number): Promise<string> {
      const roundId = await insertRound(t.ctx, world.orgA, { name: `Mätning ${year}`, year, instrumentKeys: ['digital-mognad'], openLink: true, status: 'open' });
      await addSubmittedRespondents(t.ctx, roundId, instrument, real.map((score) => ({ answers: answersScoring(instrument, score) })));
      const fakeIds = await addSubmittedRespondents(t.ctx, roundId, instrument, fakes.map((score) => ({ answers: answersScoring(instrument, score) })));
      if (fakeIds.length > 0) await t.ctx.db.updateTable('respondents').set({ via_open_link: 1, email: null }).where('id', 'in', fakeIds).execute();
      await closeRound(t.ctx, coordinator, roundId);
      return roundId;
    }

    test('one real person and two known answers through the open link publish nothing (k = 3)', async () => {
      const results = await getRoundResults(t.ctx, coordinator, await roundWith([5], [1, 1], 2024));
      assert.notEqual(results.publication?.status, 'published');
      assert.equal(results.result?.maturityPercent ?? null, null, 'no figure to subtract from');
    });

    test('three known answers through the open link publish only themselves: the real person is left out', async () => {
      const results = await getRoundResults(t.ctx, coordinator, await roundWith([5], [1, 1, 1], 2025));
      assert.equal(results.publication?.status, 'published');
      assert.equal(results.respondents, 3);
      for (const capability of Object.values(results.result!.capabilities)) if (capability.score !== null) assert.equal(capability.score, 1);
    });

    test('invited respondents at the threshold are published with the open-link ones', async () => {
      const results = await getRoundResults(t.ctx, coordinator, await roundWith([5, 5, 5], [2, 2, 2], 2026));
      assert.equal(results.respondents, 6);
    });
  });
}
