// Reads a DOCX file back the way an independent reader would: unzip it (jszip) and walk the
// WordprocessingML, with no help from the library that wrote it. Report tests compare what it
// finds (headings, paragraphs, table cells, pictures and their alt text) with the report model.
import JSZip from 'jszip';

interface DocxParagraph {
  /** The paragraph style id (w:pStyle), e.g. "Heading1", "Caption"; undefined for Normal. */
  style: string | undefined;
  /** The visible text: runs joined, tabs as "\t", line breaks as "\n"; field codes left out. */
  text: string;
  /** A list item (has w:numPr). */
  listItem: boolean;
}

interface DocxImage {
  name: string;
  title: string;
  descr: string;
}

export interface DocxContent {
  documentXml: string;
  stylesXml: string;
  settingsXml: string;
  coreXml: string;
  /** Every header part, joined (a document may have a first-page and a default header). */
  headerXml: string;
  /** Every footer part, joined. */
  footerXml: string;
  /** Paragraphs styled Heading1–9, in document order. */
  headings: Array<{ level: number; text: string }>;
  /** Texts of the body's paragraphs outside tables (including table-of-contents entries), in order. */
  paragraphs: string[];
  /** The same paragraphs with their style and list marking. */
  paragraphDetails: DocxParagraph[];
  /** Texts of list items (paragraphs with numbering), in order. */
  listItems: string[];
  /** Each table as rows of cell texts (a cell's paragraphs joined with "\n"), in document order. */
  tables: string[][][];
  /** Pictures (wp:docPr) in document order. */
  images: DocxImage[];
  /** Paths of the files under word/media/, sorted. */
  media: string[];
}

export async function readDocx(buffer: Buffer | Uint8Array): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (path: string): Promise<string> => {
    const file = zip.file(path);
    if (file === null) throw new Error(`The DOCX has no ${path}`);
    return file.async('string');
  };
  const partsMatching = async (pattern: RegExp): Promise<string> => {
    const paths = Object.keys(zip.files).filter((path) => pattern.test(path)).sort();
    return (await Promise.all(paths.map(read))).join('\n');
  };
  const documentXml = await read('word/document.xml');
  const body = walkBody(documentXml);
  return {
    documentXml,
    stylesXml: await read('word/styles.xml'),
    settingsXml: await read('word/settings.xml'),
    coreXml: await read('docProps/core.xml'),
    headerXml: await partsMatching(/^word\/header\d*\.xml$/),
    footerXml: await partsMatching(/^word\/footer\d*\.xml$/),
    headings: body.paragraphs.flatMap((paragraph) => {
      const level = /^Heading([1-9])$/.exec(paragraph.style ?? '')?.[1];
      return level === undefined ? [] : [{ level: Number(level), text: paragraph.text }];
    }),
    paragraphs: body.paragraphs.map((paragraph) => paragraph.text),
    paragraphDetails: body.paragraphs,
    listItems: body.paragraphs.filter((paragraph) => paragraph.listItem).map((paragraph) => paragraph.text),
    tables: body.tables,
    images: body.images,
    media: Object.keys(zip.files).filter((path) => path.startsWith('word/media/') && !zip.files[path]!.dir).sort(),
  };
}

/** The visible text of a piece of WordprocessingML (a header or footer part, say), paragraphs joined with "\n". */
export function visibleText(xml: string): string {
  const body = walkBody(xml);
  const tableTexts = body.tables.flatMap((table) => table.flatMap((row) => row));
  return [...body.paragraphs.map((paragraph) => paragraph.text), ...tableTexts].join('\n');
}

function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_entity, code: string) => {
    if (code.startsWith('#x')) return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(parseInt(code.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[code]!;
  });
}

export function xmlAttributes(tagSource: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of tagSource.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes[match[1]!] = decodeXmlEntities(match[2] ?? match[3] ?? '');
  }
  return attributes;
}

interface Body {
  paragraphs: DocxParagraph[];
  tables: string[][][];
  images: DocxImage[];
}

interface OpenTable {
  rows: string[][];
  row: string[] | undefined;
  cell: string[] | undefined;
}

/**
 * One pass over the tags. Paragraphs directly in the body (or in a structured document tag such
 * as the table of contents) become `paragraphs`; paragraphs in a table cell become that cell's
 * text. Only w:t (and tabs and breaks) count as text, so field instructions (w:instrText) and
 * deleted text (w:delText) are left out, as a reader would not see them.
 */
function walkBody(xml: string): Body {
  const body: Body = { paragraphs: [], tables: [], images: [] };
  const tables: OpenTable[] = [];
  let paragraph: { style: string | undefined; text: string; listItem: boolean } | undefined;
  let inText = false;

  for (const token of xml.matchAll(/<(\/?)([\w:]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g)) {
    const [, closing, name, attributeSource, selfClosing, characters] = token;
    if (characters !== undefined) {
      if (inText && paragraph !== undefined) paragraph.text += decodeXmlEntities(characters);
      continue;
    }
    const opening = closing === '' && selfClosing === '';
    const table = tables.at(-1);
    switch (name) {
      case 'w:p':
        if (opening) paragraph = { style: undefined, text: '', listItem: false };
        else if (selfClosing !== '') finishParagraph({ style: undefined, text: '', listItem: false });
        else if (paragraph !== undefined) {
          finishParagraph(paragraph);
          paragraph = undefined;
        }
        break;
      case 'w:pStyle':
        if (paragraph !== undefined) paragraph.style = xmlAttributes(attributeSource ?? '')['w:val'];
        break;
      case 'w:numPr':
        if (paragraph !== undefined && closing === '') paragraph.listItem = true;
        break;
      case 'w:t':
        inText = opening;
        break;
      case 'w:tab':
        // A w:tab inside w:tabs (paragraph properties) is a tab stop, not a character.
        if (paragraph !== undefined && selfClosing !== '' && !('w:val' in xmlAttributes(attributeSource ?? ''))) paragraph.text += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        // Page and column breaks move the text on without a visible character.
        if (paragraph !== undefined && ['textWrapping', undefined].includes(xmlAttributes(attributeSource ?? '')['w:type'])) paragraph.text += '\n';
        break;
      case 'wp:docPr': {
        const attributes = xmlAttributes(attributeSource ?? '');
        body.images.push({ name: attributes['name'] ?? '', title: attributes['title'] ?? '', descr: attributes['descr'] ?? '' });
        break;
      }
      case 'w:tbl':
        if (opening) tables.push({ rows: [], row: undefined, cell: undefined });
        else if (closing !== '') body.tables.push(tables.pop()!.rows);
        break;
      case 'w:tr':
        if (table !== undefined && opening) table.row = [];
        else if (table?.row !== undefined && closing !== '') {
          table.rows.push(table.row);
          table.row = undefined;
        }
        break;
      case 'w:tc':
        if (table !== undefined && opening) table.cell = [];
        else if (table?.cell !== undefined && closing !== '') {
          table.row?.push(table.cell.join('\n'));
          table.cell = undefined;
        }
        break;
    }
  }
  return body;

  function finishParagraph(finished: DocxParagraph): void {
    const cell = tables.at(-1)?.cell;
    if (cell !== undefined) cell.push(finished.text);
    else if (tables.length === 0) body.paragraphs.push(finished);
  }
}
