// Launches the system's Chromium (Debian's /usr/bin/chromium) through playwright-core for
// browser tests. Nothing is ever downloaded: without a Chromium the test fails in CI
// (CI=true) and is skipped locally with a message saying why.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '../../src/web/app.ts';
import { createTestContext, type TestContext } from './test-context.ts';
import type { TestDialect } from './test-databases.ts';

type AxeViolation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to drive: $CHROMIUM_PATH, /usr/bin/chromium, or whatever `which` finds. */
function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((path): path is string => Boolean(path));
  for (const path of candidates) if (executable(path)) return path;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (found && executable(found)) return found;
    } catch {
      // not on PATH
    }
  }
  return undefined;
}

/**
 * The `skip` option for a browser test: false when Chromium is there; a reason to skip
 * locally; in CI it throws, so a missing browser fails the run instead of passing silently.
 */
export function browserTestSkip(): false | string {
  if (findChromium()) return false;
  if (process.env.CI === 'true') throw new Error('Chromium is required for browser tests in CI but was not found (install Debian\'s chromium package or set CHROMIUM_PATH)');
  return 'Chromium not found (install chromium or set CHROMIUM_PATH): browser test skipped';
}

export async function launchChromium() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found (install chromium or set CHROMIUM_PATH)');
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/**
 * Starts Chromium while `setup` prepares the app and its data, so the two overlap. The browser
 * is handed to `keep` even when setup fails, so the test's `after` can close it.
 */
export async function launchChromiumWhile(setup: () => Promise<void>, keep: (browser: Browser) => void): Promise<void> {
  const launching = launchChromium();
  launching.catch(() => {}); // awaited below; this only keeps Node from calling it unhandled meanwhile
  try {
    await setup();
  } finally {
    keep(await launching);
  }
}

/** The WCAG 2.1 A and AA rules that every page must pass. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A phone's window (an iPhone 12–15): every page is checked at this width too (WCAG 1.4.10 reflow). */
export const PHONE_VIEWPORT = { width: 390, height: 844 };

async function analyze(page: Page): Promise<AxeViolation[]> {
  const axe = await import('@axe-core/playwright');
  return (await new axe.AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()).violations;
}

/**
 * Runs axe on the page at its own width and, when that is wider, again at phone width (the
 * window is narrowed for the second run and then restored); returns the violations, each
 * described with the width it was found at, one per line for an assertion message.
 */
export async function axeViolations(page: Page): Promise<{ violations: AxeViolation[]; report: string }> {
  const own = page.viewportSize();
  const runs: Array<{ width: string; violations: AxeViolation[] }> = [{ width: own ? `${own.width} px` : 'window', violations: await analyze(page) }];
  if (!own || own.width > PHONE_VIEWPORT.width) {
    await page.setViewportSize(PHONE_VIEWPORT);
    try {
      runs.push({ width: `${PHONE_VIEWPORT.width} px`, violations: await analyze(page) });
    } finally {
      if (own) await page.setViewportSize(own);
    }
  }
  const report = runs
    .flatMap(({ width, violations }) =>
      violations.map((violation) => `[${width}] ${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n${violation.nodes.map((node) => `    ${node.target.join(' ')} – ${node.failureSummary ?? ''}`).join('\n')}`),
    )
    .join('\n');
  return { violations: runs.flatMap((run) => run.violations), report };
}

/** A port that was free a moment ago on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ServedApp extends TestContext {
  app: FastifyInstance;
  /** http://127.0.0.1:<port>, also the app's PUBLIC_URL, so e-mailed links point here. */
  baseUrl: string;
}

/**
 * The real app listening on a random loopback port, with PUBLIC_URL set to that address.
 * The port is chosen before the app is built (links need it); if another process takes it
 * in between, a new port is tried.
 */
export async function serveTestApp(dialect: TestDialect, env: Record<string, string> = {}): Promise<ServedApp> {
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const context = await createTestContext(dialect, { ...env, PUBLIC_URL: baseUrl });
    const app = await buildApp(context.ctx);
    try {
      await app.listen({ port, host: '127.0.0.1' });
    } catch (error) {
      await app.close();
      await context.close();
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE' && attempt < 5) continue;
      throw error;
    }
    return {
      ...context,
      app,
      baseUrl,
      async close() {
        await app.close();
        await context.close();
      },
    };
  }
}
