// Draws the report's blocks in order, and knows how much of each must share a page with a
// heading above it.
import type { ReportBlock, ReportDocument } from '../report-model.ts';
import { drawFigure, figureHeight } from './figure.ts';
import { reserveTableOfContents } from './front-matter.ts';
import { isAtPageTop, keepTogether, newPage } from './layout.ts';
import type { PdfContext } from './layout.ts';
import { linesKeptWithHeading } from './style.ts';
import { drawTable, tableStartHeight } from './table.ts';
import { calloutHeight, drawBullets, drawCallout, drawHeading, drawParagraph, firstBulletHeight, headingHeight, paragraphStartHeight } from './text.ts';

export function drawBlocks(ctx: PdfContext, document: ReportDocument): void {
  document.blocks.forEach((block, index) => drawBlock(ctx, document, block, document.blocks.slice(index + 1)));
}

function drawBlock(ctx: PdfContext, document: ReportDocument, block: ReportBlock, following: readonly ReportBlock[]): void {
  const { doc } = ctx;
  switch (block.kind) {
    case 'heading':
      return drawHeading(ctx, block, startHeight(ctx, following));
    case 'paragraph':
      return drawParagraphBlock(ctx, block.content);
    case 'bullets':
      return drawBullets(ctx, block.items);
    case 'table':
      return drawTable(ctx, block);
    case 'figure':
      return drawFigure(ctx, block.chart, block.caption);
    case 'callout':
      return drawCallout(ctx, block.tone, block.title, block.content);
    case 'toc':
      return reserveTableOfContents(ctx, document, block.title);
    case 'pageBreak':
      // Two breaks in a row, or a break right after the contents, must not leave a blank page.
      if (!isAtPageTop(doc)) newPage(doc);
      return;
  }
}

function drawParagraphBlock(ctx: PdfContext, content: Extract<ReportBlock, { kind: 'paragraph' }>['content']): void {
  // Keep at least two lines together, so a paragraph does not start with a lone line at the bottom.
  keepTogether(ctx.doc, paragraphStartHeight(ctx.doc, content, linesKeptWithHeading));
  drawParagraph(ctx, content);
}

/**
 * How much of the next blocks must fit on the page for a heading to stay there: the start of
 * the next block, and for a run of headings (H1 straight followed by H2) all of them.
 */
function startHeight(ctx: PdfContext, following: readonly ReportBlock[]): number {
  const { doc } = ctx;
  const next = following[0];
  if (next === undefined) return 0;
  switch (next.kind) {
    case 'heading':
      return headingHeight(doc, next.level, next.text) + startHeight(ctx, following.slice(1));
    case 'paragraph':
      return paragraphStartHeight(doc, next.content, linesKeptWithHeading);
    case 'bullets':
      return firstBulletHeight(doc, next.items);
    case 'table':
      return tableStartHeight(doc, next);
    case 'figure':
      return figureHeight(doc, next.chart, next.caption);
    case 'callout':
      return calloutHeight(ctx, next.tone, next.title, next.content);
    case 'toc':
    case 'pageBreak':
      return 0;
  }
}
