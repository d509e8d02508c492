// Snapshots of the SQL a repository sends, compiled for both dialects without a database, so a
// changed query shows up in review as a changed snapshot file. The queries run against Kysely's
// DummyDriver (every query returns no rows); a repository function that needs a row to go on
// may throw, which is fine: the queries it sent up to then are recorded.
//
// Snapshots live beside the test in `__snapshots__/<test file>.sql.json`. A missing snapshot is
// written on the first run outside CI; `UPDATE_SQL_SNAPSHOTS=1` rewrites changed ones. In CI a
// missing or different snapshot fails the test.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import type { Database } from '../../src/db/schema.ts';

export type SnapshotDialect = 'sqlite' | 'postgres';

export interface CompiledQuery {
  sql: string;
  parameters: number;
}

/** Runs `use` against a database that only compiles, and returns every query it sent. */
async function recordQueries(dialect: SnapshotDialect, use: (db: Kysely<Database>) => Promise<unknown>): Promise<CompiledQuery[]> {
  const queries: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => (dialect === 'sqlite' ? new SqliteAdapter() : new PostgresAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (kysely) => (dialect === 'sqlite' ? new SqliteIntrospector(kysely) : new PostgresIntrospector(kysely)),
      createQueryCompiler: () => (dialect === 'sqlite' ? new SqliteQueryCompiler() : new PostgresQueryCompiler()),
    },
    log: (event) => {
      queries.push({ sql: event.query.sql, parameters: event.query.parameters.length });
    },
  });
  try {
    await use(db);
  } catch {
    // A function that stops for want of a row has still sent its queries.
  }
  return queries;
}

/** Both dialects' SQL of one repository call, as one snapshot entry. */
export async function compileForBothDialects(use: (db: Kysely<Database>) => Promise<unknown>): Promise<Record<SnapshotDialect, CompiledQuery[]>> {
  return { sqlite: await recordQueries('sqlite', use), postgres: await recordQueries('postgres', use) };
}

/**
 * Compares `entries` (name → both dialects' queries) with the snapshot file of the test file
 * `testFileUrl` (pass `import.meta.url`).
 */
export function assertSqlSnapshot(testFileUrl: string, entries: Record<string, Record<SnapshotDialect, CompiledQuery[]>>): void {
  const testFile = fileURLToPath(testFileUrl);
  const file = join(dirname(testFile), '__snapshots__', `${basename(testFile).replace(/\.tsx?$/, '')}.sql.json`);
  const actual = `${JSON.stringify(entries, null, 2)}\n`;
  const update = process.env.UPDATE_SQL_SNAPSHOTS === '1';
  if (!existsSync(file) || update) {
    if (process.env.CI === 'true' && !update) assert.fail(`SQL snapshot ${file} is missing: run the test once locally and commit the file`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `SQL of ${basename(testFile)} changed: review it, then run with UPDATE_SQL_SNAPSHOTS=1`);
}
