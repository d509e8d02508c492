// The CSRF plugin alone, on a bare Fastify: safe methods pass, a POST needs the token issued with
// the secret cookie, taken from the body, the query string or the header.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify from 'fastify';
import { CSRF_COOKIE } from '../csrf-secret.ts';
import csrfPlugin from './csrf-plugin.ts';

async function bareApp() {
  const app = Fastify();
  await app.register(cookie);
  await app.register(formbody);
  await app.register(csrfPlugin, { cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: false, signed: false } });
  app.get('/form', async (_request, reply) => ({ token: reply.generateCsrf() }));
  app.post('/change', async () => ({ changed: true }));
  return app;
}

async function tokenAndSecret(app: Awaited<ReturnType<typeof bareApp>>) {
  const response = await app.inject({ url: '/form' });
  const secret = response.cookies.find((c) => c.name === CSRF_COOKIE)?.value;
  assert.ok(secret, 'the form sets the secret cookie');
  return { token: response.json().token as string, secret };
}

test('a GET needs no token', async () => {
  const app = await bareApp();
  assert.equal((await app.inject({ url: '/form' })).statusCode, 200);
});

test('a POST without a token is refused', async () => {
  const app = await bareApp();
  const { secret } = await tokenAndSecret(app);
  const response = await app.inject({ method: 'POST', url: '/change', cookies: { [CSRF_COOKIE]: secret }, payload: { a: '1' } });
  assert.equal(response.statusCode, 403);
});

test('a POST with the token in the form body, the query or the header passes', async () => {
  const app = await bareApp();
  const { token, secret } = await tokenAndSecret(app);
  const cookies = { [CSRF_COOKIE]: secret };
  const inBody = await app.inject({ method: 'POST', url: '/change', cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(token)}` });
  assert.equal(inBody.statusCode, 200);
  const inQuery = await app.inject({ method: 'POST', url: `/change?_csrf=${encodeURIComponent(token)}`, cookies, payload: {} });
  assert.equal(inQuery.statusCode, 200);
  const inHeader = await app.inject({ method: 'POST', url: '/change', cookies, headers: { 'x-csrf-token': token }, payload: {} });
  assert.equal(inHeader.statusCode, 200);
});

test("a token does not pass with another browser's secret", async () => {
  const app = await bareApp();
  const first = await tokenAndSecret(app);
  const second = await tokenAndSecret(app);
  const response = await app.inject({ method: 'POST', url: '/change', cookies: { [CSRF_COOKIE]: second.secret }, headers: { 'x-csrf-token': first.token }, payload: {} });
  assert.equal(response.statusCode, 403);
});
