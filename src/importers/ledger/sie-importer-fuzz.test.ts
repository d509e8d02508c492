// Fuzzing the SIE importer: random bytes, SIE-like token soup and mutations of the real
// exports, fed in random chunk sizes. Every case must either parse into a well-formed aggregate
// or fail with the importer's own LedgerImportError — never another exception, never a hang.
// The generator is seeded, so a failure names the seed and case that reproduce it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, it } from 'node:test';
import { LedgerImportError } from './ledger-import-error.ts';
import { importSie } from './sie-importer.ts';
import { mulberry32 } from '../../demo/seeded-random.ts';

const sieReal = new URL('../../../test/fixtures/sie-real/', import.meta.url);
const SEED = Number(process.env.MOGNA_FUZZ_SEED ?? 20211231);
const RANDOM_CASES = 1200;
const TOKEN_CASES = 1200;
const MUTATION_CASES = 1600;
const BUDGET_MS = 90_000;

const prng = mulberry32;

const random = prng(SEED);
const int = (max: number): number => Math.floor(random() * max);
const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;

const TOKENS = [
  '#FLAGGA 0', '#SIETYP 4', '#SIETYP 3', '#SIETYP 1', '#SIETYP', '#FORMAT PC8', '#RAR 0 20210101 20211231', '#RAR 0',
  '#VER A 1 20210101 "t"', '#VER', '#VER A 1 20210101 {', '{', '}', '#TRANS 5010 {1 "100"} 12.50', '#TRANS 1930 {} -12.50',
  '#TRANS', '#TRANS 1 {', '#TRANS 1 {1} 2', '#RTRANS 5010 {} 1', '#BTRANS 5010 {} 1', '#KONTO 5010 "Löner"', '#KONTO',
  '#OBJEKT 1 100 "IT"', '#OBJEKT', '#DIM 1 "KS"', '#UNDERDIM 21 "x" 1', '#PSALDO 0 202101 5010 {1 A} 5', '#PSALDO 0',
  '#PSALDO 0 202101 5010 {} x', '#RES 0 5010 5', '#RES 0 5010', '#IB 0 1930 1', '"', '\\"', '"open', '{1 "2"}', '{}',
  '99999999999999999999', '-0.005', '1e5', '12,50', '\t', '  ', '\r\n', '\n', '\u00e5\u00e4\u00f6', '\u0000', '\ufeff',
];

function tokenSoup(): Buffer {
  const parts: string[] = [];
  const count = int(80);
  for (let index = 0; index < count; index++) {
    parts.push(pick(TOKENS));
    parts.push(random() < 0.6 ? '\n' : pick([' ', '\t', '', '\r\n']));
  }
  const text = parts.join('');
  return random() < 0.5 ? Buffer.from(text, 'utf8') : Buffer.from(text, 'latin1');
}

function randomBytes(): Buffer {
  const length = int(3000);
  const bytes = Buffer.alloc(length);
  const alphabet = random() < 0.5;
  for (let index = 0; index < length; index++) {
    bytes[index] = alphabet ? pick([0x23, 0x7b, 0x7d, 0x22, 0x20, 0x0a, 0x0d, 0x09, 0x5c, 0x30, 0x31, 0x2d, 0x2e, 0x41, 0x94, 0xc3, 0xa4]) : int(256);
  }
  if (random() < 0.5) return Buffer.concat([Buffer.from('#FLAGGA 0\n#SIETYP 4\n'), bytes]);
  return bytes;
}

const originals = readdirSync(sieReal)
  .filter((name) => /\.s[ei]$/i.test(name))
  .map((name) => new URL(encodeURIComponent(name), sieReal))
  .filter((url) => statSync(url).size <= 64 * 1024)
  .map((url) => readFileSync(url));

function mutate(original: Buffer): Buffer {
  let bytes = Buffer.from(original);
  const mutations = 1 + int(6);
  for (let step = 0; step < mutations; step++) {
    const at = int(bytes.length + 1);
    switch (int(8)) {
      case 0: // flip a byte
        if (bytes.length > 0) bytes[Math.min(at, bytes.length - 1)] = int(256);
        break;
      case 1: // delete a range
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + int(200)))]);
        break;
      case 2: // duplicate a range
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at, at + int(400)), bytes.subarray(at)]);
        break;
      case 3: // insert a token
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(`${pick(TOKENS)}${pick(['\n', ' ', ''])}`, 'latin1'), bytes.subarray(at)]);
        break;
      case 4: // truncate
        bytes = bytes.subarray(0, at);
        break;
      case 5: // remove every closing brace from a point on
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(bytes.subarray(at).toString('latin1').replace(/}/g, ''), 'latin1')]);
        break;
      case 6: // replace a digit run with garbage
        bytes = Buffer.from(bytes.toString('latin1').replace(/\d+\.\d\d/, pick(['x', '1,5', '', '9'.repeat(30), '{'])), 'latin1');
        break;
      default: // insert random bytes
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(Array.from({ length: int(20) }, () => int(256))), bytes.subarray(at)]);
    }
  }
  return bytes;
}

async function* chunked(bytes: Buffer): AsyncIterable<Buffer> {
  // Byte-sized chunks only for small inputs: they test boundaries, not throughput.
  const size = bytes.length <= 4096 ? pick([1, 3, 17, 256, 65536]) : pick([61, 256, 4096, 65536]);
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

async function check(bytes: Buffer, label: string): Promise<'parsed' | 'rejected'> {
  try {
    const ledger = await importSie(chunked(bytes));
    for (const row of ledger.rows) {
      assert.ok(Number.isSafeInteger(row.amountOre), `${label}: amount ${row.amountOre} is not an exact integer`);
      assert.equal(typeof row.account, 'string');
    }
    assert.ok(ledger.warnings.length <= 201, `${label}: warnings are capped`);
    return 'parsed';
  } catch (error) {
    if (error instanceof LedgerImportError) {
      assert.ok(error.line === null || (Number.isInteger(error.line) && error.line >= 1), `${label}: bad line ${error.line}`);
      return 'rejected';
    }
    assert.fail(`${label} (seed ${SEED}) threw ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error)}`);
  }
}

describe('SIE importer under fuzzing', { timeout: BUDGET_MS + 30_000 }, () => {
  it(`never crashes or hangs on ${RANDOM_CASES + TOKEN_CASES + MUTATION_CASES} random and mutated inputs`, async () => {
    assert.ok(originals.length > 40, 'the real exports are there to mutate');
    const started = performance.now();
    const outcomes = { parsed: 0, rejected: 0 };
    const run = async (label: string, bytes: Buffer) => {
      const caseStarted = performance.now();
      outcomes[await check(bytes, label)]++;
      assert.ok(performance.now() - caseStarted < 5_000, `${label} took over 5 s`);
    };
    for (let index = 0; index < RANDOM_CASES; index++) await run(`random #${index}`, randomBytes());
    for (let index = 0; index < TOKEN_CASES; index++) await run(`tokens #${index}`, tokenSoup());
    for (let index = 0; index < MUTATION_CASES; index++) await run(`mutation #${index}`, mutate(pick(originals)));
    const elapsed = performance.now() - started;
    assert.ok(elapsed < BUDGET_MS, `fuzzing took ${Math.round(elapsed)} ms`);
    assert.ok(outcomes.parsed > 100 && outcomes.rejected > 100, `both outcomes occur: ${JSON.stringify(outcomes)}`);
  });
});
