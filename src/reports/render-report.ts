// One entry point for the three renderers, so pages, the batch and the CLI offer the same formats.
import type { ReportFormat } from '../modules/reports/report-types.ts';
import { renderDocx } from './docx-renderer.ts';
import { renderHtml } from './html-renderer.tsx';
import { renderPdf } from './pdf-renderer.ts';
import type { ReportDocument } from './report-model.ts';

export interface RenderOptions {
  /**
   * Lay out the DOCX once more to put real page numbers into its table of contents and footer
   * (Word recomputes them anyway). Costs about a second per report, so the batch can skip it.
   */
  docxPageNumbers?: boolean;
}

export async function renderReport(document: ReportDocument, format: ReportFormat, options: RenderOptions = {}): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return renderDocx(document, { estimatePageNumbers: options.docxPageNumbers ?? true });
    case 'pdf':
      return renderPdf(document);
    case 'html':
      return renderHtml(document);
  }
}

const contentTypes: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};

export function reportContentType(format: ReportFormat): string {
  return contentTypes[format];
}

export function reportFileExtension(format: ReportFormat): string {
  return format;
}
