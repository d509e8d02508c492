// Renders a ReportDocument to PDF without a browser: pdfkit lays out the text with the bundled
// DejaVu fonts, svg-to-pdfkit draws the charts as vectors, and the document is tagged (headings,
// paragraphs, lists, tables, figures with alt text), bookmarked and titled for accessibility.
import PDFDocument from 'pdfkit';
import { languageTag } from '../i18n/locales.ts';
import type { ReportDocument } from './report-model.ts';
import { drawBlocks } from './pdf/blocks.ts';
import { registerReportFonts } from './pdf/fonts.ts';
import { drawCover, drawDocumentControl } from './pdf/front-matter.ts';
import { newPage } from './pdf/layout.ts';
import type { PdfContext } from './pdf/layout.ts';
import { drawPageFurniture } from './pdf/page-furniture.ts';
import { pageMargins } from './pdf/style.ts';

export async function renderPdf(document: ReportDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: pageMargins,
    pdfVersion: '1.7',
    tagged: true,
    lang: languageTag(document.locale),
    displayTitle: true,
    bufferPages: true,
    info: { Title: document.title, Subject: document.subtitle, Author: document.author, Keywords: document.classification.label },
  });
  const finished = collect(doc);
  registerReportFonts(doc);
  const root = doc.struct('Document');
  doc.addStructure(root);
  const ctx: PdfContext = { doc, locale: document.locale, root, outlineByLevel: [], headingPages: new Map(), pendingTocs: [] };

  drawCover(ctx, document);
  drawDocumentControl(ctx, document);
  newPage(doc);
  drawBlocks(ctx, document);
  for (const fill of ctx.pendingTocs) fill();
  drawPageFurniture(doc, document);

  root.end();
  doc.end();
  return finished;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
