// Tables drawn by hand rather than with pdfkit's doc.table(): we need the header row repeated
// after a page break, columns sized to their content and a row header per row, all tagged as
// Table / TR / TH / TD.
import { BOLD, REGULAR } from './fonts.ts';
import { artifact, contentBottom, contentLeft, contentWidth, keepTogether, newPage, struct } from './layout.ts';
import type { PdfContext } from './layout.ts';
import { columnNeeds, fitColumnWidths } from '../table-widths.ts';
import { captionSize, headerFill, lineGap, paragraphGap, ruleColour, tableSize, textColour } from './style.ts';

export interface PdfTable {
  caption?: string;
  columns: readonly string[];
  /** The first cell of each row is its row header. */
  rows: ReadonlyArray<readonly string[]>;
  align?: ReadonlyArray<'left' | 'right'>;
}

const cellPaddingX = 4;
const cellPaddingY = 3;
const captionGap = 4;

interface TableLayout {
  /** The font size: the style's, or smaller for a table whose longest words would not fit side by side. */
  size: number;
  widths: number[];
  headerHeight: number;
  rowHeights: number[];
  captionHeight: number;
}

function isBold(rowIndex: number | 'header', columnIndex: number): boolean {
  return rowIndex === 'header' || columnIndex === 0;
}

/** The smallest font size a wide table may shrink to before its words must break. */
const smallestTableSize = 7;

/**
 * Column widths fitted to the content (see table-widths.ts), measured in the table's fonts. A
 * wide table (the federation's nine-column cost table) whose longest words do not fit side by side
 * at the usual size is set smaller, half a point at a time, so words are not broken mid-word.
 */
function columnWidths(doc: PDFKit.PDFDocument, table: PdfTable, available: number): { size: number; widths: number[] } {
  let size = tableSize;
  for (;;) {
    const fontSize = size;
    const measure = (text: string, bold: boolean) => doc.font(bold ? BOLD : REGULAR).fontSize(fontSize).widthOfString(text);
    const needs = columnNeeds(table.columns, table.rows, measure, { padding: cellPaddingX * 2, bold: isBold });
    const fits = needs.minimum.reduce((sum, width) => sum + width, 0) <= available;
    if (fits || size <= smallestTableSize) {
      doc.font(REGULAR);
      return { size, widths: fitColumnWidths(needs, available) };
    }
    size -= 0.5;
  }
}

function cellHeight(doc: PDFKit.PDFDocument, text: string, width: number, bold: boolean, size: number): number {
  doc.font(bold ? BOLD : REGULAR).fontSize(size);
  return doc.heightOfString(text.length > 0 ? text : ' ', { width: width - cellPaddingX * 2, lineGap }) + cellPaddingY * 2;
}

function layoutTable(doc: PDFKit.PDFDocument, table: PdfTable): TableLayout {
  const { size, widths } = columnWidths(doc, table, contentWidth(doc));
  const rowHeight = (cells: readonly string[], rowIndex: number | 'header') =>
    Math.max(...widths.map((width, column) => cellHeight(doc, cells[column] ?? '', width, isBold(rowIndex, column), size)));
  let captionHeight = 0;
  if (table.caption !== undefined) {
    doc.font(REGULAR).fontSize(captionSize);
    captionHeight = doc.heightOfString(table.caption, { width: contentWidth(doc), lineGap }) + captionGap;
  }
  return {
    size,
    widths,
    headerHeight: rowHeight(table.columns, 'header'),
    rowHeights: table.rows.map((row, index) => rowHeight(row, index)),
    captionHeight,
  };
}

/** Body rows that must share a page with the header row, so a table never starts with a lone row. */
const rowsKeptWithHeader = 2;

/** The caption, the header row and the first two rows: where a table may start, and what a heading above must share a page with. */
export function tableStartHeight(doc: PDFKit.PDFDocument, table: PdfTable): number {
  return startHeight(layoutTable(doc, table));
}

