// One interface for every ledger format. An importer reads a stream of bytes (a Node Readable
// or any async iterable of Uint8Array) once, front to back, and returns the aggregate per
// account × cost centre. It never holds the whole file in memory and throws only
// LedgerImportError for a bad file.
import type { LedgerAggregate, LedgerFormat } from '../../domain/costs/ledger-aggregate.ts';

export type LedgerSource = AsyncIterable<Uint8Array>;

export interface LedgerImportOptions {
  /** Called with the running number of bytes read, e.g. to drive a progress bar. */
  onProgress?: (bytesRead: number) => void;
}

export interface LedgerImporter<Options extends LedgerImportOptions = LedgerImportOptions> {
  readonly format: LedgerFormat;
  import(source: LedgerSource, options: Options): Promise<LedgerAggregate>;
}
