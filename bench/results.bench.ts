// `npm run bench -- results`: the results of the maturity survey at scale. A platform of 300
// organisations × 500 respondents plus one organisation with 2,000 respondents (with a unit
// tree and roles), every round closed in the same year with the same instrument version
// (≈ 14 million answers in SQLite). Measures:
//   1. one organisation's results (2,000 respondents): loading its answers, scoring them with
//      scoreMaturity, and the whole getRoundResults (benchmarks, trend, breakdown);
//   2. the national benchmark over 301 organisations: cold (every round scored and stored as a
//      snapshot) and warm (snapshots up to date);
//   3. the results page's latency under load: 4 concurrent clients on loopback against a server
//      in a child process, p50/p95/p99 and throughput.
// The data is written with raw prepared statements (the app's code paths are what is measured,
// not the seeding); the temp database and the child are always cleaned up.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import type { AppContext } from '../src/app/app-context.ts';
import { createAppContext } from '../src/app/bootstrap.ts';
import { loadConfig } from '../src/app/config.ts';
import { hashToken } from '../src/app/ports.ts';
import { loadUserActor } from '../src/app/actor.ts';
import { mulberry32 } from '../src/demo/seeded-random.ts';
import { itemsInOrder } from '../src/domain/instruments/instrument-structure.ts';
import { scoreMaturity } from '../src/domain/scoring/maturity-score.ts';
import { getRoundResults, loadScoredRespondents, nationalBenchmark } from '../src/modules/results/service.ts';
import { buildApp } from '../src/web/app.ts';
import type { Bench } from './benches.ts';

const ORGANISATIONS = 300;
const RESPONDENTS = 500;
const BIG_RESPONDENTS = 2000;
const YEAR = 2025;
const CLIENTS = 4;
const LOAD_MS = 20_000;
const MAX_REQUESTS = 400;
const REPEAT = 5;
const SERVER_ENV = 'MOGNA_RESULTS_BENCH_SERVER';

// ---------------------------------------------------------------------------------------------
// Server side (child process)

