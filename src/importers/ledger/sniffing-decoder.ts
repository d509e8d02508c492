// Streaming text decoder that picks a file's encoding from its own bytes before decoding them.
//
// The rule, per file:
//  1. A UTF-8 byte-order mark means UTF-8. A UTF-16 mark, or any NUL byte, is a bad encoding
//     (a binary or UTF-16 file).
//  2. While every byte is ASCII nothing needs deciding: ASCII reads the same in all candidates.
//  3. At the first non-ASCII byte, up to 64 KiB from there on are held back and examined:
//     if they are valid UTF-8 the file is UTF-8 (whatever #FORMAT says: many programs write
//     "#FORMAT PC8" and UTF-8). Otherwise the fallback applies — code page 437 for SIE
//     (#FORMAT PC8), Windows-1252 for CSV. For SIE, a window that has Swedish letters at their
//     Windows-1252 places (e.g. 0xE4 ä) and none of the bytes 0x80–0x9F, where code page 437 keeps
//     å, ä, ö, is read as Windows-1252.
//  4. Once UTF-8 is chosen, a later invalid sequence is a bad encoding (a mixed file).
// Single-byte code pages decode through iconv-lite; UTF-8 through the platform's strict decoder,
// which is what reports invalid sequences.
import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { TextEncodingName } from '../../domain/costs/ledger-aggregate.ts';

const SNIFF_WINDOW_BYTES = 64 * 1024;

/** Thrown by the decoder; `byteOffset` is relative to the bytes passed to the failing call. */
export class DecodeFailure extends Error {
  override name = 'DecodeFailure';
  constructor(
    message: string,
    readonly bytes: Buffer,
    readonly byteOffset: number,
  ) {
    super(message);
  }

  /** Line feeds in the failing bytes before the bad byte, to turn the offset into a line. */
  newlinesBefore(): number {
    let count = 0;
    for (let index = this.bytes.indexOf(10); index >= 0 && index < this.byteOffset; index = this.bytes.indexOf(10, index + 1)) count++;
    return count;
  }
}

// Where code page 437 keeps the Swedish letters (and é, ü): bytes 0x80–0x9F. Windows-1252 puts
// å ä ö Å Ä Ö é É ü Ü at these places instead.
const WINDOWS_1252_LETTERS = new Set([0xe5, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6, 0xe9, 0xc9, 0xfc, 0xdc]);

const EMPTY = Buffer.alloc(0);

