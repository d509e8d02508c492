// The port through which services draw reports. The pooled renderer (render-pool.ts) draws them
// in worker threads; the in-process one draws them on the caller's thread (REPORT_WORKERS=0, and
// inside the workers themselves). Both call renderReport, so the bytes cannot depend on which
// one drew them.
import type { ReportFormat } from './report-formats.ts';
import { renderFormats } from './render-formats.ts';
import { renderReport, type RenderOptions } from './render-report.ts';
import type { ReportDocument } from './report-model.ts';

export interface ReportRenderer {
  render(document: ReportDocument, format: ReportFormat, options?: RenderOptions): Promise<Buffer>;
  /**
   * One report in several formats, with its charts drawn once for all of them: the pool draws the
   * charts' SVGs in one worker and then each format in its own, side by side; in the process,
   * render-formats.ts draws them one after another.
   */
  renderFormats(document: ReportDocument, formats: readonly ReportFormat[], options?: RenderOptions): Promise<Buffer[]>;
  /** How many reports it draws at the same time; the batch keeps that many busy. */
  readonly parallelism: number;
  /**
   * Starts the workers and loads their renderers (a second or two) and keeps them ready, so the
   * first report a server draws is as quick as the rest. The server calls it at start-up.
   */
  warm(): Promise<void>;
  /** Stops the workers at once; reports still being drawn fail. */
  close(): Promise<void>;
}

export const inProcessRenderer: ReportRenderer = {
  render: (document, format, options) => renderReport(document, format, options),
  renderFormats: (document, formats, options) => renderFormats(document, formats, options),
  parallelism: 1,
  warm: async () => {},
  close: async () => {},
};
