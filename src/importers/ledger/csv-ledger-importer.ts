// CSV exports of a general ledger (one row per transaction or per account × cost centre).
// Streaming: bytes are decoded as they arrive (UTF-8 with or without BOM, else Windows-1252,
// see SniffingDecoder) and fed to csv-parse. The separator is sniffed from the first line (`;`,
// `,` or tab, whichever occurs most outside quotes). Amounts use a decimal comma unless the file
// is comma-separated, or the caller says otherwise.
import { once } from 'node:events';
import { parse, CsvError } from 'csv-parse';
import type { LedgerAggregate } from '../../domain/costs/ledger-aggregate.ts';
import type { DecimalSeparator } from '../../domain/costs/money.ts';
import { TabularLedgerCollector, type ColumnMapping } from './column-mapping.ts';
import { LedgerImportError } from './ledger-import-error.ts';
import type { LedgerImportOptions, LedgerImporter, LedgerSource } from './ledger-importer.ts';
import { meteredSource } from './metered-source.ts';
import { DecodeFailure, SniffingDecoder } from './sniffing-decoder.ts';

export interface CsvLedgerImportOptions extends LedgerImportOptions {
  columns: ColumnMapping;
  delimiter?: ';' | ',' | '\t';
  decimal?: DecimalSeparator;
}

export class CsvLedgerImporter implements LedgerImporter<CsvLedgerImportOptions> {
  readonly format = 'csv' as const;

  async import(source: LedgerSource, options: CsvLedgerImportOptions): Promise<LedgerAggregate> {
    return importCsvLedger(source, options);
  }
}

export const csvLedgerImporter = new CsvLedgerImporter();

/** The separator that occurs most often outside quotes in a line. */
export function sniffDelimiter(firstLine: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ';' || char === ',' || char === '\t')) counts[char]++;
  }
  if (counts[';'] >= counts[','] && counts[';'] >= counts['\t'] && counts[';'] > 0) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return counts[','] > 0 ? ',' : ';';
}

export async function importCsvLedger(source: LedgerSource, options: CsvLedgerImportOptions): Promise<LedgerAggregate> {
  const metered = meteredSource(source, options.onProgress);
  const decoder = new SniffingDecoder('windows-1252');
  const iterator = metered[Symbol.asyncIterator]();
  let linesDecoded = 0;

  const decode = (write: () => string): string => {
    try {
      const text = write();
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) linesDecoded++;
      return text;
    } catch (error) {
      if (error instanceof DecodeFailure) {
        throw new LedgerImportError('BAD_ENCODING', linesDecoded + 1 + decoder.heldNewlines + error.newlinesBefore(), error.message);
      }
      throw error;
    }
  };

  // Read until the first line is complete (or the file ends) to choose the separator.
  let pending = '';
  let ended = false;
  while (!pending.includes('\n')) {
    const next = await iterator.next();
    if (next.done) {
      pending += decode(() => decoder.end());
      ended = true;
      break;
    }
    pending += decode(() => decoder.write(next.value));
  }
  pending = pending.replace(/^\uFEFF/, '');
  const delimiter = options.delimiter ?? sniffDelimiter(pending.split('\n', 1)[0] ?? '');
  const decimal = options.decimal ?? (delimiter === ',' ? '.' : ',');
  const collector = new TabularLedgerCollector('csv', options.columns, decimal);

  const parser = parse({
    delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
  });
  const abort = new AbortController();
  const feeding = (async () => {
    try {
      const write = async (text: string): Promise<void> => {
        if (text === '') return;
        if (!parser.write(text)) await once(parser, 'drain', { signal: abort.signal });
      };
      await write(pending);
      if (!ended) {
        while (!abort.signal.aborted) {
          const next = await iterator.next();
          if (next.done) break;
          await write(decode(() => decoder.write(next.value)));
        }
        await write(decode(() => decoder.end()));
      }
      parser.end();
    } catch (error) {
      if (!abort.signal.aborted) parser.destroy(error as Error);
    }
  })();

  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      collector.row(record, info.lines);
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as unknown as { lines: number }).lines : null;
      throw new LedgerImportError('BAD_CSV', line, error.message, { cause: error });
    }
    throw error;
  } finally {
    abort.abort();
    parser.destroy();
    await feeding;
    await iterator.return?.();
  }
  return collector.finish({ fileHash: metered.digest(), byteCount: metered.bytesRead, encoding: decoder.encoding });
}
