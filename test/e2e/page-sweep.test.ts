// A sweep over every kind of page of the demo federation, for three roles (a member's
// coordinator, the federation analyst, the operator): a crawler follows the links in <main>
// and checks each page it reaches — status 200, one h1, <html lang>, axe WCAG 2.1 A/AA, no
// console errors (CSP) — and then reads the English version of one page per route pattern,
// looking for Swedish left in the interface. New pages are covered as soon as a link leads there.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedDemo } from '../../src/demo/demo-seeder.ts';
import { DEMO_PASSWORD } from '../../src/demo/demo-plan.ts';
import { insertRound } from '../../src/modules/rounds/repository.ts';
import { axeViolations, browserTestSkip, launchChromiumWhile, serveTestApp, type ServedApp } from '../support/browser.ts';
import { logIn } from '../support/e2e-page.ts';

const skip = browserTestSkip();

/**
 * Pages checked per route pattern (the first ones the crawler finds). Two per pattern keep the
 * sweep near two minutes on 2 cores; lower this if the demo grows and the sweep gets slow.
 */
const PER_PATTERN = 2;
/** At most this many pages per role. */
const PER_ROLE = 60;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The route pattern of a same-origin path: ids, years and tokens become placeholders, query
 * parameters keep only their names. `/rounds/<uuid>/results?unit=x` → `/rounds/:id/results?unit`.
 */
export function routePattern(url: URL): string {
  const path = url.pathname
    .split('/')
    .map((segment) => {
      if (segment === '') return segment;
      if (UUID.test(segment)) return segment.replace(new RegExp(UUID.source, 'gi'), ':id');
      if (/^\d{4}$/.test(segment)) return ':year';
      if (/^\d+$/.test(segment)) return ':n';
      // Tokens: long runs of letters and digits mixing both, as in invitation or survey links.
      if (segment.length >= 16 && /\d/.test(segment) && /[a-z]/i.test(segment) && !segment.includes('-')) return ':token';
      return segment;
    })
    .join('/');
  const keys = [...new Set([...url.searchParams.keys()].filter((key) => key !== 'lang'))].sort();
  return keys.length > 0 ? `${path}?${keys.join('&')}` : path;
}

/** Links the crawler never follows: files, the API, personal survey links, logging out. */
export function followable(url: URL, origin: string, download: boolean): boolean {
  if (url.origin !== origin || download) return false;
  if (/\.(csv|xlsx|svg|png|json|pdf|docx|zip)$/i.test(url.pathname)) return false;
  if (/^\/(api|s|o|static|assets)\//.test(url.pathname)) return false;
  if (/logout|logga-ut/i.test(url.pathname)) return false;
  return true;
}

// Swedish function words that have no place in an English interface. Names of places,
// organisations and people rarely contain them as separate words.
const SWEDISH_WORDS = ['och', 'att', 'för', 'inte', 'eller', 'med', 'är', 'som', 'av', 'på', 'vid', 'ska', 'kan', 'har', 'ett', 'det', 'finns', 'saknas', 'alla', 'inga', 'enligt', 'eftersom', 'kommun'];
const SWEDISH = new RegExp(`(?:^|[\\s(“"'])(?:${SWEDISH_WORDS.join('|')})(?=[\\s,.:;!?)”"']|$)`, 'iu');
/** A word spelt with å, ä or ö: English has none, so outside data it is Swedish left behind. */
const SWEDISH_LETTERS = /\p{L}*[åäö]\p{L}*/iu;

/**
 * Lines of visible text in the English page that read as Swedish, once the data in them is
 * masked: `data` holds the values users and importers wrote (names of organisations, units,
 * people, rounds, accounts, comments), which stay in the language they were written in.
 */
export function swedishLines(lines: string[], data: string[] = []): string[] {
  const values = [...new Set(data.map((value) => value.replace(/\s+/g, ' ').trim()).filter((value) => value.length >= 3))].sort((a, b) => b.length - a.length);
  return lines
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => {
      if (line === '') return false;
      let masked = line;
      for (const value of values) if (masked.includes(value)) masked = masked.split(value).join(' · ');
      return SWEDISH.test(masked) || SWEDISH_LETTERS.test(masked);
    });
}

