// A CSV or XLSX ledger waiting for its column mapping. The column headings are only known once
// the file is here, so the upload is staged in the system's temporary directory while the
// analyst picks the columns, then read from there and deleted. Staged files belong to one user,
// organisation and year, and are deleted after an hour at the latest (swept at every upload).
// Only the aggregate is ever stored in the database; this is not a way to keep files.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { LedgerFormat } from '../../domain/costs/ledger-aggregate.ts';

const PENDING_UPLOAD_MAX_AGE_MS = 60 * 60 * 1000;
const TOKEN = /^[0-9a-f]{48}$/;

export interface PendingUploadMeta {
  organisationId: string;
  year: number;
  userId: string;
  fileName: string;
  /** A format whose columns the user maps (see the ledger format registry). */
  format: LedgerFormat;
  createdAt: string;
}

export interface PendingUpload {
  token: string;
  meta: PendingUploadMeta;
  /** A fresh stream of the staged bytes, each time it is called. */
  open(): AsyncIterable<Uint8Array>;
  /** The staged file, for checks that need to seek (the ZIP limits of an XLSX file). */
  path: string;
}

export function pendingUploadDir(): string {
  return join(tmpdir(), 'mogna-ledger-uploads');
}

const dataPath = (token: string) => join(pendingUploadDir(), `${token}.data`);
const metaPath = (token: string) => join(pendingUploadDir(), `${token}.json`);

/** Streams the upload to a staged file; returns its token. The stream's own errors pass through. */
export async function stagePendingUpload(source: AsyncIterable<Uint8Array>, meta: PendingUploadMeta): Promise<string> {
  await mkdir(pendingUploadDir(), { recursive: true, mode: 0o700 });
  const token = randomBytes(24).toString('hex');
  try {
    await pipeline(Readable.from(source), createWriteStream(dataPath(token), { mode: 0o600 }));
    await writeFile(metaPath(token), JSON.stringify(meta), { mode: 0o600 });
  } catch (error) {
    await removePendingUpload(token);
    throw error;
  }
  return token;
}

/** The staged upload, if the token is known and belongs to this user, organisation and year. */
export async function findPendingUpload(token: string, owner: { userId: string; organisationId: string; year: number }): Promise<PendingUpload | null> {
  if (!TOKEN.test(token)) return null;
  let meta: PendingUploadMeta;
  try {
    meta = JSON.parse(await readFile(metaPath(token), 'utf8')) as PendingUploadMeta;
  } catch {
    return null;
  }
  if (meta.userId !== owner.userId || meta.organisationId !== owner.organisationId || meta.year !== owner.year) return null;
  return { token, meta, path: dataPath(token), open: () => createReadStream(dataPath(token), { highWaterMark: 256 * 1024 }) };
}

export async function removePendingUpload(token: string): Promise<void> {
  if (!TOKEN.test(token)) return;
  await rm(dataPath(token), { force: true });
  await rm(metaPath(token), { force: true });
}

/**
 * Deletes staged files older than the limit; returns how many uploads were removed. File times
 * are wall-clock times, so this compares with the real clock, not the app's clock port.
 */
export async function sweepPendingUploads(maxAgeMs = PENDING_UPLOAD_MAX_AGE_MS): Promise<number> {
  const now = Date.now();
  let names: string[];
  try {
    names = await readdir(pendingUploadDir());
  } catch {
    return 0;
  }
  const tokens = new Set(names.map((name) => name.replace(/\.(data|json)$/, '')).filter((token) => TOKEN.test(token)));
  let removed = 0;
  for (const token of tokens) {
    try {
      const info = await stat(join(pendingUploadDir(), `${token}.data`)).catch(() => stat(metaPath(token)));
      if (now - info.mtimeMs <= maxAgeMs) continue;
    } catch {
      continue;
    }
    await removePendingUpload(token);
    removed++;
  }
  return removed;
}