/** True when the bytes (an incomplete character) can still become valid UTF-8. */
function isValidUtf8Prefix(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

interface Decoder {
  write(bytes: Buffer): string;
  end(): string;
}

export class SniffingDecoder {
  private chosen: TextEncodingName | null = null;
  private decoder: Decoder | null = null;
  private held: Buffer[] = [];
  private heldBytes = 0;
  private bytesSeen = 0;
  private tail: Buffer = Buffer.alloc(0);
  /** Byte level, UTF-8: the start of a character that the next bytes complete. */
  private carry: Buffer = EMPTY;
  private singleByte: ((bytes: Buffer) => string) | null = null;

  constructor(private readonly fallback: 'cp437' | 'windows-1252') {}

  /** Line feeds in bytes held back for the encoding decision (for error line numbers). */
  get heldNewlines(): number {
    let count = 0;
    for (const bytes of this.held) for (const byte of bytes) if (byte === 10) count++;
    return count;
  }

  /** The encoding chosen so far ('ascii' while every byte has been ASCII). */
  get encoding(): TextEncodingName {
    return this.chosen ?? 'ascii';
  }

  write(bytes: Buffer): string {
    const nul = bytes.indexOf(0);
    if (nul >= 0) throw new DecodeFailure('the file contains NUL bytes (binary or UTF-16)', bytes, nul);
    if (this.decoder !== null) return this.decodeChosen(bytes);
    if (this.heldBytes > 0) {
      this.hold(bytes);
      return this.heldBytes >= SNIFF_WINDOW_BYTES ? this.decide() : '';
    }
    const firstHigh = firstNonAscii(bytes);
    if (firstHigh < 0) {
      this.bytesSeen += bytes.length;
      return bytes.toString('latin1');
    }
    // ASCII before the first high byte is decoded right away; the rest waits for the decision.
    const head = bytes.subarray(0, firstHigh).toString('latin1');
    this.bytesSeen += firstHigh;
    this.hold(bytes.subarray(firstHigh));
    return head + (this.heldBytes >= SNIFF_WINDOW_BYTES ? this.decide() : '');
  }

  end(): string {
    let text = '';
    if (this.decoder === null && this.heldBytes > 0) text = this.decide();
    if (this.decoder !== null) {
      try {
        text += this.decoder.end();
      } catch {
        throw new DecodeFailure('the file ends inside a UTF-8 character', Buffer.alloc(0), 0);
      }
    }
    return text;
  }

  /**
   * The byte-level twin of `write`: the same sniffing, the same failures at the same calls, but
   * the bytes come back undecoded (and validated when the file is UTF-8), so a line-oriented
   * reader can split them on byte 10 and decode only what it needs (`decodeBytes`). A UTF-8
   * byte-order mark at the start of the decoded stream is dropped, as TextDecoder drops it.
   */
  writeBytes(bytes: Buffer): Buffer[] {
    const nul = bytes.indexOf(0);
    if (nul >= 0) throw new DecodeFailure('the file contains NUL bytes (binary or UTF-16)', bytes, nul);
    if (this.chosen !== null) return [this.checkChosen(bytes)];
    if (this.heldBytes > 0) {
      this.hold(bytes);
      return this.heldBytes >= SNIFF_WINDOW_BYTES ? [this.decideBytes()] : [];
    }
    const firstHigh = firstNonAscii(bytes);
    if (firstHigh < 0) {
      this.bytesSeen += bytes.length;
      return [bytes];
    }
    const head = bytes.subarray(0, firstHigh);
    this.bytesSeen += firstHigh;
    this.hold(bytes.subarray(firstHigh));
    return this.heldBytes >= SNIFF_WINDOW_BYTES ? [head, this.decideBytes()] : [head];
  }

  /** The byte-level twin of `end`. */
  endBytes(): Buffer[] {
    const out: Buffer[] = [];
    if (this.chosen === null && this.heldBytes > 0) out.push(this.decideBytes());
    if (this.chosen === 'utf-8' && this.carry.length > 0) {
      throw new DecodeFailure('the file ends inside a UTF-8 character', Buffer.alloc(0), 0);
    }
    return out;
  }

  /** Text of bytes returned by `writeBytes` / `endBytes` (whole characters), in the chosen encoding. */
  decodeBytes(bytes: Buffer): string {
    if (this.chosen === 'utf-8') return bytes.toString('utf8');
    if (this.chosen === null || isAscii(bytes)) return bytes.toString('latin1');
    return (this.singleByte ??= singleByteDecoder(this.chosen))(bytes);
  }

  /** UTF-16 units of whole bytes' characters, counting a UTF-8 character where it starts. */
  decodedLength(bytes: Buffer): number {
    if (this.chosen !== 'utf-8' || isAscii(bytes)) return bytes.length;
    let units = 0;
    for (const byte of bytes) {
      if (byte < 0x80 || byte >= 0xc0) units += byte >= 0xf0 ? 2 : 1;
    }
    return units;
  }

  /** Units of a character begun at the end of these bytes that the UTF-8 decoder would still hold back. */
  heldBackLength(bytes: Buffer): number {
    if (this.chosen !== 'utf-8') return 0;
    const complete = withoutIncompleteTail(bytes).length;
    if (complete === bytes.length) return 0;
    return (bytes[complete] ?? 0) >= 0xf0 ? 2 : 1;
  }

  private decideBytes(): Buffer {
    const window = Buffer.concat(this.held, this.heldBytes);
    this.held = [];
    this.heldBytes = 0;
    const atStart = this.bytesSeen === 0;
    if (atStart && window.length >= 2 && ((window[0] === 0xff && window[1] === 0xfe) || (window[0] === 0xfe && window[1] === 0xff))) {
      throw new DecodeFailure('the file is UTF-16, which is not supported', window, 0);
    }
    let encoding: TextEncodingName;
    if (atStart && window.length >= 3 && window[0] === 0xef && window[1] === 0xbb && window[2] === 0xbf) encoding = 'utf-8';
    else if (isUtf8(withoutIncompleteTail(window))) encoding = 'utf-8';
    else if (this.fallback === 'cp437' && looksLikeWindows1252(window)) encoding = 'windows-1252';
    else encoding = this.fallback;
    this.chosen = encoding;
    const checked = this.checkChosen(window);
    // TextDecoder drops a byte-order mark at the start of what it is given.
    return encoding === 'utf-8' && checked.length >= 3 && checked[0] === 0xef && checked[1] === 0xbb && checked[2] === 0xbf
      ? checked.subarray(3)
      : checked;
  }

  /** Fails exactly where a streaming fatal TextDecoder would; single-byte code pages take every byte. */
  private checkChosen(bytes: Buffer): Buffer {
    if (this.chosen !== 'utf-8') {
      this.bytesSeen += bytes.length;
      return bytes;
    }
    const carried = this.carry;
    const data = carried.length === 0 ? bytes : Buffer.concat([carried, bytes]);
    let complete = data.length;
    if (!isAscii(data.subarray(Math.max(0, data.length - 3)))) complete = withoutIncompleteTail(data).length;
    const valid =
      (complete === data.length || isValidUtf8Prefix(data.subarray(complete))) &&
      (isAscii(data) || isUtf8(data.subarray(0, complete)));
    if (!valid) {
      const combined = Buffer.concat([this.tail, bytes]);
      const offset = Math.max(0, firstInvalidUtf8(combined) - this.tail.length);
      throw new DecodeFailure('invalid UTF-8 in a file that started as UTF-8', bytes, offset);
    }
    this.carry = complete === data.length ? EMPTY : Buffer.from(data.subarray(complete));
    this.remember(bytes);
    return bytes;
  }

  private hold(bytes: Buffer): void {
    this.held.push(bytes);
    this.heldBytes += bytes.length;
  }

  private decide(): string {
    const window = Buffer.concat(this.held, this.heldBytes);
    this.held = [];
    this.heldBytes = 0;
    const atStart = this.bytesSeen === 0;
    if (atStart && window.length >= 2 && ((window[0] === 0xff && window[1] === 0xfe) || (window[0] === 0xfe && window[1] === 0xff))) {
      throw new DecodeFailure('the file is UTF-16, which is not supported', window, 0);
    }
    if (atStart && window.length >= 3 && window[0] === 0xef && window[1] === 0xbb && window[2] === 0xbf) {
      this.choose('utf-8');
    } else if (isUtf8(withoutIncompleteTail(window))) {
      this.choose('utf-8');
    } else if (this.fallback === 'cp437' && looksLikeWindows1252(window)) {
      this.choose('windows-1252');
    } else {
      this.choose(this.fallback);
    }
    return this.decodeChosen(window);
  }

  private choose(encoding: TextEncodingName): void {
    this.chosen = encoding;
    if (encoding === 'utf-8') {
      const utf8 = new TextDecoder('utf-8', { fatal: true });
      this.decoder = {
        write: (bytes) => utf8.decode(bytes, { stream: true }),
        end: () => utf8.decode(),
      };
    } else {
      const decode = singleByteDecoder(encoding);
      this.decoder = { write: decode, end: () => '' };
    }
  }

  private decodeChosen(bytes: Buffer): string {
    const decoder = this.decoder;
    if (decoder === null) throw new Error('no decoder chosen');
    try {
      const text = decoder.write(bytes);
      this.remember(bytes);
      return text;
    } catch {
      const combined = Buffer.concat([this.tail, bytes]);
      const offset = Math.max(0, firstInvalidUtf8(combined) - this.tail.length);
      throw new DecodeFailure('invalid UTF-8 in a file that started as UTF-8', bytes, offset);
    }
  }

  private remember(bytes: Buffer): void {
    this.bytesSeen += bytes.length;
    if (this.chosen === 'utf-8') this.tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 3)));
  }
}

