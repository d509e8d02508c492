// The CSRF plugin alone, on a bare Fastify: safe methods pass, a POST needs the token issued with
// the secret cookie, taken from the body or the header, never from the query string; a multipart
// form carries it as a field before its file, and a refused upload's file is never read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify from 'fastify';
import { CSRF_COOKIE } from '../csrf-secret.ts';
import { uploadedFile } from '../multipart-upload.ts';
import csrfPlugin from './csrf-plugin.ts';

async function bareApp() {
  const app = Fastify();
  const received: string[] = [];
  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, { limits: { files: 1, fields: 10 } });
  await app.register(csrfPlugin, { cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: false, signed: false } });
  app.get('/form', async (_request, reply) => ({ token: reply.generateCsrf() }));
  app.post('/change', async () => ({ changed: true }));
  app.post('/upload', { config: { uploadLimits: { fileSize: 1024 } } }, async (request) => {
    const file = uploadedFile(request);
    if (!file) return { file: null };
    const content = (await file.toBuffer()).toString('utf8');
    received.push(content);
    return { file: file.filename, content };
  });
  return { app, received };
}

async function tokenAndSecret(app: Awaited<ReturnType<typeof bareApp>>['app']) {
  const response = await app.inject({ url: '/form' });
  const secret = response.cookies.find((c) => c.name === CSRF_COOKIE)?.value;
  assert.ok(secret, 'the form sets the secret cookie');
  return { token: response.json().token as string, secret };
}

function multipartBody(fields: Array<[string, string]>, file: { name: string; content: string } | null, order: 'fields-first' | 'file-first' = 'fields-first') {
  const boundary = '----csrftest';
  const fieldParts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const fileParts = file ? [`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/plain\r\n\r\n${file.content}\r\n`] : [];
  const parts = order === 'fields-first' ? [...fieldParts, ...fileParts] : [...fileParts, ...fieldParts];
  return { payload: `${parts.join('')}--${boundary}--\r\n`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

test('a GET needs no token', async () => {
  const { app } = await bareApp();
  assert.equal((await app.inject({ url: '/form' })).statusCode, 200);
});

test('a POST without a token is refused', async () => {
  const { app } = await bareApp();
  const { secret } = await tokenAndSecret(app);
  const response = await app.inject({ method: 'POST', url: '/change', cookies: { [CSRF_COOKIE]: secret }, payload: { a: '1' } });
  assert.equal(response.statusCode, 403);
});

test('a POST with the token in the form body or the header passes', async () => {
  const { app } = await bareApp();
  const { token, secret } = await tokenAndSecret(app);
  const cookies = { [CSRF_COOKIE]: secret };
  const inBody = await app.inject({ method: 'POST', url: '/change', cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(token)}` });
  assert.equal(inBody.statusCode, 200);
  const inHeader = await app.inject({ method: 'POST', url: '/change', cookies, headers: { 'x-csrf-token': token }, payload: {} });
  assert.equal(inHeader.statusCode, 200);
});

test('a token in the query string is not accepted, for a form or an upload', async () => {
  const { app, received } = await bareApp();
  const { token, secret } = await tokenAndSecret(app);
  const cookies = { [CSRF_COOKIE]: secret };
  const form = await app.inject({ method: 'POST', url: `/change?_csrf=${encodeURIComponent(token)}`, cookies, payload: {} });
  assert.equal(form.statusCode, 403);
  const upload = await app.inject({ method: 'POST', url: `/upload?_csrf=${encodeURIComponent(token)}`, cookies, ...multipartBody([], { name: 'a.txt', content: 'secret' }) });
  assert.equal(upload.statusCode, 403);
  assert.deepEqual(received, [], 'the refused file was never read');
});

test('an upload carries its token as the field before the file; without it, or after the file, it is refused unread', async () => {
  const { app, received } = await bareApp();
  const { token, secret } = await tokenAndSecret(app);
  const cookies = { [CSRF_COOKIE]: secret };

  const missing = await app.inject({ method: 'POST', url: '/upload', cookies, ...multipartBody([['note', 'x']], { name: 'a.txt', content: 'one' }) });
  assert.equal(missing.statusCode, 403);
  const wrong = await app.inject({ method: 'POST', url: '/upload', cookies, ...multipartBody([['_csrf', 'forged']], { name: 'a.txt', content: 'two' }) });
  assert.equal(wrong.statusCode, 403);
  const afterFile = await app.inject({ method: 'POST', url: '/upload', cookies, ...multipartBody([['_csrf', token]], { name: 'a.txt', content: 'three' }, 'file-first') });
  assert.equal(afterFile.statusCode, 403);
  assert.deepEqual(received, [], 'no refused file was read');

  const good = await app.inject({ method: 'POST', url: '/upload', cookies, ...multipartBody([['_csrf', token]], { name: 'a.txt', content: 'four' }) });
  assert.equal(good.statusCode, 200);
  assert.deepEqual(good.json(), { file: 'a.txt', content: 'four' });
  const noFile = await app.inject({ method: 'POST', url: '/upload', cookies, ...multipartBody([['_csrf', token]], null) });
  assert.deepEqual(noFile.json(), { file: null });
  const byHeader = await app.inject({ method: 'POST', url: '/upload', cookies, ...multipartBody([], { name: 'b.txt', content: 'five' }), headers: { ...multipartBody([], null).headers, 'x-csrf-token': token } });
  assert.equal(byHeader.statusCode, 200);
});

test("a token does not pass with another browser's secret", async () => {
  const { app } = await bareApp();
  const first = await tokenAndSecret(app);
  const second = await tokenAndSecret(app);
  const response = await app.inject({ method: 'POST', url: '/change', cookies: { [CSRF_COOKIE]: second.secret }, headers: { 'x-csrf-token': first.token }, payload: {} });
  assert.equal(response.statusCode, 403);
});
