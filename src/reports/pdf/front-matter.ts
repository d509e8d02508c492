// The parts the renderer draws itself rather than from blocks: the cover, the document-control
// page (version history and information classification) and the table of contents.
import { formatDate } from '../../i18n/format.ts';
import { headingsOf } from '../report-model.ts';
import type { ReportDocument, ReportLogo } from '../report-model.ts';
import { fitLogo } from '../logo-image.ts';
import { BOLD, REGULAR } from './fonts.ts';
import { contentBottom, contentLeft, contentTop, contentWidth, currentPageIndex, isAtPageTop, newPage, struct } from './layout.ts';
import type { PdfContext } from './layout.ts';
import { bodySize, headingSpaceBefore, lineGap, mutedColour, paragraphGap, textColour } from './style.ts';
import { drawTable } from './table.ts';
import { drawHeading, drawParagraph, headingHeight, lineHeight } from './text.ts';

export function drawCover(ctx: PdfContext, document: ReportDocument): void {
  const { doc } = ctx;
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  if (document.logo) drawCoverLogo(ctx, document.logo);
  doc.y = doc.page.height * 0.3;
  ctx.root.add(struct(ctx, 'P', {}, () => {
    doc.font(BOLD).fontSize(28).fillColor(textColour).text(document.title, left, doc.y, { width, lineGap });
  }));
  doc.y += 10;
  ctx.root.add(struct(ctx, 'P', {}, () => {
    doc.font(REGULAR).fontSize(16).fillColor(textColour).text(document.subtitle, left, doc.y, { width, lineGap });
  }));
  doc.y = doc.page.height * 0.62;
  const { labels } = document;
  const facts: Array<[string, string]> = [
    [labels.author, document.author],
    [labels.date, formatDate(document.locale, document.date)],
    [labels.version, document.version],
    [labels.classification, document.classification.label],
  ];
  for (const [label, value] of facts) {
    drawParagraph(ctx, [{ text: `${label}: `, strong: true }, value]);
    doc.y -= paragraphGap / 2;
  }
  doc.font(REGULAR);
}

/** The largest a logo is drawn on the cover, in points. */
const LOGO_MAX = { width: 180, height: 90 } as const;

/** The study's logo at the top of the cover, tagged as a figure with its text alternative. */
function drawCoverLogo(ctx: PdfContext, logo: ReportLogo): void {
  const { doc } = ctx;
  // Its own pixels at 96 per inch, in points (72 per inch): a small logo is not enlarged.
  const size = fitLogo({ width: (logo.width * 72) / 96, height: (logo.height * 72) / 96 }, LOGO_MAX.width, LOGO_MAX.height);
  const top = contentTop(doc);
  const left = contentLeft(doc);
  const bbox: [number, number, number, number] = [left, top, left + size.width, top + size.height];
  ctx.root.add(struct(ctx, 'Figure', { alt: logo.alt, bbox, placement: 'Block' }, () => {
    doc.image(Buffer.from(logo.data), left, top, { width: size.width, height: size.height });
  }));
}

export function drawDocumentControl(ctx: PdfContext, document: ReportDocument): void {
  const { doc } = ctx;
  const { labels } = document;
  newPage(doc);
  // These headings belong to the renderer's own page, not to the report's sections, so they are
  // tagged for navigation but left out of the bookmarks and the table of contents.
  drawHeading(ctx, { level: 1, text: labels.documentControl }, 0, false);
  drawHeading(ctx, { level: 2, text: labels.history }, lineHeight(doc) * 3, false);
  if (document.history.length === 0) drawParagraph(ctx, [labels.noHistory]);
  else {
    drawTable(ctx, {
      columns: labels.historyColumns,
      rows: document.history.map((entry) => [entry.date, entry.version, entry.by, entry.reason]),
    });
  }
  drawHeading(ctx, { level: 2, text: labels.classification }, lineHeight(doc) * 2, false);
  drawParagraph(ctx, [{ text: document.classification.label, strong: true }]);
  drawParagraph(ctx, [document.classification.meaning]);
}

const tocIndent = 16;
const pageNumberWidth = 32;

/** How the entries of the contents are set: the usual size, or a compact one that saves a spill. */
interface TocStyle {
  size: number;
  lineGap: number;
  entryGap: number;
}
const normalToc: TocStyle = { size: bodySize, lineGap, entryGap: 4 };
const compactToc: TocStyle = { size: 9.5, lineGap: 1, entryGap: 1.5 };
/** A contents that would put at most this many entries on its last page is set compact instead. */
const TOC_SPILL_LINES = 5;

interface TocEntry {
  id: string;
  level: 1 | 2 | 3;
  text: string;
  /** Pages after the first page of the table of contents. */
  pageOffset: number;
  y: number;
}

interface TocPlan {
  style: TocStyle;
  /** Start the contents on a new page rather than below what comes before it. */
  fresh: boolean;
  entries: TocEntry[];
  pages: number;
}

function tocEntryFont(doc: PDFKit.PDFDocument, level: 1 | 2 | 3, style: TocStyle): void {
  doc.font(level === 1 ? BOLD : REGULAR).fontSize(style.size);
}

