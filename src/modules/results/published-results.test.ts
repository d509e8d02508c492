// Results over time (issue 12, problem 2): an attacker who reads every published state of a
// round — while it is open and answers arrive one by one, after it closes, after a reopening
// with one more answer and after each new closing — never learns the figures of fewer than the
// round's threshold of respondents. On both databases.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createSmallWorld, type SmallWorld } from '../../../test/support/fixtures.ts';
import { addSubmittedRespondents, answersScoring } from '../../../test/support/results-world.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { loadUserActor, type UserActor } from '../../app/actor.ts';
import { findDerivableSet } from '../../domain/disclosure/exact-audit.ts';
import type { Instrument } from '../../domain/instruments/instrument-schema.ts';
import { closeRound, openRound } from '../rounds/round-service.ts';
import { insertRound } from '../rounds/repository.ts';
import { resultsJson } from './presenter.ts';
import { getRoundResults, nationalBenchmark, publishRoundResults } from './service.ts';

for (const dialect of testDialects()) {
  describe(`published results over time (${dialect})`, () => {
    let t: TestContext;
    let world: SmallWorld;
    let instrument: Instrument;
    let coordinator: UserActor;
    let roundId: string;
    /** Every distinct set of figures the attacker read, in order (the JSON API's figures; progress counts left out). */
    const views: string[] = [];
    const read = async () => {
      const results = await getRoundResults(t.ctx, coordinator, roundId);
      const body = resultsJson(results, 'sv');
      const published = results.publication?.status === 'published' ? body.respondents : null;
      const view = JSON.stringify([published, body.result, body.breakdown, body.trend, body.strengths, body.differences, body.spread]);
      if (views.at(-1) !== view) views.push(view);
      return results;
    };
    const submit = (role: string, unitId: string | null, score: number) =>
      addSubmittedRespondents(t.ctx, roundId, instrument, [{ role, unitId, answers: answersScoring(instrument, score) }]);

    before(async () => {
      t = await createTestContext(dialect);
      world = await createSmallWorld(t.ctx);
      instrument = t.ctx.instruments.require('digital-mognad');
      const user = await t.ctx.db.selectFrom('users').select('id').where('email', '=', world.users.coordinatorA).executeTakeFirstOrThrow();
      coordinator = (await loadUserActor(t.ctx.db, user.id))!;
      roundId = await insertRound(t.ctx, world.orgA, { name: 'Mätning 2026', year: 2026, instrumentKeys: ['digital-mognad'], openLink: false, status: 'open' });
    });
    after(async () => t.close());

    test('an open round shows no figures, only how many have answered', async () => {
      const { social, school } = world.units;
      const plan: Array<[string, string, number]> = [
        ['chef', social, 4],
        ['chef', social, 5],
        ['handläggare', social, 3],
        ['rektor', school, 2],
        ['rektor', school, 1],
        ['rektor', school, 6],
      ];
      for (const [index, [role, unit, score]] of plan.entries()) {
        await submit(role, unit, score);
        const results = await read();
        assert.equal(results.result, null, `after answer ${index + 1}`);
        assert.deepEqual([...results.breakdown.units, ...results.breakdown.roles], []);
        assert.equal(results.publication?.status, 'not-closed');
        assert.equal(results.publication?.submittedNow, index + 1, 'progress is shown');
      }
      assert.equal(views.length, 1, 'one view while open, however many answered');
      assert.equal((await nationalBenchmark(t.ctx, instrument, 2026)).all.length, 0, 'not in any benchmark');
    });

    test('closing publishes the round as a whole', async () => {
      await closeRound(t.ctx, coordinator, roundId);
      const results = await read();
      assert.equal(results.publication?.status, 'published');
      assert.equal(results.respondents, 6);
      assert.ok(results.result);
    });

    test('one more answer after reopening changes nothing, open or closed again', async () => {
      const published = views.at(-1);
      await openRound(t.ctx, coordinator, roundId);
      await read();
      await submit('chef', world.units.school, 6);
      await read();
      await closeRound(t.ctx, coordinator, roundId);
      const results = await read();
      assert.equal(views.at(-1), published, 'the previous closed state stays published');
      assert.equal(results.respondents, 6);
      assert.equal(results.publication?.submittedNow, 7);
    });

    test('a closing that adds the threshold of respondents publishes a new state, and no combination of all states isolates anyone', async () => {
      await openRound(t.ctx, coordinator, roundId);
      await submit('handläggare', world.units.homeCare, 2);
      await submit('rektor', world.units.school, 3);
      await closeRound(t.ctx, coordinator, roundId);
      const results = await read();
      assert.equal(results.respondents, 9, 'three new since the last published state');
      assert.equal(views.length, 3, 'nothing while open, the first closing, the second published closing');
      // The attacker's difference: every two states differ by at least the threshold.
      const states = await t.ctx.db.selectFrom('published_results').select(['seq', 'groups_json']).where('round_id', '=', roundId).orderBy('seq').execute();
      assert.equal(states.length, 2);
      const groups = states.flatMap((state) => JSON.parse(state.groups_json) as string[][]);
      assert.equal(findDerivableSet(groups, results.round.anonymityThreshold), null, 'every group of every state together');
      const totals = states.map((state) => (JSON.parse(state.groups_json) as string[][])[0]!.length);
      assert.ok(totals[1]! - totals[0]! >= results.round.anonymityThreshold);
    });

    test('two requests publishing the same closed round at once leave one state', async () => {
      const closed = await insertRound(t.ctx, world.orgB, { name: 'Mätning 2025', year: 2025, instrumentKeys: ['digital-mognad'], openLink: false, status: 'closed' });
      await addSubmittedRespondents(t.ctx, closed, instrument, [3, 4, 5].map((score) => ({ answers: answersScoring(instrument, score) })));
      const outcomes = await Promise.all([publishRoundResults(t.ctx, closed), publishRoundResults(t.ctx, closed)]);
      assert.deepEqual(outcomes.map((outcome) => outcome.get('digital-mognad')).sort(), ['published', 'unchanged']);
      const states = await t.ctx.db.selectFrom('published_results').select('seq').where('round_id', '=', closed).execute();
      assert.equal(states.length, 1);
    });
  });
}
