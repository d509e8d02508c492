// Coming back to a joint assessment opens the first page that still waits for an answer. A
// follow-up that does not apply (hours of a CISO the organisation does not have) is not waiting.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SmallWorld } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import type { TestBrowser} from '../../../test/support/test-browser.ts';
import { textOf } from '../../../test/support/test-browser.ts';

for (const dialect of testDialects()) {
  describe(`resuming a joint assessment (${dialect})`, () => {
    let world: SmallWorld;
    let loggedIn: LoggedInWorld;
    const start = (roundId: string) => `/rounds/${roundId}/joint/informationssakerhet`;

    const openRound = async (browser: TestBrowser, orgId: string, year = '2026') => {
      await browser.get(`/org/${orgId}/rounds/new`);
      const created = await browser.post(`/org/${orgId}/rounds`, { name: `Informationssäkerhet ${year}`, year, instruments: ['informationssakerhet'], threshold: '3' });
      assert.equal(created.status, 303, textOf(created.body));
      const roundId = created.location!.split('/').pop()!;
      await browser.get(`/rounds/${roundId}`);
      await browser.post(`/rounds/${roundId}/open`, {});
      return roundId;
    };

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect);
      ({ world } = loggedIn);
    });
    after(async () => loggedIn.close());

    test('"no CISO" leaves the hours unasked, so the coordinator resumes on page 2', async () => {
      const coordinator = await loggedIn.as('coordinatorA');
      const roundId = await openRound(coordinator, world.orgA);
      await coordinator.get(`${start(roundId)}/page/1`);
      const saved = await coordinator.post(`${start(roundId)}/page/1`, { 'a.har-ciso': '0', action: 'next' });
      assert.equal(saved.status, 303, textOf(saved.body));
      const resumed = await coordinator.get(start(roundId));
      assert.equal(resumed.status, 303);
      assert.match(resumed.location!, /\/joint\/informationssakerhet\/page\/2$/);
    });

    test('"yes, a CISO" without the hours resumes on page 1, where the hours are still missing', async () => {
      const coordinator = await loggedIn.as('coordinatorB');
      const roundId = await openRound(coordinator, world.orgB);
      await coordinator.get(`${start(roundId)}/page/1`);
      const saved = await coordinator.post(`${start(roundId)}/page/1`, { 'a.har-ciso': '1', action: 'leave' });
      assert.ok([200, 303].includes(saved.status), textOf(saved.body));
      const resumed = await coordinator.get(start(roundId));
      assert.match(resumed.location!, /\/joint\/informationssakerhet\/page\/1$/);
    });

    test('a choice is saved as it is made (autosave), only by who may answer; "Ändra" from the review goes back there', async () => {
      const coordinator = await loggedIn.as('coordinatorA');
      const roundId = await openRound(coordinator, world.orgA, '2025');
      const page1 = await coordinator.get(`${start(roundId)}/page/1`);
      assert.ok(page1.body.includes(`data-autosave="${start(roundId)}/page/1/autosave"`));
      const saved = await coordinator.post(`${start(roundId)}/page/1/autosave`, { 'a.har-ciso': '0' });
      assert.equal(saved.status, 204);
      const resumed = await coordinator.get(start(roundId));
      assert.match(resumed.location!, /\/page\/2$/, 'the saved "no CISO" counts');
      const wrong = await coordinator.post(`${start(roundId)}/page/1/autosave`, { 'a.har-ciso': '7' });
      assert.equal(wrong.status, 422);
      // Another organisation's coordinator cannot save into this assessment.
      const stranger = await loggedIn.as('coordinatorB');
      await stranger.get(`/org/${world.orgB}`);
      const refused = await stranger.post(`${start(roundId)}/page/1/autosave`, { 'a.har-ciso': '1' });
      assert.ok([403, 404].includes(refused.status), String(refused.status));

      const fromReview = await coordinator.get(`${start(roundId)}/page/1?return=review`);
      assert.match(fromReview.body, /name="return" value="review"/);
      const back = await coordinator.post(`${start(roundId)}/page/1`, { 'a.har-ciso': '0', return: 'review', action: 'next' });
      assert.equal(back.location, `${start(roundId)}/review`);
    });
  });
}
