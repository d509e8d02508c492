// `npm run bench -- survey`: completed survey responses per second through HTTP.
// 50 concurrent clients on loopback each take respondents from a shared queue and answer the
// whole digital-mognad survey as a browser would (start page, every question page with its
// CSRF token and cookie, page POSTs answered by 303 redirects that are followed, review,
// submit, receipt), with `accept-encoding: gzip, br`. Then the same clients hammer the no-op
// `GET /healthz` as the ceiling. The server runs in a child process (this same file, started
// with SERVER_ENV set) so the load generator does not share the server's event loop.
// Bounded: at most RESPONSES measured surveys or SURVEY_MS, NOOP_MS for the ceiling, a
// timeout on every request; the temp database and the child are always cleaned up.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { createAppContext } from '../src/app/bootstrap.ts';
import { loadConfig } from '../src/app/config.ts';
import { surveyPages } from '../src/domain/instruments/instrument-structure.ts';
import { insertOrganisation } from '../src/modules/organisations/repository.ts';
import { countSubmitted, insertRespondents, mintRespondentLink } from '../src/modules/rounds/repository.ts';
import { insertRound } from '../src/modules/rounds/repository.ts';
import { buildApp } from '../src/web/app.ts';
import type { Bench } from './benches.ts';

const CLIENTS = 50;
/** Measured surveys; the run also stops taking new respondents after SURVEY_MS. */
const RESPONSES = 1000;
/** One unmeasured survey per client first, so JIT warm-up is not in the figures. */
const WARMUP = CLIENTS;
const SURVEY_MS = 30_000;
const NOOP_MS = 5_000;
const REQUEST_TIMEOUT_MS = 10_000;
const INSTRUMENT = 'digital-mognad';
const SERVER_ENV = 'MOGNA_SURVEY_BENCH_SERVER';
const ACCEPT_ENCODING = 'gzip, br';

// ---------------------------------------------------------------------------------------------
// Server side (child process)

type ToServer = { type: 'cpu' } | { type: 'stop' };
type FromServer = { type: 'ready'; port: number } | { type: 'cpu'; user: number; system: number };

