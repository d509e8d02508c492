// Draws a ReportDocument as a Word document (DOCX) with the `docx` library. Everything a reader
// navigates by is real Word structure, not look-alike formatting: heading styles (navigation
// pane, table of contents), table header rows, list numbering, picture alt text, page fields.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IBorderOptions,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import type { ChartSpec } from '../charts/chart-spec.ts';
import { svgToPng } from '../charts/render-png.ts';
import { renderChartSvg } from '../charts/render-svg.ts';
import { languageTag } from '../i18n/locales.ts';
import { columnNeeds, fitColumnWidths } from './table-widths.ts';
import { fitLogo } from './logo-image.ts';
import { figureAltText, headingsOf, runningHeaderText, type Inline, type ReportBlock, type ReportDocument, type ReportLogo, type ReportTable } from './report-model.ts';

/** A4 with 2.5 cm margins, in twips (1/1440 inch). */
const PAGE = { width: 11906, height: 16838, margin: 1418 } as const;
const TWIPS_PER_PIXEL = 1440 / 96;
const TEXT_WIDTH_TWIPS = PAGE.width - 2 * PAGE.margin;
const TEXT_HEIGHT_TWIPS = PAGE.height - 2 * PAGE.margin;
/**
 * Text widths in twips are estimated from the number of characters (the renderer has no font
 * metrics): an 11 pt Calibri character is about half an em wide on average; these err on the
 * wide side so that a column given its longest word really holds it.
 */
const TWIPS_PER_CHARACTER = { regular: 121, bold: 128 } as const;
const CELL_MARGIN = { left: 80, right: 80, top: 40, bottom: 40 } as const;
/** The text column in pixels (96 per inch), the unit docx sizes pictures in. */
const TEXT_WIDTH_PX = Math.floor((PAGE.width - 2 * PAGE.margin) / TWIPS_PER_PIXEL);
/** Leaves room for the caption and a few lines on the same page as a tall chart. */
const MAX_FIGURE_HEIGHT_PX = Math.floor(((PAGE.height - 2 * PAGE.margin) / TWIPS_PER_PIXEL) * 0.85);
/**
 * Readers without SVG support (Word 2016 and older, LibreOffice, some converters) show and print
 * the PNG, so it is drawn at print resolution for the size it is placed at: at least this many
 * pixels per inch.
 */
export const FALLBACK_PNG_DPI = 200;
/** docx sizes pictures in pixels of 1/96 inch. */
const PLACED_PX_PER_INCH = 96;

const BULLETS = 'report-bullets';
/**
 * 1.15 lines, with the rule said out loud: a `w:line` without `w:lineRule` is read by LibreOffice
 * as an exact height, which clips every picture in such a paragraph to one line of text.
 */
const AUTO_LINES = { line: 276, lineRule: LineRuleType.AUTO } as const;
const FONT = 'Calibri';

export interface DocxOptions {
  /**
   * Lay the pages out to write page numbers into the table of contents and the footer (default
   * true). Costs about 2 s for a 30-page report on our machines; a batch in a hurry may skip it,
   * as Word computes the numbers itself on opening.
   */
  estimatePageNumbers?: boolean;
}

export async function renderDocx(document: ReportDocument, options: DocxOptions = {}): Promise<Buffer> {
  const estimate = options.estimatePageNumbers ?? true;
  const pictures = await figurePictures(document);
  if (!estimate) return Packer.toBuffer(wordDocument(document, pictures, { estimatePageNumbers: false }));
  try {
    return await Packer.toBuffer(wordDocument(document, pictures, { estimatePageNumbers: true }));
  } catch {
    // The page estimate is a convenience (Word recomputes the numbers anyway): should docx's
    // layout ever fail on a document, write it without, rather than fail the report. An error
    // of our own would fail this second attempt too, so it is not hidden.
    return Packer.toBuffer(wordDocument(document, pictures, { estimatePageNumbers: false }));
  }
}

/** Each figure's SVG and its PNG fallback, drawn before the document is built, all at once (render-png.ts). */
type FigurePictures = ReadonlyMap<ChartSpec, { svg: string; png: Buffer }>;

async function figurePictures(document: ReportDocument): Promise<FigurePictures> {
  const charts = document.blocks.flatMap((block) => (block.kind === 'figure' ? [block.chart] : []));
  const drawn = await Promise.all(
    charts.map(async (chart) => {
      const svg = renderChartSvg(chart, document.locale);
      const png = await svgToPng(svg, fallbackScale(chart.width, fitToPage(chart.width, chart.height).width));
      return [chart, { svg, png }] as const;
    }),
  );
  return new Map(drawn);
}

