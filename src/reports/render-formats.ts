// One report in several formats, drawn together: the charts' SVGs are made once (render-svg.ts
// caches them) and serve every format, and while the DOCX waits for its PNG fallbacks, which
// resvg draws on libuv's threads, the PDF is drawn on this one.
import { renderChartSvg } from '../charts/render-svg.ts';
import { renderReport, type RenderOptions } from './render-report.ts';
import { formatRenderer, type ReportFormat } from './report-formats.ts';
import type { ReportDocument } from './report-model.ts';

export async function renderFormats(document: ReportDocument, formats: readonly ReportFormat[], options: RenderOptions = {}): Promise<Buffer[]> {
  if (formats.length > 1) {
    for (const block of document.blocks) if (block.kind === 'figure') renderChartSvg(block.chart, document.locale);
  }
  // DOCX first (drawFirst): it starts its pictures and yields, and the other formats are drawn meanwhile.
  const first = (format: ReportFormat) => Number(formatRenderer(format).drawFirst ?? false);
  const order = [...formats].sort((a, b) => first(b) - first(a));
  const drawn = new Map(await Promise.all(order.map(async (format) => [format, await renderReport(document, format, options)] as const)));
  return formats.map((format) => drawn.get(format)!);
}
