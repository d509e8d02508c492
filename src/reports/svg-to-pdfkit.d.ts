// svg-to-pdfkit ships without types; this declares the one function and the options we use.
declare module 'svg-to-pdfkit' {
  export interface SvgToPdfOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    /** Treat SVG user units as points instead of CSS pixels (1 px = 0.75 pt). */
    assumePt?: boolean;
    precision?: number;
    /** Returns the name of a font registered with the document (or a PDF standard font). */
    fontCallback?: (family: string, bold: boolean, italic: boolean, fontOptions: { fauxBold: boolean; fauxItalic: boolean }) => string;
    warningCallback?: (message: string) => void;
    imageCallback?: (link: string) => string;
  }

  export default function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x?: number, y?: number, options?: SvgToPdfOptions): void;
}
