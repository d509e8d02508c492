// `npm run bench -- ledger`: SIE import + IT-cost analysis throughput and memory.
// Writes a SIE 4 file of one million #TRANS lines (250 000 balanced vouchers of four rows, 200
// cost centres, Kommun-Bas accounts, code page 437) to a temp dir as a stream, times `wc -l`
// on it as the speed limit of merely reading the lines (best of 3, page cache warm), then
// streams it through the SIE importer and the analysis with the default rules, as `mogna ledger
// analyse` does (best of 3 as well). The headline is the ratio of the import's time to `wc -l`'s
// on the same file. Also reports MB/s, lines/s and peak memory (RSS sampled during the first
// parse, also as a multiple of the file size, after a full GC so the generation's garbage is not
// the baseline, and the process high-water mark).
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import iconv from 'iconv-lite';
import { kommunBasRules } from '../src/catalogues/kommun-bas-rules.ts';
import { analyseLedger } from '../src/domain/costs/ledger-analysis.ts';
import { importSie } from '../src/importers/ledger/sie-importer.ts';
import type { Bench } from './benches.ts';

const TRANS_LINES = 1_000_000;
const ROWS_PER_VOUCHER = 4;
const COST_CENTRES = 200;
const CENTRAL_IT = ['1200', '1210'];
/** Timed runs of `wc -l` and of the import; the best counts. */
const RUNS = 3;

const ACCOUNTS: [string, string][] = [
  ['5011', 'Månadsavlönade'],
  ['5610', 'Arbetsgivaravgifter'],
  ['5710', 'Pensionskostnader'],
  ['6010', 'Lokalhyror'],
  ['6210', 'El och värme'],
  ['6350', 'Leasing datorer'],
  ['6410', 'Datorer och kringutrustning'],
  ['6420', 'Licenser och programvaror'],
  ['6510', 'Kontorsmaterial'],
  ['6810', 'Telefoni'],
  ['6820', 'Datakommunikation'],
  ['7010', 'Resor'],
  ['7430', 'IT-konsulttjänster'],
  ['7450', 'Övriga främmande tjänster'],
  ['7510', 'Tillfälligt inhyrd personal'],
  ['4310', 'Övrigt material'],
];

function centre(index: number): string {
  return String(1000 + (index % COST_CENTRES) * 10);
}

export async function writeLedger(path: string): Promise<number> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(iconv.encode(text, 'cp437'))) await once(out, 'drain');
  };
  const head = [
    '#FLAGGA 0',
    '#PROGRAM "Mogna bench" 1.0',
    '#FORMAT PC8',
    '#GEN 20220115',
    '#SIETYP 4',
    '#FNAMN "Benchköping kommun"',
    '#RAR 0 20210101 20211231',
    '#DIM 1 "Ansvar"',
    ...Array.from({ length: COST_CENTRES }, (_, index) => `#OBJEKT 1 "${centre(index)}" "Enhet ${index} Åsa-Öl"`),
    ...ACCOUNTS.map(([account, name]) => `#KONTO ${account} "${name}"`),
    '#KONTO 2440 "Leverantörsskulder"',
    '#KONTO 2641 "Ingående moms"',
  ];
  await write(`${head.join('\r\n')}\r\n`);
  let lines = head.length;
  const vouchers = TRANS_LINES / ROWS_PER_VOUCHER;
  let batch: string[] = [];
  for (let voucher = 0; voucher < vouchers; voucher++) {
    const [account, name] = ACCOUNTS[voucher % ACCOUNTS.length] ?? ['5011', ''];
    const first = 100 + ((voucher * 7919) % 90000);
    const second = 50 + ((voucher * 104729) % 40000);
    const vat = Math.round((first + second) / 4);
    const month = String((voucher % 12) + 1).padStart(2, '0');
    batch.push(
      `#VER A ${voucher + 1} 2021${month}15 "${name} ${voucher}" 2021${month}16`,
      '{',
      `\t#TRANS ${account} {1 "${centre(voucher)}" 6 "P${voucher % 50}"} ${(first / 100).toFixed(2)} 2021${month}15 "Faktura ${voucher}"`,
      `\t#TRANS ${account} {1 "${centre(voucher + 1)}"} ${(second / 100).toFixed(2)}`,
      `\t#TRANS 2641 {} ${(vat / 100).toFixed(2)}`,
      `\t#TRANS 2440 {} ${(-(first + second + vat) / 100).toFixed(2)}`,
      '}',
    );
    lines += 3 + ROWS_PER_VOUCHER;
    if (batch.length >= 7000) {
      await write(`${batch.join('\r\n')}\r\n`);
      batch = [];
    }
  }
  if (batch.length > 0) await write(`${batch.join('\r\n')}\r\n`);
  out.end();
  await once(out, 'finish');
  return lines;
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

