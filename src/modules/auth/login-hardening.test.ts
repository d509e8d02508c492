// Sign-in hardening (issue 12): only same-origin paths after login, a per-account back-off that
// the database keeps across restarts, the same back-off on the password change, and a new CSRF
// secret at sign-in.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PASSWORD, type SmallWorld } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import { TestBrowser, textOf } from '../../../test/support/test-browser.ts';
import { buildApp } from '../../web/app.ts';
import { lockMinutesAfter } from './login-backoff.ts';

const MINUTE = 60_000;

for (const dialect of testDialects()) {
  // Signing in is what these tests are about: each signs in by hand unless the sign-in is only set-up.
  describe(`sign-in hardening (${dialect})`, () => {
    let loggedIn: LoggedInWorld;
    let t: TestApp;
    let world: SmallWorld;
    before(async () => {
      // A high per-IP limit, so what these tests meet is the per-account back-off.
      loggedIn = await openLoggedInWorld(dialect, { LOGIN_RATE_LIMIT: '200' });
      ({ t, world } = loggedIn);
    });
    after(async () => loggedIn.close());

    const later = (ms: number) => t.clock.set(new Date(t.clock.now().getTime() + ms));

    test('a tab after the slash (next=/%09/evil.example) does not lead to another site', async () => {
      const browser = loggedIn.anonymous();
      const page = await browser.get('/login?next=/%09/evil.example');
      assert.match(page.body, /<input type="hidden" name="next" value="\/"\/>/);
      for (const next of ['/\t/evil.example', '/\\evil.example', '/\r\n/evil.example', 'https://evil.example', 'javascript:alert(1)']) {
        const other = loggedIn.anonymous();
        await other.get('/login');
        const login = await other.post('/login', { email: world.users.viewerA, password: PASSWORD, next });
        assert.equal(login.status, 303);
        assert.equal(login.location, '/', JSON.stringify(next));
      }
    });

    test('after five wrong passwords the account is refused, even with the right one, for a growing time', async () => {
      const browser = loggedIn.anonymous();
      await browser.get('/login');
      for (let attempt = 1; attempt <= 4; attempt += 1) {
        assert.equal((await browser.post('/login', { email: world.users.coordinatorB, password: 'wrong-wrong-wrong' })).status, 401);
      }
      const fifth = await browser.post('/login', { email: world.users.coordinatorB, password: 'wrong-wrong-wrong' });
      assert.equal(fifth.status, 429);
      assert.match(textOf(fifth.body), /för många felaktiga inloggningsförsök för den här e-postadressen\. Vänta 1 minut/);
      const right = await browser.post('/login', { email: world.users.coordinatorB, password: PASSWORD });
      assert.equal(right.status, 429, 'the right password is refused while the account is locked');
      // Another account from the same address is not affected.
      assert.equal((await loggedIn.anonymous().logIn(world.users.analyst, PASSWORD)).status, 303);

      later(MINUTE + 1000);
      const sixth = await browser.post('/login', { email: world.users.coordinatorB, password: 'wrong-wrong-wrong' });
      assert.equal(sixth.status, 429);
      assert.match(textOf(sixth.body), /Vänta 2 minuter/, 'the next lock is twice as long');
      later(MINUTE + 1000);
      assert.equal((await browser.post('/login', { email: world.users.coordinatorB, password: PASSWORD })).status, 429, 'still locked after one minute');
      later(MINUTE);
      const open = await browser.post('/login', { email: world.users.coordinatorB, password: PASSWORD });
      assert.equal(open.status, 303, 'the right password works once the lock has passed');
      // ...and a success clears the count: four new failures do not lock again.
      const fresh = loggedIn.anonymous();
      await fresh.get('/login');
      for (let attempt = 1; attempt <= 4; attempt += 1) {
        assert.equal((await fresh.post('/login', { email: world.users.coordinatorB, password: 'wrong-wrong-wrong' })).status, 401);
      }
      await t.ctx.db.deleteFrom('login_failures').execute();
    });

    test('the lock is kept in the database and survives a restart of the server', async () => {
      const browser = loggedIn.anonymous();
      await browser.get('/login');
      for (let attempt = 1; attempt <= 5; attempt += 1) await browser.post('/login', { email: world.users.viewerA, password: 'wrong-wrong-wrong' });
      const restarted = await buildApp(t.ctx);
      try {
        await restarted.ready();
        const afterRestart = new TestBrowser(restarted);
        assert.equal((await afterRestart.logIn(world.users.viewerA, PASSWORD)).status, 429);
        later(lockMinutesAfter(5) * MINUTE + 1000);
        assert.equal((await afterRestart.logIn(world.users.viewerA, PASSWORD)).status, 303);
      } finally {
        await restarted.close();
      }
    });

    test('unknown addresses are locked the same way, so the answer does not tell which accounts exist', async () => {
      const browser = loggedIn.anonymous();
      await browser.get('/login');
      const statuses: number[] = [];
      for (let attempt = 1; attempt <= 5; attempt += 1) statuses.push((await browser.post('/login', { email: 'nobody@nowhere.example', password: 'whatever-whatever' })).status);
      assert.deepEqual(statuses, [401, 401, 401, 401, 429]);
    });

    test('guessing the current password on the account page counts against the same back-off', async () => {
      const browser = await loggedIn.as('operator');
      await browser.get('/account');
      const form = (current: string) => ({ current, next: 'a brand new password', confirm: 'a brand new password' });
      for (let attempt = 1; attempt <= 4; attempt += 1) assert.equal((await browser.post('/account/password', form('guess-guess-guess'))).status, 400);
      const locked = await browser.post('/account/password', form('guess-guess-guess'));
      assert.equal(locked.status, 429);
      assert.match(textOf(locked.body), /skrivit fel nuvarande lösenord för många gånger/);
      assert.equal((await browser.post('/account/password', form(PASSWORD))).status, 429, 'even the right password waits');
      assert.equal((await loggedIn.anonymous().logIn(world.users.operator, PASSWORD)).status, 429, 'and so does signing in');
      later(lockMinutesAfter(5) * MINUTE + 1000);
      assert.equal((await browser.post('/account/password', form(PASSWORD))).status, 303);
    });

    test('a successful sign-in replaces the CSRF secret, so a form token from before no longer works', async () => {
      const browser = loggedIn.anonymous();
      const page = await browser.get('/login');
      const before = /mogna_csrf=([^;]+)/.exec(String(page.headers['set-cookie']))?.[1];
      assert.ok(before, 'the login page sets a CSRF secret');
      const oldToken = browser.csrfToken();
      const login = await browser.post('/login', { email: world.users.analyst, password: PASSWORD });
      assert.equal(login.status, 303);
      const afterLogin = /mogna_csrf=([^;]+)/.exec(String(login.headers['set-cookie']))?.[1];
      assert.ok(afterLogin, 'the sign-in sets a new CSRF secret');
      assert.notEqual(afterLogin, before);
      // A token minted for the old secret (e.g. planted before sign-in) is refused now...
      assert.equal(browser.csrfToken(), oldToken, 'no page has been opened since the login form');
      const withOld = await browser.post('/logout', {});
      assert.equal(withOld.status, 403);
      assert.ok((await browser.get('/')).status === 200, 'still signed in');
      // ...and a page rendered after sign-in works.
      assert.equal((await browser.post('/logout', {})).status, 303);
    });
  });
}
