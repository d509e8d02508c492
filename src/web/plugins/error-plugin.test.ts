// The error plugin alone, on a bare Fastify: every error becomes a catalogue code with its status,
// a page or JSON under /api/, never the raw message; a missing login on a page redirects to it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { z } from 'zod';
import { anonymous } from '../../app/actor.ts';
import { AppError } from '../../app/errors.ts';
import errorPlugin, { errorCodeOf } from './error-plugin.ts';
import localePlugin from './locale-plugin.ts';

async function bareApp() {
  const app = Fastify({ logger: false });
  await app.register(cookie);
  await app.register(localePlugin, { secureCookies: false });
  await app.register(errorPlugin);
  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (request) => {
    request.actor = anonymous;
  });
  app.get('/forbidden', async () => {
    throw new AppError('forbidden', 'secret detail');
  });
  app.get('/crash', async () => {
    throw new Error('database password is hunter2');
  });
  app.get('/login-needed', async () => {
    throw new AppError('unauthenticated');
  });
  app.get('/api/thing', async (request) => z.object({ name: z.string().max(3) }).parse(request.query));
  return app;
}

test('an AppError answers with its status and its text, not its detail', async () => {
  const app = await bareApp();
  const response = await app.inject({ url: '/forbidden' });
  assert.equal(response.statusCode, 403);
  assert.match(response.headers['content-type'] as string, /text\/html/);
  assert.doesNotMatch(response.body, /secret detail/);
});

test('an unexpected error is a 500 page that does not show its message', async () => {
  const app = await bareApp();
  const response = await app.inject({ url: '/crash' });
  assert.equal(response.statusCode, 500);
  assert.doesNotMatch(response.body, /hunter2/);
});

test('an unknown path is the not-found page', async () => {
  const app = await bareApp();
  assert.equal((await app.inject({ url: '/nowhere' })).statusCode, 404);
});

test('a page that needs a login redirects to it, with the way back', async () => {
  const app = await bareApp();
  const response = await app.inject({ url: '/login-needed?x=1' });
  assert.equal(response.statusCode, 302);
  assert.equal(response.headers.location, `/login?next=${encodeURIComponent('/login-needed?x=1')}`);
});

test('the API answers JSON with the code and each rejected field', async () => {
  const app = await bareApp();
  const response = await app.inject({ url: '/api/thing?name=toolong&lang=en' });
  assert.equal(response.statusCode, 400);
  const body = response.json();
  assert.equal(body.error.code, 'validation');
  assert.deepEqual(body.error.fields, [{ field: 'name', kind: 'too_long', max: 3 }]);
});

test('framework errors map to their catalogue codes', () => {
  assert.equal(errorCodeOf({ code: 'FST_CSRF_INVALID_TOKEN' }), 'csrf');
  assert.equal(errorCodeOf({ code: 'FST_REQ_FILE_TOO_LARGE' }), 'payload_too_large');
  assert.equal(errorCodeOf({ statusCode: 429 }), 'rate_limited');
  assert.equal(errorCodeOf({ statusCode: 418 }), 'validation');
  assert.equal(errorCodeOf(new Error('x')), 'internal');
});
