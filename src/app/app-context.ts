// Everything a service needs, built once per process (or per test) and passed down.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Dialect } from '../db/database.ts';
import type { Writes } from '../db/group-commit.ts';
import type { InstrumentCatalog } from '../catalogues/instrument-catalog.ts';
import type { MailTransport } from './mail-transport.ts';
import type { ReportRenderer } from '../reports/report-renderer.ts';
import type { Caches } from './caches.ts';
import type { Config } from './config.ts';
import type { Clock, IdSource, JobStores, Logger, TempFiles } from './ports.ts';

export interface AppContext {
  config: Config;
  db: Kysely<Database>;
  dialect: Dialect;
  /**
   * Durable write units of the hot paths (a survey page, a submit): one atomic transaction each,
   * acknowledged once on disk; on SQLite, units that arrive together share one commit.
   */
  writes: Writes;
  instruments: InstrumentCatalog;
  mail: MailTransport;
  clock: Clock;
  ids: IdSource;
  /** Draws reports; in worker threads unless REPORT_WORKERS is 0. */
  reports: ReportRenderer;
  /** Errors of background work (the report batch). */
  logger: Logger;
  /** Background jobs of this process, one set per context. */
  jobs: JobStores;
  /** Temporary files (the report batch's ZIPs). */
  files: TempFiles;
  /** Bounded in-memory caches (src/app/caches.ts), fresh per context. */
  caches: Caches;
}
