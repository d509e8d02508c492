// One shared set-up for HTTP tests: a test app on the chosen dialect with the small world of
// fixtures.ts, and a logged-in browser per role, made on first use. Replaces the copied
// `before()` blocks that created a world and logged in each user by hand.
import assert from 'node:assert/strict';
import { createSmallWorld, PASSWORD, type SmallWorld } from './fixtures.ts';
import { createTestApp, type TestApp } from './test-context.ts';
import type { TestDialect } from './test-databases.ts';
import { TestBrowser } from './test-browser.ts';

/** The roles of the small world: each is one account of `SmallWorld['users']`. */
type WorldRole = keyof SmallWorld['users'];

export interface LoggedInWorld {
  t: TestApp;
  world: SmallWorld;
  /** A browser logged in as the role's account (the same browser on every call). */
  as(role: WorldRole): Promise<TestBrowser>;
  /** A browser logged in as another account the suite made itself (with fixtures' PASSWORD). */
  asAccount(email: string): Promise<TestBrowser>;
  /** Logs every role in (for suites that then use `browser`). */
  logInAll(): Promise<void>;
  /** The browser of a role already logged in through `as` or `logInAll`. */
  browser(role: WorldRole): TestBrowser;
  /** A browser that has not logged in. */
  anonymous(): TestBrowser;
  close(): Promise<void>;
}

export async function openLoggedInWorld(
  dialect: TestDialect,
  env: Record<string, string> = {},
  overrides: Parameters<typeof createTestApp>[2] = {},
): Promise<LoggedInWorld> {
  const t = await createTestApp(dialect, env, overrides);
  const world = await createSmallWorld(t.ctx);
  // Keyed by e-mail address, so a role and `asAccount` of the same address share one browser.
  const browsers = new Map<string, TestBrowser>();
  const loggedIn: LoggedInWorld = {
    t,
    world,
    as: (role) => loggedIn.asAccount(world.users[role]),
    async asAccount(email) {
      const known = browsers.get(email);
      if (known) return known;
      const browser = new TestBrowser(t.app);
      const login = await browser.logIn(email, PASSWORD);
      assert.equal(login.status, 303, `${email} logs in`);
      browsers.set(email, browser);
      return browser;
    },
    async logInAll() {
      for (const role of Object.keys(world.users) as WorldRole[]) await loggedIn.as(role);
    },
    browser(role) {
      const known = browsers.get(world.users[role]);
      assert.ok(known, `${role} has logged in (call as() or logInAll() in before())`);
      return known;
    },
    anonymous: () => new TestBrowser(t.app),
    close: () => t.close(),
  };
  return loggedIn;
}
