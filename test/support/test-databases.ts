// Every database-backed test runs once per dialect: SQLite always, PostgreSQL when
// TEST_DATABASE_URL names a server. In CI (CI=true) PostgreSQL is required, never skipped.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type TestDialect = 'sqlite' | 'postgres';

export interface TestDatabase {
  dialect: TestDialect;
  url: string;
  dispose(): Promise<void>;
}

export function testDialects(): TestDialect[] {
  const postgresUrl = process.env.TEST_DATABASE_URL;
  if (!postgresUrl && process.env.CI === 'true') {
    throw new Error('TEST_DATABASE_URL must name a PostgreSQL database in CI (see .ci/run)');
  }
  return postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];
}

/**
 * A fresh, empty database: in-memory SQLite, or a new database of its own on PostgreSQL.
 * A whole database (not a schema) per test, because catalogue scans such as Kysely's
 * introspection see every schema of a database and stumble when a neighbour drops one.
 */
export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') return { dialect, url: 'sqlite::memory:', dispose: async () => {} };
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `mogna_t_${randomBytes(6).toString('hex')}`;
  await maintenance(baseUrl, `CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    dialect,
    url: url.toString(),
    dispose: () => maintenance(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** Runs one statement on the server's maintenance connection (CREATE/DROP DATABASE cannot run in a transaction). */
async function maintenance(baseUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
