// Backup and restore of a SQLite database (issue 12). A backup uses SQLite's online backup API
// (better-sqlite3's db.backup()) in one read transaction, so it is safe while the server runs and
// holds every write committed before it started. A restore checks the backup's integrity first, never overwrites
// an existing database unless told to (--force), and replaces the file in one rename.
// PostgreSQL is backed up with its own tools (pg_dump/pg_restore), see README.
import { existsSync } from 'node:fs';
import { copyFile, rename, rm } from 'node:fs/promises';
import SQLite from 'better-sqlite3';

export class BackupError extends Error {
  override name = 'BackupError';
}

/** Problems found by SQLite's integrity check, or that it is no Mogna database; [] when sound. */
function sqliteFileProblems(path: string): string[] {
  let db: SQLite.Database;
  try {
    db = new SQLite(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    return [`cannot open it as SQLite (${(error as Error).message})`];
  }
  try {
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const problems = rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
    if (problems.length > 0) return problems;
    const migrations = db.prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'").get() as { n: number };
    return migrations.n === 1 ? [] : ['it is not a Mogna database (no migration table)'];
  } catch (error) {
    return [`cannot read it (${(error as Error).message})`];
  } finally {
    db.close();
  }
}

/** Copies the live database at `source` to `out` and checks the copy; returns its page count. */
export async function backupSqlite(source: string, out: string): Promise<number> {
  if (!existsSync(source)) throw new BackupError(`there is no database at ${source}`);
  if (existsSync(out)) throw new BackupError(`${out} exists already; choose another file name`);
  const db = new SQLite(source, { fileMustExist: true });
  let pages: number;
  try {
    db.pragma('busy_timeout = 5000');
    // All pages in one step: SQLite restarts a stepwise backup whenever another connection
    // writes, so under steady writes a page-by-page copy would never finish. One step is one
    // read transaction, which in WAL mode does not hold up the writers.
    pages = (await db.backup(out, { progress: () => 0x7fffffff })).totalPages;
  } finally {
    db.close();
  }
  const problems = sqliteFileProblems(out);
  if (problems.length > 0) {
    await rm(out, { force: true });
    throw new BackupError(`the backup failed its integrity check: ${problems.join('; ')}`);
  }
  return pages;
}

/** Replaces the database at `target` with the backup at `backup`, after checking the backup. */
export async function restoreSqlite(backup: string, target: string, options: { force?: boolean } = {}): Promise<void> {
  if (!existsSync(backup)) throw new BackupError(`there is no backup file at ${backup}`);
  const problems = sqliteFileProblems(backup);
  if (problems.length > 0) throw new BackupError(`${backup} is not a sound backup: ${problems.join('; ')}`);
  if (existsSync(target) && !options.force) {
    const inUse = existsSync(`${target}-wal`) || existsSync(`${target}-shm`);
    throw new BackupError(
      `${target} exists${inUse ? ' and looks in use (it has -wal/-shm files)' : ''}; stop the server and add --force to replace it`,
    );
  }
  // Copy next to the target and rename, so the target is either the old or the new database.
  const staging = `${target}.restoring`;
  await copyFile(backup, staging);
  try {
    await rm(`${target}-wal`, { force: true });
    await rm(`${target}-shm`, { force: true });
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { force: true });
    throw error;
  }
}
