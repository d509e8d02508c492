// mogna backup --out FILE and mogna restore FILE [--force]: SQLite's online backup and a checked
// restore. On PostgreSQL the commands point to pg_dump and pg_restore.
import type { Command } from 'commander';
import { loadConfig } from '../../app/config.ts';
import { isPostgresUrl, sqlitePath } from '../../db/database.ts';
import { CliUsageError } from '../cli-errors.ts';

const POSTGRES_ADVICE = [
  'DATABASE_URL names PostgreSQL: use its own tools, which are safe while Mogna runs:',
  '  backup:  pg_dump -Fc -f mogna.dump "$DATABASE_URL"',
  '  restore: pg_restore --clean --if-exists --no-owner -d "$DATABASE_URL" mogna.dump',
].join('\n');

function databasePath(): string {
  const url = loadConfig(process.env).DATABASE_URL;
  if (isPostgresUrl(url)) throw new CliUsageError(POSTGRES_ADVICE);
  const path = sqlitePath(url);
  if (path === ':memory:') throw new CliUsageError('DATABASE_URL names an in-memory database: there is nothing to back up or restore');
  return path;
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('Copy the SQLite database to a file while Mogna runs (PostgreSQL: use pg_dump)')
    .requiredOption('--out <file>', 'the backup file to write (must not exist)')
    .action(async (options: { out: string }) => {
      const source = databasePath();
      const { backupSqlite, BackupError } = await import('../../db/sqlite-backup.ts');
      try {
        const pages = await backupSqlite(source, options.out);
        console.log(`Backed up ${source} to ${options.out} (${pages} pages, integrity checked).`);
      } catch (error) {
        if (error instanceof BackupError) throw new CliUsageError(error.message);
        throw error;
      }
    });

  program
    .command('restore')
    .description('Replace the SQLite database with a backup, after checking it (PostgreSQL: use pg_restore)')
    .argument('<file>', 'the backup file')
    .option('--force', 'replace an existing database (stop the server first)')
    .action(async (file: string, options: { force?: boolean }) => {
      const target = databasePath();
      const { restoreSqlite, BackupError } = await import('../../db/sqlite-backup.ts');
      try {
        await restoreSqlite(file, target, { force: options.force ?? false });
        console.log(`Restored ${target} from ${file}. Start the server again.`);
      } catch (error) {
        if (error instanceof BackupError) throw new CliUsageError(error.message);
        throw error;
      }
    });
}
