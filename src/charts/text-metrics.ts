// Text widths in the bundled DejaVu Sans, which is what the charts are drawn with (resvg for PNG,
// the PDF's embedded font, and the font-family named first in the SVG). ECharts lays out legends,
// axis labels and margins with its own estimate, made for narrower fonts such as Arial, which put
// legend labels over the next swatch and cut category labels at the chart's edge. Measuring with
// the real font's metrics (through pdfkit, which reads the TrueType files) makes the layout fit.
import PDFDocument from 'pdfkit';
import { fileURLToPath } from 'node:url';

const fontFile = (name: string) => fileURLToPath(new URL(`../../assets/fonts/${name}`, import.meta.url));

let measurer: PDFKit.PDFDocument | undefined;

function document(): PDFKit.PDFDocument {
  if (measurer === undefined) {
    measurer = new PDFDocument({ autoFirstPage: false });
    measurer.registerFont('regular', fontFile('DejaVuSans.ttf'));
    measurer.registerFont('bold', fontFile('DejaVuSans-Bold.ttf'));
  }
  return measurer;
}

/**
 * The width of `text` in a CSS font shorthand as ECharts writes it ("bold 12px DejaVu Sans, …"),
 * in the same unit as the size (px). A missing size means ECharts' default of 12px.
 */
export function measureChartText(text: string, font: string | undefined): number {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
  const bold = /\b(bold|bolder|[6-9]00)\b/.test(font ?? '');
  if (text === '') return 0;
  return document().font(bold ? 'bold' : 'regular').fontSize(size).widthOfString(text);
}
