// Running headers and footers, written onto every page but the cover once the page count is
// known (the document buffers its pages for this). They are artifacts: a screen reader should
// not read the title and page number again on every page.
import { formatDate } from '../../i18n/format.ts';
import { fillPageOf, runningHeaderText } from '../report-model.ts';
import type { ReportDocument } from '../report-model.ts';
import { REGULAR } from './fonts.ts';
import { artifact, contentLeft, contentWidth } from './layout.ts';
import { furnitureSize, mutedColour, ruleColour } from './style.ts';

export function drawPageFurniture(doc: PDFKit.PDFDocument, document: ReportDocument): void {
  const range = doc.bufferedPageRange();
  const date = formatDate(document.locale, document.date);
  for (let index = range.start + 1; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const page = fillPageOf(document.labels.pageOf, index + 1, range.count);
    // pdfkit starts a new page when text passes the bottom margin; the footer lives in that margin.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    artifact(doc, 'Pagination', () => drawHeaderAndFooter(doc, runningHeaderText(document), date, page, bottomMargin));
    doc.page.margins.bottom = bottomMargin;
  }
}

function drawHeaderAndFooter(doc: PDFKit.PDFDocument, title: string, date: string, page: string, bottomMargin: number): void {
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  const headerY = doc.page.margins.top - 30;
  const footerY = doc.page.height - bottomMargin + 18;
  doc.font(REGULAR).fontSize(furnitureSize).fillColor(mutedColour);
  doc.text(title, left, headerY, { width, lineBreak: false, ellipsis: true });
  doc.save().lineWidth(0.5).strokeColor(ruleColour)
    .moveTo(left, headerY + 14).lineTo(left + width, headerY + 14)
    .moveTo(left, footerY - 6).lineTo(left + width, footerY - 6)
    .stroke().restore();
  doc.text(date, left, footerY, { width: width / 2, lineBreak: false });
  doc.text(page, left + width / 2, footerY, { width: width / 2, align: 'right', lineBreak: false });
}