function startHeight(layout: TableLayout): number {
  const keptRows = layout.rowHeights.slice(0, rowsKeptWithHeader).reduce((sum, height) => sum + height, 0);
  return layout.captionHeight + layout.headerHeight + keptRows;
}

export function drawTable(ctx: PdfContext, table: PdfTable): void {
  const { doc } = ctx;
  const layout = layoutTable(doc, table);
  keepTogether(doc, startHeight(layout));
  const tableElement = struct(ctx, 'Table', { placement: 'Block' });
  ctx.root.add(tableElement);
  if (table.caption !== undefined) {
    const caption = table.caption;
    tableElement.add(struct(ctx, 'Caption', {}, () => {
      doc.font(REGULAR).fontSize(captionSize).fillColor(textColour).text(caption, contentLeft(doc), doc.y, { width: contentWidth(doc), lineGap });
    }));
    doc.y += captionGap;
  }
  drawRow(ctx, tableElement, table, layout, table.columns, 'header', layout.headerHeight);
  table.rows.forEach((row, index) => {
    const height = layout.rowHeights[index]!;
    if (doc.y + height > contentBottom(doc)) {
      newPage(doc);
      // Readers of the printed page need the column headings again; assistive technology already has them.
      artifact(doc, 'Pagination', () => drawRow(ctx, undefined, table, layout, table.columns, 'header', layout.headerHeight));
    }
    drawRow(ctx, tableElement, table, layout, row, index, height);
  });
  tableElement.end();
  doc.x = contentLeft(doc);
  doc.y += paragraphGap;
}

/** Draws one row at doc.y; tagged under `tableElement`, or untagged (inside an artifact) when it is undefined. */
function drawRow(
  ctx: PdfContext,
  tableElement: PDFKit.PDFStructureElement | undefined,
  table: PdfTable,
  layout: TableLayout,
  cells: readonly string[],
  rowIndex: number | 'header',
  height: number,
): void {
  const { doc } = ctx;
  const top = doc.y;
  const lefts = cellLefts(doc, layout.widths);
  const drawFrame = () => {
    doc.save().lineWidth(0.5).strokeColor(ruleColour);
    layout.widths.forEach((width, column) => {
      if (rowIndex === 'header') doc.fillColor(headerFill).rect(lefts[column]!, top, width, height).fillAndStroke();
      else doc.rect(lefts[column]!, top, width, height).stroke();
    });
    doc.restore();
  };
  if (tableElement) artifact(doc, 'Layout', drawFrame);
  else drawFrame();

  const row = tableElement ? struct(ctx, 'TR', {}) : undefined;
  if (row && tableElement) tableElement.add(row);
  layout.widths.forEach((width, column) => {
    const text = cells[column] ?? '';
    const bold = isBold(rowIndex, column);
    const align = table.align?.[column] ?? 'left';
    const drawText = () => {
      doc.font(bold ? BOLD : REGULAR).fontSize(layout.size).fillColor(textColour);
      // The height limit keeps pdfkit from breaking the page inside a cell: the row was measured to fit.
      doc.text(text, lefts[column]! + cellPaddingX, top + cellPaddingY, { width: width - cellPaddingX * 2, height: height - cellPaddingY, lineGap, align });
    };
    if (!row) return drawText();
    const type = bold ? 'TH' : 'TD';
    const scope = rowIndex === 'header' ? 'Column' : column === 0 ? 'Row' : undefined;
    row.add(struct(ctx, type, scope ? { scope } : {}, drawText));
  });
  row?.end();
  doc.font(REGULAR);
  doc.x = contentLeft(doc);
  doc.y = top + height;
}

function cellLefts(doc: PDFKit.PDFDocument, widths: readonly number[]): number[] {
  let left = contentLeft(doc);
  return widths.map((width) => {
    const cellLeft = left;
    left += width;
    return cellLeft;
  });
}