async function serve(databaseUrl: string): Promise<void> {
  const config = loadConfig({}, { DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', HOST: '127.0.0.1', PUBLIC_URL: 'http://127.0.0.1' });
  const { ctx, database } = await createAppContext(config);
  const app = await buildApp(ctx);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const stop = async () => {
    await app.close();
    await database.close();
    if (process.connected) process.disconnect();
  };
  process.on('message', (message: { type: string }) => {
    if (message.type === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  process.send?.({ type: 'ready', port });
}

if (process.env[SERVER_ENV] && process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await serve(process.env[SERVER_ENV]);
}

function startServer(databaseUrl: string): Promise<{ port: number; child: ChildProcess }> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [], {
      env: { ...process.env, [SERVER_ENV]: databaseUrl, NODE_ENV: 'production' },
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const timer = setTimeout(() => reject(new Error('the bench server did not start within 60 s')), 60_000);
    child.once('message', (message: { type: string; port: number }) => {
      clearTimeout(timer);
      resolvePromise({ port: message.port, child });
    });
    child.once('exit', (code) => reject(new Error(`the bench server exited with ${code}`)));
  });
}

// ---------------------------------------------------------------------------------------------
// Data

interface Seeded {
  bigRoundId: string;
  userId: string;
  sessionToken: string;
  answers: number;
}

function seed(path: string, ctx: AppContext): Seeded {
  const instrument = ctx.instruments.require('digital-mognad');
  const items = itemsInOrder(instrument);
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  const random = mulberry32(2026);
  const now = new Date().toISOString();
  const insertOrg = sqlite.prepare('insert into organisations (id, name, kind, org_number, size, benchmark_opt_out, created_at) values (?, ?, ?, null, null, 0, ?)');
  const insertMember = sqlite.prepare('insert into federation_members (federation_id, member_id) values (?, ?)');
  const insertUnit = sqlite.prepare('insert into units (id, organisation_id, parent_id, name) values (?, ?, ?, ?)');
  const insertRound = sqlite.prepare(
    "insert into rounds (id, organisation_id, year, name, status, open_link_token, anonymity_threshold, small_sample_threshold, created_at, opened_at, closed_at) values (?, ?, ?, ?, 'closed', null, 3, 5, ?, ?, ?)",
  );
  const insertRoundInstrument = sqlite.prepare('insert into round_instruments (round_id, organisation_id, year, instrument_key, instrument_version) values (?, ?, ?, ?, ?)');
  const insertRespondent = sqlite.prepare('insert into respondents (id, round_id, email, name, role, unit_id, via_open_link, invited_at, reminded_at, created_at) values (?, ?, null, null, ?, ?, 0, ?, null, ?)');
  const insertResponse = sqlite.prepare(
    "insert into responses (id, round_id, respondent_id, instrument_key, instrument_version, status, started_at, updated_at, submitted_at) values (?, ?, ?, ?, ?, 'submitted', ?, ?, ?)",
  );
  const insertAnswer = sqlite.prepare('insert into answers (response_id, item_key, value, dont_know) values (?, ?, ?, ?)');
  const roles = ['förvaltningschef', 'enhetschef', 'verksamhetsutvecklare', 'IT-strateg', 'handläggare', 'controller', 'digitaliseringsstrateg', 'systemförvaltare'];
  let answers = 0;
  let respondentSerial = 0;

  const federationId = randomUUID();
  insertOrg.run(federationId, 'Benchförbundet', 'kommunalforbund', now);
  const addOrganisation = (index: number, respondents: number, withUnits: boolean): string => {
    const orgId = randomUUID();
    insertOrg.run(orgId, `Kommun ${index}`, index % 10 === 0 ? 'region' : 'kommun', now);
    if (index < 30) insertMember.run(federationId, orgId);
    const unitIds: string[] = [];
    if (withUnits) {
      for (let d = 0; d < 10; d++) {
        const department = randomUUID();
        insertUnit.run(department, orgId, null, `Förvaltning ${d + 1}`);
        unitIds.push(department);
        for (let e = 0; e < 3; e++) {
          const enhet = randomUUID();
          insertUnit.run(enhet, orgId, department, `Enhet ${d + 1}.${e + 1}`);
          unitIds.push(enhet);
        }
      }
    }
    const roundId = randomUUID();
    insertRound.run(roundId, orgId, YEAR, `Digital mognad ${YEAR}`, now, now, now);
    insertRoundInstrument.run(roundId, orgId, YEAR, instrument.key, instrument.version);
    const level = 1.2 + random() * 3.6;
    for (let r = 0; r < respondents; r++) {
      const respondentId = `p${++respondentSerial}`;
      const unit = unitIds.length > 0 ? unitIds[Math.floor(random() * unitIds.length)]! : null;
      insertRespondent.run(respondentId, roundId, roles[Math.floor(random() * roles.length)]!, unit, now, now);
      const responseId = `s${respondentSerial}`;
      insertResponse.run(responseId, roundId, respondentId, instrument.key, instrument.version, now, now, now);
      const bias = (random() - 0.5) * 1.5;
      for (const { item, scale } of items) {
        if (random() < 0.03) {
          insertAnswer.run(responseId, item.key, null, 1);
        } else {
          const score = Math.min(scale.max, Math.max(scale.min, Math.round(level + bias + (random() - 0.5) * 3)));
          insertAnswer.run(responseId, item.key, item.reversed ? scale.max + scale.min - score : score, 0);
        }
        answers += 1;
      }
    }
    return roundId;
  };

  let bigRoundId = '';
  sqlite.transaction(() => {
    bigRoundId = addOrganisation(0, BIG_RESPONDENTS, true);
  })();
  for (let index = 1; index <= ORGANISATIONS; index++) sqlite.transaction(() => addOrganisation(index, RESPONDENTS, false))();

  // An operator with a session, for the page under load.
  const userId = randomUUID();
  const sessionToken = randomUUID();
  sqlite.prepare("insert into users (id, email, name, password_hash, is_operator, locale, created_at) values (?, 'drift@bench.example', 'Bench Operator', 'x', 1, 'sv', ?)").run(userId, now);
  sqlite.prepare('insert into sessions (id, user_id, created_at, expires_at) values (?, ?, ?, ?)').run(hashToken(sessionToken), userId, now, new Date(Date.now() + 86_400_000).toISOString());
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.exec('analyze');
  sqlite.close();
  return { bigRoundId, userId, sessionToken, answers };
}

// ---------------------------------------------------------------------------------------------
// Measuring

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function median(times: number, work: () => Promise<unknown> | unknown): Promise<number> {
  const durations: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await work();
    durations.push(performance.now() - started);
  }
  return durations.sort((a, b) => a - b)[Math.floor(durations.length / 2)]!;
}

function get(agent: http.Agent, port: number, path: string, cookie: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolvePromise, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path, method: 'GET', agent, headers: { cookie, 'accept-encoding': 'identity' }, timeout: 60_000 }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolvePromise({ status: response.statusCode ?? 0, bytes }));
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
    request.end();
  });
}

