import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PASSWORD, type SmallWorld } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import { textOf } from '../../../test/support/test-browser.ts';

// Logging in is what these tests are about: each logs in by hand unless the login is only set-up.
describe('login, sessions and logout', () => {
  let loggedIn: LoggedInWorld;
  let t: TestApp;
  let world: SmallWorld;
  before(async () => {
    loggedIn = await openLoggedInWorld('sqlite', { LOGIN_RATE_LIMIT: '12' });
    ({ t, world } = loggedIn);
  });
  after(async () => loggedIn.close());

  test('a wrong password gets one message that does not say which part was wrong', async () => {
    const browser = loggedIn.anonymous();
    const wrong = await browser.logIn(world.users.coordinatorA, 'not the password');
    assert.equal(wrong.status, 401);
    assert.match(textOf(wrong.body), /E-postadressen eller lösenordet stämmer inte/);
    const unknown = await browser.logIn('nobody@alfa.example', 'whatever-whatever');
    assert.equal(textOf(unknown.body).includes('stämmer inte'), true);
  });

  test('the session cookie is HttpOnly and SameSite, stored only as a hash, and logout ends it', async () => {
    const browser = loggedIn.anonymous();
    const login = await browser.logIn(world.users.coordinatorA, PASSWORD);
    assert.equal(login.status, 303);
    const setCookie = String(login.headers['set-cookie']);
    assert.match(setCookie, /mogna_session=[^;]+;.*HttpOnly/i);
    assert.match(setCookie, /SameSite=Lax/i);
    const token = /mogna_session=([^;]+)/.exec(setCookie)![1]!;
    const stored = await t.ctx.db.selectFrom('sessions').select('id').execute();
    assert.ok(stored.length > 0);
    assert.ok(stored.every((session) => session.id !== token), 'the raw token is never stored');
    assert.equal((await browser.get('/')).status, 200);
    await browser.post('/logout', {});
    const after = await browser.get('/');
    assert.equal(after.status, 302);
    // The old cookie no longer opens anything, even if someone kept a copy.
    const replay = await t.app.inject({ method: 'GET', url: '/', headers: { cookie: `mogna_session=${token}` } });
    assert.equal(replay.statusCode, 302);
  });

  test('an expired session is refused', async () => {
    const browser = await loggedIn.as('viewerA');
    assert.equal((await browser.get('/')).status, 200);
    t.clock.set(new Date(t.clock.now().getTime() + 30 * 86_400_000));
    assert.equal((await browser.get('/')).status, 302);
  });

  test('the login page only follows local paths after login', async () => {
    const browser = loggedIn.anonymous();
    await browser.get('/login?next=//evil.example/');
    const login = await browser.post('/login', { email: world.users.coordinatorA, password: PASSWORD, next: '//evil.example/' });
    assert.equal(login.location, '/');
  });

  test('changing the password needs the current one and signs out every other session', async () => {
    const laptop = await loggedIn.as('coordinatorB');
    // By hand: a second session of the same account, which the world does not keep.
    const phone = loggedIn.anonymous();
    await phone.logIn(world.users.coordinatorB, PASSWORD);
    await laptop.get('/account');
    const wrong = await laptop.post('/account/password', { current: 'guess-guess-guess', next: 'a brand new password', confirm: 'a brand new password' });
    assert.equal(wrong.status, 400);
    assert.match(textOf(wrong.body), /nuvarande lösenordet stämmer inte/);
    const mismatch = await laptop.post('/account/password', { current: PASSWORD, next: 'a brand new password', confirm: 'another one entirely' });
    assert.match(textOf(mismatch.body), /samma nya lösenord/);
    const changed = await laptop.follow(await laptop.post('/account/password', { current: PASSWORD, next: 'a brand new password', confirm: 'a brand new password' }));
    assert.match(textOf(changed.body), /Lösenordet är bytt/);
    assert.equal((await laptop.get('/')).status, 200, 'this session goes on');
    assert.equal((await phone.get('/')).status, 302, 'the other session has ended');
    const fresh = loggedIn.anonymous();
    assert.equal((await fresh.logIn(world.users.coordinatorB, 'a brand new password')).status, 303);
  });

  test('login attempts are rate limited per address', async () => {
    const browser = loggedIn.anonymous();
    await browser.get('/login');
    let status = 0;
    for (let attempt = 0; attempt < 15 && status !== 429; attempt += 1) {
      // A different address each time, so the per-account back-off never comes into play.
      status = (await browser.post('/login', { email: `guess${attempt}@alfa.example`, password: 'wrong-wrong-wrong' })).status;
    }
    assert.equal(status, 429);
    assert.match(textOf(browser.lastBody), /För många försök/);
  });
});