/** Everything in the database that users or importers wrote: data, not interface text. */
async function dataValues(served: ServedApp): Promise<string[]> {
  const db = served.ctx.db;
  const columns = await Promise.all([
    db.selectFrom('organisations').select('name as value').execute(),
    db.selectFrom('units').select('name as value').execute(),
    db.selectFrom('users').select('name as value').execute(),
    db.selectFrom('rounds').select('name as value').execute(),
    db.selectFrom('respondents').select('name as value').execute(),
    db.selectFrom('respondents').select('role as value').execute(),
    db.selectFrom('answers').select('comment as value').execute(),
    db.selectFrom('cost_ledger_accounts').select('name as value').execute(),
    db.selectFrom('cost_ledger_centres').select('name as value').execute(),
    db.selectFrom('cost_rules').select('comment as value').execute(),
    db.selectFrom('cost_rules').select('name_contains as value').execute(),
    db.selectFrom('reference_values').select('source as value').execute(),
    db.selectFrom('outbox').select('subject as value').execute(),
    db.selectFrom('outbox').select('body as value').execute(),
  ]);
  return columns.flat().flatMap((row) => (row.value ? String(row.value).split('\n') : []));
}

/** Console errors and uncaught page errors, gathered as the page reports them (sweepRole empties it per page). */
function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

interface Visit {
  url: string;
  pattern: string;
  /** The page whose link led here. */
  from: string;
}

interface RoleSweep {
  visited: Visit[];
  problems: string[];
}

/**
 * Crawls from the start paths, breadth first. The start paths are always visited (pages the
 * links of the demo may not reach first); they do not count against the limit per pattern.
 */
async function sweepRole(page: Page, baseUrl: string, consoleErrors: string[], perPatternLimit: number, starts = ['/'], loggedIn = true): Promise<RoleSweep> {
  const origin = new URL(baseUrl).origin;
  const queue: Array<{ url: string; from: string; start?: true }> = starts.map((path) => ({ url: `${baseUrl}${path}`, from: '', start: true }));
  const seen = new Set<string>(queue.map((entry) => entry.url));
  const perPattern = new Map<string, number>();
  const visited: Visit[] = [];
  const problems: string[] = [];

  while (queue.length > 0 && visited.length < PER_ROLE) {
    const { url, from, start } = queue.shift()!;
    const pattern = routePattern(new URL(url));
    if (!start) {
      if ((perPattern.get(pattern) ?? 0) >= perPatternLimit) continue;
      perPattern.set(pattern, (perPattern.get(pattern) ?? 0) + 1);
    }
    visited.push({ url, pattern, from });

    consoleErrors.length = 0;
    const response = await page.goto(url);
    const where = `${pattern} (${url.slice(baseUrl.length)}, linked from ${from.slice(baseUrl.length) || 'nowhere'})`;
    if (response?.status() !== 200) problems.push(`${where}: status ${response?.status() ?? 'none'}`);
    if (loggedIn && new URL(page.url()).pathname === '/login' && new URL(url).pathname !== '/login') problems.push(`${where}: redirected to the login page`);
    const h1 = await page.locator('h1').count();
    if (h1 !== 1) problems.push(`${where}: ${h1} h1 elements`);
    const lang = await page.locator('html').getAttribute('lang');
    if (!lang) problems.push(`${where}: <html> has no lang`);
    const { violations, report } = await axeViolations(page);
    if (violations.length > 0) problems.push(`${where}: axe\n  ${report.replace(/\n/g, '\n  ')}`);
    if (consoleErrors.length > 0) problems.push(`${where}: console errors\n  ${consoleErrors.join('\n  ')}`);
    for (const finding of await structure(page)) problems.push(`${where}: ${finding}`);

    // The links in <main>, the header's (account, operator pages) and the footer's
    // (accessibility statement); the language switch leads back to this page, already seen.
    const links = await page.locator('main a[href], header a[href], footer a[href]').evaluateAll((anchors) =>
      anchors.map((anchor) => ({ href: (anchor as HTMLAnchorElement).href, download: anchor.hasAttribute('download') })),
    );
    for (const link of links) {
      let target: URL;
      try {
        target = new URL(link.href);
      } catch {
        continue;
      }
      target.hash = '';
      target.searchParams.delete('lang');
      if (!followable(target, origin, link.download)) continue;
      const key = target.toString();
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push({ url: key, from: url });
    }
  }
  return { visited, problems };
}

