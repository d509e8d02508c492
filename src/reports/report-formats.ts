// Every format a report can be drawn in, by name: pages, the batch and the CLI offer exactly these.
// A new format is a file in formats/ and a line here.
import { docxFormat } from './formats/docx.ts';
import type { FormatRenderer } from './formats/format-renderer.ts';
import { htmlFormat } from './formats/html.ts';
import { pdfFormat } from './formats/pdf.ts';

const formatRenderers = {
  docx: docxFormat,
  pdf: pdfFormat,
  html: htmlFormat,
} satisfies Record<string, FormatRenderer>;

export type ReportFormat = keyof typeof formatRenderers;

/** The formats in the order they are offered. */
export const reportFormats = Object.keys(formatRenderers) as ReportFormat[];

export function isReportFormat(value: string): value is ReportFormat {
  return Object.hasOwn(formatRenderers, value);
}

export function formatRenderer(format: ReportFormat): FormatRenderer {
  return formatRenderers[format];
}
