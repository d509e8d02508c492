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

/** A fresh, empty database: in-memory SQLite, or a new schema of its own on PostgreSQL. */
export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') return { dialect, url: 'sqlite::memory:', dispose: async () => {} };
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    dialect,
    url: url.toString(),
    async dispose() {
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}