/**
 * What axe's WCAG rule set leaves to best practice but the project's bar requires: ids are
 * unique (labels and aria references point at one element), headings go down one level at a
 * time, and every data table has a caption and header cells.
 */
function structure(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const findings: string[] = [];
    const ids = new Map<string, number>();
    for (const element of Array.from(document.querySelectorAll('[id]'))) ids.set(element.id, (ids.get(element.id) ?? 0) + 1);
    for (const [id, count] of ids) if (count > 1) findings.push(`id "${id}" is used ${count} times`);
    let previous = 0;
    for (const heading of Array.from(document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6'))) {
      const level = Number(heading.tagName.slice(1));
      if (previous > 0 && level > previous + 1) findings.push(`heading “${(heading.textContent ?? '').trim()}” (h${level}) follows an h${previous}`);
      previous = level;
    }
    for (const table of Array.from(document.querySelectorAll('main table'))) {
      if (table.getAttribute('role') === 'presentation') continue;
      const name = (table.querySelector('caption')?.textContent ?? table.getAttribute('aria-label') ?? '').trim() || table.getAttribute('aria-labelledby');
      if (!name) findings.push(`a table without caption: “${(table.textContent ?? '').trim().slice(0, 60)}”`);
      if (!table.querySelector('th')) findings.push(`a table without header cells: “${(table.textContent ?? '').trim().slice(0, 60)}”`);
    }
    return findings;
  });
}

/**
 * The text of <main>, one entry per block (paragraph, cell, item, label…), including closed
 * disclosures but not hidden elements, pictures (the charts' SVG), form values or text marked lang="sv"
 * (declared Swedish, so a screen reader reads it as such); then the accessible names and
 * alternatives given in attributes, and the page's <title>.
 */
function textBlocks(page: Page): Promise<string[]> {
  return page.locator('main').evaluate((main) => {
    const blocks = new Map<Element, string>();
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('[lang]:not(html)')?.getAttribute('lang')?.startsWith('sv')) continue;
      // A textarea holds a value being edited (the cost rules as CSV), not interface text.
      if (parent.closest('script, style, svg, textarea, [hidden], [aria-hidden="true"]')) continue;
      const style = getComputedStyle(parent);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const block = parent.closest('p, li, td, th, caption, h1, h2, h3, h4, label, legend, dt, dd, summary, figcaption, a, button, option, div') ?? parent;
      blocks.set(block, `${blocks.get(block) ?? ''}${node.textContent ?? ''}`);
    }
    // What a screen reader says instead of or besides the text: names, alternatives, hints,
    // and the page's title.
    const spoken: string[] = [document.title];
    for (const element of Array.from(main.querySelectorAll('[aria-label], [alt], [title], [placeholder]'))) {
      if (element.closest('[lang]:not(html)')?.getAttribute('lang')?.startsWith('sv')) continue;
      for (const name of ['aria-label', 'alt', 'title', 'placeholder']) {
        const value = element.getAttribute(name);
        if (value) spoken.push(value);
      }
    }
    return [...blocks.values(), ...spoken];
  });
}

/** One page per pattern, in English: Swedish words in the visible text of <main>. */
async function englishSweep(page: Page, visited: Visit[], data: string[]): Promise<string[]> {
  const findings: string[] = [];
  const done = new Set<string>();
  for (const { url, pattern } of visited) {
    if (done.has(pattern)) continue;
    done.add(pattern);
    const english = new URL(url);
    english.searchParams.set('lang', 'en');
    await page.goto(english.toString());
    const lang = await page.locator('html').getAttribute('lang');
    if (lang !== 'en') findings.push(`${pattern}: the English page has <html lang="${lang ?? ''}">`);
    const lines = await textBlocks(page);
    for (const line of new Set(swedishLines(lines, data))) findings.push(`${pattern}: “${line.length > 140 ? `${line.slice(0, 140)}…` : line}”`);
  }
  return findings;
}

