// The security headers on a bare Fastify: the same headers and values helmet's own middleware
// sets, on every reply including errors.
import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';
import Fastify from 'fastify';
import helmet from 'helmet';
import securityHeadersPlugin, { helmetHeaders } from './security-headers-plugin.ts';

const options = {
  contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'], frameAncestors: ["'none'"] } },
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'no-referrer' as const },
};

/** What helmet's middleware sets on a real Node response. */
async function headersFromHelmetItself(): Promise<Record<string, string>> {
  const middleware = helmet(options);
  const server = http.createServer((request, response) => middleware(request, response, () => response.end()));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  try {
    const response = await fetch(`http://127.0.0.1:${port}/`);
    const set: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (!['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name)) set[name] = value;
    });
    return set;
  } finally {
    server.close();
  }
}

test('the headers computed once are exactly those helmet sets', async () => {
  assert.deepEqual({ ...helmetHeaders(options) }, await headersFromHelmetItself());
  assert.match(helmetHeaders(options)['content-security-policy']!, /frame-ancestors 'none'/);
  assert.equal(helmetHeaders(options)['strict-transport-security'], undefined);
});

test('every reply carries them, a 404 and an error too', async () => {
  const app = Fastify();
  await app.register(securityHeadersPlugin, options);
  app.get('/ok', async () => 'ok');
  app.get('/fails', async () => {
    throw new Error('boom');
  });
  for (const url of ['/ok', '/missing', '/fails']) {
    const response = await app.inject({ url });
    assert.equal(response.headers['x-content-type-options'], 'nosniff', url);
    assert.equal(response.headers['referrer-policy'], 'no-referrer', url);
    assert.match(String(response.headers['content-security-policy']), /default-src 'self'/, url);
  }
});

test('options helmet refuses fail at registration, not on a request', () => {
  assert.throws(() => helmetHeaders({ contentSecurityPolicy: { directives: { defaultSrc: ['self'] } } }));
});