const HIGH_BYTES = /[\u0080-\u00ff]/g;
const singleByteTables = new Map<string, string[]>();

/**
 * A stateless decoder for a single-byte code page. The table of its 128 upper characters comes
 * from iconv-lite; decoding reads the bytes as Latin-1 (native and fast, the same for the ASCII
 * half) and swaps only the upper characters, which are few in an accounting file.
 */
function singleByteDecoder(encoding: 'cp437' | 'windows-1252' | 'ascii'): (bytes: Buffer) => string {
  let table = singleByteTables.get(encoding);
  if (table === undefined) {
    const upper = Buffer.from(Array.from({ length: 128 }, (_, index) => 128 + index));
    table = [...iconv.decode(upper, encoding === 'ascii' ? 'latin1' : encoding)];
    singleByteTables.set(encoding, table);
  }
  const characters = table;
  const swap = (char: string): string => characters[char.charCodeAt(0) - 128] ?? char;
  return (bytes) => {
    const text = bytes.toString('latin1');
    return isAscii(bytes) ? text : text.replace(HIGH_BYTES, swap);
  };
}

function firstNonAscii(bytes: Buffer): number {
  for (let index = 0; index < bytes.length; index++) if ((bytes[index] ?? 0) > 0x7f) return index;
  return -1;
}

/** Cuts a multi-byte sequence that the window boundary split, so it does not count as invalid. */
function withoutIncompleteTail(bytes: Buffer): Buffer {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] ?? 0;
    if (byte < 0x80) return bytes;
    if (byte >= 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return needed > back ? bytes.subarray(0, bytes.length - back) : bytes;
    }
  }
  return bytes;
}

function looksLikeWindows1252(bytes: Buffer): boolean {
  let letters = 0;
  for (const byte of bytes) {
    if (byte >= 0x80 && byte <= 0x9f) return false;
    if (WINDOWS_1252_LETTERS.has(byte)) letters++;
  }
  return letters > 0;
}

/** Offset of the first byte that breaks UTF-8 (bytes.length when none), for error positions. */
function firstInvalidUtf8(bytes: Buffer): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index] ?? 0;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next++) {
      if (index + next >= bytes.length) return bytes.length;
      const continuation = bytes[index + next] ?? 0;
      if (continuation < 0x80 || continuation > 0xbf) return index;
    }
    index += length;
  }
  return bytes.length;
}