describe('browser: every kind of page, three roles', { skip }, () => {
  let served: ServedApp;
  let browser: Browser;
  let data: string[];
  let draftRoundId: string;

  before(async () => {
    await launchChromiumWhile(
      async () => {
        served = await serveTestApp('sqlite');
        await seedDemo(served.ctx);
        // The demo's joint assessments are all submitted; an open round with both joint
        // instruments lets the crawler reach the answering pages (questions, review, assign).
        const granasa = await served.ctx.db.selectFrom('organisations').select('id').where('name', '=', 'Granåsa kommun').executeTakeFirstOrThrow();
        await insertRound(served.ctx, granasa.id, { name: 'Gemensamma bedömningar 2026', year: 2026, instrumentKeys: ['formagekarta', 'informationssakerhet'], openLink: false, status: 'open' });
        // And a draft round, whose page holds the forms for respondents and opening.
        draftRoundId = await insertRound(served.ctx, granasa.id, { name: 'Digital mognad 2027', year: 2027, instrumentKeys: ['digital-mognad'], openLink: true, status: 'draft' });
        data = await dataValues(served);
      },
      (launched) => (browser = launched),
    );
  });

  after(async () => {
    await browser?.close();
    await served?.close();
  });

  test('route patterns and the links the crawler leaves alone', () => {
    const base = 'http://127.0.0.1:3000';
    assert.equal(routePattern(new URL(`${base}/rounds/0b6f7c1e-1a2b-4c3d-8e9f-001122334455/results?unit=x&lang=en`)), '/rounds/:id/results?unit');
    assert.equal(routePattern(new URL(`${base}/org/0b6f7c1e-1a2b-4c3d-8e9f-001122334455/costs/2025/towers`)), '/org/:id/costs/:year/towers');
    assert.equal(routePattern(new URL(`${base}/invite/Ab3dEf6hIj9kLm2nOp5q`)), '/invite/:token');
    assert.equal(routePattern(new URL(`${base}/org/x/maturity/digital-mognad`)), '/org/x/maturity/digital-mognad');
    assert.equal(followable(new URL(`${base}/rounds/1/results.csv`), base, false), false);
    assert.equal(followable(new URL(`${base}/s/abc`), base, false), false);
    assert.equal(followable(new URL(`${base}/api/rounds/1/results`), base, false), false);
    assert.equal(followable(new URL(`${base}/rounds/1`), base, true), false);
    assert.equal(followable(new URL('https://example.org/rounds/1'), base, false), false);
    assert.equal(followable(new URL(`${base}/rounds/1`), base, false), true);
    assert.deepEqual(swedishLines(['Results for Granåsa kommun', 'Visa resultat för enheten', 'Mean (n = 4)', 'Digital mognad och IT-kostnader'], ['Granåsa kommun']), [
      'Visa resultat för enheten',
      'Digital mognad och IT-kostnader',
    ]);
    assert.deepEqual(swedishLines(['Download', 'Välj år', 'Kommun 3', 'Member 3']), ['Välj år', 'Kommun 3']);
    // A unit named in Swedish is data; the sentence around it is not.
    assert.deepEqual(swedishLines(['Units: Vård och omsorg', 'Vård och omsorg har inga svar'], ['Vård och omsorg']), ['Vård och omsorg har inga svar']);
  });

  test('logged out: the login page, the accessibility statement and the error page pass; in English too', async () => {
    const context = await browser.newContext({ locale: 'sv-SE' });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const consoleErrors = collectConsoleErrors(page);
      const { visited, problems } = await sweepRole(page, served.baseUrl, consoleErrors, 1, ['/login'], false);
      const patterns = visited.map((visit) => visit.pattern);
      for (const expected of ['/login', '/tillganglighet']) assert.ok(patterns.includes(expected), `${expected} was reached (${patterns.join(', ')})`);
      const swedish = await englishSweep(page, visited, data);
      const report = [...problems, ...(swedish.length > 0 ? [`Swedish text on English pages:\n  ${swedish.join('\n  ')}`] : [])];
      assert.equal(report.length, 0, `logged out: ${report.length} problems\n${report.join('\n')}`);

      // The error page is a page too.
      const missing = await page.goto(`${served.baseUrl}/finns-inte`);
      assert.equal(missing?.status(), 404);
      assert.equal(await page.locator('h1').count(), 1);
      assert.ok(await page.locator('html').getAttribute('lang'));
      const { violations, report: axeReport } = await axeViolations(page);
      assert.equal(violations.length, 0, `axe on the error page:\n${axeReport}`);

      // The structure checks find what they look for.
      await page.setContent('<html lang="en"><body><main><h1 id="a">T</h1><h3 id="a">U</h3><table><tr><td>x</td></tr></table></main></body></html>');
      assert.deepEqual(await structure(page), ['id "a" is used 2 times', 'heading “U” (h3) follows an h1', 'a table without caption: “x”', 'a table without header cells: “x”']);
      // Declared Swedish, form values and hidden text are left alone; an accessible name is read.
      await page.setContent('<html lang="en"><body><main><p>Words: <span lang="sv">molntjänst</span></p><textarea>för</textarea><p hidden>och</p><button aria-label="Stäng">x</button></main></body></html>');
      assert.deepEqual(swedishLines(await textBlocks(page)), ['Stäng']);
    } finally {
      await context.close();
    }
  });

  // Per role: who logs in, where the crawl starts, and kinds of page it must reach (so a
  // broken link or a moved page shows here rather than silently shrinking the sweep).
  const cost = ['/org/:id/costs', '/org/:id/costs/:year', '/org/:id/costs/:year/comparison', '/org/:id/costs/:year/towers', '/org/:id/costs/:year/centres', '/org/:id/costs/rules?year'];
  const federation = ['/org/:id/maturity/digital-mognad', '/org/:id/compare/formagekarta', '/org/:id/compare/informationssakerhet'];
  const reports = ['/org/:id/reports/:year', '/org/:id/reports/:year/member'];
  for (const [role, email, starts, mustReach] of [
    [
      'member coordinator',
      'samordnare@granasa.example',
      () => ['/', `/rounds/${draftRoundId}`],
      ['/account', '/rounds/:id', '/rounds/:id/results', '/rounds/:id/outbox', '/org/:id/rounds/new', '/rounds/:id/joint/formagekarta/page/:n', '/rounds/:id/joint/assign', '/rounds/:id/joint/formagekarta/results', ...federation, ...cost, ...reports],
    ],
    ['federation analyst', 'analytiker@demoforbundet.example', () => ['/'], ['/account', '/rounds/:id/results', ...federation, ...cost, ...reports, '/org/:id/reports/:year/federation']],
    ['operator', 'operator@mogna.example', () => ['/'], ['/operator', '/operator/benchmarks', '/account', '/rounds/:id/results', ...federation, ...cost]],
  ] as const) {
    test(`${role}: every page reached passes; the English pages hold no Swedish`, async () => {
      const context: BrowserContext = await browser.newContext({ locale: 'sv-SE' });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        const consoleErrors = collectConsoleErrors(page);
        await logIn(page, served.baseUrl, email, DEMO_PASSWORD);
        // The detector works on the real page: the Swedish start page is found Swedish.
        assert.ok(swedishLines(await textBlocks(page), data).length > 0, 'the Swedish start page reads as Swedish');
        const { visited, problems } = await sweepRole(page, served.baseUrl, consoleErrors, PER_PATTERN, starts());
        const patterns = [...new Set(visited.map((visit) => visit.pattern))];
        console.log(`${role}: ${visited.length} pages, ${patterns.length} patterns\n  ${patterns.join('\n  ')}`);
        const missed = mustReach.filter((pattern) => !patterns.includes(pattern));
        assert.deepEqual(missed, [], `${role}: the crawler did not reach these kinds of page`);
        const swedish = await englishSweep(page, visited, data);
        const report = [
          ...problems,
          ...(swedish.length > 0 ? [`Swedish text on English pages:\n  ${swedish.join('\n  ')}`] : []),
        ];
        assert.equal(report.length, 0, `${role}: ${report.length} problems\n${report.join('\n')}`);
      } finally {
        await context.close();
      }
    });
  }
});
