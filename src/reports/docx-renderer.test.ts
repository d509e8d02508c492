import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { readDocx, visibleText, xmlAttributes, type DocxContent } from '../../test/support/docx-text.ts';
import { sampleReport } from '../../test/support/sample-report.ts';
import { FALLBACK_PNG_DPI, docxColumnWidths, fitToPage, pageOfRuns, renderDocx } from './docx-renderer.ts';
import { figureAltText, headingsOf, inlineText, type ReportBlock, type ReportDocument } from './report-model.ts';

function blocksOf<K extends ReportBlock['kind']>(document: ReportDocument, kind: K): Array<Extract<ReportBlock, { kind: K }>> {
  return document.blocks.filter((block): block is Extract<ReportBlock, { kind: K }> => block.kind === kind);
}

describe('renderDocx', () => {
  const report = sampleReport();
  let docx: DocxContent;

  before(async () => {
    docx = await readDocx(await renderDocx(report));
  });

  it('writes the headings with Word heading styles, in order', () => {
    assert.deepEqual(
      docx.headings,
      headingsOf(report).map((heading) => ({ level: heading.level, text: heading.text })),
    );
  });

  it('has the cover page and the document control before the first heading', () => {
    const firstHeading = docx.paragraphs.indexOf(headingsOf(report)[0]!.text);
    const front = docx.paragraphs.slice(0, firstHeading);
    const titleParagraph = docx.paragraphDetails.find((paragraph) => paragraph.style === 'Title');
    assert.equal(titleParagraph?.text, report.title);
    for (const text of [report.subtitle, `Författare: ${report.author}`, `Datum: ${report.date}`, `Version: ${report.version}`, report.labels.documentControl, report.classification.meaning]) {
      assert.ok(front.includes(text), `missing before the first heading: ${text}`);
    }
    assert.ok(front.includes(`${report.labels.classification}: ${report.classification.label}`));
  });

  it('writes the version history as a table with its column headings', () => {
    const history = docx.tables[0];
    assert.deepEqual(history?.[0], report.labels.historyColumns);
    assert.deepEqual(history?.slice(1), report.history.map((entry) => [entry.date, entry.version, entry.by, entry.reason]));
  });

  it('carries every paragraph, list item and callout', () => {
    for (const block of blocksOf(report, 'paragraph')) assert.ok(docx.paragraphs.includes(inlineText(block.content)), inlineText(block.content));
    assert.deepEqual(docx.listItems, blocksOf(report, 'bullets').flatMap((block) => block.items.map(inlineText)));
    for (const callout of blocksOf(report, 'callout')) {
      const at = docx.paragraphs.indexOf(callout.title);
      assert.ok(at >= 0, callout.title);
      assert.equal(docx.paragraphs[at + 1], inlineText(callout.content));
    }
  });

  it('makes strong text bold', () => {
    assert.match(docx.documentXml, /<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">kvadrant D<\/w:t><\/w:r>/);
  });

  it('uses real bullet numbering, not a bullet character in the text', () => {
    assert.ok(docx.listItems.length > 0);
    assert.ok(docx.listItems.every((item) => !item.startsWith('•')));
    assert.match(docx.documentXml, /<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
  });

  it('writes each report table as a Word table with a repeated header row and its caption above', () => {
    const [table] = blocksOf(report, 'table');
    assert.ok(table);
    const written = docx.tables.find((candidate) => candidate[0]?.join('|') === table.columns.join('|'));
    assert.deepEqual(written, [table.columns, ...table.rows]);
    const tableXml = docx.documentXml.split('<w:tbl>')[2] ?? '';
    assert.match(tableXml, /<w:trPr>(?:(?!<\/w:trPr>).)*<w:tblHeader\/>/);
    const captionAt = docx.paragraphs.indexOf(table.caption);
    assert.ok(captionAt >= 0);
    assert.equal(docx.paragraphDetails[captionAt]?.style, 'Caption');
    assert.ok(docx.documentXml.indexOf(table.caption) < docx.documentXml.indexOf(table.rows[0]![0]!), 'the caption comes before the table');
  });

  it('right-aligns numeric columns and bolds row headers', () => {
    const tableXml = docx.documentXml.split('<w:tbl>')[2] ?? '';
    const firstBodyRow = tableXml.split('<w:tr>')[2] ?? '';
    const cells = firstBodyRow.split('<w:tc>').slice(1);
    assert.equal(cells.length, 4);
    assert.match(cells[0]!, /<w:b\/>.*Intern personal/);
    assert.doesNotMatch(cells[0]!, /<w:jc w:val="right"\/>/);
    assert.doesNotMatch(cells[1]!, /<w:b\/>/);
    assert.match(cells[1]!, /<w:jc w:val="right"\/>/);
  });

  it('draws every figure as a picture with its alt text, an SVG with a PNG fallback, and the caption below', () => {
    const figures = blocksOf(report, 'figure');
    assert.equal(docx.images.length, figures.length);
    assert.deepEqual(
      docx.images.map((image) => image.descr),
      figures.map((figure) => figureAltText(figure.chart)),
    );
    assert.deepEqual(docx.images.map((image) => image.title), figures.map((figure) => figure.chart.title));
    assert.equal(docx.media.filter((path) => path.endsWith('.svg')).length, figures.length);
    assert.equal(docx.media.filter((path) => path.endsWith('.png')).length, figures.length);
    assert.match(docx.documentXml, /<asvg:svgBlip [^>]*r:embed=/);
    for (const figure of figures) {
      const pictureAt = docx.documentXml.indexOf(`descr="${figure.chart.title}`);
      assert.ok(pictureAt >= 0 && pictureAt < docx.documentXml.indexOf(figure.caption), `caption below ${figure.chart.id}`);
      assert.ok(docx.paragraphDetails.some((paragraph) => paragraph.style === 'Caption' && paragraph.text === figure.caption));
    }
  });

  it('says how to read every line height, so LibreOffice does not take it as exact and clip pictures', () => {
    const defaults = /<w:pPrDefault>(?:(?!<\/w:pPrDefault>).)*<\/w:pPrDefault>/.exec(docx.stylesXml)?.[0] ?? '';
    assert.match(defaults, /<w:spacing [^>]*w:line="276"/);
    for (const xml of [docx.stylesXml, docx.documentXml]) {
      for (const [spacing] of xml.matchAll(/<w:spacing [^>]*w:line="[^>]*>/g)) assert.match(spacing, /w:lineRule="auto"/, spacing);
    }
    const pictureParagraphs = docx.documentXml.split('<w:p>').filter((paragraph) => paragraph.includes('<w:drawing>'));
    assert.equal(pictureParagraphs.length, blocksOf(report, 'figure').length);
    for (const paragraph of pictureParagraphs) assert.match(paragraph, /<w:spacing [^>]*w:lineRule="auto"/);
  });

  it('draws each PNG fallback at print resolution for the size the picture is placed at', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(report));
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const target = new Map([...rels.matchAll(/<Relationship [^>]*>/g)].map(([tag]) => xmlAttributes(tag)).map((rel) => [rel['Id'], rel['Target']]));
    const drawings = [...docx.documentXml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>(?:(?!<\/w:drawing>).)*?<a:blip r:embed="(\w+)"/g)];
    assert.equal(drawings.length, blocksOf(report, 'figure').length);
    for (const [, cx, cy, id] of drawings) {
      const png = await zip.file(`word/${target.get(id)}`)!.async('nodebuffer');
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', `${target.get(id)} is the PNG`);
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      // The extent is in EMU, 914 400 per inch.
      const dpi = [width / (Number(cx) / 914_400), height / (Number(cy) / 914_400)];
      assert.ok(dpi.every((value) => value >= FALLBACK_PNG_DPI), `${target.get(id)}: ${width}×${height} px placed at ${dpi.map((value) => value.toFixed(0)).join('×')} dpi`);
    }
  });

  it('keeps headings with what follows and never starts a table with a lone row at a page foot', () => {
    for (const level of [1, 2, 3]) {
      const style = new RegExp(`<w:style [^>]*w:styleId="Heading${level}"[^>]*>(?:(?!</w:style>).)*</w:style>`).exec(docx.stylesXml)?.[0] ?? '';
      assert.match(style, /<w:keepNext\/>/, `Heading${level} keeps with the next paragraph`);
    }
    const tables = docx.documentXml.split('<w:tbl>').slice(1).map((table) => table.slice(0, table.indexOf('</w:tbl>')));
    assert.equal(tables.length, docx.tables.length);
    for (const table of tables) {
      const rows = table.split('<w:tr>').slice(1);
      assert.ok(rows.every((row) => /<w:cantSplit\/>/.test(row)), 'no row is split across pages');
      // The header and the first body row keep with the next row: header + 2 rows start together.
      assert.ok(rows.slice(0, 2).every((row) => row.split('<w:p>').slice(1).every((paragraph) => /<w:keepNext\/>/.test(paragraph))));
      assert.ok(rows.slice(2).every((row) => !/<w:keepNext\/>/.test(row)), 'later rows may break freely');
    }
  });

  it('lays tables out with fixed column widths that fill the text width', () => {
    const tables = docx.documentXml.split('<w:tbl>').slice(1);
    for (const table of tables) {
      assert.match(table, /<w:tblLayout w:type="fixed"\/>/);
      const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
      assert.equal(grid.reduce((sum, width) => sum + width, 0), 11906 - 2 * 1418);
    }
  });

  it('writes a table-of-contents field that already lists the headings', () => {
    assert.match(docx.documentXml, /<w:instrText xml:space="preserve">TOC \\h \\o &quot;1-3&quot;<\/w:instrText>/);
    const entries = docx.paragraphDetails.filter((paragraph) => /^TOC\d$/.test(paragraph.style ?? ''));
    assert.deepEqual(
      entries.map((entry) => ({ style: entry.style, text: entry.text.split('\t')[0] })),
      headingsOf(report).map((heading) => ({ style: `TOC${heading.level}`, text: heading.text })),
    );
    assert.ok(entries.every((entry) => /\t\d+$/.test(entry.text)), 'each entry has an estimated page number');
    // Word asks to update the fields (and so the table of contents) when it opens the file.
    assert.match(docx.settingsXml, /<w:updateFields(?: w:val="(?:true|1|on)")?\/>/);
  });

  it('puts the title and classification in the header and the date and page fields in the footer', () => {
    assert.ok(docx.headerXml.includes(`${report.title} – ${report.classification.label}`));
    assert.ok(docx.headerXml.includes(`${report.subject!} – ${report.title}`), 'the member is named on every page');
    assert.ok(docx.footerXml.includes(report.date));
    assert.match(docx.footerXml, /<w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
    assert.match(docx.footerXml, /<w:instrText xml:space="preserve">NUMPAGES<\/w:instrText>/);
    assert.match(docx.footerXml, /Sida <\/w:t>/);
  });

  it('sets the document properties and the language', () => {
    assert.match(docx.coreXml, /<dc:title>Digital mognad 2026<\/dc:title>/);
    assert.match(docx.coreXml, /<dc:subject>Delrapport för Åmåls kommun<\/dc:subject>/);
    assert.match(docx.coreXml, /<dc:creator>Demoförbundet<\/dc:creator>/);
    assert.match(docx.stylesXml, /<w:docDefaults><w:rPrDefault><w:rPr>(?:(?!<\/w:rPr>).)*<w:lang w:val="sv-SE"\/>/);
  });

});

describe('renderDocx with other documents', () => {
  it('says the report has no history yet instead of an empty table', async () => {
    const draft = { ...sampleReport(), history: [] };
    const docx = await readDocx(await renderDocx(draft));
    assert.ok(docx.paragraphs.includes(draft.labels.noHistory));
    assert.ok(docx.tables.every((table) => table[0]?.join('|') !== draft.labels.historyColumns.join('|')));
  });

  it('can skip the page estimate and still lists the headings in the table of contents', async () => {
    const docx = await readDocx(await renderDocx(sampleReport(), { estimatePageNumbers: false }));
    const entries = docx.paragraphDetails.filter((paragraph) => /^TOC\d$/.test(paragraph.style ?? '')).map((entry) => entry.text);
    assert.deepEqual(entries, headingsOf(sampleReport()).map((heading) => `${heading.text}\t`));
  });

  it('writes an English report in British English and escapes markup in texts', async () => {
    const english: ReportDocument = {
      ...sampleReport(),
      locale: 'en',
      title: 'Costs <R&D> "2026"',
      classification: { level: 0, label: 'Level 0', meaning: 'No damage.' },
      blocks: [{ kind: 'paragraph', content: ['Tom & Jerry <b>not bold</b>'] }],
    };
    const docx = await readDocx(await renderDocx(english));
    assert.match(docx.stylesXml, /<w:lang w:val="en-GB"\/>/);
    assert.ok(docx.paragraphs.includes('Tom & Jerry <b>not bold</b>'));
    assert.ok(!docx.documentXml.includes('<b>'), 'text never becomes markup');
    assert.equal(visibleText(docx.headerXml).trim(), 'Åmåls kommun – Costs <R&D> "2026"', 'level 0 is not shown in the running header');
  });
});

describe('pageOfRuns', () => {
  it('turns the placeholders into page fields in the template’s order', () => {
    assert.deepEqual(pageOfRuns('Sida {page} av {pages}'), ['Sida ', 'CURRENT', ' av ', 'TOTAL_PAGES']);
    assert.deepEqual(pageOfRuns('{page}/{pages}'), ['CURRENT', '/', 'TOTAL_PAGES']);
  });
});

describe('docxColumnWidths', () => {
  const bold = (row: number | 'header', column: number) => row === 'header' || column === 0;
  const description = 'Förmågan att styra, följa upp och utveckla verksamhetens digitala tjänster utifrån invånarnas behov och organisationens mål.';

  it('gives a name column little and a description column the rest', () => {
    const rows = Array.from({ length: 26 }, (_, index) => [`Förmåga ${index + 1}`, index % 2 === 0 ? 'Effektivitet' : 'Innovation', description]);
    const [name, area, text] = docxColumnWidths(['Förmåga', 'Område', 'Beskrivning'], rows, bold);
    assert.equal(name! + area! + text!, 9070);
    assert.ok(text! > 0.6 * 9070, `description ${text}`);
    assert.ok(name! < 0.2 * 9070 && area! < 0.2 * 9070, `name ${name}, area ${area}`);
  });

  it('gives every column at least its longest word, so no word is broken', () => {
    const [first, second] = docxColumnWidths(['Kapacitetsplanering', 'Beskrivning'], [['Informationssäkerhetsarbete', description.repeat(3)]], bold);
    assert.ok(first! >= [...'Informationssäkerhetsarbete'].length * 121 + 160, String(first));
    assert.ok(second! > first!);
  });
});

describe('fitToPage', () => {
  it('fills the text width and keeps the proportions', () => {
    const wide = fitToPage(640, 320);
    assert.ok(wide.width > 560 && wide.width < 700, String(wide.width));
    assert.equal(wide.height, Math.round(wide.width / 2));
  });

  it('keeps a tall chart within most of a page', () => {
    // A4 less 2.5 cm margins is about 933 px of text height; a chart takes at most 85 % of it.
    const tall = fitToPage(400, 1600);
    assert.ok(tall.height > 700 && tall.height <= 0.85 * 934, String(tall.height));
    assert.equal(tall.width, Math.round(tall.height / 4));
  });
});
