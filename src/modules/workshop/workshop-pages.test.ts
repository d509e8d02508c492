// The results workshop through HTTP: topics from the member's published results, one per screen
// with prev/next links, access per role, notes saved and shown again, the handout, and nothing
// the results page hides (a round below the anonymity threshold gives no topics at all).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SmallWorld } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import { addSubmittedRespondents, answersScoring } from '../../../test/support/results-world.ts';
import { textOf } from '../../../test/support/test-browser.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { insertJointRespondent } from '../joint/repository.ts';
import { insertRound } from '../rounds/repository.ts';

for (const dialect of testDialects()) {
  describe(`workshop pages (${dialect})`, () => {
    let loggedIn: LoggedInWorld;
    let world: SmallWorld;
    let roundA: string;
    const as = (role: keyof SmallWorld['users']) => loggedIn.browser(role);
    const path = () => `/org/${world.orgA}/workshop/2025`;

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect);
      world = loggedIn.world;
      const { ctx } = loggedIn.t;
      const instrument = ctx.instruments.require('digital-mognad');
      const round = (org: string, year: number) => insertRound(ctx, org, { name: `Mognadsmätning ${year}`, year, instrumentKeys: ['digital-mognad'], openLink: false, status: 'closed' });
      roundA = await insertRound(ctx, world.orgA, { name: 'Mognadsmätning 2025', year: 2025, instrumentKeys: ['digital-mognad', 'informationssakerhet', 'formagekarta'], openLink: false, status: 'closed' });
      const now = ctx.clock.now().toISOString();
      const jointAnswer = async (roundId: string, key: string, answers: Record<string, number>) => {
        let respondent = (await ctx.db.selectFrom('respondents').select('id').where('round_id', '=', roundId).where('joint', '=', 1).executeTakeFirst())?.id;
        if (!respondent) {
          respondent = ctx.ids.id();
          await insertJointRespondent(ctx.db, { id: respondent, roundId, createdAt: now });
        }
        const responseId = ctx.ids.id();
        await ctx.db.insertInto('responses').values({ id: responseId, round_id: roundId, respondent_id: respondent, instrument_key: key, instrument_version: ctx.instruments.require(key).version, status: 'submitted', started_at: now, updated_at: now, submitted_at: now }).execute();
        await ctx.db.insertInto('answers').values(Object.entries(answers).map(([item_key, value]) => ({ response_id: responseId, item_key, value, dont_know: 0 }))).execute();
      };
      // The organisation's joint assessments: leadership not established; a capability at level 0.
      await jointAnswer(roundA, 'informationssakerhet', { 'ledning-etablerat': 0 });
      const level = 'forsta-kommunens-prioriteringar-niva';
      await jointAnswer(roundA, 'formagekarta', { [level]: 0 });
      // Two more weak members and one strong: a collaboration candidate in the federation.
      for (const [name, value] of [['Delta kommun', 1], ['Epsilon kommun', 0], ['Zeta kommun', 4]] as const) {
        const org = await insertOrganisation(ctx, { name, kind: 'kommun', federationId: world.federationId });
        const roundId = await insertRound(ctx, org, { name: 'Förmågekarta 2025', year: 2025, instrumentKeys: ['formagekarta'], openLink: false, status: 'closed' });
        await jointAnswer(roundId, 'formagekarta', { [level]: value });
      }
      const scores = (value: number) => (key: string) => (['infrastruktur', 'styrning', 'arbetsmiljo'].includes(key) ? 2 : value);
      await addSubmittedRespondents(ctx, roundA, instrument, [
        ...[1, 2, 3, 4, 5].map(() => ({ answers: answersScoring(instrument, scores(4)) })),
        ...[1, 2, 3, 4].map(() => ({ answers: answersScoring(instrument, scores(2)) })),
      ]);
      // Beta has one answer: below the threshold, so its results page shows nothing.
      await addSubmittedRespondents(ctx, await round(world.orgB, 2025), instrument, [{ answers: answersScoring(instrument, 3) }]);
      const orgC = await insertOrganisation(ctx, { name: 'Gamma kommun', kind: 'kommun', federationId: world.federationId });
      await addSubmittedRespondents(ctx, await round(orgC, 2025), instrument, [1, 2, 3, 4, 5].map(() => ({ answers: answersScoring(instrument, 5) })));
      await loggedIn.logInAll();
    });
    after(async () => loggedIn.close());

    test('the results page links to the workshop, which starts with the matrix and its chart', async () => {
      const results = await as('coordinatorA').get(`/rounds/${roundA}/results`);
      assert.match(results.body, new RegExp(`href="${path()}">Workshop om resultaten<`));
      const page = await as('coordinatorA').get(path());
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      assert.match(text, /Var står vi i matrisen\?/);
      assert.match(page.body, /data-testid="progress">Ämne 1 av \d+</);
      assert.match(page.body, /<figure class="chart" id="maturity-matrix"/);
      assert.match(page.body, new RegExp(`<a href="${path()}/2" rel="next">Nästa</a>`));
      assert.doesNotMatch(page.body, /rel="prev"/);
      assert.match(page.body, /<h1 id="topic-heading" tabindex="-1">/i);
      assert.match(page.body, /src="\/static\/workshop\.js"/);
      const second = await as('coordinatorA').get(`${path()}/2`);
      assert.match(second.body, new RegExp(`<a href="${path()}" rel="prev">|<a href="${path()}/1" rel="prev">`));
      assert.equal((await as('coordinatorA').get(`${path()}/40`)).status, 404);
    });

    test('the spread topic shows exactly where the results page shows spread', async () => {
      const results = await as('coordinatorA').get(`/rounds/${roundA}/results`);
      const handout = textOf((await as('coordinatorA').get(`${path()}/handout`)).body);
      assert.equal(/data-testid="spread">\s*<li>/.test(results.body), /Där svaren går isär/.test(handout));
      assert.match(handout, /Egna anteckningar/);
      assert.match(handout, /Informationssäkerhet som saknas/);
      assert.match(handout, /Svaga förmågor i förmågekartan/);
      assert.match(handout, /Möjliga samarbeten/);
      assert.doesNotMatch(handout, /Delta kommun|Epsilon kommun|Zeta kommun/);
    });

    test('below the anonymity threshold there are no topics at all', async () => {
      const page = await as('coordinatorB').get(`/org/${world.orgB}/workshop/2025`);
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      assert.match(text, /inga resultat att samtala om/);
      assert.doesNotMatch(text, /Där svaren går isär|Var står vi i matrisen/);
      const handout = textOf((await as('coordinatorB').get(`/org/${world.orgB}/workshop/2025/handout`)).body);
      assert.doesNotMatch(handout, /Där svaren går isär|Var står vi i matrisen/);
    });

    test('access: members and the federation analyst read, another organisation is not found', async () => {
      assert.equal((await as('viewerA').get(path())).status, 200);
      assert.equal((await as('analyst').get(path())).status, 200);
      assert.equal((await as('coordinatorB').get(path())).status, 404);
      assert.equal((await loggedIn.anonymous().get(path())).status, 302);
    });

    test('notes are saved with the form and shown again; a viewer may not write', async () => {
      await as('coordinatorA').get(path());
      const saved = await as('coordinatorA').post(`${path()}/notes`, { topic: 'matrix', index: '1', notes: 'Vi behöver prata om arvet.', decisions: 'Inventera systemen\nTa fram en plan' });
      assert.equal(saved.status, 303);
      assert.equal(saved.location, `${path()}/1`);
      const page = await as('coordinatorA').get(path());
      assert.match(page.body, /Vi behöver prata om arvet\./);
      assert.match(page.body, /actions\/new\?source=workshop&amp;topic=matrix&amp;year=2025&amp;title=Inventera\+systemen/);
      const viewer = await as('viewerA').get(path());
      assert.match(textOf(viewer.body), /Vi behöver prata om arvet\./);
      assert.doesNotMatch(viewer.body, /name="notes"/);
      assert.equal((await as('viewerA').post(`${path()}/notes`, { topic: 'matrix', notes: 'x', decisions: '' })).status, 403);
      await as('coordinatorB').get(`/org/${world.orgB}/workshop/2025`);
      assert.equal((await as('coordinatorB').post(`${path()}/notes`, { topic: 'matrix', notes: 'x', decisions: '' })).status, 404);
      assert.equal((await as('coordinatorA').post(`${path()}/notes`, { topic: 'nonsense', notes: 'x', decisions: '' })).status, 400);
    });
  });
}
