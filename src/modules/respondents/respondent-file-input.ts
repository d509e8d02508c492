// The byte level of an upload: read it under a size limit, tell XLSX from CSV from anything
// else, and decode CSV text. Swedish Excel saves "CSV" as Windows-1252 and "CSV UTF-8" with a
// BOM, and "Unicode text" as UTF-16 with a BOM, so all of these are accepted.
import iconv from 'iconv-lite';
import { fileProblem, type RespondentFileProblem } from './respondent-file-problems.ts';

export type ReadResult = { ok: true; bytes: Buffer } | { ok: false; problem: RespondentFileProblem };

/**
 * Collects the input, but stops pulling from a stream as soon as more than `maxBytes` have
 * arrived (leaving the loop ends the iterator, which destroys a Node stream).
 */
export async function readWithLimit(data: Buffer | AsyncIterable<Buffer>, maxBytes: number): Promise<ReadResult> {
  const tooLarge = (): ReadResult => ({ ok: false, problem: fileProblem('too_large', { limit: maxBytes }) });
  if (Buffer.isBuffer(data)) return data.length > maxBytes ? tooLarge() : { ok: true, bytes: data };
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of data) {
    total += chunk.length;
    if (total > maxBytes) return tooLarge();
    chunks.push(chunk);
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}

export type DetectedFormat =
  | { kind: 'xlsx' }
  | { kind: 'csv' }
  | { kind: 'rejected'; problem: RespondentFileProblem };

const startsWith = (bytes: Buffer, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Compound File Binary: old .xls, and also a password-protected .xlsx. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const OTHER_BINARY = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x1f, 0x8b], // gzip
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0x50, 0x4b, 0x05, 0x06], // empty ZIP
  [0x7b, 0x5c, 0x72, 0x74, 0x66], // {\rtf
];
const TEXT_EXTENSIONS = new Set(['', 'csv', 'txt', 'tsv']);
const XLSX_EXTENSIONS = new Set(['xlsx', 'xlsm']);

function fileExtension(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

export function detectFormat(fileName: string, bytes: Buffer): DetectedFormat {
  const extension = fileExtension(fileName);
  const reject = (code: 'not_csv_or_xlsx' | 'unreadable_xlsx', reason: RespondentFileProblem['reason']): DetectedFormat => ({
    kind: 'rejected',
    problem: fileProblem(code, { value: fileName, reason }),
  });
  if (startsWith(bytes, ZIP)) {
    // A ZIP under a text name is most likely a renamed workbook; under e.g. .docx or .ods it is not ours.
    return XLSX_EXTENSIONS.has(extension) || TEXT_EXTENSIONS.has(extension) || extension === 'xls'
      ? { kind: 'xlsx' }
      : reject('not_csv_or_xlsx', 'extension');
  }
  if (startsWith(bytes, OLE)) return XLSX_EXTENSIONS.has(extension) ? reject('unreadable_xlsx', 'encrypted') : reject('not_csv_or_xlsx', 'xls');
  if (OTHER_BINARY.some((signature) => startsWith(bytes, signature))) return reject('not_csv_or_xlsx', 'binary');
  if (XLSX_EXTENSIONS.has(extension)) return reject('unreadable_xlsx', 'corrupt');
  if (!TEXT_EXTENSIONS.has(extension)) return reject('not_csv_or_xlsx', extension === 'xls' ? 'xls' : 'extension');
  if (!hasUtf16Bom(bytes) && looksBinary(bytes)) return reject('not_csv_or_xlsx', 'binary');
  return { kind: 'csv' };
}

const hasUtf16Bom = (bytes: Buffer) => startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);

/** NUL anywhere, or more than 1 % control characters in the first 64 KiB: not a text file. */
function looksBinary(bytes: Buffer): boolean {
  if (bytes.includes(0)) return true;
  const sample = bytes.subarray(0, 64 * 1024);
  let controls = 0;
  for (const byte of sample) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1a) controls++;
  }
  return controls > sample.length / 100;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; problem: RespondentFileProblem };

export function decodeText(bytes: Buffer): DecodeResult {
  if (startsWith(bytes, [0xff, 0xfe])) return { ok: true, text: iconv.decode(bytes, 'utf16le') };
  if (startsWith(bytes, [0xfe, 0xff])) return { ok: true, text: iconv.decode(bytes, 'utf16be') };
  const hasBom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const scan = scanUtf8(bytes);
  const badEncoding = (reason: 'mixed_encoding' | 'unknown_encoding', offset: number): DecodeResult => ({
    ok: false,
    problem: fileProblem('bad_encoding', { reason, rowNumber: lineAt(bytes, offset) }),
  });
  if (scan.firstInvalid === null) return { ok: true, text: bytes.toString('utf8', hasBom ? 3 : 0) };
  // Invalid UTF-8. A file that also holds valid multi-byte sequences (or says it is UTF-8 with a
  // BOM) mixes encodings: guessing would garble one half of the names, so ask for a clean save.
  if (hasBom || scan.multiByte > 0) return badEncoding('mixed_encoding', scan.firstInvalid);
  const text = iconv.decode(bytes, 'windows-1252');
  // Windows-1252 leaves five byte values undefined; iconv-lite turns them into U+FFFD.
  const undefinedAt = text.indexOf('\uFFFD');
  if (undefinedAt >= 0) return badEncoding('unknown_encoding', undefinedAt);
  return { ok: true, text };
}

/** 1-based line of a byte offset (one byte per character before it in Windows-1252, so offsets agree). */
function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Strict UTF-8 check (no overlongs, no surrogates) that also counts valid multi-byte sequences. */
function scanUtf8(bytes: Buffer): { firstInvalid: number | null; multiByte: number } {
  let multiByte = 0;
  let i = 0;
  const continuation = (at: number, low = 0x80, high = 0xbf) => {
    const byte = bytes[at];
    return byte !== undefined && byte >= low && byte <= high;
  };
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length = 0;
    if (lead >= 0xc2 && lead <= 0xdf) length = continuation(i + 1) ? 2 : 0;
    else if (lead >= 0xe0 && lead <= 0xef) {
      const low = lead === 0xe0 ? 0xa0 : 0x80;
      const high = lead === 0xed ? 0x9f : 0xbf;
      length = continuation(i + 1, low, high) && continuation(i + 2) ? 3 : 0;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      const low = lead === 0xf0 ? 0x90 : 0x80;
      const high = lead === 0xf4 ? 0x8f : 0xbf;
      length = continuation(i + 1, low, high) && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
    }
    if (length === 0) return { firstInvalid: i, multiByte };
    multiByte++;
    i += length;
  }
  return { firstInvalid: null, multiByte };
}
