// What a worker thread does with one task: draw one report in the asked formats. The document
// arrives by structured clone (plain data; the logo's bytes as a Uint8Array), the files go back
// the same way.
import type { ReportFormat } from '../modules/reports/report-types.ts';
import { renderFormats } from './render-formats.ts';
import type { RenderOptions } from './render-report.ts';
import type { ReportDocument } from './report-model.ts';

export interface RenderTask {
  document: ReportDocument;
  formats: ReportFormat[];
  options: RenderOptions;
}

export async function drawReport(task: RenderTask): Promise<Uint8Array[]> {
  return renderFormats(task.document, task.formats, task.options);
}
