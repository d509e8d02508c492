// The `mogna` command line. Each command group lives in its own file under ./commands and
// registers itself here. Bad arguments print usage and exit with code 2.
import { Command, CommanderError } from 'commander';
import { registerActionCommands } from './commands/action-commands.ts';
import { registerBackupCommands } from './commands/backup-commands.ts';
import { registerInstrumentCommands } from './commands/instrument-commands.ts';
import { registerLedgerCommands } from './commands/ledger-commands.ts';
import { registerMailCommands } from './commands/mail-commands.ts';
import { registerPlatformCommands } from './commands/platform-commands.ts';
import { registerPrivacyCommands } from './commands/privacy-commands.ts';
import { registerReportCommands } from './commands/report-commands.ts';
import { registerScoreCommand } from './commands/score-command.ts';
import { registerStudyCommands } from './commands/study-commands.ts';
import { CliUsageError } from './cli-errors.ts';

export const USAGE_EXIT_CODE = 2;

export function buildProgram(): Command {
  const program = new Command('mogna')
    .description('Mogna – measure, compare and follow up digital maturity')
    .showHelpAfterError()
    .exitOverride();
  program.configureHelp({ sortSubcommands: true });
  registerPlatformCommands(program);
  registerInstrumentCommands(program);
  registerLedgerCommands(program);
  registerScoreCommand(program);
  registerReportCommands(program);
  registerBackupCommands(program);
  registerStudyCommands(program);
  registerActionCommands(program);

  registerPrivacyCommands(program);
  registerMailCommands(program);
  // Every subcommand inherits exitOverride so usage errors reach the handler below.
  for (const command of program.commands) command.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with 0; every other commander error is a usage error.
      process.exitCode = error.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
      return;
    }
    if (error instanceof CliUsageError) {
      process.stderr.write(`mogna: ${error.message}\n`);
      process.exitCode = USAGE_EXIT_CODE;
      return;
    }
    process.stderr.write(`mogna: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
