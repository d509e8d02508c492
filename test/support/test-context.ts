// A complete app for tests: a fresh database of the chosen dialect, the real instruments, a
// clock the test can set, and a mail transport that records instead of sending.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../src/app/app-context.ts';
import { createAppContext } from '../../src/app/bootstrap.ts';
import { loadConfig } from '../../src/app/config.ts';
import type { Clock } from '../../src/app/ports.ts';
import type { MailTransport, OutgoingMail } from '../../src/app/mail-transport.ts';
import { buildApp } from '../../src/web/app.ts';
import { createTestDatabase, type TestDialect } from './test-databases.ts';
import type { InstrumentCatalog } from '../../src/catalogues/instrument-catalog.ts';

class TestClock implements Clock {
  constructor(private current: Date = new Date('2026-11-25T10:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date | string): void {
    this.current = new Date(date);
  }
}

/**
 * Records every mail with its real text, as an SMTP server would receive it. By default it plays
 * a configured SMTP server; `new RecordingMail('outbox')` plays a server without SMTP, where the
 * app hands mail to a transport that sends nothing (the recording is then only the test's view).
 */
export class RecordingMail implements MailTransport {
  constructor(readonly mode: 'smtp' | 'outbox' = 'smtp') {}
  readonly sent: OutgoingMail[] = [];
  async deliver(mail: OutgoingMail): Promise<void> {
    this.sent.push(mail);
  }
}

export interface TestContext {
  ctx: AppContext;
  clock: TestClock;
  mail: RecordingMail;
  close(): Promise<void>;
}

export async function createTestContext(dialect: TestDialect, env: Record<string, string> = {}, overrides: { instruments?: InstrumentCatalog; mail?: RecordingMail } = {}): Promise<TestContext> {
  const database = await createTestDatabase(dialect);
  const clock = new TestClock();
  const mail = overrides.mail ?? new RecordingMail();
  // DEMO_MODE is taken only as an override (as `mogna demo` passes it), never from the environment.
  // Reports are drawn on the test's own thread unless a test asks for workers (REPORT_WORKERS):
  // starting two workers per test app would cost every test file seconds. The tests that draw
  // the demo's reports, the batch in the browser and the CLI use the workers, as a server does.
  const config = loadConfig(
    { LOG_LEVEL: 'silent', PUBLIC_URL: 'http://mogna.test', REPORT_WORKERS: '0', ...env, DATABASE_URL: database.url },
    env.DEMO_MODE ? { DEMO_MODE: env.DEMO_MODE } : {},
  );
  const { ctx, database: handle } = await createAppContext(config, { clock, mail, ...overrides });
  return {
    ctx,
    clock,
    mail,
    async close() {
      await handle.close();
      await database.dispose();
    },
  };
}

export interface TestApp extends TestContext {
  app: FastifyInstance;
}

/** `overrides.instruments` replaces the catalogue of ./instruments (e.g. to add a test instrument file). */
export async function createTestApp(dialect: TestDialect, env: Record<string, string> = {}, overrides: { instruments?: InstrumentCatalog; mail?: RecordingMail } = {}): Promise<TestApp> {
  const context = await createTestContext(dialect, env, overrides);
  const app = await buildApp(context.ctx);
  await app.ready();
  return {
    ...context,
    app,
    async close() {
      await app.close();
      await context.close();
    },
  };
}
