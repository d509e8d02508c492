// Durable writes for hot paths: each write unit is one atomic use case, acknowledged (its promise
// resolved) only once it is on disk. On SQLite every COMMIT waits for a disk sync while it blocks
// the process (synchronous=FULL), so units that arrive together share ONE transaction and ONE
// sync (group commit); on PostgreSQL each unit runs in its own transaction, as the pool already
// overlaps the server's syncs.
//
// SQLite batch: the first unit to arrive schedules a flush on setImmediate, so the requests that
// became ready in the same turn of the event loop join it. The flush runs the queued units (at
// most MAX_BATCH) one after another in one transaction, each inside its own SAVEPOINT: a unit
// that throws is rolled back to its savepoint and only its promise rejects; the others go on.
// After the one COMMIT every unit's promise settles; if the COMMIT (or the transaction) fails,
// every unit of the batch rejects, so nothing is acknowledged that is not on disk. Units run
// strictly in turn, so the outcome is the same as that of separate transactions in that order.
//
// A unit must do all its work through the `trx` it is given and await every query before it
// returns or throws (no queries left running). It must not use `ctx.db` or `run` again inside:
// the connection is held by the batch, so that would wait for itself.
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

export function createWrites(db: Kysely<Database>, dialect: Dialect): Writes {
  return dialect === 'sqlite' ? new GroupCommit(db) : new TransactionPerUnit(db);
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

  constructor(private readonly db: Kysely<Database>) {}

  run<T>(unit: WriteUnit<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ unit, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private schedule(): void {
    if (this.flushing) return;
    this.flushing = new Promise<void>((done) => setImmediate(() => void this.flush().finally(done)));
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, MAX_BATCH);
    const outcomes: Outcome[] = [];
    try {
      await this.db.transaction().execute(async (trx) => {
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
    } catch (error) {
      for (const queued of batch) queued.reject(error);
      return;
    } finally {
      this.flushing = null;
      if (this.queue.length > 0) this.schedule();
    }
    // Committed: only now is any unit acknowledged.
    batch.forEach((queued, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) queued.resolve(outcome.value);
      else queued.reject(outcome.error);
    });
  }
}
