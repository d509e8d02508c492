// Wraps a byte source so every importer counts bytes, reports progress and computes the
// file's SHA-256 while streaming, without a second pass over the file.
import { createHash } from 'node:crypto';
import type { LedgerSource } from './ledger-importer.ts';

export interface MeteredSource extends AsyncIterable<Buffer> {
  readonly bytesRead: number;
  /** Hex SHA-256 of everything read; call after the source is exhausted. */
  digest(): string;
}

export function meteredSource(source: LedgerSource, onProgress?: (bytesRead: number) => void): MeteredSource {
  const hash = createHash('sha256');
  let bytesRead = 0;
  let digest: string | undefined;
  return {
    get bytesRead() {
      return bytesRead;
    },
    digest() {
      digest ??= hash.digest('hex');
      return digest;
    },
    async *[Symbol.asyncIterator]() {
      for await (const chunk of source) {
        const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        if (buffer.length === 0) continue;
        hash.update(buffer);
        bytesRead += buffer.length;
        onProgress?.(bytesRead);
        yield buffer;
      }
    },
  };
}
