// `mogna audit` (the audit log of an organisation) and `mogna gdpr` (the respondent-data sweep,
// a person's register extract and erasure). They run on the server with its database
// (DATABASE_URL), so they need no account; what they do is itself written to the audit log.
import type { Command } from 'commander';
import { withAppContext } from '../app-context-for-command.ts';
import { CliUsageError } from '../cli-errors.ts';
import { operatorToolActor } from '../operator-actor.ts';

function emailOption(value: string): string {
  const email = value.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new CliUsageError(`--email must be an e-mail address such as anna@example.org, not "${value}"`);
  return email;
}

export function registerPrivacyCommands(program: Command): void {
  program
    .command('audit')
    .description("Print an organisation's audit log, newest first (who did what and when)")
    .requiredOption('--org <id>', 'organisation id (see mogna org list)')
    .option('--since <date>', 'only entries from this day on (YYYY-MM-DD, UTC)')
    .option('--until <date>', 'only entries up to and including this day (YYYY-MM-DD, UTC)')
    .option('--json', 'print JSON')
    .action(async (options: { org: string; since?: string; until?: string; json?: boolean }) => {
      const [{ isIsoDay }, { readAudit }] = await Promise.all([import('../../modules/audit/schema.ts'), import('../../modules/audit/repository.ts')]);
      for (const name of ['since', 'until'] as const) {
        const value = options[name];
        if (value !== undefined && !isIsoDay(value)) throw new CliUsageError(`--${name} must be a date such as 2026-01-31, not "${value}"`);
      }
      await withAppContext(async (ctx) => {
        const organisation = await ctx.db.selectFrom('organisations').select('id').where('id', '=', options.org).executeTakeFirst();
        if (!organisation) throw new CliUsageError(`no organisation has the id "${options.org}" (see mogna org list)`);
        const { entries } = await readAudit(ctx.db, options.org, { since: options.since, until: options.until, pageSize: 100_000 });
        if (options.json) {
          console.log(JSON.stringify(entries, null, 2));
          return;
        }
        for (const entry of entries) {
          const who = entry.actorKind === 'user' ? (entry.actorName || entry.actorUserId) : entry.actorKind;
          const about = entry.subjectType ? ` ${entry.subjectType}:${entry.subjectId}` : '';
          console.log(`${entry.at}  ${entry.action.padEnd(24)}  ${who}${about}  ${JSON.stringify(entry.detail)}`);
        }
        if (entries.length === 0) console.log('No entries.');
      });
    });

  const gdpr = program.command('gdpr').description('Personal data: the lifetime sweep, register extracts and erasure');
  gdpr
    .command('sweep')
    .description("Remove respondents' names and e-mail addresses from rounds closed longer ago than RESPONDENT_DATA_MONTHS")
    .action(async () => {
      const { sweepRespondentData } = await import('../../modules/gdpr/service.ts');
      await withAppContext(async (ctx) => {
        const summary = await sweepRespondentData(ctx, operatorToolActor('mogna gdpr sweep'));
        console.log(`Removed names and e-mail addresses of ${summary.respondents} respondents in ${summary.rounds} rounds (lifetime ${ctx.config.RESPONDENT_DATA_MONTHS} months after closing).`);
      });
    });
  gdpr
    .command('export')
    .description("Print a person's register extract as JSON: every row holding the address")
    .requiredOption('--email <address>', 'the e-mail address')
    .action(async (options: { email: string }) => {
      const email = emailOption(options.email);
      const { exportPersonalData } = await import('../../modules/gdpr/service.ts');
      await withAppContext(async (ctx) => {
        console.log(JSON.stringify(await exportPersonalData(ctx, operatorToolActor('mogna gdpr export'), email), null, 2));
      });
    });
  gdpr
    .command('erase')
    .description("Erase a person's data: respondent identities removed (answers kept anonymous), an account deactivated and blanked")
    .requiredOption('--email <address>', 'the e-mail address')
    .action(async (options: { email: string }) => {
      const email = emailOption(options.email);
      const { erasePersonalData } = await import('../../modules/gdpr/service.ts');
      await withAppContext(async (ctx) => {
        const summary = await erasePersonalData(ctx, operatorToolActor('mogna gdpr erase'), email);
        console.log(
          `Erased: ${summary.respondents} respondent rows, ${summary.mails} stored mails, ${summary.account ? 'one account (deactivated)' : 'no account'}.`,
        );
      });
    });
}
