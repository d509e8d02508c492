// The largest survey page (digital-mognad page 1, effektivitet) stays small on the wire:
// compressed with brotli or gzip it is under 20 KB. Counted in bytes sent, not in time.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createSmallWorld } from '../../test/support/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/support/test-context.ts';
import { surveyPages } from '../domain/instruments/instrument-structure.ts';
import { insertRespondents, mintRespondentLink } from '../modules/rounds/repository.ts';
import { insertRound } from '../modules/rounds/repository.ts';

const LIMIT_BYTES = 20 * 1024;

describe('survey page size', () => {
  let t: TestApp;
  let token: string;

  before(async () => {
    t = await createTestApp('sqlite');
    const world = await createSmallWorld(t.ctx);
    const roundId = await insertRound(t.ctx, world.orgA, { name: 'Digital mognad 2026', year: 2026, instrumentKeys: ['digital-mognad'], openLink: false, status: 'open' });
    const [respondentId] = await insertRespondents(t.ctx, t.ctx.db, roundId, [{ email: 'anna@alfa.example' }]);
    token = await mintRespondentLink(t.ctx, t.ctx.db, respondentId!);
  });
  after(async () => t.close());

  test('page 1 is the largest page: effektivitet', () => {
    const pages = surveyPages(t.ctx.instruments.require('digital-mognad'));
    const itemCount = (index: number) => pages[index]!.category.capabilities.reduce((sum, capability) => sum + capability.items.length, 0);
    assert.equal(pages[0]!.category.key, 'effektivitet');
    for (let index = 1; index < pages.length; index++) assert.ok(itemCount(0) >= itemCount(index));
  });

  for (const encoding of ['br', 'gzip']) {
    test(`with accept-encoding: ${encoding}, page 1 is compressed and under 20 KB`, async () => {
      const response = await t.app.inject({ method: 'GET', url: `/s/${token}/page/1`, headers: { 'accept-encoding': encoding } });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-encoding'], encoding);
      const bytes = response.rawPayload.length;
      assert.ok(bytes < LIMIT_BYTES, `page 1 with ${encoding} is ${bytes} bytes, over ${LIMIT_BYTES}`);
      // Sanity: this really is the full question page, far larger uncompressed.
      const plain = await t.app.inject({ method: 'GET', url: `/s/${token}/page/1`, headers: { 'accept-encoding': 'identity' } });
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.match(plain.body, /name="a\.portfoljstyrning-1"/);
      assert.ok(plain.rawPayload.length > bytes * 3, `uncompressed ${plain.rawPayload.length} bytes vs ${encoding} ${bytes}`);
    });
  }
});
