// `mogna mail tick` (send the scheduled reminders that are due now, as the server's timer does
// every ten minutes) and `mogna mail bounces FILE` (mark the respondents whose mail bounced, from
// bounce reports saved as .eml files or an mbox). They run on the server with its database, as
// the operator's tool; what they do is written to the audit log.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { withAppContext } from '../app-context-for-command.ts';
import { CliUsageError } from '../cli-errors.ts';
import { operatorToolActor } from '../operator-actor.ts';

/** Bounce files larger than this are refused (an mbox of a whole year's bounces is far smaller). */
const MAX_BOUNCE_FILE_BYTES = 50 * 1024 * 1024;


export function registerMailCommands(program: Command): void {
  const mail = program.command('mail').description('Scheduled reminders and bounced mail');
  mail
    .command('tick')
    .description('Send the scheduled reminders that are due now (the server does this every ten minutes)')
    .action(async () => {
      const { sendScheduledReminders } = await import('../../modules/rounds/schedule-service.ts');
      await withAppContext(async (ctx) => {
        const runs = await sendScheduledReminders(ctx, operatorToolActor('mogna mail tick'));
        if (runs.length === 0) console.log('No scheduled reminder is due.');
        for (const run of runs) console.log(`round ${run.roundId}: reminder for ${run.daysBefore.join(', ')} days before closing: ${run.sent} sent, ${run.failed} failed`);
      });
    });
  mail
    .command('bounces')
    .description('Mark respondents of open rounds whose mail bounced, from bounce reports (DSN) in an .eml file or an mbox')
    .argument('<file>', 'an .eml file or an mbox holding the bounce reports')
    .action(async (file: string) => {
      const [{ parseBounceReports }, { recordBounces }] = await Promise.all([import('../../domain/mail/delivery-status.ts'), import('../../modules/rounds/bounce-service.ts')]);
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch {
        throw new CliUsageError(`cannot read "${file}"`);
      }
      if (bytes.length > MAX_BOUNCE_FILE_BYTES) throw new CliUsageError(`"${file}" is larger than ${MAX_BOUNCE_FILE_BYTES / 1024 / 1024} MB; split the mbox`);
      const reports = parseBounceReports(bytes.toString('utf8'));
      await withAppContext(async (ctx) => {
        const summary = await recordBounces(ctx, operatorToolActor('mogna mail bounces'), reports);
        console.log(`${summary.failed} failed deliveries read; ${summary.marked} respondents marked as bounced.`);
        if (summary.unmatched.length > 0) console.log(`No respondent of an open round has these addresses: ${summary.unmatched.join(', ')}`);
      });
    });
}