function wordDocument(document: ReportDocument, pictures: FigurePictures, options: { estimatePageNumbers: boolean }): Document {
  return new Document({
    title: document.title,
    subject: document.subtitle,
    creator: document.author,
    lastModifiedBy: document.author,
    // Word fills in (and re-numbers) the table of contents and page counts when it opens the file.
    features: { updateFields: true },
    // docx lays the pages out as Word would and writes the page numbers into the table of
    // contents and "Sida X av Y", so readers that never update fields (LibreOffice, previews)
    // show them too.
    pageNumbers: options.estimatePageNumbers ? estimatePageNumbers : undefined,
    styles: styles(languageTag(document.locale), docxContentsStyle(headingsOf(document))),
    numbering: { config: [bulletNumbering()] },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
          // The cover page has no running header or footer.
          titlePage: true,
        },
        headers: { default: runningHeader(document), first: new Header({ children: [new Paragraph({ children: [] })] }) },
        footers: { default: runningFooter(document), first: new Footer({ children: [new Paragraph({ children: [] })] }) },
        children: [...coverPage(document), ...documentControl(document), ...document.blocks.flatMap((block) => renderBlock(block, pictures))],
      },
    ],
  });
}

function styles(language: string, contents: 'normal' | 'compact') {
  // The outline level is what Word's navigation pane and LibreOffice's navigator read.
  const heading = (level: 1 | 2 | 3, size: number, before: number) => ({
    run: { font: FONT, size, bold: true, color: '1F3864' },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true, outlineLevel: level - 1 },
  });
  return {
    default: {
      // The language of every run unless a run says otherwise: spelling and screen readers use it.
      document: { run: { font: FONT, size: 22, language: { value: language } }, paragraph: { spacing: { after: 120, ...AUTO_LINES } } },
      title: { run: { font: FONT, size: 52, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 2400, after: 240 } } },
      heading1: heading(1, 32, 360),
      heading2: heading(2, 26, 280),
      heading3: heading(3, 23, 240),
      caption: { run: { font: FONT, size: 20, italics: true, color: '404040' }, paragraph: { spacing: { before: 60, after: 200 } } },
    },
    paragraphStyles: [
      { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 32, color: '404040' }, paragraph: { spacing: { after: 600 } } },
      // Titles of the parts the renderer draws itself (document control, contents): they look
      // like headings but are kept out of the outline, so the document's headings are exactly
      // the report's own and the table of contents does not list itself.
      { id: 'PartTitle', name: 'Part Title', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 32, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
      { id: 'PartSubtitle', name: 'Part Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 24, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
      // The contents' entries (they replace docx's own TOC 1–3): compact when the usual spacing
      // would not fit them on one page (docxContentsStyle).
      ...([1, 2, 3] as const).map((level) => tocStyle(level, contents)),
    ],
  };
}

