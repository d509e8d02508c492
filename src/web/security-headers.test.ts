// The app's own pages carry its Content-Security-Policy and the other security headers.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/support/test-context.ts';

describe('security headers on the app’s pages', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp('sqlite');
  });
  after(async () => t.close());

  test('a page and a missing page both forbid framing, foreign scripts and referrers', async () => {
    for (const url of ['/tillganglighet', '/no-such-page']) {
      const response = await t.app.inject({ url });
      const csp = String(response.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/, url);
      assert.match(csp, /script-src 'self'(;|$)/, url);
      assert.match(csp, /frame-ancestors 'none'/, url);
      assert.match(csp, /style-src-attr 'unsafe-inline'/, url);
      assert.equal(response.headers['referrer-policy'], 'no-referrer', url);
      assert.equal(response.headers['x-content-type-options'], 'nosniff', url);
    }
  });
});
