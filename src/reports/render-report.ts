// One entry point for the report formats, so pages, the batch and the CLI offer the same ones: each
// format's renderer, extension and media type come from the registry in report-formats.ts.
import { formatRenderer, type ReportFormat } from './report-formats.ts';
import type { RenderOptions } from './formats/format-renderer.ts';
import type { ReportDocument } from './report-model.ts';

export type { RenderOptions };

export async function renderReport(document: ReportDocument, format: ReportFormat, options: RenderOptions = {}): Promise<Buffer> {
  return formatRenderer(format).render(document, options);
}

export function reportContentType(format: ReportFormat): string {
  return formatRenderer(format).mime;
}

