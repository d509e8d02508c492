// Builds the AppContext from configuration: opens and migrates the database, loads the
// instruments, picks the mail transport. Shared by the server, the CLI and tests.
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../db/database.ts';
import { loadInstrumentCatalog, type InstrumentCatalog } from '../modules/instruments/instrument-catalog.ts';
import { mailTransportFromConfig, type MailTransport } from '../modules/mail/mail-transport.ts';
import type { AppContext } from './app-context.ts';
import type { Config } from './config.ts';
import { cryptoIds, systemClock, type Clock, type IdSource } from './ports.ts';

export interface ContextOverrides {
  instruments?: InstrumentCatalog;
  mail?: MailTransport;
  clock?: Clock;
  ids?: IdSource;
}

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
    instruments,
    mail: overrides.mail ?? mailTransportFromConfig(config),
    clock: overrides.clock ?? systemClock,
    ids: overrides.ids ?? cryptoIds,
  };
  return { ctx, database };
}
