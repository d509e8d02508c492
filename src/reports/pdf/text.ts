// Running text: headings, paragraphs, bullet lists and callouts, each tagged with its structure
// type (H1–H3, P, L/LI/Lbl/LBody) so the PDF reads in order with assistive technology.
import type { Locale } from '../../i18n/format.ts';
import type { Inline } from '../report-model.ts';
import { reportTexts } from '../report-texts.ts';
import { BOLD, REGULAR } from './fonts.ts';
import { contentBottom, contentLeft, contentWidth, keepTogether, newPage, artifact, struct, currentPageIndex, isAtPageTop } from './layout.ts';
import type { PdfContext } from './layout.ts';
import { bodySize, headingSizes, headingSpaceAfter, headingSpaceBefore, lineGap, paragraphGap, ruleColour, textColour } from './style.ts';

interface Run {
  text: string;
  strong: boolean;
  /** A link to another report's PDF file. */
  link?: string;
}

function runsOf(content: readonly Inline[]): Run[] {
  return content
    .map((part) => (typeof part === 'string' ? { text: part, strong: false } : { text: part.text, strong: part.strong === true, ...(part.link ? { link: `${part.link.file}.pdf` } : {}) }))
    .filter((run) => run.text.length > 0);
}

/** Writes runs as one flowing paragraph starting at (x, doc.y); pdfkit breaks pages as needed. */
function writeRuns(doc: PDFKit.PDFDocument, runs: readonly Run[], x: number, width: number, size = bodySize): void {
  doc.fontSize(size).fillColor(textColour);
  runs.forEach((run, index) => {
    // pdfkit keeps a link on for the runs that follow, so every run says whether it has one.
    const options = { width, lineGap, continued: index < runs.length - 1, link: run.link ?? null, underline: run.link !== undefined };
    doc.font(run.strong ? BOLD : REGULAR);
    if (index === 0) doc.text(run.text, x, doc.y, options);
    else doc.text(run.text, options);
  });
  doc.font(REGULAR);
}

/** Height of runs set in `width`; measured in the bold face when any run is bold, so it errs on the generous side. */
function heightOfRuns(doc: PDFKit.PDFDocument, runs: readonly Run[], width: number, size = bodySize): number {
  if (runs.length === 0) return 0;
  doc.font(runs.some((run) => run.strong) ? BOLD : REGULAR).fontSize(size);
  const height = doc.heightOfString(runs.map((run) => run.text).join(''), { width, lineGap });
  doc.font(REGULAR);
  return height;
}

export function lineHeight(doc: PDFKit.PDFDocument, size = bodySize): number {
  doc.font(REGULAR).fontSize(size);
  return doc.currentLineHeight(true) + lineGap;
}

export function paragraphStartHeight(doc: PDFKit.PDFDocument, content: readonly Inline[], lines: number): number {
  return Math.min(heightOfRuns(doc, runsOf(content), contentWidth(doc)), lineHeight(doc) * lines);
}

export function drawParagraph(ctx: PdfContext, content: readonly Inline[], type = 'P'): void {
  const { doc } = ctx;
  const runs = runsOf(content);
  if (runs.length === 0) return;
  ctx.root.add(struct(ctx, type, {}, () => writeRuns(doc, runs, contentLeft(doc), contentWidth(doc))));
  doc.x = contentLeft(doc);
  doc.y += paragraphGap;
}

const bulletIndent = 16;

export function firstBulletHeight(doc: PDFKit.PDFDocument, items: readonly Inline[][]): number {
  const first = items[0];
  return first ? heightOfRuns(doc, runsOf(first), contentWidth(doc) - bulletIndent) : 0;
}

export function drawBullets(ctx: PdfContext, items: readonly Inline[][]): void {
  const { doc } = ctx;
  const list = struct(ctx, 'L', {});
  ctx.root.add(list);
  const left = contentLeft(doc);
  for (const content of items) {
    // The bullet and the first line of its text must land on the same page.
    keepTogether(doc, lineHeight(doc));
    const item = struct(ctx, 'LI', {});
    list.add(item);
    const top = doc.y;
    item.add(struct(ctx, 'Lbl', {}, () => {
      doc.font(REGULAR).fontSize(bodySize).fillColor(textColour).text('•', left + 4, top, { lineBreak: false });
    }));
    doc.y = top;
    item.add(struct(ctx, 'LBody', {}, () => writeRuns(doc, runsOf(content), left + bulletIndent, contentWidth(doc) - bulletIndent)));
    item.end();
    doc.y += lineGap * 2;
  }
  list.end();
  doc.x = left;
  doc.y += paragraphGap - lineGap * 2;
}

