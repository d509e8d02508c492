// A report as a document model: what it says, not how it looks. The builders (member-report.ts,
// federation-report.ts) turn result data into a ReportDocument; the renderers (render-docx.ts,
// render-pdf.ts, render-html.tsx) draw the same document as DOCX, PDF and HTML, so the three
// formats can never disagree about a figure or a sentence.
import type { ChartSpec } from '../charts/chart-spec.ts';
import type { Locale } from '../i18n/format.ts';

/** A run of text; `strong` for emphasis that must survive every format. */
export type Inline = string | { text: string; strong?: boolean; link?: ReportLink };

/**
 * A pointer to a heading of another report of the same study: its file name without extension
 * (the batch's base name) and the heading's id. HTML links to `<file>.html#r-<anchor>`, PDF to
 * `<file>.pdf`; DOCX keeps the text, which names the chapter and the file itself.
 */
export interface ReportLink {
  file: string;
  anchor: string;
}

export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; /** unique in the document, [a-z0-9-] */ id: string }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'bullets'; items: Inline[][] }
  | ReportTable
  | { kind: 'figure'; chart: ChartSpec; /** "Figur 3" and so on, numbered by the builder */ caption: string }
  | { kind: 'callout'; tone: 'info' | 'warning'; title: string; content: Inline[] }
  /** Where the renderer puts the table of contents (built from the headings). */
  | { kind: 'toc'; title: string }
  | { kind: 'pageBreak' };

export interface ReportTable {
  kind: 'table';
  caption: string;
  /** Column headings. */
  columns: string[];
  /** The first cell of each row names the row (a row header). */
  rows: string[][];
  /** Right-align numeric columns; the default is left. */
  align?: Array<'left' | 'right'>;
}

export interface ReportHistoryEntry {
  /** ISO date (YYYY-MM-DD). */
  date: string;
  version: string;
  by: string;
  reason: string;
}

/** SKR's KLASSA consequence levels for confidentiality (0–4), chosen per report. */
export type ClassificationLevel = 0 | 1 | 2 | 3 | 4;

/** The study's logo on the cover (issue 13): the image's bytes as uploaded, and its text alternative. */
export interface ReportLogo {
  data: Uint8Array;
  type: 'png' | 'jpeg';
  /** In pixels, read from the image. */
  width: number;
  height: number;
  /** "Logotyp: <study name>". */
  alt: string;
}

export interface ReportDocument {
  locale: Locale;
  /** Also the PDF/DOCX document title and the running header. */
  title: string;
  subtitle: string;
  /**
   * Whom the report is about (the member, or the study for the federation report): named in the
   * running header of every page, so a printed page that goes astray still says whose it is.
   */
  subject?: string;
  author: string;
  /** ISO date of the version (or today's for a draft). */
  date: string;
  /** "1.0", "2.0" …, or the draft label. */
  version: string;
  classification: { level: ClassificationLevel; label: string; meaning: string };
  history: ReportHistoryEntry[];
  /** The study's logo, drawn on the cover; none when the study has not uploaded one. */
  logo?: ReportLogo;
  /** Labels the renderers need for the parts they draw themselves (cover, control table, footer). */
  labels: ReportLabels;
  blocks: ReportBlock[];
}

interface ReportLabels {
  author: string;
  date: string;
  version: string;
  classification: string;
  documentControl: string;
  history: string;
  historyColumns: [date: string, version: string, by: string, reason: string];
  noHistory: string;
  /** "Sida {page} av {pages}" with those two placeholders. */
  pageOf: string;
  contents: string;
}

/** Headings of a document in order, for tables of contents and PDF outlines. */
/** The charts of the document's figures, in document order. */
export function figureCharts(document: ReportDocument): ChartSpec[] {
  return document.blocks.flatMap((block) => (block.kind === 'figure' ? [block.chart] : []));
}

export function headingsOf(document: ReportDocument): Array<Extract<ReportBlock, { kind: 'heading' }>> {
  return document.blocks.filter((block): block is Extract<ReportBlock, { kind: 'heading' }> => block.kind === 'heading');
}

export function inlineText(content: readonly Inline[]): string {
  return content.map((part) => (typeof part === 'string' ? part : part.text)).join('');
}

/** The text alternative of a figure: the chart's title and its summary. */
export function figureAltText(chart: ChartSpec): string {
  return `${chart.title}. ${chart.summary}`;
}

/** The running header: subject, title and (above level 0) the classification. */
export function runningHeaderText(document: ReportDocument): string {
  const parts = [document.subject, document.title, document.classification.level > 0 ? document.classification.label : undefined];
  return parts.filter((part): part is string => part !== undefined && part !== '').join(' – ');
}

export function fillPageOf(template: string, page: number, pages: number | string): string {
  return template.replace('{page}', String(page)).replace('{pages}', String(pages));
}
