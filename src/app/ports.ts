// Side effects the services need, reached only through these small objects so unit tests can
// pass fakes (a fixed clock, predictable tokens, a mail spy, a logger that records, a temporary
// directory of their own).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface IdSource {
  /** A new primary key. */
  id(): string;
  /** An unguessable secret for links and sessions (256 bits, base64url). */
  token(): string;
}

export const cryptoIds: IdSource = {
  id: () => randomUUID(),
  token: () => randomBytes(32).toString('base64url'),
};

/** Tokens are stored only as this hash, so a copy of the database opens no survey or session. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Where a service reports what went wrong in the background (no request to answer). */
export interface Logger {
  error(message: string, error?: unknown): void;
}

export const consoleLogger: Logger = {
  error: (message, error) => console.error(message, error),
};

/** One kind of background job of this process, by id (the report batch). In memory: a restart forgets them. */
interface JobStore<T> {
  get(id: string): T | undefined;
  set(id: string, job: T): void;
  delete(id: string): void;
  values(): T[];
}

/** The background jobs of one context, one store per kind; a new context (a test's) starts with none. */
export interface JobStores {
  store<T>(kind: string): JobStore<T>;
}

export function memoryJobStores(): JobStores {
  const stores = new Map<string, Map<string, unknown>>();
  return {
    store<T>(kind: string): JobStore<T> {
      let jobs = stores.get(kind);
      if (!jobs) stores.set(kind, (jobs = new Map()));
      const map = jobs as Map<string, T>;
      return {
        get: (id) => map.get(id),
        set: (id, job) => void map.set(id, job),
        delete: (id) => void map.delete(id),
        values: () => [...map.values()],
      };
    },
  };
}

/** Temporary files (the report batch's ZIPs): one directory, written as streams, removed by name. */
export interface TempFiles {
  /** The directory the files live in. */
  readonly dir: string;
  /** The full path of a file in that directory. */
  path(name: string): string;
  /** A stream that writes the file, readable by this user only. */
  createWriteStream(path: string): Writable;
  createReadStream(path: string): Readable;
  rename(from: string, to: string): Promise<void>;
  /** Removes the file; a missing file is no error. */
  remove(path: string): Promise<void>;
  /** The names in the directory; none when it does not exist. */
  list(): Promise<string[]>;
  /** How long ago the file was last written, by the file system's (wall) clock. */
  ageMs(path: string): Promise<number>;
}

/** Temporary files in `dir` (by default the system's temporary directory); `now` is the wall clock file times are compared with. */
export function localTempFiles(dir: string = tmpdir(), now: () => number = Date.now): TempFiles {
  return {
    dir,
    path: (name) => join(dir, name),
    createWriteStream: (path) => createWriteStream(path, { mode: 0o600 }),
    createReadStream: (path) => createReadStream(path),
    rename: (from, to) => rename(from, to),
    remove: (path) => rm(path, { force: true }),
    list: async () => {
      try {
        return await readdir(dir);
      } catch {
        return [];
      }
    },
    ageMs: async (path) => now() - (await stat(path)).mtimeMs,
  };
}