/** A full garbage collection, so the memory baseline does not hold the file generation's garbage. */
function collectGarbage(): void {
  if (global.gc) return global.gc();
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

export const ledger: Bench = {
  name: 'ledger',
  description: 'SIE 4 import + TBM analysis of a generated ledger with 1 000 000 #TRANS lines',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'mogna-ledger-bench-'));
    const path = join(dir, 'ledger-1m.se');
    try {
      let started = performance.now();
      const lines = await writeLedger(path);
      const bytes = statSync(path).size;
      console.log(`generated ${path}: ${mb(bytes)} MB, ${lines.toLocaleString('en')} lines, ${TRANS_LINES.toLocaleString('en')} #TRANS in ${((performance.now() - started) / 1000).toFixed(1)} s`);

      // Best of 3: the first run also warms the page cache (the file was just written anyway).
      let wcSeconds = Number.POSITIVE_INFINITY;
      let wcLines = '';
      let wcError: string | null = null;
      for (let run = 0; run < RUNS && wcError === null; run++) {
        const wcStarted = performance.now();
        const wc = spawnSync('wc', ['-l', path], { encoding: 'utf8' });
        const elapsed = (performance.now() - wcStarted) / 1000;
        if (wc.status !== 0) wcError = wc.error?.message ?? wc.stderr;
        wcSeconds = Math.min(wcSeconds, elapsed);
        wcLines = wc.stdout.trim().split(/\s+/)[0] ?? '';
      }
      if (wcError === null) {
        console.log(`wc -l (speed limit, best of ${RUNS}): ${wcLines} lines in ${wcSeconds.toFixed(3)} s = ${(bytes / 1024 / 1024 / wcSeconds).toFixed(0)} MB/s, ${Math.round(lines / wcSeconds).toLocaleString('en')} lines/s`);
      } else {
        console.log(`wc -l not available (${wcError})`);
      }

      collectGarbage();
      const before = process.memoryUsage();
      const baseline = before.rss;
      const heldBaseline = before.heapUsed + before.external;
      let peak = baseline;
      let heldPeak = heldBaseline;
      const sample = (): void => {
        const usage = process.memoryUsage();
        peak = Math.max(peak, usage.rss);
        heldPeak = Math.max(heldPeak, usage.heapUsed + usage.external);
      };
      const sampler = setInterval(sample, 10);
      started = performance.now();
      let aggregate = await importSie(createReadStream(path, { highWaterMark: 256 * 1024 }));
      let parseSeconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      sample();
      for (let run = 1; run < RUNS; run++) {
        const runStarted = performance.now();
        aggregate = await importSie(createReadStream(path, { highWaterMark: 256 * 1024 }));
        parseSeconds = Math.min(parseSeconds, (performance.now() - runStarted) / 1000);
      }
      const analysisStarted = performance.now();
      const analysis = analyseLedger(aggregate, { rules: kommunBasRules(), centralItCostCentres: CENTRAL_IT });
      const analysisMs = performance.now() - analysisStarted;
      const seconds = parseSeconds + analysisMs / 1000;

      console.log(`parse + analyse: ${seconds.toFixed(2)} s (parse ${parseSeconds.toFixed(2)} s best of ${RUNS}, analysis ${analysisMs.toFixed(1)} ms)`);
      console.log(`  throughput: ${(bytes / 1024 / 1024 / parseSeconds).toFixed(1)} MB/s, ${Math.round(lines / parseSeconds).toLocaleString('en')} lines/s (${Math.round(aggregate.rowCount / parseSeconds).toLocaleString('en')} #TRANS/s)`);
      if (wcError === null) console.log(`  import vs wc -l: ${(parseSeconds / wcSeconds).toFixed(1)}× its time (parse + analyse ${(seconds / wcSeconds).toFixed(1)}×)`);
      console.log(
        `  memory: RSS ${mb(baseline)} MB before, peak ${mb(peak)} MB during (+${mb(peak - baseline)} MB); process maxRSS ${mb(process.resourceUsage().maxRSS * 1024)} MB`,
      );
      console.log(`  held by the import (JS heap + buffers, peak over the baseline): +${mb(heldPeak - heldBaseline)} MB = ${((heldPeak - heldBaseline) / bytes).toFixed(2)}× the file`);
      console.log(
        `  result: ${aggregate.rowCount.toLocaleString('en')} rows read → ${aggregate.rows.length} account × cost-centre sums, ${aggregate.warnings.length} warnings; IT cost ${(analysis.totalItOre / 100).toLocaleString('sv-SE')} kr, central-IT share ${((analysis.centralItShare ?? 0) * 100).toFixed(2)} %`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
