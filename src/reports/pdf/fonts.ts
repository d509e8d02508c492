// The bundled DejaVu fonts, shared by every report a process renders. A federation batch draws
// many reports with the same words, and with pdfkit's defaults each document would read the font
// files, parse them and shape every word again (shaping was about half of a report's time).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REGULAR = 'DejaVuSans';
export const BOLD = 'DejaVuSans-Bold';

const fontFiles: Record<string, URL> = {
  [REGULAR]: new URL('../../../assets/fonts/DejaVuSans.ttf', import.meta.url),
  [BOLD]: new URL('../../../assets/fonts/DejaVuSans-Bold.ttf', import.meta.url),
};

/**
 * What pdfkit 0.20 keeps per document for an embedded font (not in its public API): the parsed
 * fontkit font, which it also accepts in registerFont, and a cache of shaped words. Both depend
 * only on the font, never on the document; the glyph subset, which does, stays per document.
 */
interface EmbeddedFontInternals {
  font?: { layout?: unknown };
  layoutCache?: Record<string, unknown>;
}

interface SharedFont {
  source: Buffer | object;
  layoutCache?: Record<string, unknown>;
}

/** Shaped words kept per font; a report's vocabulary is a few thousand words, so this bounds memory, not speed. */
const maxCachedWords = 50_000;

let sharedFonts: Map<string, SharedFont> | undefined;

function fonts(): Map<string, SharedFont> {
  sharedFonts ??= new Map(Object.entries(fontFiles).map(([name, url]) => [name, { source: readFileSync(fileURLToPath(url)) }]));
  return sharedFonts;
}

/** Registers both faces under the names above (pdfkit embeds only the glyphs a document uses). */
export function registerReportFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, shared] of fonts()) {
    doc.registerFont(name, shared.source as Buffer);
    doc.font(name);
    shareParsedFont(doc, name, shared);
  }
  doc.font(REGULAR);
}

function shareParsedFont(doc: PDFKit.PDFDocument, name: string, shared: SharedFont): void {
  const embedded = (doc as unknown as { _fontFamilies?: Record<string, EmbeddedFontInternals> })._fontFamilies?.[name];
  // Should a later pdfkit keep these elsewhere, every document simply parses the font itself.
  if (!embedded || typeof embedded.font?.layout !== 'function' || embedded.layoutCache === undefined) return;
  shared.source = embedded.font;
  if (shared.layoutCache === undefined || Object.keys(shared.layoutCache).length > maxCachedWords) shared.layoutCache = embedded.layoutCache;
  else embedded.layoutCache = shared.layoutCache;
}

/** For svg-to-pdfkit: chart text is DejaVu Sans (see chart-theme.ts), bold or not. */
export function chartFont(_family: string, bold: boolean): string {
  return bold ? BOLD : REGULAR;
}