export function headingHeight(doc: PDFKit.PDFDocument, level: 1 | 2 | 3, text: string): number {
  doc.font(BOLD).fontSize(headingSizes[level]);
  const height = doc.heightOfString(text, { width: contentWidth(doc), lineGap });
  doc.font(REGULAR);
  return height + headingSpaceAfter;
}

/**
 * Draws a heading, keeping it on the same page as the start of what follows (`keepWithNext`),
 * bookmarks it in the outline under the last heading of the level above, and records its page
 * for the table of contents.
 */
export function drawHeading(ctx: PdfContext, heading: { level: 1 | 2 | 3; text: string; id?: string }, keepWithNext: number, outline = true): void {
  const { doc } = ctx;
  const { level, text } = heading;
  const height = headingHeight(doc, level, text);
  if (doc.y + headingSpaceBefore[level] + height + keepWithNext > contentBottom(doc) && !isAtPageTop(doc)) newPage(doc);
  else if (!isAtPageTop(doc)) doc.y += headingSpaceBefore[level];
  if (heading.id !== undefined) {
    doc.addNamedDestination(heading.id, 'XYZ', null, doc.y, null);
    ctx.headingPages.set(heading.id, currentPageIndex(doc));
  }
  if (outline) addOutlineItem(ctx, level, text);
  ctx.root.add(struct(ctx, `H${level}`, {}, () => {
    doc.font(BOLD).fontSize(headingSizes[level]).fillColor(textColour).text(text, contentLeft(doc), doc.y, { width: contentWidth(doc), lineGap });
  }));
  doc.font(REGULAR);
  doc.x = contentLeft(doc);
  doc.y += headingSpaceAfter;
}

function addOutlineItem(ctx: PdfContext, level: 1 | 2 | 3, text: string): void {
  // A level-3 heading straight under a level-1 one nests under that, not under a missing level 2.
  let parentLevel = level - 1;
  while (parentLevel > 0 && ctx.outlineByLevel[parentLevel] === undefined) parentLevel -= 1;
  const parent = ctx.outlineByLevel[parentLevel] ?? ctx.doc.outline;
  ctx.outlineByLevel[level] = parent.addItem(text);
  ctx.outlineByLevel.length = level + 1;
}

const calloutPadding = 8;
const calloutBar = { info: 3, warning: 6 } as const;

function calloutTitle(locale: Locale, tone: 'info' | 'warning', title: string): string {
  // The tone in words, so a callout does not rely on its bar's weight alone.
  return `${reportTexts(locale).callout[tone]}: ${title}`;
}

export function calloutHeight(ctx: PdfContext, tone: 'info' | 'warning', title: string, content: readonly Inline[]): number {
  const { doc } = ctx;
  const width = calloutTextWidth(doc, tone);
  const titleRuns = [{ text: calloutTitle(ctx.locale, tone, title), strong: true }];
  return calloutPadding * 2 + heightOfRuns(doc, titleRuns, width) + lineGap + heightOfRuns(doc, runsOf(content), width);
}

function calloutTextWidth(doc: PDFKit.PDFDocument, tone: 'info' | 'warning'): number {
  return contentWidth(doc) - calloutBar[tone] - calloutPadding * 2;
}

/**
 * A box with a bar on its left: the title (with the tone in words) in bold, then the text. The
 * box is kept on one page; the frame is drawn after the text, when its height is known.
 */
export function drawCallout(ctx: PdfContext, tone: 'info' | 'warning', title: string, content: readonly Inline[]): void {
  const { doc } = ctx;
  keepTogether(doc, calloutHeight(ctx, tone, title, content));
  const left = contentLeft(doc);
  const textLeft = left + calloutBar[tone] + calloutPadding;
  const width = calloutTextWidth(doc, tone);
  const top = doc.y;
  const page = currentPageIndex(doc);
  const box = struct(ctx, 'Div', {});
  ctx.root.add(box);
  doc.y = top + calloutPadding;
  box.add(struct(ctx, 'P', {}, () => writeRuns(doc, [{ text: calloutTitle(ctx.locale, tone, title), strong: true }], textLeft, width)));
  doc.y += lineGap;
  const runs = runsOf(content);
  if (runs.length > 0) box.add(struct(ctx, 'P', {}, () => writeRuns(doc, runs, textLeft, width)));
  box.end();
  // A callout taller than a page flows on; its frame is then only drawn around the last part.
  const frameTop = currentPageIndex(doc) === page ? top : doc.page.margins.top;
  const bottom = doc.y + calloutPadding;
  artifact(doc, 'Layout', () => {
    doc.save().lineWidth(0.75).strokeColor(ruleColour).rect(left, frameTop, contentWidth(doc), bottom - frameTop).stroke();
    doc.fillColor(textColour).rect(left, frameTop, calloutBar[tone], bottom - frameTop).fill().restore();
  });
  doc.x = left;
  doc.y = bottom + paragraphGap;
}
