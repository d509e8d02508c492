// The locale plugin alone, on a bare Fastify: ?lang= wins and is remembered, then the cookie,
// then Swedish; an account's language applies only when the request chose none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import localePlugin, { applyDefaultLocale, LOCALE_COOKIE } from './locale-plugin.ts';

async function bareApp() {
  const app = Fastify();
  await app.register(cookie);
  await app.register(localePlugin, { secureCookies: false });
  app.get('/', async (request) => {
    applyDefaultLocale(request, request.headers['x-account-locale']);
    return { locale: request.locale, home: request.m.common.home, chosen: request.localeChosen };
  });
  return app;
}

test('a request with no language is answered in Swedish', async () => {
  const app = await bareApp();
  const response = await app.inject({ url: '/' });
  assert.equal(response.json().locale, 'sv');
  assert.equal(response.json().chosen, false);
});

test('?lang=en answers in English and remembers the choice in a cookie', async () => {
  const app = await bareApp();
  const response = await app.inject({ url: '/?lang=en' });
  assert.equal(response.json().locale, 'en');
  const set = response.cookies.find((c) => c.name === LOCALE_COOKIE);
  assert.equal(set?.value, 'en');
  assert.equal(set?.httpOnly, true);
});

test('the cookie chooses the language when the query does not', async () => {
  const app = await bareApp();
  const response = await app.inject({ url: '/', cookies: { [LOCALE_COOKIE]: 'en' } });
  assert.equal(response.json().locale, 'en');
  assert.notEqual(response.json().home, (await app.inject({ url: '/' })).json().home);
});

test('an unknown language is ignored', async () => {
  const app = await bareApp();
  const response = await app.inject({ url: '/?lang=xx', cookies: { [LOCALE_COOKIE]: 'de' } });
  assert.equal(response.json().locale, 'sv');
  assert.equal(response.cookies.find((c) => c.name === LOCALE_COOKIE), undefined);
});

test("an account's language applies only when the request chose none", async () => {
  const app = await bareApp();
  assert.equal((await app.inject({ url: '/', headers: { 'x-account-locale': 'en' } })).json().locale, 'en');
  assert.equal((await app.inject({ url: '/?lang=sv', headers: { 'x-account-locale': 'en' } })).json().locale, 'sv');
  assert.equal((await app.inject({ url: '/', cookies: { [LOCALE_COOKIE]: 'sv' }, headers: { 'x-account-locale': 'en' } })).json().locale, 'sv');
});
