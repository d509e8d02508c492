// No request is answered with 500 because its input is merely too long, malformed or of the
// wrong type. Two sweeps over the demo federation:
//  1. every form the pages offer (found by crawling as each role) is posted back with every
//     field made 5,000 characters long, and once more with every field made a word where a
//     number belongs;
//  2. every registered route is called with each path parameter replaced by junk and an
//     over-long query string.
// Either may be refused (400, 404, 403, 409, 413, 429…), never with 500.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedDemo } from '../demo/demo-seeder.ts';
import { DEMO_PASSWORD } from '../demo/demo-plan.ts';
import { createTestApp, type TestApp } from '../../test/support/test-context.ts';
import { TestBrowser } from '../../test/support/test-browser.ts';

const LONG = 'å'.repeat(5_000);
/** Pages crawled per role; enough to reach one page of every kind in the demo. */
const PAGES_PER_ROLE = 120;

interface FoundForm {
  page: string;
  action: string;
  method: string;
  multipart: boolean;
  fields: string[];
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const pattern = (path: string) => path.replace(UUID, ':id').replace(/\/\d{4}(?=\/|$|\?)/g, '/:year').replace(/\?.*$/, '');

function decode(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

function formsOf(page: string, html: string): FoundForm[] {
  const forms: FoundForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attributes = match[1] ?? '';
    const body = match[2] ?? '';
    const action = decode(/\baction="([^"]*)"/.exec(attributes)?.[1] ?? page);
    const method = (/\bmethod="([^"]*)"/.exec(attributes)?.[1] ?? 'get').toLowerCase();
    const multipart = /multipart\/form-data/.test(attributes);
    const fields = [...new Set([...body.matchAll(/<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"/g)].map((field) => decode(field[1]!)))].filter((name) => name !== '_csrf');
    forms.push({ page, action, method, multipart, fields });
  }
  return forms;
}

function linksOf(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)].map((match) => decode(match[1]!)).filter((href) => href.startsWith('/'));
}

/** Links the crawl leaves alone: files, personal links, logging out. */
function crawlable(href: string): boolean {
  if (/\.(csv|xlsx|svg|png|json|pdf|docx|zip)(\?|$)/i.test(href)) return false;
  if (/^\/(api|s|o|static|assets)\//.test(href)) return false;
  return !/logout|logga-ut/i.test(href);
}

async function crawl(browser: TestBrowser): Promise<{ forms: FoundForm[]; pages: string[] }> {
  const queue = ['/'];
  const seen = new Set(queue);
  const seenPatterns = new Map<string, number>();
  const forms = new Map<string, FoundForm>();
  const pages: string[] = [];
  while (queue.length > 0 && pages.length < PAGES_PER_ROLE) {
    const url = queue.shift()!;
    const response = await browser.get(url);
    pages.push(url);
    assert.ok(response.status < 500, `GET ${url} answered ${response.status}`);
    if (response.status !== 200 || !String(response.headers['content-type'] ?? '').includes('text/html')) continue;
    for (const form of formsOf(url, response.body)) {
      const key = `${form.method} ${pattern(form.action)} ${form.fields.join(',')}`;
      if (!forms.has(key)) forms.set(key, form);
    }
    for (const href of linksOf(response.body)) {
      if (seen.has(href) || !crawlable(href)) continue;
      seen.add(href);
      const kind = pattern(href);
      const count = seenPatterns.get(kind) ?? 0;
      if (count >= 2) continue;
      seenPatterns.set(kind, count + 1);
      queue.push(href);
    }
  }
  return { forms: [...forms.values()], pages };
}

/** Submits a form with every field set to `value`, from a fresh copy of its page (for the CSRF token). */
async function submit(browser: TestBrowser, form: FoundForm, value: string): Promise<number> {
  const fields = Object.fromEntries(form.fields.map((name) => [name, value]));
  if (form.method === 'get') {
    const url = new URL(form.action, 'http://mogna.test');
    for (const [name, fieldValue] of Object.entries(fields)) url.searchParams.set(name, fieldValue);
    return (await browser.get(url.pathname + url.search)).status;
  }
  await browser.get(form.page);
  if (form.multipart) return (await browser.upload(form.action, { name: `${value.slice(0, 200)}.csv`, content: value })).status;
  return (await browser.post(form.action, fields)).status;
}

describe('no 500 for bad input', () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp('sqlite');
    await seedDemo(t.ctx);
  });
  after(async () => t?.close());

  for (const [role, email] of [
    ['coordinator', 'samordnare@granasa.example'],
    ['analyst', 'analytiker@demoforbundet.example'],
    ['operator', 'operator@mogna.example'],
  ] as const) {
    test(`every form a ${role} meets refuses over-long and wrongly typed values without a 500`, async () => {
      const browser = new TestBrowser(t.app);
      const login = await browser.logIn(email, DEMO_PASSWORD);
      assert.equal(login.status, 303, `the ${role} logs in`);
      const { forms, pages } = await crawl(browser);
      assert.ok(pages.length > 10, `the crawl reached only ${pages.length} pages: ${pages.join(', ')}`);
      const posted = forms.filter((form) => form.method === 'post' && !/logout|logga-ut/.test(form.action));
      assert.ok(posted.length >= 3, `only ${posted.length} forms found on ${pages.join(', ')}`);
      const failures: string[] = [];
      for (const form of forms) {
        if (/logout|logga-ut/.test(form.action)) continue;
        for (const value of [LONG, 'inte-ett-tal']) {
          const status = await submit(browser, form, value);
          if (status >= 500) failures.push(`${form.method.toUpperCase()} ${form.action} (${form.fields.join(', ')}) with ${value.length} characters: ${status}`);
        }
      }
      assert.deepEqual(failures, []);
    });
  }

  test('the login form refuses an over-long e-mail with 400, not 500', async () => {
    const browser = new TestBrowser(t.app);
    await browser.get('/login');
    const response = await browser.post('/login', { email: `${'a'.repeat(400)}@example.org`, password: LONG });
    assert.ok(response.status >= 400 && response.status < 500, `status ${response.status}`);
  });

  test('every route answers junk path parameters and an over-long query without a 500', async () => {
    const browser = new TestBrowser(t.app);
    await browser.logIn('operator@mogna.example', DEMO_PASSWORD);
    await browser.get('/');
    const routes = t.app.routeTable.filter((route) => route.method === 'GET' || route.method === 'POST');
    assert.ok(routes.length > 40, `only ${routes.length} routes registered`);
    const failures: string[] = [];
    for (const route of routes) {
      if (route.url.includes('*') || /logout/.test(route.url)) continue;
      for (const junk of ['x'.repeat(300), '2026', '-1', '%ZZ', '00000000-0000-0000-0000-000000000000']) {
        const path = route.url.replace(/:[A-Za-z]+/g, () => encodeURIComponent(junk));
        const url = `${path}?year=${'9'.repeat(400)}&unit=${LONG.slice(0, 600)}&lang=xx`;
        const status = route.method === 'GET' ? (await browser.get(url)).status : (await browser.post(url, { name: LONG, year: 'abc', email: LONG })).status;
        if (status >= 500) failures.push(`${route.method} ${route.url} with ${junk.slice(0, 12)}…: ${status}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});
