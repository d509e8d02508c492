// A new instrument file (test/fixtures/instruments/tillganglighet) that uses every answer type
// runs end to end — round, joint answering with a follow-up, target and comment, results, index
// and recommendations — with no code that knows about it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { SmallWorld } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import type { TestBrowser} from '../../../test/support/test-browser.ts';
import { textOf } from '../../../test/support/test-browser.ts';
import { parseInstrument } from '../../domain/instruments/parse-instrument.ts';
import { createInstrumentCatalog, loadInstrumentCatalog } from '../../catalogues/instrument-catalog.ts';

const file = new URL('../../../test/fixtures/instruments/tillganglighet/2026.yaml', import.meta.url);

function catalogWithFixture() {
  const parsed = parseInstrument('tillganglighet/2026.yaml', readFileSync(file, 'utf8'));
  assert.ok(parsed.ok, 'the fixture instrument is valid');
  return createInstrumentCatalog([...loadInstrumentCatalog().list(), parsed.instrument]);
}

for (const dialect of testDialects()) {
  describe(`a new instrument file runs without code changes (${dialect})`, () => {
    let t: TestApp;
    let world: SmallWorld;
    let loggedIn: LoggedInWorld;
    let coordinator: TestBrowser;
    let roundId: string;

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect, {}, { instruments: catalogWithFixture() });
      ({ t, world } = loggedIn);
      coordinator = await loggedIn.as('coordinatorA');
      await coordinator.get(`/org/${world.orgA}/rounds/new`);
      const created = await coordinator.post(`/org/${world.orgA}/rounds`, { name: 'Tillgänglighet 2026', year: '2026', instruments: 'tillganglighet', threshold: '3' });
      assert.equal(created.status, 303, textOf(created.body));
      roundId = created.location!.split('/').pop()!;
      await coordinator.get(`/rounds/${roundId}`);
      await coordinator.post(`/rounds/${roundId}/open`, {});
    });
    after(async () => loggedIn.close());

    test('the page shows yes/no radios, a banded number as a follow-up, levels with a target and a comment', async () => {
      const page = await coordinator.get(`/rounds/${roundId}/joint/tillganglighet/page/1`);
      assert.equal(page.status, 200);
      assert.match(page.body, /<legend class="statement-text">Finns det en ansvarig för tillgänglighet\?<\/legend>/);
      assert.match(page.body, /id="q-har-ansvarig-0"[^>]*data-hides-followup/, '"no" hides the follow-up');
      assert.match(page.body, /class="question conditional" id="question-antal-personer"/);
      assert.match(textOf(page.body), /1–2 personer/);
      assert.match(textOf(page.body), /Svara bara om du svarade Ja på frågan ovan\./, 'a follow-up without its own hint gets one');
      assert.match(page.body, /<select class="select" id="t-samlad-niva" name="t\.samlad-niva">/);
      assert.match(page.body, /<textarea class="textarea" id="c-samlad-niva"/);
      const bad = await coordinator.post(`/rounds/${roundId}/joint/tillganglighet/page/1`, { 'a.samlad-niva': '1', 't.samlad-niva': '9' });
      assert.equal(bad.status, 400);
      assert.match(bad.body, /href="#t-samlad-niva"/);
    });

    test('answers are saved, follow-ups applied, and results chosen by the file\'s own rules', async () => {
      await coordinator.get(`/rounds/${roundId}/joint/tillganglighet/page/1`);
      const saved = await coordinator.post(`/rounds/${roundId}/joint/tillganglighet/page/1`, {
        'a.har-ansvarig': '1',
        'a.antal-personer': '1',
        'a.granskar': '1',
        'a.granskning-grad': '2',
        'a.samlad-niva': '1',
        't.samlad-niva': '3',
        'c.samlad-niva': 'Vi börjar med webbplatsen',
      });
      assert.equal(saved.status, 303);
      await coordinator.get(`/rounds/${roundId}/joint/tillganglighet/review`);
      const submitted = await coordinator.post(`/rounds/${roundId}/joint/tillganglighet/submit`, {});
      const results = await coordinator.get(submitted.location!);
      assert.equal(results.status, 200);
      const text = textOf(results.body);
      // One practice (granskning), established to degree 2 on a 1–3 scale: (2 − 1 + 1) / 3 = 66,7 %.
      assert.match(results.body, /data-testid="practice-index">66,7</);
      assert.match(text, /Planera för att nå målnivån/, 'gap 3 − 1 = 2 triggers the rule');
      assert.match(text, /Fler behöver arbeta med tillgänglighet/, 'band 1–2 people ≤ 1');
      assert.doesNotMatch(text, /Utse en ansvarig för tillgängligheten/);
      assert.match(text, /1–2 personer/);
      const stored = await t.ctx.db.selectFrom('answers').select(['item_key', 'value', 'target_value', 'comment']).where('item_key', '=', 'samlad-niva').executeTakeFirstOrThrow();
      assert.deepEqual(stored, { item_key: 'samlad-niva', value: 1, target_value: 3, comment: 'Vi börjar med webbplatsen' });
    });
  });
}
