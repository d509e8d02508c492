// What every part of the PDF renderer shares: the document being drawn, its structure root, and
// small helpers for the page's text area and for breaking pages.
import type { Locale } from '../../i18n/format.ts';

export interface PdfContext {
  doc: PDFKit.PDFDocument;
  locale: Locale;
  /** The tagged PDF's Document element; every block's structure goes under it, in reading order. */
  root: PDFKit.PDFStructureElement;
  /** Last outline entry per heading level (index 0 is the outline root), so deeper ones nest under it. */
  outlineByLevel: PDFKit.PDFOutline[];
  /** Zero-based page index of each heading by its id, for the table of contents. */
  headingPages: Map<string, number>;
  /** Tables of contents whose pages are reserved, filled once every heading has its page. */
  pendingTocs: Array<() => void>;
}

/** Structure options pdfkit 0.20 supports beyond those in @types/pdfkit 0.17. */
export interface StructOptions {
  alt?: string;
  lang?: string;
  scope?: 'Row' | 'Column';
  bbox?: [number, number, number, number];
  placement?: 'Block' | 'Inline';
}

export function struct(ctx: PdfContext, type: string, options: StructOptions, draw?: () => void): PDFKit.PDFStructureElement {
  // The extra options are read by pdfkit 0.20 itself; only its type declarations lag behind.
  const structOptions = options as { alt?: string; lang?: string };
  return draw ? ctx.doc.struct(type, structOptions, draw) : ctx.doc.struct(type, structOptions);
}

export function contentLeft(doc: PDFKit.PDFDocument): number {
  return doc.page.margins.left;
}

export function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export function contentTop(doc: PDFKit.PDFDocument): number {
  return doc.page.margins.top;
}

export function contentBottom(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

export function contentHeight(doc: PDFKit.PDFDocument): number {
  return contentBottom(doc) - contentTop(doc);
}

export function isAtPageTop(doc: PDFKit.PDFDocument): boolean {
  return doc.y <= contentTop(doc) + 0.5;
}

/** continueOnNewPage carries open marked content over, so it is safe inside a structure element too. */
export function newPage(doc: PDFKit.PDFDocument): void {
  doc.continueOnNewPage();
  doc.x = contentLeft(doc);
}

/** Starts a new page unless `height` fits below the current position (or we are already at the top). */
export function keepTogether(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > contentBottom(doc) && !isAtPageTop(doc)) newPage(doc);
}

/** During layout pages are only appended, so the current page is the last one. */
export function currentPageIndex(doc: PDFKit.PDFDocument): number {
  const range = doc.bufferedPageRange();
  return range.start + range.count - 1;
}

/**
 * Draws content that is not part of the text (rules, backgrounds, running headers) as an
 * artifact, so assistive technology skips it. Must not be called inside a structure element's
 * drawing function: pdfkit closes open marked content when an artifact starts.
 */
export function artifact(doc: PDFKit.PDFDocument, type: 'Layout' | 'Pagination', draw: () => void): void {
  doc.markContent('Artifact', { type });
  draw();
  doc.endMarkedContent();
}