/** A TOC level's paragraph style; Word and LibreOffice use it for the entries they write too. */
function tocStyle(level: 1 | 2 | 3, contents: 'normal' | 'compact') {
  const look = TOC_LOOK[contents];
  return {
    id: `TOC${level}`,
    name: `toc ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    run: look.size === BODY_SIZE ? {} : { size: look.size },
    paragraph: { spacing: { before: 0, after: look.after, line: look.line, lineRule: LineRuleType.AUTO }, indent: { left: (level - 1) * TOC_INDENT_TWIPS } },
  };
}

const TOC_INDENT_TWIPS = 220;
/** The contents at the usual size (11 pt, 1.15 lines, 5 pt after each) or compact (10 pt, single lines, 1 pt after). */
const TOC_LOOK = { normal: { size: 22, line: 276, after: 100 }, compact: { size: 20, line: 240, after: 20 } } as const;
/** Calibri's line height is about 1.22 times its size. */
const CALIBRI_LINE = 1.22;
/** The contents title (Part Title, 16 pt, 18 pt before and 6 pt after) in twips. */
const CONTENTS_TITLE_TWIPS = Math.ceil(32 * 10 * CALIBRI_LINE * 1.15) + 360 + 120;

/** The estimated height in twips of the contents' entries set in one look. */
function docxContentsHeight(headings: ReadonlyArray<{ level: 1 | 2 | 3; text: string }>, contents: 'normal' | 'compact'): number {
  const look = TOC_LOOK[contents];
  const lineTwips = look.size * 10 * CALIBRI_LINE * (look.line / 240);
  return headings.reduce((sum, heading) => {
    const width = TEXT_WIDTH_TWIPS - (heading.level - 1) * TOC_INDENT_TWIPS - 600;
    const characterTwips = ((heading.level === 1 ? TWIPS_PER_CHARACTER.bold : TWIPS_PER_CHARACTER.regular) * look.size) / BODY_SIZE;
    const lines = Math.max(1, Math.ceil(([...heading.text].length * characterTwips) / width));
    return sum + lines * lineTwips + look.after;
  }, 0);
}

/**
 * The contents start on a page of their own (the title has pageBreakBefore), so the pre-filled
 * entries never run on from the summary; they are set compact when at the usual spacing they
 * would not fit that page, so a few entries do not spill onto the next.
 */
export function docxContentsStyle(headings: ReadonlyArray<{ level: 1 | 2 | 3; text: string }>): 'normal' | 'compact' {
  return CONTENTS_TITLE_TWIPS + docxContentsHeight(headings, 'normal') <= TEXT_HEIGHT_TWIPS ? 'normal' : 'compact';
}

function bulletNumbering() {
  return {
    reference: BULLETS,
    levels: [
      {
        level: 0,
        format: LevelFormat.BULLET,
        text: '\u2022',
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: 720, hanging: 360 } } },
      },
    ],
  };
}

function runningHeader(document: ReportDocument): Header {
  return new Header({ children: [new Paragraph({ children: [new TextRun({ text: runningHeaderText(document), size: 18, color: '404040' })] })] });
}

/** Date at the left, "Sida X av Y" at the right, with X and Y as Word page fields. */
function runningFooter(document: ReportDocument): Footer {
  const rightTab = PAGE.width - 2 * PAGE.margin;
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: rightTab }],
        children: [new TextRun({ size: 18, color: '404040', children: [document.date, '\t', ...pageOfRuns(document.labels.pageOf)] })],
      }),
    ],
  });
}

type PageField = (typeof PageNumber)[keyof typeof PageNumber];

/** Splits "Sida {page} av {pages}" into text and fields, keeping the template's word order. */
export function pageOfRuns(template: string): Array<string | PageField> {
  return template
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{page}' ? PageNumber.CURRENT : part === '{pages}' ? PageNumber.TOTAL_PAGES : part));
}

function coverPage(document: ReportDocument): Paragraph[] {
  const { labels } = document;
  const facts: Array<[string, string]> = [
    [labels.author, document.author],
    [labels.date, document.date],
    [labels.version, document.version],
    [labels.classification, document.classification.label],
  ];
  return [
    ...(document.logo ? [coverLogo(document.logo)] : []),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(document.title)] }),
    new Paragraph({ style: 'Subtitle', children: [new TextRun(document.subtitle)] }),
    ...facts.map(([label, value]) => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] })),
    pageBreak(),
  ];
}

/** The largest a logo is drawn on the cover, in pixels of 1/96 inch. */
const LOGO_MAX = { width: 240, height: 120 } as const;

/** The study's logo at the top of the cover, with its text alternative. */
function coverLogo(logo: ReportLogo): Paragraph {
  const size = fitLogo(logo, LOGO_MAX.width, LOGO_MAX.height);
  const image = new ImageRun({
    type: logo.type === 'png' ? 'png' : 'jpg',
    data: Buffer.from(logo.data),
    transformation: size,
    altText: { name: 'study-logo', title: logo.alt, description: logo.alt },
  });
  return new Paragraph({ spacing: { after: 0 }, children: [image] });
}

/** A paragraph holding only a page break, as Word's own Insert → Page Break writes it. */
function pageBreak(): Paragraph {
  return new Paragraph({ children: [new PageBreak()] });
}

function documentControl(document: ReportDocument): Array<Paragraph | Table> {
  const { labels, history, classification } = document;
  const historyPart: Array<Paragraph | Table> =
    history.length === 0
      ? [new Paragraph({ children: [new TextRun(labels.noHistory)] })]
      : [
          dataTable(
            labels.historyColumns,
            history.map((entry) => [entry.date, entry.version, entry.by, entry.reason]),
            undefined,
          ),
        ];
  return [
    new Paragraph({ style: 'PartTitle', children: [new TextRun(labels.documentControl)] }),
    new Paragraph({ style: 'PartSubtitle', children: [new TextRun(labels.history)] }),
    ...historyPart,
    new Paragraph({ style: 'PartSubtitle', children: [new TextRun(labels.classification)] }),
    new Paragraph({ children: [new TextRun({ text: classification.label, bold: true })] }),
    new Paragraph({ children: [new TextRun(classification.meaning)] }),
  ];
}

function renderBlock(block: ReportBlock, pictures: FigurePictures): Array<Paragraph | Table | TableOfContents> {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: headingLevels[block.level], children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [new Paragraph({ children: runs(block.content) })];
    case 'bullets':
      return block.items.map((item) => new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: runs(item) }));
    case 'table':
      return reportTable(block);
    case 'figure':
      return figure(block.chart, block.caption, pictures.get(block.chart)!);
    case 'callout':
      return callout(block.tone, block.title, block.content);
    case 'toc':
      return tableOfContents(block.title);
    case 'pageBreak':
      return [pageBreak()];
  }
}

const headingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function runs(content: readonly Inline[]): TextRun[] {
  return content.map((part) => (typeof part === 'string' ? new TextRun(part) : new TextRun({ text: part.text, bold: part.strong === true })));
}

/**
 * A Word table-of-contents field over Heading 1–3, written already filled in: docx puts an entry
 * per heading in the field's result (a link to the heading, in the TOC 1–3 styles, indented by
 * level, with the estimated page number), so LibreOffice, previews and converters that never
 * update fields still show a readable contents list, and Word refreshes it on opening
 * (`updateFields`). Hence no second, static list after the field: a reader that shows the field's
 * result would then show the contents twice.
 */
function tableOfContents(title: string): Array<Paragraph | TableOfContents> {
  return [
    new Paragraph({ style: 'PartTitle', pageBreakBefore: true, children: [new TextRun(title)] }),
    new TableOfContents(title, { hyperlink: true, headingStyleRange: '1-3' }),
  ];
}

function captionParagraph(text: string, options: { keepNext: boolean } = { keepNext: true }): Paragraph {
  return new Paragraph({ style: 'Caption', keepNext: options.keepNext, children: [new TextRun(text)] });
}

function reportTable(table: ReportTable): Array<Paragraph | Table> {
  // The caption goes above a table (and is kept with it), as readers expect for tables.
  return [captionParagraph(table.caption), dataTable(table.columns, table.rows, table.align), new Paragraph({ children: [] })];
}

const cellBorder: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '8C8C8C' };
const cellBorders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };

function dataTable(columns: readonly string[], rows: readonly string[][], align: ReportTable['align']): Table {
  const alignmentOf = (column: number) => (align?.[column] === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT);
  const bold = (row: number | 'header', column: number) => row === 'header' || column === 0;
  const { size, widths } = docxTableLayout(columns, rows, bold);
  // The body size is left to the style; only a shrunk table says its size on each run.
  const runSize = size === BODY_SIZE ? undefined : size;
  const cell = (text: string, column: number, options: { bold: boolean; shaded: boolean; keepNext: boolean }) =>
    new TableCell({
      borders: cellBorders,
      shading: options.shaded ? { type: ShadingType.CLEAR, fill: 'DCE3EE', color: 'auto' } : undefined,
      margins: CELL_MARGIN,
      width: { size: widths[column]!, type: WidthType.DXA },
      children: [
        new Paragraph({ alignment: alignmentOf(column), keepNext: options.keepNext, spacing: { after: 0 }, children: [new TextRun({ text, bold: options.bold, size: runSize })] }),
      ],
    });
  // The header row is marked as such (w:tblHeader): Word repeats it on every page the table
  // spans and screen readers announce its cells as column headers. No row is split across pages
  // (cantSplit), and the header and first row are kept with the next row (keepNext), so a
  // table never starts with a lone row at the foot of a page.
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((text, column) => cell(text, column, { bold: true, shaded: true, keepNext: rows.length > 0 })),
  });
  const bodyRows = rows.map(
    (row, index) =>
      new TableRow({ cantSplit: true, children: row.map((text, column) => cell(text, column, { bold: bold(index, column), shaded: false, keepNext: index === 0 && rows.length > 1 })) }),
  );
  // Fixed layout: Word and LibreOffice use these widths as they are instead of sharing the width
  // out again (which gave the 26 capability descriptions eight pages of narrow columns).
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths: widths,
    rows: [headerRow, ...bodyRows],
  });
}

/** The body text size in half-points (11 pt). */
const BODY_SIZE = 22;
/** The smallest size (half-points, 7 pt) a wide table may shrink to before its words must break. */
const SMALLEST_TABLE_SIZE = 14;

/**
 * The table's font size (half-points) and column widths: the body size, or, for a table whose
 * longest words would not fit side by side (the federation's nine-column cost table), smaller
 * half a point at a time, as the PDF renderer does, so no word is broken mid-word.
 */
function docxTableLayout(columns: readonly string[], rows: readonly string[][], bold: (row: number | 'header', column: number) => boolean): { size: number; widths: number[] } {
  for (let size = BODY_SIZE; ; size -= 1) {
    const needs = docxColumnNeeds(columns, rows, bold, size);
    if (size <= SMALLEST_TABLE_SIZE || needs.minimum.reduce((sum, width) => sum + width, 0) <= TEXT_WIDTH_TWIPS) return { size, widths: wholeTwips(fitColumnWidths(needs, TEXT_WIDTH_TWIPS)) };
  }
}

function docxColumnNeeds(columns: readonly string[], rows: readonly string[][], bold: (row: number | 'header', column: number) => boolean, size: number) {
  const measure = (text: string, isBold: boolean) => ([...text].length * TWIPS_PER_CHARACTER[isBold ? 'bold' : 'regular'] * size) / BODY_SIZE;
  return columnNeeds(columns, rows, measure, { padding: CELL_MARGIN.left + CELL_MARGIN.right, bold });
}

/** Column widths in twips fitted to the content (table-widths.ts) at the body size, adding up to the text width. */
export function docxColumnWidths(columns: readonly string[], rows: readonly string[][], bold: (row: number | 'header', column: number) => boolean): number[] {
  return wholeTwips(fitColumnWidths(docxColumnNeeds(columns, rows, bold, BODY_SIZE), TEXT_WIDTH_TWIPS));
}

function wholeTwips(fitted: number[]): number[] {
  const widths = fitted.map(Math.floor);
  // Whole twips that still add up to the text width: the rounding remainder goes to the widest column.
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest]! += TEXT_WIDTH_TWIPS - widths.reduce((sum, width) => sum + width, 0);
  return widths;
}

function figure(chart: ChartSpec, caption: string, { svg, png }: { svg: string; png: Buffer }): Paragraph[] {
  const size = fitToPage(chart.width, chart.height);
  const image = new ImageRun({
    type: 'svg',
    data: Buffer.from(svg, 'utf8'),
    // Word before 2019 and some other readers cannot draw SVG; they show this PNG instead.
    fallback: { type: 'png', data: png },
    transformation: size,
    altText: { name: chart.id, title: chart.title, description: figureAltText(chart) },
  });
  // The caption follows the picture, and the picture is kept on the same page as its caption.
  return [new Paragraph({ keepNext: true, keepLines: true, spacing: { before: 120, after: 0, line: 240, lineRule: LineRuleType.AUTO }, children: [image] }), captionParagraph(caption, { keepNext: false })];
}

/**
 * The zoom that draws a chart `chartWidth` px wide with at least FALLBACK_PNG_DPI pixels per inch
 * once placed `placedWidth` px (1/96 inch) wide; rounded up to hundredths so the SVG-and-scale
 * cache of render-png.ts sees the same key for the same chart.
 */
function fallbackScale(chartWidth: number, placedWidth: number): number {
  return Math.ceil(((placedWidth / chartWidth) * FALLBACK_PNG_DPI * 100) / PLACED_PX_PER_INCH) / 100;
}

/** The chart at the text column's width (never taller than most of a page), keeping its proportions. */
export function fitToPage(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(TEXT_WIDTH_PX / width, MAX_FIGURE_HEIGHT_PX / height);
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/**
 * A callout as bordered, shaded paragraphs rather than a one-cell table, so screen readers do not
 * announce a layout table. Word draws consecutive paragraphs with the same border as one box. The
 * tones differ in more than colour: a warning has a thick double bar at its left, a note a thin
 * single line; the bold title names what the box is.
 */
function callout(tone: 'info' | 'warning', title: string, content: readonly Inline[]): Paragraph[] {
  const look = calloutLooks[tone];
  const box = {
    border: { top: look.edge, bottom: look.edge, right: look.edge, left: look.bar },
    shading: { type: ShadingType.CLEAR, fill: look.fill, color: 'auto' },
    indent: { left: 200, right: 200 },
  };
  return [
    new Paragraph({ ...box, keepNext: true, spacing: { before: 200, after: 0 }, children: [new TextRun({ text: title, bold: true })] }),
    new Paragraph({ ...box, spacing: { before: 0, after: 200 }, children: runs(content) }),
  ];
}

const calloutLooks: Record<'info' | 'warning', { fill: string; edge: IBorderOptions; bar: IBorderOptions }> = {
  info: {
    fill: 'EAF1FB',
    edge: { style: BorderStyle.SINGLE, size: 4, color: '2F5597', space: 6 },
    bar: { style: BorderStyle.SINGLE, size: 12, color: '2F5597', space: 6 },
  },
  warning: {
    fill: 'FFF4D6',
    edge: { style: BorderStyle.SINGLE, size: 8, color: '7F6000', space: 6 },
    bar: { style: BorderStyle.DOUBLE, size: 24, color: '7F6000', space: 6 },
  },
};
