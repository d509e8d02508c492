// `npm run bench -- reports`: time and peak memory to produce one member's sub-report (DOCX and
// PDF) and the whole demo federation's batch (federation report + 14 sub-reports, DOCX and PDF,
// into one ZIP), on the demo database in SQLite (or DATABASE_URL).
import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import { loadUserActor, type UserActor } from '../src/app/actor.ts';
import { createAppContext } from '../src/app/bootstrap.ts';
import { loadConfig } from '../src/app/config.ts';
import { seedDemo } from '../src/demo/demo-seeder.ts';
import { generateStudyReports } from '../src/modules/reports/batch-service.ts';
import { memberReportDocument, studyOf } from '../src/modules/reports/report-service.ts';
import { renderReport } from '../src/reports/render-report.ts';
import type { ReportDocument } from '../src/reports/report-model.ts';
import type { Bench } from './benches.ts';

const WARM_UP_REPORTS = 4;

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Runs `work` while sampling RSS every 10 ms; returns its time and the RSS peak above the start. */
async function measure<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number; peakMb: string; rssMb: string }> {
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  try {
    const value = await work();
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, ms, cpuMs, peakMb: mb(peak - baseline), rssMb: mb(peak) };
  } finally {
    clearInterval(sampler);
  }
}

export const reports: Bench = {
  name: 'reports',
  description: 'reports: one sub-report (build, DOCX, PDF) and the whole demo federation batch as a ZIP',
  async run() {
    const config = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://bench.test', DATABASE_URL: process.env.DATABASE_URL ?? 'sqlite::memory:', ...(process.env.REPORT_WORKERS ? { REPORT_WORKERS: process.env.REPORT_WORKERS } : {}) });
    const { ctx, database } = await createAppContext(config);
    try {
      await seedDemo(ctx);
      const operator = await ctx.db.selectFrom('users').select('id').where('email', '=', 'operator@mogna.example').executeTakeFirstOrThrow();
      const actor = (await loadUserActor(ctx.db, operator.id)) as UserActor;
      const federation = await ctx.db.selectFrom('organisations').select('id').where('kind', '=', 'kommunalforbund').executeTakeFirstOrThrow();
      const year = ctx.clock.now().getUTCFullYear() - 1;
      const study = await studyOf(ctx, actor, federation.id, year);
      // As a server does at start-up (`mogna serve`): start the report workers and load their
      // renderers. Then one report in both formats, twice, so each worker has drawn each format once.
      const warmed = await measure(() => ctx.reports.warm());
      console.log(`  ${ctx.reports.parallelism} report worker(s) started and loaded in ${warmed.ms.toFixed(0)} ms (+${warmed.peakMb} MB RSS)`);
      // Members that took part in every part, so the figures are for full sub-reports.
      const members = study.members.filter((candidate) => Object.values(candidate.parts).every(Boolean));
      for (const warmUp of members.slice(0, WARM_UP_REPORTS)) {
        const warmUpDocument = await memberReportDocument(ctx, actor, warmUp.id, year, 'sv');
        await ctx.reports.renderFormats(warmUpDocument, ['docx', 'pdf']);
      }

      // Five members not drawn before, so no chart comes from a cache: one sub-report in both
      // formats, as issuing a version and the batch draw it (one worker; its PNGs on libuv's threads).
      const times: number[] = [];
      let document: ReportDocument | undefined;
      for (const measured of members.slice(WARM_UP_REPORTS, WARM_UP_REPORTS + 5)) {
        const built = await measure(() => memberReportDocument(ctx, actor, measured.id, year, 'sv'));
        const both = await measure(() => ctx.reports.renderFormats(built.value, ['docx', 'pdf']));
        const [docxBytes, pdfBytes] = both.value as [Buffer, Buffer];
        times.push(both.ms);
        document = built.value;
        const figures = built.value.blocks.filter((block) => block.kind === 'figure').length;
        console.log(
          `  one sub-report (${measured.name}, ${year}; ${built.value.blocks.length} blocks, ${figures} figures): data + document ${built.ms.toFixed(0)} ms, then DOCX (${(docxBytes.length / 1024).toFixed(0)} KB) + PDF (${(pdfBytes.length / 1024).toFixed(0)} KB) ${both.ms.toFixed(0)} ms (CPU ${both.cpuMs.toFixed(0)} ms), peak +${both.peakMb} MB RSS`,
        );
      }
      const sorted = [...times].sort((a, b) => a - b);
      console.log(`    DOCX + PDF of one sub-report: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, slowest ${sorted.at(-1)!.toFixed(0)} ms (target: under 1 000 ms)`);

      if (!document) throw new Error('the demo has too few members for this bench');
      // The last one again, one format at a time on this thread, charts now cached: the renderers' own cost.
      const docx = await measure(() => renderReport(document, 'docx', { docxPageNumbers: true }));
      console.log(`    DOCX with the contents' page numbers laid out (CLI), on this thread: ${docx.ms.toFixed(0)} ms, peak +${docx.peakMb} MB RSS (RSS ${docx.rssMb} MB)`);
      const docxFast = await measure(() => renderReport(document, 'docx', { docxPageNumbers: false }));
      console.log(`    DOCX as the web and the batch make it, on this thread: ${docxFast.ms.toFixed(0)} ms, peak +${docxFast.peakMb} MB RSS`);
      const pdf = await measure(() => renderReport(document, 'pdf'));
      console.log(`    PDF, on this thread: ${pdf.ms.toFixed(0)} ms, peak +${pdf.peakMb} MB RSS (RSS ${pdf.rssMb} MB)`);

      const zipPath = join(tmpdir(), `mogna-bench-${process.pid}.zip`);
      const batch = await measure(async () => {
        const zip = new yazl.ZipFile();
        const written = new Promise<void>((resolve, reject) => {
          const out = createWriteStream(zipPath);
          out.on('close', resolve).on('error', reject);
          zip.outputStream.pipe(out);
        });
        const result = await generateStudyReports(ctx, actor, federation.id, year, 'sv', {
          formats: ['docx', 'pdf'],
          write: async (name, content) => zip.addBuffer(content, name),
        });
        zip.end();
        await written;
        return result.files.length;
      });
      const size = (await stat(zipPath)).size;
      await rm(zipPath, { force: true });
      console.log(
        `  whole demo batch: ${batch.value} files (federation report + ${study.members.length} sub-reports, DOCX + PDF) in ${(batch.ms / 1000).toFixed(1)} s (CPU, all threads: ${(batch.cpuMs / 1000).toFixed(1)} s), ZIP ${mb(size)} MB, peak +${batch.peakMb} MB RSS (RSS ${batch.rssMb} MB)`,
      );
      global.gc?.();
      console.log(`  after the batch: heap used ${mb(process.memoryUsage().heapUsed)} MB, RSS ${mb(process.memoryUsage().rss)} MB${global.gc ? ' (after a full GC)' : ''}`);
      console.log(`  process maxRSS ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
    } finally {
      await database.close();
    }
  },
};
