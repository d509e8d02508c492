// serve, migrate, demo, org list, results refresh and user create. The database comes from DATABASE_URL
// (default: the SQLite file under ./data).
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import type { AppContext } from '../../app/app-context.ts';
import { ConfigError, loadConfig, type Config } from '../../app/config.ts';
import { isAppError } from '../../app/errors.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import type { MembershipRole } from '../../db/schema.ts';
import { CliUsageError } from '../cli-errors.ts';
import { operatorToolActor } from '../operator-actor.ts';

import { DEMO_PASSWORD } from '../../demo/demo-plan.ts';
import { MIN_PASSWORD_LENGTH } from '../../modules/auth/passwords.ts';

// The web app, the database drivers and the seeder are loaded only by the commands that use
// them, so `mogna --help` and light commands start quickly.

function configFrom(options: { port?: string; host?: string }, demo = false): Config {
  try {
    return loadConfig(process.env, { PORT: options.port, HOST: options.host, ...(demo ? { DEMO_MODE: '1' } : {}) });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliUsageError(error.message);
    throw error;
  }
}

async function withContext<T>(config: Config, work: (ctx: AppContext, database: DatabaseHandle) => Promise<T>): Promise<T> {
  const { createAppContext } = await import('../../app/bootstrap.ts');
  const { ctx, database } = await createAppContext(config);
  try {
    return await work(ctx, database);
  } finally {
    await database.close();
  }
}

