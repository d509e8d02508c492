// `npm run bench -- reports`: time and peak memory to produce one member's sub-report (DOCX and
// PDF) and the whole demo federation's batch (federation report + 14 sub-reports, DOCX and PDF,
// into one ZIP), on the demo database in SQLite (or DATABASE_URL).
import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import { loadUserActor, type UserActor } from '../src/access/actor.ts';
import { createAppContext } from '../src/app/bootstrap.ts';
import { loadConfig } from '../src/app/config.ts';
import { seedDemo } from '../src/demo/demo-seeder.ts';
import { generateStudyReports } from '../src/modules/reports/report-batch.ts';
import { memberReportDocument, studyOf } from '../src/modules/reports/report-service.ts';
import { renderReport } from '../src/reports/render-report.ts';
import type { Bench } from './benches.ts';

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Runs `work` while sampling RSS every 10 ms; returns its time and the RSS peak above the start. */
async function measure<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peakMb: string; rssMb: string }> {
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  try {
    const value = await work();
    const ms = performance.now() - started;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, ms, peakMb: mb(peak - baseline), rssMb: mb(peak) };
  } finally {
    clearInterval(sampler);
  }
}

export const reports: Bench = {
  name: 'reports',
  description: 'reports: one sub-report (build, DOCX, PDF) and the whole demo federation batch as a ZIP',
  async run() {
    const config = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://bench.test', DATABASE_URL: process.env.DATABASE_URL ?? 'sqlite::memory:' });
    const { ctx, database } = await createAppContext(config);
    try {
      await seedDemo(ctx);
      const operator = await ctx.db.selectFrom('users').select('id').where('email', '=', 'operator@mogna.example').executeTakeFirstOrThrow();
      const actor = (await loadUserActor(ctx.db, operator.id)) as UserActor;
      const federation = await ctx.db.selectFrom('organisations').select('id').where('kind', '=', 'kommunalforbund').executeTakeFirstOrThrow();
      const year = ctx.clock.now().getUTCFullYear() - 1;
      const study = await studyOf(ctx, actor, federation.id, year);
      // A member that took part in every part, so the figures are for a full sub-report.
      const member = study.members.find((candidate) => Object.values(candidate.parts).every(Boolean))!;

      // Warm-up: the first report loads fonts, chart code and fills the results snapshots.
      await renderReport(await memberReportDocument(ctx, actor, member.id, year, 'sv'), 'pdf');

      const built = await measure(() => memberReportDocument(ctx, actor, member.id, year, 'sv'));
      const document = built.value;
      const figures = document.blocks.filter((block) => block.kind === 'figure').length;
      const tables = document.blocks.filter((block) => block.kind === 'table').length;
      console.log(`  one sub-report (${member.name}, ${year}): ${document.blocks.length} blocks, ${figures} figures, ${tables} tables`);
      console.log(`    gather data + build the document: ${built.ms.toFixed(0)} ms (+${built.peakMb} MB RSS)`);
      const docx = await measure(() => renderReport(document, 'docx', { docxPageNumbers: true }));
      console.log(`    DOCX with the contents' page numbers laid out (CLI): ${docx.ms.toFixed(0)} ms, ${(docx.value.length / 1024).toFixed(0)} KB, peak +${docx.peakMb} MB RSS (RSS ${docx.rssMb} MB)`);
      const docxFast = await measure(() => renderReport(document, 'docx', { docxPageNumbers: false }));
      console.log(`    DOCX as the web and the batch make it (page numbers left to Word): ${docxFast.ms.toFixed(0)} ms, ${(docxFast.value.length / 1024).toFixed(0)} KB, peak +${docxFast.peakMb} MB RSS`);
      const pdf = await measure(() => renderReport(document, 'pdf'));
      console.log(`    PDF: ${pdf.ms.toFixed(0)} ms, ${(pdf.value.length / 1024).toFixed(0)} KB, peak +${pdf.peakMb} MB RSS (RSS ${pdf.rssMb} MB)`);

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
        `  whole demo batch: ${batch.value} files (federation report + ${study.members.length} sub-reports, DOCX + PDF) in ${(batch.ms / 1000).toFixed(1)} s, ZIP ${mb(size)} MB, peak +${batch.peakMb} MB RSS (RSS ${batch.rssMb} MB)`,
      );
      global.gc?.();
      console.log(`  after the batch: heap used ${mb(process.memoryUsage().heapUsed)} MB, RSS ${mb(process.memoryUsage().rss)} MB${global.gc ? ' (after a full GC)' : ''}`);
      console.log(`  process maxRSS ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
    } finally {
      await database.close();
    }
  },
};
