// Opens the database named by a URL: a PostgreSQL URL (postgres://…) or a SQLite file path
// (sqlite:path, file:path or a bare path; ":memory:" for tests). The same Kysely queries and
// migrations serve both dialects.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type MigrationResultSet, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';
export const DEFAULT_DATABASE_URL = 'sqlite:./data/mogna.sqlite';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The SQLite database file; absent on PostgreSQL and for an in-memory SQLite database. */
  sqliteFile?: string;
  close(): Promise<void>;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export function sqlitePath(url: string): string {
  return url.replace(/^(sqlite|file):(\/\/)?/i, '');
}

// pg returns BIGINT (count/sum) as strings; integer columns stay numbers. Repositories
// normalise aggregates with Number() at their boundary (see src/db/numbers.ts).
export function openDatabase(url: string = DEFAULT_DATABASE_URL): DatabaseHandle {
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle pooled connection can be closed by the server (a restart, a failover, an admin
    // terminating it). node-postgres reports that as an 'error' on the pool, which would crash
    // the process without a listener; the pool simply opens a new connection when next needed.
    pool.on('error', (error) => {
      process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`, { code: 'MOGNA_PG_IDLE_ERROR' });
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const path = sqlitePath(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // First, so that even switching to WAL waits for another process instead of failing.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('journal_mode = WAL');
  // A submitted survey must survive a power cut: FULL costs little at our write rates.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', ...(path === ':memory:' ? {} : { sqliteFile: path }), close: () => db.destroy() };
}

/** Most prepared statements kept per SQLite connection (queries with IN lists vary in their SQL). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every query anew; parsing and planning the same SQL on every
 * request costs more than running it. The connection keeps its prepared statements by SQL text,
 * the least recently used dropped first. Safe: Kysely runs one query at a time on the one
 * connection, and SQLite re-prepares a statement itself when the schema changes.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = statements.get(text);
      if (statement) {
        statements.delete(text);
      } else {
        statement = sqlite.prepare(text);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
      }
      statements.set(text, statement);
      return statement;
    },
  };
}

export async function migrateToLatest(db: Kysely<Database>, dialect: Dialect): Promise<MigrationResultSet> {
  // On PostgreSQL, Kysely looks for its bookkeeping tables in every schema unless told which
  // one: name the connection's current schema, so databases that share a server (one schema
  // each, as the tests do) never see each other's migrations.
  const migrationTableSchema =
    dialect === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableSchema });
  // PostgreSQL: Kysely takes an advisory lock, so two processes migrating at once take turns.
  // SQLite: Kysely takes no lock, and two processes starting on one new file both tried to
  // create the tables. BEGIN IMMEDIATE takes SQLite's write lock before the migrator looks at
  // anything, so the second process waits (up to MIGRATION_LOCK_WAIT_MS) and then finds the
  // work done. The app's SQLite handle is one connection, so the migrator's statements run
  // inside this transaction; a failed migration is rolled back whole.
  if (dialect === 'postgres') return checked(await migrator.migrateToLatest());
  await sql.raw(`PRAGMA busy_timeout = ${MIGRATION_LOCK_WAIT_MS}`).execute(db);
  try {
    await sql`BEGIN IMMEDIATE`.execute(db);
    let result: MigrationResultSet;
    try {
      result = await migrator.migrateToLatest();
    } catch (error) {
      await sql`ROLLBACK`.execute(db);
      throw error;
    }
    await sql.raw(result.error ? 'ROLLBACK' : 'COMMIT').execute(db);
    return checked(result);
  } finally {
    await sql.raw('PRAGMA busy_timeout = 5000').execute(db);
  }
}

/** How long a process waits for another one's SQLite migration before it gives up. */
const MIGRATION_LOCK_WAIT_MS = 60_000;

function checked(result: MigrationResultSet): MigrationResultSet {
  if (result.error) throw result.error;
  return result;
}
