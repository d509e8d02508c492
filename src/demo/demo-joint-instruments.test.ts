// The demo's joint assessments: deterministic, with the patterns the federation view is meant to
// reveal, and seeded so that every member has both instruments submitted.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/support/test-context.ts';
import { testDialects } from '../../test/support/test-databases.ts';
import { TestBrowser, textOf } from '../../test/support/test-browser.ts';
import { federationLevelMatrix } from '../domain/joint-results/level-map.ts';
import { practiceFederationCounts } from '../domain/joint-results/practice-index.ts';
import { loadInstrumentCatalog } from '../catalogues/instrument-catalog.ts';
import { buildDemoJointAnswers, SHARED_WEAK_CAPABILITIES } from './demo-joint-instruments.ts';
import { DEMO_PASSWORD } from './demo-plan.ts';
import { seedDemo } from './demo-seeder.ts';

const catalog = loadInstrumentCatalog();
const instruments = { formagekarta: catalog.require('formagekarta'), informationssakerhet: catalog.require('informationssakerhet') };
const members = Array.from({ length: 14 }, (_, index) => ({ key: `m${String(index).padStart(2, '0')}`, formaga: 1.5 + (index % 7) * 0.5 }));

describe('demo joint answers', () => {
  const answers = buildDemoJointAnswers(instruments, members, 2026);

  test('are the same for the same seed and differ for another', () => {
    const again = buildDemoJointAnswers(instruments, members, 2026);
    assert.deepEqual(again, answers);
    assert.notDeepEqual(buildDemoJointAnswers(instruments, members, 7), answers);
  });

  test('every member answers every capability and every practice question', () => {
    assert.equal(answers.length, 28);
    for (const entry of answers.filter((candidate) => candidate.instrumentKey === 'formagekarta')) assert.equal(entry.answers.size, 55);
    for (const entry of answers.filter((candidate) => candidate.instrumentKey === 'informationssakerhet')) {
      for (const practice of ['ledning', 'risk', 'klassning', 'kontinuitet', 'medvetenhet', 'upphandling', 'uppfoljning']) {
        assert.ok(entry.answers.has(`${practice}-etablerat`));
      }
    }
  });

  test('the shared weak capabilities are collaboration candidates (≥ 3 weak, ≥ 1 strong)', () => {
    const map = answers.filter((entry) => entry.instrumentKey === 'formagekarta');
    const matrix = federationLevelMatrix(instruments.formagekarta, map.map((entry) => ({ organisationId: entry.memberKey, name: entry.memberKey, answers: entry.answers })), new Set());
    const candidates = new Set(matrix.candidates.map((row) => row.capability.key));
    for (const key of SHARED_WEAK_CAPABILITIES) assert.ok(candidates.has(key), `${key} is a candidate`);
  });

  test('practices vary between members: none is established by all, each by someone', () => {
    const counts = practiceFederationCounts(instruments.informationssakerhet, answers.filter((entry) => entry.instrumentKey === 'informationssakerhet').map((entry) => entry.answers));
    for (const count of counts) {
      assert.equal(count.established + count.notEstablished, 14);
      assert.ok(count.established >= 1 && count.established <= 13, `${count.capability.key}: ${count.established}`);
    }
  });
});

for (const dialect of testDialects()) {
  describe(`demo joint assessments seeded (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
      await seedDemo(t.ctx);
    });
    after(async () => t.close());

    test('every member has both joint instruments submitted last year', async () => {
      const year = t.clock.now().getUTCFullYear() - 1;
      const rows = await t.ctx.db
        .selectFrom('responses')
        .innerJoin('respondents', 'respondents.id', 'responses.respondent_id')
        .innerJoin('rounds', 'rounds.id', 'responses.round_id')
        .select(['rounds.organisation_id', 'responses.instrument_key'])
        .where('respondents.joint', '=', 1)
        .where('responses.status', '=', 'submitted')
        .where('rounds.year', '=', year)
        .execute();
      assert.equal(rows.length, 28);
      assert.equal(new Set(rows.map((row) => row.organisation_id)).size, 14);
    });

    test('the federation analyst sees collaboration candidates in the demo', async () => {
      const browser = new TestBrowser(t.app);
      assert.equal((await browser.logIn('analytiker@demoforbundet.example', DEMO_PASSWORD)).status, 303);
      const federation = await t.ctx.db.selectFrom('organisations').select('id').where('kind', '=', 'kommunalforbund').executeTakeFirstOrThrow();
      const page = await browser.get(`/org/${federation.id}/compare/formagekarta`);
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      assert.match(text, /14 medlemmar har skickat in svar/);
      assert.match(text, /Kommun 14/);
      assert.match(page.body, /<table class="table" id="candidates">/);
      assert.match(text, /Avveckla/);
    });
  });
}
