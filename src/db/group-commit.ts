// Durable writes for hot paths: each write unit is one atomic use case, acknowledged (its promise
// resolved) only once it is on disk. Units that arrive together share ONE SQLite transaction and
// ONE disk sync (group commit); on PostgreSQL each unit runs in its own transaction, as the pool
// already overlaps the server's syncs.
//
// SQLite batch: the first unit to arrive schedules a flush on setImmediate, so the requests that
// became ready in the same turn of the event loop join it. The flush runs the queued units (at
// most MAX_BATCH) one after another in one transaction, each inside its own SAVEPOINT: a unit
// that throws is rolled back to its savepoint and only its promise rejects; the others go on.
// After the one COMMIT every unit's promise settles; if the COMMIT (or the transaction) fails,
// every unit of the batch rejects, so nothing is acknowledged that is not on disk. Units run
// strictly in turn, so the outcome is the same as that of separate transactions in that order.
//
// The disk sync off the event loop: with synchronous=FULL, SQLite's COMMIT waits for fsync while
// it blocks the whole process (about 3 ms on a virtual disk, every batch). On a database file the
// batch instead commits with synchronous=NORMAL (in WAL mode the COMMIT then only writes the WAL)
// and the WAL file is synced with fdatasync on libuv's thread pool before any unit of the batch is
// acknowledged; meanwhile the next batch can already run. An acknowledged unit is therefore on
// disk exactly as with FULL. Every other transaction on the connection keeps synchronous=FULL.
//
// A unit must do all its work through the `trx` it is given and await every query before it
// returns or throws (no queries left running). It must not use `ctx.db` or `run` again inside:
// the connection is held by the batch, so that would wait for itself.
import { open, type FileHandle } from 'node:fs/promises';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Dialect } from './database.ts';
import type { Database } from './schema.ts';

type WriteUnit<T> = (trx: Transaction<Database>) => Promise<T>;

export interface Writes {
  /** Runs `unit` as one atomic transaction; resolves with its value once it is committed. */
  run<T>(unit: WriteUnit<T>): Promise<T>;
  /** Waits until every unit handed over so far has settled (for a clean shutdown). */
  drain(): Promise<void>;
}

/** Most units in one SQLite transaction; more wait for the next flush. */
export const MAX_BATCH = 64;

interface SqliteWriteOptions {
  /** The database file, whose WAL is synced before a batch is acknowledged; none in memory. */
  sqliteFile?: string;
  /** Flushes a file's data to disk (fdatasync); replaceable so a test can hold a sync back. */
  syncFile?: (path: string) => Promise<void>;
}

export function createWrites(db: Kysely<Database>, dialect: Dialect, options: SqliteWriteOptions = {}): Writes {
  return dialect === 'sqlite' ? new GroupCommit(db, options) : new TransactionPerUnit(db);
}

/**
 * Syncs one file with fdatasync (as SQLite syncs its WAL on Linux) through a handle kept open
 * between syncs, so a batch costs one call on the thread pool, not an open and a close as well.
 */
class FileSyncer {
  private handle: Promise<FileHandle> | null = null;
  constructor(private readonly path: string) {}

  async sync(): Promise<void> {
    this.handle ??= open(this.path, 'r+');
    const handle = this.handle;
    try {
      await (await handle).datasync();
    } catch (error) {
      // Open the file afresh next time rather than keep a handle that failed.
      if (this.handle === handle) this.handle = null;
      throw error;
    }
  }

  /** Call only while no sync runs; a later sync opens the file again. */
  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    if (handle) await (await handle.catch(() => null))?.close();
  }
}

class TransactionPerUnit implements Writes {
  private readonly running = new Set<Promise<unknown>>();
  constructor(private readonly db: Kysely<Database>) {}

  run<T>(unit: WriteUnit<T>): Promise<T> {
    const done = this.db.transaction().execute(unit);
    const tracked = done.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(tracked);
    void tracked.then(() => this.running.delete(tracked));
    return done;
  }

  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }
}

interface Queued {
  unit: WriteUnit<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

class GroupCommit implements Writes {
  private queue: Queued[] = [];
  /** A flush is scheduled or running; at most one at a time (SQLite has one connection). */
  private flushing: Promise<void> | null = null;
  /** Committed batches whose WAL sync (and so their acknowledgement) is still under way. */
  private readonly syncing = new Set<Promise<void>>();
  private readonly walFile: string | undefined;
  private readonly syncFile: (path: string) => Promise<void>;
  private readonly walSyncer: FileSyncer | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    options: SqliteWriteOptions,
  ) {
    this.walFile = options.sqliteFile === undefined ? undefined : `${options.sqliteFile}-wal`;
    this.walSyncer = this.walFile === undefined || options.syncFile ? undefined : new FileSyncer(this.walFile);
    const syncer = this.walSyncer;
    this.syncFile = options.syncFile ?? (async () => syncer?.sync());
  }

  run<T>(unit: WriteUnit<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ unit, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  async drain(): Promise<void> {
    // The database may close once this returns, and closing removes the WAL file: no sync may
    // still be waiting for it.
    while (this.flushing || this.syncing.size > 0) {
      if (this.flushing) await this.flushing;
      await Promise.all(this.syncing);
    }
    // Nothing runs now: let go of the WAL file (a later unit opens it again).
    await this.walSyncer?.close();
  }

  private schedule(): void {
    if (this.flushing) return;
    this.flushing = new Promise<void>((done) => setImmediate(() => void this.flush().finally(done)));
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, MAX_BATCH);
    let outcomes: Outcome[];
    try {
      outcomes = await this.commit(batch);
    } catch (error) {
      for (const queued of batch) queued.reject(error);
      return;
    } finally {
      this.flushing = null;
      if (this.queue.length > 0) this.schedule();
    }
    const synced = this.walFile === undefined ? Promise.resolve() : this.syncFile(this.walFile);
    const acknowledged = synced.then(
      // On disk: only now is any unit acknowledged.
      () =>
        batch.forEach((queued, index) => {
          const outcome = outcomes[index]!;
          if (outcome.ok) queued.resolve(outcome.value);
          else queued.reject(outcome.error);
        }),
      (error: unknown) => {
        for (const queued of batch) queued.reject(error);
      },
    );
    this.syncing.add(acknowledged);
    void acknowledged.then(() => this.syncing.delete(acknowledged));
  }

  /** Runs the batch's units in one transaction; their outcomes once it has committed. */
  private async commit(batch: Queued[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    await this.db.connection().execute(async (connection) => {
      // The WAL is synced after the COMMIT (see the top of this file); without a file, FULL stays.
      if (this.walFile !== undefined) await sql`pragma synchronous = normal`.execute(connection);
      try {
        await connection.transaction().execute(async (trx) => {
          for (const queued of batch) {
            await sql`savepoint write_unit`.execute(trx);
            try {
              outcomes.push({ ok: true, value: await queued.unit(trx) });
            } catch (error) {
              outcomes.push({ ok: false, error });
              // If SQLite already rolled the whole transaction back (an I/O error, a full disk),
              // there is no savepoint left: this fails and with it the whole batch, as it should.
              await sql`rollback to write_unit`.execute(trx);
            }
            await sql`release write_unit`.execute(trx);
          }
        });
      } finally {
        if (this.walFile !== undefined) await sql`pragma synchronous = full`.execute(connection);
      }
    });
    return outcomes;
  }
}