/** How long requests in flight may take to finish after SIGTERM before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

async function serve(config: Config, banner: string[]): Promise<void> {
  const [{ createAppContext }, { buildApp }, { countUsers }] = await Promise.all([
    import('../../app/bootstrap.ts'),
    import('../../web/app.ts'),
    import('../../modules/auth/repository.ts'),
  ]);
  const { ctx, database } = await createAppContext(config);
  const app = await buildApp(ctx);
  // Start the report workers now, in the background, so the first report anyone downloads is as
  // quick as the rest (loading the renderers takes a worker a second or two).
  void ctx.reports.warm().catch((error: unknown) => app.log.warn({ err: error }, 'report workers did not start; they will be tried again on the first report'));
  // SIGTERM/SIGINT: stop taking requests, close idle connections at once (the app's
  // forceCloseConnections), let requests in flight finish, and exit within SHUTDOWN_GRACE_MS
  // even if one of them hangs. A second signal exits at once.
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then stopping.`);
    const deadline = setTimeout(() => {
      console.error(`Requests still running after ${SHUTDOWN_GRACE_MS / 1000} s: stopping anyway.`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    deadline.unref();
    try {
      await app.close();
      await database.close();
      process.exit(0);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  };
  // Expired sessions are refused anyway; this only keeps the table small.
  const { deleteExpiredSessions } = await import('../../modules/auth/session-service.ts');
  const sweeper = setInterval(() => void deleteExpiredSessions(ctx).catch(() => {}), 60 * 60 * 1000);
  sweeper.unref();
  // Spreadsheet ledgers left in the column-mapping step are deleted after an hour (issue 5).
  const { sweepPendingUploads } = await import('../../modules/costs/pending-upload.ts');
  void sweepPendingUploads().catch(() => {});
  // Report batch ZIPs left by an earlier process (finished, or cut off mid-write) are removed
  // at start-up and then every ten minutes (issue 12).
  const { sweepBatchFiles } = await import('../../modules/reports/batch-job-service.ts');
  void sweepBatchFiles(ctx).catch(() => {});
  const uploadSweeper = setInterval(() => {
    void sweepPendingUploads().catch(() => {});
    void sweepBatchFiles(ctx).catch(() => {});
  }, 10 * 60 * 1000);
  uploadSweeper.unref();
  // Respondents' names and addresses go RESPONDENT_DATA_MONTHS after their round closed (issue 12): now and daily.
  const { sweepRespondentData } = await import('../../modules/gdpr/service.ts');
  const sweepPersonalData = () => void sweepRespondentData(ctx, operatorToolActor('mogna serve')).catch((error: unknown) => app.log.error(error));
  sweepPersonalData();
  setInterval(sweepPersonalData, 24 * 60 * 60 * 1000).unref();
  // Scheduled reminders (issue 15): whatever is due goes at start-up (a catch-up after a stop) and then every ten minutes.
  const { sendScheduledReminders } = await import('../../modules/rounds/schedule-service.ts');
  const sendDueReminders = () => void sendScheduledReminders(ctx, operatorToolActor('mogna serve')).catch((error: unknown) => app.log.error(error));
  sendDueReminders();
  setInterval(sendDueReminders, 10 * 60 * 1000).unref();
  // A federation's study closes with its rounds when its last day is over in Sweden (issue 15): now and every ten minutes.
  const { closeDueStudies } = await import('../../modules/studies/service.ts');
  const closeStudies = () => void closeDueStudies(ctx, operatorToolActor('mogna serve')).catch((error: unknown) => app.log.error(error));
  closeStudies();
  setInterval(closeStudies, 10 * 60 * 1000).unref();
  process.on('SIGINT', (signal) => void shutdown(signal));
  process.on('SIGTERM', (signal) => void shutdown(signal));
  await app.listen({ port: config.PORT, host: config.HOST });
  for (const line of [`Mogna is serving at ${config.publicUrl}`, ...banner]) console.log(line);
  if ((await countUsers(ctx.db)) === 0) {
    console.log(
      [
        '',
        'No accounts exist yet. Create the first operator account with:',
        '  node bin/mogna.js user create --operator --email you@example.org --name "Your Name"',
        '(you will be asked for a password, or pass it in the environment variable MOGNA_PASSWORD).',
      ].join('\n'),
    );
  }
}

async function readPassword(): Promise<string> {
  if (process.env.MOGNA_PASSWORD) return process.env.MOGNA_PASSWORD;
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return await rl.question(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  } finally {
    rl.close();
  }
}

export function registerPlatformCommands(program: Command): void {
  program
    .command('serve')
    .description('Serve the web app (production: never seeds demo data)')
    .option('-p, --port <port>', 'port to listen on (default: $PORT or 3000)')
    .option('--host <host>', 'address to listen on (default: $HOST or localhost)')
    .action(async (options: { port?: string; host?: string }) => {
      await serve(configFrom(options), []);
    });

  program
    .command('migrate')
    .description('Bring the database schema up to date')
    .action(async () => {
      await withContext(configFrom({}), async (ctx) => {
        console.log(`Database is up to date (${ctx.dialect}).`);
      });
    });

  program
    .command('demo')
    .description('Seed the demo federation into an empty database (and serve it with --serve)')
    .option('--serve', 'start the web app afterwards')
    .option('-p, --port <port>', 'port to listen on')
    .option('--host <host>', 'address to listen on')
    .action(async (options: { serve?: boolean; port?: string; host?: string }) => {
      // Demo mode shows personal links in the outbox (with a banner); `mogna serve` never does.
      const config = configFrom(options, true);
      const { databaseIsEmpty, seedDemo } = await import('../../demo/demo-seeder.ts');
      const seeded = await withContext(config, async (ctx) => {
        if (!(await databaseIsEmpty(ctx))) return false;
        const summary = await seedDemo(ctx);
        console.log(
          `Seeded Demoförbundet: ${summary.organisations} organisations, ${summary.users} accounts, ${summary.rounds} rounds, ${summary.respondents} respondents.`,
        );
        return true;
      });
      if (!seeded) console.log('The database already has data: the demo was not seeded again.');
      const banner = [
        `Demo accounts (password "${DEMO_PASSWORD}"):`,
        '  analytiker@demoforbundet.example  – federation analyst',
        '  samordnare@granasa.example        – coordinator of Granåsa kommun',
        '  operator@mogna.example            – platform operator',
      ];
      if (options.serve) await serve(config, banner);
      else console.log(banner.join('\n'));
    });

  const org = program.command('org').description('Organisations');
  org
    .command('list')
    .description('List organisations')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withContext(configFrom({}), async (ctx) => {
        const organisations = await ctx.db.selectFrom('organisations').selectAll().orderBy('name').execute();
        const links = await ctx.db.selectFrom('federation_members').selectAll().execute();
        const rows = organisations.map((organisation) => ({
          id: organisation.id,
          name: organisation.name,
          kind: organisation.kind,
          orgNumber: organisation.org_number,
          size: organisation.size,
          federations: links.filter((link) => link.member_id === organisation.id).map((link) => link.federation_id),
          members: links.filter((link) => link.federation_id === organisation.id).map((link) => link.member_id),
        }));
        if (options.json) console.log(JSON.stringify(rows, null, 2));
        else for (const row of rows) console.log(`${row.id}  ${row.kind.padEnd(16)}  ${row.name}`);
      });
    });

  const results = program.command('results').description('Stored results of closed rounds');
  results
    .command('refresh')
    .description('Publish the results of every closed round that has none yet (e.g. after a bulk load), so benchmarks never score answers on a page request')
    .option('--year <year>', 'only rounds of this year')
    .action(async (options: { year?: string }) => {
      const year = options.year === undefined ? undefined : Number(options.year);
      if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 2999)) throw new CliUsageError(`--year must be a year such as 2025, not "${options.year}"`);
      await withContext(configFrom({}), async (ctx) => {
        const { refreshRoundSnapshots } = await import('../../modules/results/service.ts');
        let query = ctx.db.selectFrom('rounds').select('id').where('status', '=', 'closed');
        if (year !== undefined) query = query.where('year', '=', year);
        const rounds = await query.orderBy('id').execute();
        const started = performance.now();
        for (const [index, round] of rounds.entries()) {
          await refreshRoundSnapshots(ctx, round.id);
          if (process.stdout.isTTY && (index + 1) % 25 === 0) process.stdout.write(`\r${index + 1} / ${rounds.length}`);
        }
        if (process.stdout.isTTY && rounds.length >= 25) process.stdout.write('\n');
        console.log(`Results are up to date for ${rounds.length} closed rounds (${((performance.now() - started) / 1000).toFixed(1)} s).`);
      });
    });

  const user = program.command('user').description('Accounts');
  user
    .command('create')
    .description('Create an account (password from $MOGNA_PASSWORD, standard input or a prompt)')
    .requiredOption('--email <email>', 'e-mail address (the login name)')
    .requiredOption('--name <name>', 'full name')
    .option('--operator', 'make the account a platform operator')
    .option('--org <id>', 'organisation id to give a role in')
    .option('--role <role>', 'coordinator, analyst or viewer (with --org)', 'coordinator')
    .action(async (options: { email: string; name: string; operator?: boolean; org?: string; role: string }) => {
      if (!['coordinator', 'analyst', 'viewer'].includes(options.role)) throw new CliUsageError('--role must be coordinator, analyst or viewer');
      const password = await readPassword();
      if (password.length < MIN_PASSWORD_LENGTH) throw new CliUsageError(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
      const { createUser } = await import('../../modules/auth/repository.ts');
      await withContext(configFrom({}), async (ctx) => {
        try {
          const id = await createUser(ctx, {
            email: options.email,
            name: options.name,
            password,
            isOperator: options.operator ?? false,
            memberships: options.org ? [{ organisationId: options.org, role: options.role as MembershipRole }] : [],
          }, 'cli');
          console.log(`Created account ${options.email} (${id}).`);
        } catch (error) {
          if (isAppError(error) && error.code === 'conflict') throw new CliUsageError(`an account with e-mail ${options.email} already exists`);
          throw error;
        }
      });
    });
}
