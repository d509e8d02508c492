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

    const openRound = async (browser: TestBrowser, orgId: string) => {
      await browser.get(`/org/${orgId}/rounds/new`);
      const created = await browser.post(`/org/${orgId}/rounds`, { name: 'Informationssäkerhet 2026', year: '2026', instruments: ['informationssakerhet'], threshold: '3' });
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
  });
}
