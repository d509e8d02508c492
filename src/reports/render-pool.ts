// Reports drawn in worker threads (piscina). Drawing a sub-report is about a second of CPU work
// with no awaits in between; in the web process it would hold up every other request, and one
// thread would leave the machine's other cores idle during a batch. The workers start on the
// first report, or at start-up when the server warms them (and then stay); otherwise they stop
// after a while without work, so a command or a test that draws no report pays nothing for them.
import { Piscina } from 'piscina';
import type { ReportFormat } from './report-formats.ts';
import type { RenderOptions } from './render-report.ts';
import { figureCharts, type ReportDocument } from './report-model.ts';
import type { ReportRenderer } from './report-renderer.ts';
import type { RenderTask } from './render-worker-task.ts';

/** The smallest report there is: drawing it loads a worker's renderers. */
const warmUpDocument: ReportDocument = {
  locale: 'sv',
  title: '',
  subtitle: '',
  author: '',
  date: '1970-01-01',
  version: '',
  classification: { level: 0, label: '', meaning: '' },
  history: [],
  labels: {} as ReportDocument['labels'],
  blocks: [],
};

const YOUNG_GENERATION_MB = 96;

/** Idle workers stop after this long; the next report starts them again (about a second). */
const IDLE_MS = 5 * 60 * 1000;

export function createRenderPool(threads: number): ReportRenderer {
  let pool: Piscina<RenderTask, Uint8Array[] | string[]> | undefined;
  const started = (keepWarm = false): Piscina<RenderTask, Uint8Array[] | string[]> =>
    (pool ??= new Piscina({
      filename: new URL('./render-worker.mjs', import.meta.url).href,
      minThreads: keepWarm ? threads : 0,
      maxThreads: threads,
      idleTimeout: IDLE_MS,
      // Drawing a report allocates a lot of short-lived buffers (PNGs, zip and PDF streams); a
      // larger young generation lets them die there instead of being promoted and collected
      // again (bench: the demo batch 13.7 s → 12.7 s).
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      // The worker registers the TypeScript loader itself (render-worker.mjs); inheriting
      // `--import tsx` from a test run as well would register it twice.
      execArgv: [],
    }));
  return {
    parallelism: threads,
    async render(document: ReportDocument, format: ReportFormat, options: RenderOptions = {}): Promise<Buffer> {
      const [bytes] = (await started().run({ kind: 'files', document, formats: [format], options })) as Uint8Array[];
      return Buffer.from(bytes!.buffer, bytes!.byteOffset, bytes!.byteLength);
    },
    async renderFormats(document: ReportDocument, formats: readonly ReportFormat[], options: RenderOptions = {}): Promise<Buffer[]> {
      const running = started();
      const draw = async (task: RenderTask): Promise<Buffer> => {
        const [bytes] = (await running.run(task)) as Uint8Array[];
        return Buffer.from(bytes!.buffer, bytes!.byteOffset, bytes!.byteLength);
      };
      if (formats.length < 2 || figureCharts(document).length === 0) return Promise.all(formats.map((format) => draw({ kind: 'files', document, formats: [format], options })));
      // The charts first, in one worker; then each format in its own, from those SVGs: the
      // formats are drawn side by side and no chart is drawn twice.
      const svgs = (await running.run({ kind: 'svgs', document })) as string[];
      return Promise.all(formats.map((format) => draw({ kind: 'files', document, formats: [format], options, svgs })));
    },
    async warm(): Promise<void> {
      const running = started(true);
      // A worker has loaded the renderers once it has drawn something; one small task per thread.
      await Promise.all(Array.from({ length: threads }, () => running.run({ kind: 'files', document: warmUpDocument, formats: ['html'], options: {} })));
    },
    async close(): Promise<void> {
      const running = pool;
      pool = undefined;
      // Stops the workers at once: by now the web requests have finished (the server closes
      // its HTTP side first), and waiting for a warm-up or a batch would hold up a shutdown that
      // must take seconds. A batch cut off here leaves only its .partial file, swept at start-up.
      await running?.destroy();
    },
  };
}
