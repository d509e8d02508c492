// Open-link respondents who say their unit and role (issue 15) enter the breakdown per unit and
// role exactly as invited respondents do: the same anonymity rule decides, so a unit or role
// with fewer open-link answers than the threshold is never shown on its own, and "not given"
// only ever counts in the whole organisation and in the pools of other units and roles. Made-up
// answers aimed at one real person's unit and role give nothing away either: the audit also runs
// as an attacker who knows every open-link answer (src/domain/disclosure/disclosure.ts). The
// answers go through the survey's own use cases (open link → pages → submit). On both databases.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createSmallWorld, type SmallWorld } from '../../../test/support/fixtures.ts';
import { addSubmittedRespondents, answersScoring, type SubmittedRespondent } from '../../../test/support/results-world.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { loadUserActor, type UserActor } from '../../app/actor.ts';
import { hashToken } from '../../app/ports.ts';
import type { Instrument } from '../../domain/instruments/instrument-schema.ts';
import type { BreakdownGroup } from '../../domain/results/round-results.ts';
import { closeRound } from '../rounds/round-service.ts';
import { insertRound, storeOpenLink } from '../rounds/repository.ts';
import { answerPage, startOpenLinkResponse, submit } from '../survey/service.ts';
import { getRoundResults } from './service.ts';

interface OpenLinkAnswer {
  unitId: string;
  role: string;
  score: number;
}

for (const dialect of testDialects()) {
  describe(`open-link respondents in the breakdown (${dialect})`, () => {
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

    /** Answers every page through the survey's use cases and submits. */
    async function answerThroughOpenLink(openToken: string, answer: OpenLinkAnswer): Promise<void> {
      const started = await startOpenLinkResponse(t.ctx, openToken, { unitId: answer.unitId, role: answer.role });
      assert.ok(started.started, 'the open link starts a response');
      const form = Object.fromEntries(Object.entries(answersScoring(instrument, answer.score)).map(([key, value]) => [`a.${key}`, value === null ? 'dk' : String(value)]));
      for (let page = 1; ; page += 1) {
        const saved = await answerPage(t.ctx, started.token, { page, form });
        assert.ok(saved.saved, `page ${page} saved`);
        if (page >= saved.pageCount) break;
      }
      await submit(t.ctx, started.token);
    }

    /** A round with three invited heads of school and one invited IT manager who has not answered (so the round uses both roles), and the given open-link answers. */
    async function closedRoundWith(year: number, openLink: OpenLinkAnswer[], moreInvited: SubmittedRespondent[] = []): Promise<string> {
      const roundId = await insertRound(t.ctx, world.orgA, { name: `Mätning ${year}`, year, instrumentKeys: ['digital-mognad'], openLink: false, status: 'open' });
      const openToken = t.ctx.ids.token();
      await storeOpenLink(t.ctx.db, roundId, hashToken(openToken), 100);
      await addSubmittedRespondents(t.ctx, roundId, instrument, [
        ...[5, 5, 5].map((score) => ({ unitId: world.units.school, role: 'Rektor', answers: answersScoring(instrument, score) })),
        { unitId: world.units.homeCare, role: 'IT-chef', answers: {}, status: 'in_progress' as const },
        ...moreInvited,
      ]);
      for (const answer of openLink) await answerThroughOpenLink(openToken, answer);
      await closeRound(t.ctx, coordinator, roundId);
      return roundId;
    }

    const named = (groups: BreakdownGroup[]) => groups.map((group) => `${group.kind}:${group.name ?? '–'}:${group.n}`);

    test('open-link answers with a unit and role are shown under that unit and role once the group reaches the threshold', async () => {
      const homeCare = { unitId: world.units.homeCare, role: 'it-chef', score: 1 };
      const results = await getRoundResults(t.ctx, coordinator, await closedRoundWith(2024, [homeCare, homeCare, homeCare]));
      assert.equal(results.publication?.status, 'published');
      assert.equal(results.respondents, 6);
      const units = named(results.breakdown.units);
      assert.ok(units.includes('unit:Socialförvaltningen › Hemtjänst:3'), units.join(', '));
      assert.ok(units.includes('unit:Skolförvaltningen:3'), units.join(', '));
      // The role was typed in another case: it is the round's one role "IT-chef".
      assert.ok(named(results.breakdown.roles).includes('role:IT-chef:3'), named(results.breakdown.roles).join(', '));
      const homeCareGroup = results.breakdown.units.find((group) => group.name === 'Socialförvaltningen › Hemtjänst')!;
      const schoolGroup = results.breakdown.units.find((group) => group.name === 'Skolförvaltningen')!;
      assert.ok(homeCareGroup.maturityPercent! < schoolGroup.maturityPercent!, 'the open-link group carries its own answers');
    });

    test('a unit and a role with fewer open-link answers than the threshold are hidden; "not given" counts only in the pools', async () => {
      const homeCare = { unitId: world.units.homeCare, role: 'IT-chef', score: 1 };
      const notGiven = { unitId: '', role: '', score: 3 };
      const results = await getRoundResults(t.ctx, coordinator, await closedRoundWith(2025, [homeCare, homeCare, notGiven]));
      assert.equal(results.publication?.status, 'published');
      assert.equal(results.respondents, 6);
      const groups = [...results.breakdown.units, ...results.breakdown.roles];
      for (const group of groups) assert.ok(group.n >= 3, `${group.key} has ${group.n} respondents`);
      assert.ok(!groups.some((group) => /Hemtjänst|Socialförvaltningen|IT-chef/.test(group.name ?? '')), named(groups).join(', '));
      // The two in home care and the one who said nothing are pooled, never shown apart.
      assert.deepEqual(named(results.breakdown.units).sort(), ['other-units:–:3', 'unit:Skolförvaltningen:3']);
      assert.deepEqual(named(results.breakdown.roles).sort(), ['other-roles:–:3', 'role:Rektor:3']);
    });

    test('made-up answers aimed at one invited person\'s unit and role cannot be subtracted: every group that would isolate them is hidden', async () => {
      // One real invited person in home care; the coordinator adds two answers they know through
      // the open link in home care and one among the heads of school, so every way and every
      // group reaches the threshold of 3, and home care less the known answers is that person.
      const real = { unitId: world.units.homeCare, role: 'IT-chef', answers: answersScoring(instrument, 6) };
      const aimed = { unitId: world.units.homeCare, role: 'IT-chef', score: 1 };
      const results = await getRoundResults(t.ctx, coordinator, await closedRoundWith(2026, [aimed, aimed, { unitId: world.units.school, role: 'Rektor', score: 1 }], [real]));
      assert.equal(results.publication?.status, 'published');
      assert.equal(results.respondents, 7, 'the whole organisation is still published');
      const groups = [...results.breakdown.units, ...results.breakdown.roles];
      assert.deepEqual(named(groups), [], 'any shown group, with the organisation, would give the real person away');
      assert.ok(results.breakdown.suppressedForSubtraction > 0);
    });
  });
}
