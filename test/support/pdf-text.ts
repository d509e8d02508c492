// Reads a PDF with pdfjs-dist, a reader independent of the library that wrote it, for tests of
// the PDF reports: the text per page, the title, the outline, whether it is tagged, and the alt
// texts of its figures.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface PdfOutlineEntry {
  title: string;
  /** 1 for a top-level bookmark, 2 for one nested under it, … */
  level: number;
  /** The page number (1-based) the bookmark opens, if it names one. */
  page: number | undefined;
}

export interface PdfReading {
  /** Text per page, whitespace collapsed to single spaces, so phrases can be searched. */
  pages: string[];
  /** All pages' text joined with newlines. */
  text: string;
  title: string | undefined;
  language: string | undefined;
  outline: PdfOutlineEntry[];
  /** MarkInfo /Marked: the PDF says it is tagged. */
  marked: boolean;
  /** Alt texts of the structure tree's Figure elements, in page order. */
  figureAlts: string[];
  /** Every structure element's role in reading order (e.g. Document, H1, P, Table, TR, TH …). */
  structureRoles: string[];
}

interface OutlineNode {
  title: string;
  dest: string | unknown[] | null;
  items: OutlineNode[];
}

type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>;

interface StructNode {
  role?: string;
  alt?: string;
  children?: StructNode[];
}

export async function readPdf(buffer: Uint8Array): Promise<PdfReading> {
  // pdfjs takes ownership of the array it is given, so hand it a copy.
  const pdf = await getDocument({ data: new Uint8Array(buffer), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    const figureAlts: string[] = [];
    const structureRoles: string[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      pages.push(normaliseWhitespace(text));
      walkStructure((await page.getStructTree()) as StructNode | null, (node) => {
        if (node.role === undefined) return;
        structureRoles.push(node.role);
        if (node.role === 'Figure' && node.alt !== undefined) figureAlts.push(node.alt);
      });
    }
    const { info } = (await pdf.getMetadata()) as { info: { Title?: string; Language?: string } };
    const outline = await flattenOutline(pdf, ((await pdf.getOutline()) ?? []) as OutlineNode[], 1);
    const marked = (await pdf.getMarkInfo())?.Marked === true;
    return { pages, text: pages.join('\n'), title: info.Title, language: info.Language, outline, marked, figureAlts, structureRoles };
  } finally {
    await pdf.destroy();
  }
}

export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

async function flattenOutline(pdf: PdfDocument, nodes: readonly OutlineNode[], level: number): Promise<PdfOutlineEntry[]> {
  const entries: PdfOutlineEntry[] = [];
  for (const node of nodes) {
    entries.push({ title: node.title, level, page: await destinationPage(pdf, node.dest) });
    entries.push(...(await flattenOutline(pdf, node.items, level + 1)));
  }
  return entries;
}

async function destinationPage(pdf: PdfDocument, dest: OutlineNode['dest']): Promise<number | undefined> {
  const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
  const target = explicit?.[0];
  if (target === undefined || target === null) return undefined;
  return typeof target === 'number' ? target + 1 : (await pdf.getPageIndex(target as Parameters<PdfDocument['getPageIndex']>[0])) + 1;
}

/**
 * The structure tree pdfjs gives per page. An element whose content spans pages appears under
 * each of them; Figures in these reports never span pages, so their alt texts are not repeated.
 */
function walkStructure(node: StructNode | null, visit: (node: StructNode) => void): void {
  if (!node) return;
  if (node.role !== 'Root') visit(node);
  for (const child of node.children ?? []) walkStructure(child, visit);
}

/**
 * How many pixels of each page, drawn by pdfjs at `dpi`, have the given colour (each channel
 * within `tolerance`): a measure of how much of a chart's series a reader actually sees.
 */
export async function pdfColourArea(buffer: Uint8Array, colour: string, options: { dpi?: number; tolerance?: number } = {}): Promise<number[]> {
  const dpi = options.dpi ?? 36;
  const tolerance = options.tolerance ?? 24;
  const hex = colour.replace('#', '');
  const target = [0, 2, 4].map((offset) => parseInt(hex.slice(offset, offset + 2), 16));
  const pdf = await getDocument({ data: new Uint8Array(buffer), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const factory = pdf.canvasFactory as CanvasFactory;
    const areas: number[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const viewport = page.getViewport({ scale: dpi / 72 });
      const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      await page.render({ canvasContext: context as never, viewport }).promise;
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let area = 0;
      for (let at = 0; at < pixels.length; at += 4) {
        if (target.every((channel, index) => Math.abs(pixels[at + index]! - channel) <= tolerance)) area += 1;
      }
      areas.push(area);
      factory.destroy({ canvas, context });
    }
    return areas;
  } finally {
    await pdf.destroy();
  }
}

/** pdfjs's canvas factory in Node (backed by @napi-rs/canvas), as far as these tests use it. */
interface CanvasFactory {
  create(width: number, height: number): { canvas: { width: number; height: number }; context: PageCanvasContext };
  destroy(canvasAndContext: { canvas: unknown; context: unknown }): void;
}

interface PageCanvasContext {
  getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
}