async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mogna-bench-results-'));
  const path = join(dir, 'bench.sqlite');
  const databaseUrl = `sqlite:${path}`;
  let server: ChildProcess | undefined;
  try {
    const config = loadConfig({}, { DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://127.0.0.1' });
    const first = await createAppContext(config);
    await first.database.close();
    let started = performance.now();
    const seeded = seed(path, first.ctx);
    console.log(
      `data: ${ORGANISATIONS} organisations × ${RESPONDENTS} respondents + 1 × ${BIG_RESPONDENTS} (30 units, 8 roles); ${seeded.answers.toLocaleString('en')} answers written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const { ctx, database } = await createAppContext(config);
    try {
      const instrument = ctx.instruments.require('digital-mognad');
      const actor = (await loadUserActor(ctx.db, seeded.userId))!;

      // 2. The national benchmark, cold: every round is scored and its snapshot stored.
      started = performance.now();
      const cold = await nationalBenchmark(ctx, instrument, YEAR);
      const coldMs = performance.now() - started;
      const warmMs = await median(REPEAT, () => nationalBenchmark(ctx, instrument, YEAR));

      // 1. One organisation with 2,000 respondents.
      let respondents = await loadScoredRespondents(ctx, seeded.bigRoundId, instrument.key);
      const loadMs = await median(REPEAT, async () => (respondents = await loadScoredRespondents(ctx, seeded.bigRoundId, instrument.key)));
      const scoreMs = await median(REPEAT, () => scoreMaturity(instrument, respondents, { minN: 3 }));
      started = performance.now();
      const results = await getRoundResults(ctx, actor, seeded.bigRoundId);
      const fullColdMs = performance.now() - started;
      const fullMs = await median(REPEAT, () => getRoundResults(ctx, actor, seeded.bigRoundId));

      console.log(`one organisation (${respondents.length} respondents, ${results.breakdown.units.length} unit and ${results.breakdown.roles.length} role groups shown):`);
      console.log(`  load answers ${ms(loadMs)}, scoreMaturity ${ms(scoreMs)} (median of ${REPEAT})`);
      console.log(`  whole getRoundResults (own scores, benchmarks, trend, breakdown through the anonymity rule): first call ${ms(fullColdMs)}, then ${ms(fullMs)} (median of ${REPEAT}, scored respondents reused)`);
      console.log(`national benchmark over ${cold.nationalOrganisations} organisations: cold (score and store every round) ${ms(coldMs)}, warm (snapshots current) ${ms(warmMs)} (median of ${REPEAT})`);
    } finally {
      await database.close();
    }

    // 3. The results page under load.
    const started2 = await startServer(databaseUrl);
    server = started2.child;
    const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
    const cookie = `mogna_session=${seeded.sessionToken}`;
    const path2 = `/rounds/${seeded.bigRoundId}/results`;
    const warm = await get(agent, started2.port, path2, cookie);
    if (warm.status !== 200) throw new Error(`the results page answered ${warm.status}`);
    const latencies: number[] = [];
    let errors = 0;
    const loadStarted = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() - loadStarted < LOAD_MS && latencies.length + errors < MAX_REQUESTS) {
          const t0 = performance.now();
          try {
            const reply = await get(agent, started2.port, path2, cookie);
            if (reply.status === 200) latencies.push(performance.now() - t0);
            else errors += 1;
          } catch {
            errors += 1;
          }
        }
      }),
    );
    const elapsed = performance.now() - loadStarted;
    agent.destroy();
    latencies.sort((a, b) => a - b);
    console.log(
      `results page (${(warm.bytes / 1024).toFixed(0)} KB HTML, 2,000 respondents) under load, ${CLIENTS} clients: ${latencies.length} requests in ${(elapsed / 1000).toFixed(1)} s = ${((latencies.length / elapsed) * 1000).toFixed(1)}/s; p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, p99 ${ms(percentile(latencies, 99))}; errors ${errors}`,
    );
  } finally {
    if (server && server.exitCode === null) {
      server.send({ type: 'stop' });
      await new Promise((resolvePromise) => {
        const timer = setTimeout(() => {
          server?.kill();
          resolvePromise(undefined);
        }, 5000);
        server?.once('exit', () => {
          clearTimeout(timer);
          resolvePromise(undefined);
        });
      });
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

export const results: Bench = {
  name: 'results',
  description: 'maturity results: one organisation of 2,000 respondents, the national benchmark over 300 × 500, the results page under load',
  run,
};
