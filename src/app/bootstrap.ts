// Builds the AppContext from configuration: opens and migrates the database, loads the
// instruments, picks the mail transport. Shared by the server, the CLI and tests.
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../db/database.ts';
import { createWrites } from '../db/group-commit.ts';
import { loadInstrumentCatalog, type InstrumentCatalog } from '../catalogues/instrument-catalog.ts';
import { mailTransportFromConfig, type MailTransport } from './mail-transport.ts';
import type { AppContext } from './app-context.ts';
import { createCaches } from './caches.ts';
import type { Config } from './config.ts';
import { createRenderPool } from '../reports/render-pool.ts';
import { inProcessRenderer, type ReportRenderer } from '../reports/report-renderer.ts';
import { consoleLogger, cryptoIds, localTempFiles, memoryJobStores, systemClock, type Clock, type IdSource, type Logger, type TempFiles } from './ports.ts';

export interface ContextOverrides {
  instruments?: InstrumentCatalog;
  reports?: ReportRenderer;
  mail?: MailTransport;
  clock?: Clock;
  ids?: IdSource;
  logger?: Logger;
  files?: TempFiles;
}

/**
 * The context and the handle that ends it. Closing the handle stops the report workers as well
 * as the database connection, so every caller that closes its database also lets the process exit.
 */
export async function createAppContext(config: Config, overrides: ContextOverrides = {}): Promise<{ ctx: AppContext; database: DatabaseHandle }> {
  const instruments = overrides.instruments ?? loadInstrumentCatalog();
  const database = openDatabase(config.DATABASE_URL);
  try {
    await migrateToLatest(database.db, database.dialect);
  } catch (error) {
    await database.close();
    throw error;
  }
  const ctx: AppContext = {
    config,
    db: database.db,
    dialect: database.dialect,
    writes: createWrites(database.db, database.dialect, { sqliteFile: database.sqliteFile }),
    instruments,
    mail: overrides.mail ?? mailTransportFromConfig(config),
    clock: overrides.clock ?? systemClock,
    ids: overrides.ids ?? cryptoIds,
    reports: overrides.reports ?? (config.REPORT_WORKERS > 0 ? createRenderPool(config.REPORT_WORKERS) : inProcessRenderer),
    logger: overrides.logger ?? consoleLogger,
    jobs: memoryJobStores(),
    files: overrides.files ?? localTempFiles(),
    caches: createCaches(),
  };
  const close = async (): Promise<void> => {
    await ctx.writes.drain();
    await ctx.reports.close();
    await database.close();
  };
  return { ctx, database: { db: database.db, dialect: database.dialect, close } };
}
