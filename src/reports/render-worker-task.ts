// What a worker thread does with one task: draw one report in the asked formats, or only its
// charts' SVGs (which other workers then draw the formats from). The document arrives by
// structured clone (plain data; the logo's bytes as a Uint8Array), the files go back the same way.
import { rememberChartSvgs, renderChartSvg } from '../charts/render-svg.ts';
import type { ReportFormat } from './report-formats.ts';
import { renderFormats } from './render-formats.ts';
import type { RenderOptions } from './render-report.ts';
import { figureCharts, type ReportDocument } from './report-model.ts';

export type RenderTask =
  | { kind: 'files'; document: ReportDocument; formats: ReportFormat[]; options: RenderOptions; svgs?: string[] }
  | { kind: 'svgs'; document: ReportDocument };

export async function drawReport(task: RenderTask): Promise<Uint8Array[] | string[]> {
  if (task.kind === 'svgs') return figureCharts(task.document).map((chart) => renderChartSvg(chart, task.document.locale));
  if (task.svgs) rememberChartSvgs(figureCharts(task.document), task.svgs, task.document.locale);
  return renderFormats(task.document, task.formats, task.options);
}