async function serve(databaseUrl: string): Promise<void> {
  const config = loadConfig({}, { DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', HOST: '127.0.0.1', PUBLIC_URL: 'http://127.0.0.1' });
  const { ctx, database } = await createAppContext(config);
  const app = await buildApp(ctx);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await database.close();
    if (process.connected) process.disconnect();
  };
  process.on('message', (message: ToServer) => {
    if (message.type === 'cpu') {
      const usage = process.cpuUsage();
      process.send?.({ type: 'cpu', user: usage.user, system: usage.system } satisfies FromServer);
    } else if (message.type === 'stop') {
      void stop();
    }
  });
  // The parent went away (or crashed): do not linger.
  process.on('disconnect', () => void stop());
  process.send?.({ type: 'ready', port } satisfies FromServer);
}

if (process.env[SERVER_ENV] && process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await serve(process.env[SERVER_ENV]);
}

interface ServerChild {
  port: number;
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

async function startServer(databaseUrl: string): Promise<ServerChild> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], {
    // BENCH_SERVER_ARGS adds node flags to the server only (e.g. `--cpu-prof` to see where its time goes).
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_SERVER_ARGS?.split(' ').filter(Boolean) ?? [])],
    env: { ...process.env, [SERVER_ENV]: databaseUrl, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const port = await new Promise<number>((done, fail) => {
    const timer = setTimeout(() => fail(new Error('the bench server did not start within 30 s')), 30_000);
    child.on('message', (message: FromServer) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        done(message.port);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the bench server exited with code ${code}`));
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    port,
    cpuMicros: () =>
      new Promise<number>((done) => {
        const listener = (message: FromServer) => {
          if (message.type !== 'cpu') return;
          child.off('message', listener);
          done(message.user + message.system);
        };
        child.on('message', listener);
        child.send({ type: 'cpu' } satisfies ToServer);
      }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) child.send({ type: 'stop' } satisfies ToServer);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Client side

interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as sent on the wire (compressed when the server compressed it). */
  raw: Buffer;
}

function send(agent: http.Agent, port: number, method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: string): Promise<RawReply> {
  return new Promise((done, fail) => {
    const request = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, raw: Buffer.concat(chunks) }));
        response.on('error', fail);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`timeout after ${REQUEST_TIMEOUT_MS} ms: ${method} ${path.replace(/\/s\/[^/]+/, '/s/…')}`)));
    request.on('error', fail);
    request.end(body);
  });
}

const brotliDecompress = promisify(zlib.brotliDecompress);
const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);

async function decodedText(reply: RawReply): Promise<string> {
  const encoding = reply.headers['content-encoding'];
  const body =
    encoding === 'br' ? await brotliDecompress(reply.raw) : encoding === 'gzip' ? await gunzip(reply.raw) : encoding === 'deflate' ? await inflate(reply.raw) : reply.raw;
  return body.toString('utf8');
}

function csrfTokenOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no CSRF token on the page');
  return match[1];
}

/** One browser: keeps its cookies (the CSRF secret) and counts what went over the wire. */
class Browser {
  private cookies = new Map<string, string>();
  bytes = 0;
  constructor(
    private agent: http.Agent,
    private port: number,
  ) {}

  private headers(): Record<string, string> {
    const headers: Record<string, string> = { 'accept-encoding': ACCEPT_ENCODING, accept: 'text/html' };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    return headers;
  }

  private keep(reply: RawReply): RawReply {
    this.bytes += reply.raw.length;
    for (const line of reply.headers['set-cookie'] ?? []) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at <= 0) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    if (reply.status >= 400 || reply.status < 200) throw new HttpError(reply);
    return reply;
  }

  async get(path: string): Promise<RawReply> {
    return this.keep(await send(this.agent, this.port, 'GET', path, this.headers()));
  }

  async post(path: string, form: Record<string, string>): Promise<RawReply> {
    return this.keep(await send(this.agent, this.port, 'POST', path, this.headers(), new URLSearchParams(form).toString()));
  }
}

class HttpError extends Error {
  constructor(readonly reply: RawReply) {
    super(`HTTP ${reply.status}`);
  }
}

function expectRedirect(reply: RawReply, to: string): void {
  if (reply.status !== 303 || reply.headers.location !== to) {
    throw new Error(`expected 303 to ${to.replace(/\/s\/[^/]+/, '/s/…')}, got ${reply.status} ${String(reply.headers.location ?? '').replace(/\/s\/[^/]+/, '/s/…')}`);
  }
}

interface SurveyStats {
  pagePostMs: number[];
  pageGetMs: number[];
  bytes: number;
}

/** Answers one whole survey as a browser would. Throws on any error. */
async function completeSurvey(agent: http.Agent, port: number, token: string, pages: string[][], stats: SurveyStats | null): Promise<void> {
  const browser = new Browser(agent, port);
  const base = `/s/${token}`;
  await browser.get(base);
  let started = performance.now();
  let html = await decodedText(await browser.get(`${base}/page/1`));
  stats?.pageGetMs.push(performance.now() - started);
  for (const [index, itemKeys] of pages.entries()) {
    const form: Record<string, string> = { _csrf: csrfTokenOf(html), action: 'next' };
    for (const key of itemKeys) form[`a.${key}`] = Math.random() < 0.05 ? 'dk' : String(Math.floor(Math.random() * 7));
    started = performance.now();
    const posted = await browser.post(`${base}/page/${index + 1}`, form);
    stats?.pagePostMs.push(performance.now() - started);
    const next = index + 1 < pages.length ? `${base}/page/${index + 2}` : `${base}/review`;
    expectRedirect(posted, next);
    started = performance.now();
    html = await decodedText(await browser.get(next));
    stats?.pageGetMs.push(performance.now() - started);
  }
  expectRedirect(await browser.post(`${base}/submit`, { _csrf: csrfTokenOf(html) }), base);
  const receipt = await browser.get(base);
  if (receipt.status !== 200) throw new Error(`receipt: HTTP ${receipt.status}`);
  if (stats) stats.bytes += browser.bytes;
}

interface PhaseResult {
  completed: number;
  errors: number;
  firstErrors: string[];
  ms: number;
}

async function runSurveys(agent: http.Agent, port: number, tokens: string[], pages: string[][], stats: SurveyStats | null, budgetMs: number): Promise<PhaseResult> {
  const started = performance.now();
  const deadline = started + budgetMs;
  let next = 0;
  const result: PhaseResult = { completed: 0, errors: 0, firstErrors: [], ms: 0 };
  const worker = async () => {
    while (next < tokens.length && performance.now() < deadline) {
      const token = tokens[next++]!;
      try {
        await completeSurvey(agent, port, token, pages, stats);
        result.completed += 1;
      } catch (error) {
        result.errors += 1;
        if (result.firstErrors.length < 3) result.firstErrors.push(error instanceof HttpError ? `HTTP ${error.reply.status}` : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, worker));
  result.ms = performance.now() - started;
  return result;
}

async function runNoop(agent: http.Agent, port: number): Promise<{ requests: number; errors: number; latencies: number[]; ms: number }> {
  const started = performance.now();
  const deadline = started + NOOP_MS;
  const latencies: number[] = [];
  let errors = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      try {
        const reply = await send(agent, port, 'GET', '/healthz', { 'accept-encoding': ACCEPT_ENCODING });
        if (reply.status >= 400) errors += 1;
        else latencies.push(performance.now() - sent);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, worker));
  return { requests: latencies.length, errors, latencies, ms: performance.now() - started };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const perSecond = (count: number, elapsedMs: number) => (count / (elapsedMs / 1000)).toFixed(1);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// ---------------------------------------------------------------------------------------------

async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mogna-bench-survey-'));
  const databaseUrl = `sqlite:${join(dir, 'bench.sqlite')}`;
  let server: ServerChild | undefined;
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  try {
    // Seed: an organisation, an open round, respondents with a personal link each.
    const seedConfig = loadConfig({}, { DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://127.0.0.1' });
    const seeded = await createAppContext(seedConfig);
    const { ctx } = seeded;
    const instrument = ctx.instruments.require(INSTRUMENT);
    const pages = surveyPages(instrument).map((page) => page.category.capabilities.flatMap((capability) => capability.items.map((item) => item.key)));
    const organisationId = await insertOrganisation(ctx, { name: 'Benchkommun', kind: 'kommun', size: 10_000 });
    const roundId = await insertRound(ctx, organisationId, {
      name: 'Bench',
      year: ctx.clock.now().getUTCFullYear(),
      instrumentKeys: [INSTRUMENT],
      openLink: false,
      status: 'open',
    });
    const respondentCount = WARMUP + RESPONSES + 1;
    const tokens = await ctx.db.transaction().execute(async (trx) => {
      const ids = await insertRespondents(ctx, trx, roundId, Array.from({ length: respondentCount }, (_, i) => ({ email: `r${i}@bench.example` })));
      const minted: string[] = [];
      for (const id of ids) minted.push(await mintRespondentLink(ctx, trx, id));
      return minted;
    });
    await seeded.database.close();
    const sizeToken = tokens.pop()!;
    const warmupTokens = tokens.slice(0, WARMUP);
    const measuredTokens = tokens.slice(WARMUP);

    server = await startServer(databaseUrl);
    const { port } = server;
    console.log(
      `server: child process on 127.0.0.1:${port}; SQLite file in ${dir}; ${cpus().length} cores, load average ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
    );
    console.log(`survey: ${INSTRUMENT}@${instrument.version}, ${pages.length} pages, ${pages.flat().length} items; ${CLIENTS} clients, accept-encoding: ${ACCEPT_ENCODING}`);

    // Bytes of the largest page (page 1), as sent, by accept-encoding.
    const sizes: string[] = [];
    for (const encoding of ['br', 'gzip', 'identity']) {
      const reply = await send(agent, port, 'GET', `/s/${sizeToken}/page/1`, { 'accept-encoding': encoding });
      sizes.push(`${encoding} ${kb(reply.raw.length)} (content-encoding: ${reply.headers['content-encoding'] ?? 'none'})`);
    }
    console.log(`page 1 (${surveyPages(instrument)[0]!.category.key}, ${pages[0]!.length} items) transferred: ${sizes.join(', ')}`);

    const warmup = await runSurveys(agent, port, warmupTokens, pages, null, SURVEY_MS);
    const stats: SurveyStats = { pagePostMs: [], pageGetMs: [], bytes: 0 };
    const cpuBefore = await server.cpuMicros();
    const clientCpuBefore = process.cpuUsage();
    const surveys = await runSurveys(agent, port, measuredTokens, pages, stats, SURVEY_MS);
    const serverCpu = (await server.cpuMicros()) - cpuBefore;
    const clientCpu = process.cpuUsage(clientCpuBefore);
    const noop = await runNoop(agent, port);
    agent.destroy();
    await server.stop();

    // Correctness: exactly the surveys that completed are submitted, with every answer.
    const check = await createAppContext(seedConfig);
    const submitted = await countSubmitted(check.ctx.db, roundId);
    const answers = await check.ctx.db
      .selectFrom('answers')
      .innerJoin('responses', 'responses.id', 'answers.response_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('responses.status', '=', 'submitted')
      .executeTakeFirstOrThrow();
    await check.database.close();

    const posts = stats.pagePostMs.sort((a, b) => a - b);
    const gets = stats.pageGetMs.sort((a, b) => a - b);
    const noopSorted = noop.latencies.sort((a, b) => a - b);
    const expected = warmup.completed + surveys.completed;
    console.log(`warm-up: ${warmup.completed} surveys (not measured), ${warmup.errors} errors`);
    console.log(`completed responses: ${surveys.completed} in ${(surveys.ms / 1000).toFixed(2)} s = ${perSecond(surveys.completed, surveys.ms)} responses/s`);
    console.log(`page POSTs: ${posts.length} = ${perSecond(posts.length, surveys.ms)}/s; latency p50 ${ms(percentile(posts, 50))}, p95 ${ms(percentile(posts, 95))}, p99 ${ms(percentile(posts, 99))}, max ${ms(posts.at(-1) ?? Number.NaN)}`);
    console.log(`page GETs (after each redirect): p50 ${ms(percentile(gets, 50))}, p95 ${ms(percentile(gets, 95))}, p99 ${ms(percentile(gets, 99))}`);
    console.log(`bytes per completed survey (all ${2 + 2 * pages.length + 2} responses' bodies, as sent): ${kb(stats.bytes / Math.max(1, surveys.completed))}`);
    console.log(
      `CPU during the survey phase: server ${((serverCpu / 1000 / surveys.ms) * 100).toFixed(0)} % of a core, load generator ${(((clientCpu.user + clientCpu.system) / 1000 / surveys.ms) * 100).toFixed(0)} %`,
    );
    console.log(`no-op ceiling GET /healthz: ${noop.requests} in ${(noop.ms / 1000).toFixed(2)} s = ${perSecond(noop.requests, noop.ms)} requests/s; p50 ${ms(percentile(noopSorted, 50))}, p99 ${ms(percentile(noopSorted, 99))}`);
    console.log(`errors (non-2xx/3xx or failed): surveys ${surveys.errors + warmup.errors}, no-op ${noop.errors}${[...warmup.firstErrors, ...surveys.firstErrors].length > 0 ? ` — first: ${[...warmup.firstErrors, ...surveys.firstErrors].join('; ')}` : ''}`);
    const answersOk = Number(answers.n) === expected * pages.flat().length;
    console.log(
      `check: database holds ${submitted} submitted responses, expected ${expected} (${warmup.completed} warm-up + ${surveys.completed}) → ${submitted === expected ? 'OK' : 'MISMATCH'}; ${answers.n} answers on them, expected ${expected * pages.flat().length} → ${answersOk ? 'OK' : 'MISMATCH'}`,
    );
  } finally {
    agent.destroy();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const survey: Bench = {
  name: 'survey',
  description: `completed ${INSTRUMENT} survey responses per second through HTTP (${CLIENTS} clients on loopback, compressed), with GET /healthz as the ceiling`,
  run,
};
