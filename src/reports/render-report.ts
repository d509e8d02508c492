// One entry point for the three renderers, so pages, the batch and the CLI offer the same formats.
import type { ReportFormat } from '../modules/reports/report-types.ts';
import { renderDocx } from './docx-renderer.ts';
import { renderHtml } from './html-renderer.tsx';
import { renderPdf } from './pdf-renderer.ts';
import type { ReportDocument } from './report-model.ts';

export interface RenderOptions {
  /**
   * Lay out the DOCX once more to put page numbers into its table of contents before Word opens
   * it (Word fills them in itself on opening, since the field is marked for update). Costs several
   * seconds for a long report, so only the one-off command line asks for it; the web and the
   * batch leave it to Word.
   */
  docxPageNumbers?: boolean;
}

export async function renderReport(document: ReportDocument, format: ReportFormat, options: RenderOptions = {}): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return renderDocx(document, { estimatePageNumbers: options.docxPageNumbers ?? false });
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