function tocTextWidth(doc: PDFKit.PDFDocument, level: 1 | 2 | 3): number {
  return contentWidth(doc) - (level - 1) * tocIndent - pageNumberWidth - 8;
}

function layOutEntries(doc: PDFKit.PDFDocument, headings: ReadonlyArray<{ id: string; level: 1 | 2 | 3; text: string }>, style: TocStyle, startY: number, fresh: boolean): TocPlan {
  const entries: TocEntry[] = [];
  let pageOffset = 0;
  let y = startY;
  for (const heading of headings) {
    tocEntryFont(doc, heading.level, style);
    const height = doc.heightOfString(heading.text, { width: tocTextWidth(doc, heading.level), lineGap: style.lineGap }) + style.entryGap;
    if (y + height > contentBottom(doc)) {
      pageOffset += 1;
      y = contentTop(doc);
    }
    entries.push({ id: heading.id, level: heading.level, text: heading.text, pageOffset, y });
    y += height;
  }
  doc.font(REGULAR);
  return { style, fresh, entries, pages: pageOffset + 1 };
}

/**
 * Where and how the contents are set so that no page carries a few stray entries: below what
 * comes before it at the usual size if it fits there; else compact (smaller type, tighter lines)
 * if that fits there; else on a page of its own, at the usual size or compact. A contents longer
 * than a page even then runs on, compact when the usual size would leave at most
 * TOC_SPILL_LINES entries on its last page.
 */
function planTableOfContents(doc: PDFKit.PDFDocument, headings: ReadonlyArray<{ id: string; level: 1 | 2 | 3; text: string }>, title: string, keepWithNext: number): TocPlan {
  const titleHeight = headingHeight(doc, 1, title);
  const atTop = isAtPageTop(doc);
  const titleFitsHere = atTop || doc.y + headingSpaceBefore[1] + titleHeight + keepWithNext <= contentBottom(doc);
  const hereY = atTop ? doc.y + titleHeight : doc.y + headingSpaceBefore[1] + titleHeight;
  const freshY = contentTop(doc) + titleHeight;
  const plans: TocPlan[] = [];
  if (titleFitsHere && !atTop) plans.push(layOutEntries(doc, headings, normalToc, hereY, false), layOutEntries(doc, headings, compactToc, hereY, false));
  plans.push(layOutEntries(doc, headings, normalToc, atTop ? hereY : freshY, true), layOutEntries(doc, headings, compactToc, atTop ? hereY : freshY, true));
  const onePage = plans.find((plan) => plan.pages === 1);
  if (onePage) return onePage;
  const normal = plans[0]!;
  const compact = plans[1]!;
  const lastPageEntries = normal.entries.filter((entry) => entry.pageOffset === normal.pages - 1).length;
  return lastPageEntries <= TOC_SPILL_LINES && compact.pages < normal.pages ? compact : normal;
}

/**
 * Lays out the table of contents now, to reserve its pages, and fills in the page numbers once
 * every heading has been placed. Its size is known in advance: one entry per heading, and the
 * entries' text does not depend on the page numbers.
 */
export function reserveTableOfContents(ctx: PdfContext, document: ReportDocument, title: string): void {
  const { doc } = ctx;
  const headings = headingsOf(document);
  const keepWithNext = headings.length > 0 ? lineHeight(doc) : 0;
  const plan = planTableOfContents(doc, headings, title, keepWithNext);
  if (plan.fresh && !isAtPageTop(doc)) newPage(doc);
  drawHeading(ctx, { level: 1, text: title }, keepWithNext, false);
  const toc = struct(ctx, 'TOC', {});
  ctx.root.add(toc);
  const firstPage = currentPageIndex(doc);
  doc.font(REGULAR);
  for (let page = 1; page < plan.pages; page += 1) newPage(doc);
  // What follows the contents starts on a page of its own.
  newPage(doc);
  ctx.pendingTocs.push(() => fillTableOfContents(ctx, toc, firstPage, plan));
}

function fillTableOfContents(ctx: PdfContext, toc: PDFKit.PDFStructureElement, firstPage: number, plan: TocPlan): void {
  const { doc } = ctx;
  const { style } = plan;
  const right = contentLeft(doc) + contentWidth(doc);
  for (const entry of plan.entries) {
    doc.switchToPage(firstPage + entry.pageOffset);
    const pageIndex = ctx.headingPages.get(entry.id);
    const pageNumber = pageIndex === undefined ? '' : String(pageIndex + 1);
    const left = contentLeft(doc) + (entry.level - 1) * tocIndent;
    toc.add(struct(ctx, 'TOCI', {}, () => {
      tocEntryFont(doc, entry.level, style);
      doc.fillColor(textColour).text(entry.text, left, entry.y, { width: tocTextWidth(doc, entry.level), lineGap: style.lineGap, goTo: entry.id });
      doc.fillColor(mutedColour).text(pageNumber, right - pageNumberWidth, entry.y, { width: pageNumberWidth, align: 'right', lineBreak: false, goTo: entry.id });
    }));
  }
  toc.end();
  doc.font(REGULAR).fillColor(textColour);
}
