// The session plugin alone, on a bare Fastify with a real database: a valid session cookie gives
// the user as actor (and their language when the request chose none); anything else is anonymous;
// survey and static paths never read the session.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { logIn } from '../../modules/auth/session-service.ts';
import { createSmallWorld, PASSWORD, type SmallWorld } from '../../../test/support/fixtures.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import localePlugin from './locale-plugin.ts';
import sessionPlugin, { SESSION_COOKIE, skipsSession } from './session-plugin.ts';

let t: TestContext;
let world: SmallWorld;
let app: FastifyInstance;
let token: string;

before(async () => {
  t = await createTestContext('sqlite');
  world = await createSmallWorld(t.ctx);
  app = Fastify();
  await app.register(cookie);
  await app.register(localePlugin, { secureCookies: false });
  await app.register(sessionPlugin, { ctx: t.ctx });
  const whoAmI = async (request: { actor: { kind: string; userId?: string } }) => ({ kind: request.actor.kind, userId: request.actor.userId ?? null });
  app.get('/who', whoAmI);
  app.get('/s/:token', whoAmI);
  const outcome = await logIn(t.ctx, world.users.coordinatorA, PASSWORD);
  assert.equal(outcome.kind, 'ok');
  token = outcome.kind === 'ok' ? outcome.token : '';
});

after(async () => {
  await app.close();
  await t.close();
});

test('without a cookie the actor is anonymous', async () => {
  assert.equal((await app.inject({ url: '/who' })).json().kind, 'anonymous');
});

test('a valid session cookie gives its user', async () => {
  const body = (await app.inject({ url: '/who', cookies: { [SESSION_COOKIE]: token } })).json();
  assert.equal(body.kind, 'user');
  assert.ok(body.userId);
});

test('an unknown session token is anonymous', async () => {
  assert.equal((await app.inject({ url: '/who', cookies: { [SESSION_COOKIE]: 'made-up' } })).json().kind, 'anonymous');
});

test('survey links and static files do not read the session', async () => {
  assert.equal((await app.inject({ url: '/s/abc', cookies: { [SESSION_COOKIE]: token } })).json().kind, 'anonymous');
  assert.equal(skipsSession('/static/style.css'), true);
  assert.equal(skipsSession('/org/1'), false);
});
