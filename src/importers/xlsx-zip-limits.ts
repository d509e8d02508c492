// Limits checked before any XLSX is parsed (issue 12). An XLSX file is a ZIP archive; a small
// archive can unpack to gigabytes (a "ZIP bomb": a 1 MB file that unpacked to 1 GB kept the
// column-mapping page busy for 14 s and 500 MB). Before exceljs sees the file we read the ZIP's
// central directory and refuse the file when
// - its entries together say they unpack to more than maxUnpackedBytes, or there are more than
//   maxEntries of them (ZIP64 archives, for more than 4 GB or 65,535 entries, are refused too);
// - one entry larger than ratioAppliesAbove unpacks to more than maxRatio times its packed size
//   (spreadsheet XML packs 5–30 times; hundreds or thousands of times is a bomb);
// and then inflate every entry once, counting bytes and stopping at once, so an archive whose
// directory understates its sizes is caught too. Nothing is kept in memory but one chunk.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';

export interface ZipLimits {
  maxUnpackedBytes: number;
  maxRatio: number;
  ratioAppliesAbove: number;
  maxEntries: number;
}

export const XLSX_ZIP_LIMITS: ZipLimits = {
  maxUnpackedBytes: 300 * 1024 * 1024,
  maxRatio: 200,
  ratioAppliesAbove: 1024 * 1024,
  maxEntries: 10_000,
};

export type ZipCheck =
  | { ok: true; unpackedBytes: number }
  | { ok: false; problem: 'unpacked' | 'ratio' | 'corrupt'; detail: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

interface Entry {
  name: string;
  method: number;
  packed: number;
  unpacked: number;
  localOffset: number;
}

/** Checks the ZIP archive at `path` against the limits without unpacking it into memory. */
export async function checkZipFile(path: string, limits: ZipLimits = XLSX_ZIP_LIMITS): Promise<ZipCheck> {
  const handle = await open(path, 'r');
  let entries: Entry[];
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    if (tailLength < 22) return { ok: false, problem: 'corrupt', detail: 'too short to be a ZIP archive' };
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let end = -1;
    for (let at = tailLength - 22; at >= 0; at -= 1) {
      if (tail.readUInt32LE(at) === EOCD) {
        end = at;
        break;
      }
    }
    if (end < 0) return { ok: false, problem: 'corrupt', detail: 'no ZIP central directory' };
    const count = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    if (count === 0xffff || directoryOffset === ZIP64_MARK || directorySize === ZIP64_MARK) {
      return { ok: false, problem: 'unpacked', detail: 'a ZIP64 archive (more than 4 GB or 65,535 entries)' };
    }
    if (count > limits.maxEntries) return { ok: false, problem: 'unpacked', detail: `${count} entries (at most ${limits.maxEntries})` };
    if (directoryOffset + directorySize > size) return { ok: false, problem: 'corrupt', detail: 'the central directory lies outside the file' };
    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryOffset);
    entries = [];
    let at = 0;
    let declared = 0;
    for (let index = 0; index < count; index += 1) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL) return { ok: false, problem: 'corrupt', detail: 'a broken central directory entry' };
      const nameLength = directory.readUInt16LE(at + 28);
      const entry: Entry = {
        method: directory.readUInt16LE(at + 10),
        packed: directory.readUInt32LE(at + 20),
        unpacked: directory.readUInt32LE(at + 24),
        localOffset: directory.readUInt32LE(at + 42),
        name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      };
      at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
      if (entry.packed === ZIP64_MARK || entry.unpacked === ZIP64_MARK || entry.localOffset === ZIP64_MARK) {
        return { ok: false, problem: 'unpacked', detail: `entry ${entry.name} needs ZIP64 (more than 4 GB)` };
      }
      declared += entry.unpacked;
      if (declared > limits.maxUnpackedBytes) return { ok: false, problem: 'unpacked', detail: `the entries unpack to more than ${limits.maxUnpackedBytes} bytes` };
      const ratioProblem = ratioOf(entry.name, entry.packed, entry.unpacked, limits);
      if (ratioProblem) return ratioProblem;
      if (entry.method !== 0 && entry.method !== 8) return { ok: false, problem: 'corrupt', detail: `entry ${entry.name} uses compression method ${entry.method}` };
      entries.push(entry);
    }
    // Where each entry's data starts: after its local header, whose name and extra field may
    // differ in length from the central directory's.
    for (const entry of entries) {
      const local = Buffer.alloc(30);
      await handle.read(local, 0, 30, entry.localOffset);
      if (local.readUInt32LE(0) !== LOCAL) return { ok: false, problem: 'corrupt', detail: `entry ${entry.name} has no local header` };
      entry.localOffset += 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      if (entry.localOffset + entry.packed > size) return { ok: false, problem: 'corrupt', detail: `entry ${entry.name} runs past the end of the file` };
    }
  } finally {
    await handle.close();
  }
  let total = 0;
  for (const entry of entries) {
    if (entry.packed === 0) continue;
    const budget = Math.min(entry.unpacked, limits.maxUnpackedBytes - total);
    const counted = entry.method === 0 ? entry.packed : await inflatedLength(path, entry, budget);
    if (counted === 'broken') return { ok: false, problem: 'corrupt', detail: `entry ${entry.name} cannot be unpacked` };
    if (counted > entry.unpacked) {
      // The directory understates the entry's size: no ordinary program writes that.
      return { ok: false, problem: 'ratio', detail: `entry ${entry.name} unpacks to more than the ${entry.unpacked} bytes its directory says` };
    }
    total += counted;
  }
  return { ok: true, unpackedBytes: total };
}

function ratioOf(name: string, packed: number, unpacked: number, limits: ZipLimits): ZipCheck | undefined {
  if (unpacked <= limits.ratioAppliesAbove) return undefined;
  const ratio = unpacked / Math.max(1, packed);
  return ratio > limits.maxRatio ? { ok: false, problem: 'ratio', detail: `entry ${name} unpacks to ${Math.round(ratio)} times its packed size (at most ${limits.maxRatio})` } : undefined;
}

/** Bytes the deflated entry unpacks to, counting only up to budget + 1; 'broken' if it is not deflate data. */
async function inflatedLength(path: string, entry: Entry, budget: number): Promise<number | 'broken'> {
  const inflate = createInflateRaw();
  const source = createReadStream(path, { start: entry.localOffset, end: entry.localOffset + entry.packed - 1 });
  source.on('error', (error) => inflate.destroy(error));
  source.pipe(inflate);
  let length = 0;
  try {
    for await (const chunk of inflate) {
      length += (chunk as Buffer).length;
      if (length > budget) break;
    }
  } catch {
    return 'broken';
  } finally {
    source.destroy();
    inflate.destroy();
  }
  return length;
}
