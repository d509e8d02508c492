// Charts as vector drawings: the chart's SVG (the same one the web page shows) is drawn into the
// PDF with svg-to-pdfkit, so it stays sharp when zoomed and its labels remain text.
import SVGtoPDF from 'svg-to-pdfkit';
import type { ChartSpec } from '../../charts/chart-spec.ts';
import { renderChartSvg } from '../../charts/render-svg.ts';
import { figureAltText } from '../report-model.ts';
import { chartFont, REGULAR } from './fonts.ts';
import { contentHeight, contentLeft, contentWidth, keepTogether, struct } from './layout.ts';
import type { PdfContext } from './layout.ts';
import { captionSize, lineGap, maxFigureShare, paragraphGap, textColour } from './style.ts';

const captionGap = 6;

/** The chart scaled to the text width, keeping its aspect ratio, but never taller than a share of the page. */
function figureSize(doc: PDFKit.PDFDocument, chart: ChartSpec): { width: number; height: number; scale: number } {
  const scale = Math.min(contentWidth(doc) / chart.width, (contentHeight(doc) * maxFigureShare) / chart.height);
  return { width: chart.width * scale, height: chart.height * scale, scale };
}

function captionHeight(doc: PDFKit.PDFDocument, caption: string): number {
  doc.font(REGULAR).fontSize(captionSize);
  return doc.heightOfString(caption, { width: contentWidth(doc), lineGap }) + captionGap;
}

/** A figure and its caption are never split across pages. */
export function figureHeight(doc: PDFKit.PDFDocument, chart: ChartSpec, caption: string): number {
  return figureSize(doc, chart).height + captionHeight(doc, caption);
}

export function drawFigure(ctx: PdfContext, chart: ChartSpec, caption: string): void {
  const { doc } = ctx;
  keepTogether(doc, figureHeight(doc, chart, caption));
  const size = figureSize(doc, chart);
  const left = contentLeft(doc) + (contentWidth(doc) - size.width) / 2;
  const top = doc.y;
  const svg = withoutTextHalos(renderChartSvg(chart, ctx.locale));
  const container = struct(ctx, 'Div', {});
  ctx.root.add(container);
  const bbox: [number, number, number, number] = [left, top, left + size.width, top + size.height];
  container.add(struct(ctx, 'Figure', { alt: figureAltText(chart), bbox, placement: 'Block' }, () => {
    doc.save().translate(left, top).scale(size.scale);
    // assumePt: one SVG unit becomes one unit here, so the scale above alone sets the size.
    SVGtoPDF(doc, svg, 0, 0, { width: chart.width, height: chart.height, assumePt: true, fontCallback: chartFont, warningCallback: warnOnce });
    doc.restore();
  }));
  doc.y = top + size.height + captionGap;
  container.add(struct(ctx, 'Caption', {}, () => {
    doc.font(REGULAR).fontSize(captionSize).fillColor(textColour).text(caption, contentLeft(doc), doc.y, { width: contentWidth(doc), lineGap, align: 'center' });
  }));
  container.end();
  doc.x = contentLeft(doc);
  doc.y += paragraphGap;
}

/**
 * ECharts gives some labels a white halo (a stroke painted under the fill with paint-order).
 * svg-to-pdfkit ignores paint-order and paints the stroke over the letters, which washes them
 * out, so the halo is dropped: on the PDF's white page the label reads fine without it.
 */
export function withoutTextHalos(svg: string): string {
  return svg.replace(/<text\b[^>]*\bpaint-order="stroke"[^>]*>/g, (tag) =>
    tag.replace(/ (?:stroke|stroke-width|stroke-miterlimit|paint-order)="[^"]*"/g, ''),
  );
}

/**
 * svg-to-pdfkit reports SVG it cannot draw. The charts come from our own builders, so a warning
 * means a chart type the PDF does not draw fully: say so once per process, not once per chart
 * of a batch.
 */
const warned = new Set<string>();

function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`PDF chart: ${message}`);
}
