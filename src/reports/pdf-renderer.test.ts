import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { readPdf, normaliseWhitespace } from '../../test/support/pdf-text.ts';
import type { PdfReading } from '../../test/support/pdf-text.ts';
import { sampleBarChart, sampleRadarChart, sampleReport } from '../../test/support/sample-report.ts';
import { withoutTextHalos } from './pdf/figure.ts';
import { renderPdf } from './pdf-renderer.ts';
import { figureAltText, headingsOf, inlineText } from './report-model.ts';
import type { ReportBlock, ReportDocument } from './report-model.ts';

/** The running header and footer come last in a page's text; headings must not be found there. */
const furniture = / ?(?:Åmåls kommun – )?Digital mognad 2026(?: – Nivå 1 – måttlig skada)? 25 november 2026 Sida \d+ av \d+$/;

function pageWith(reading: PdfReading, phrase: string, from = 0): number {
  const index = reading.pages.findIndex((text, page) => page >= from && text.replace(furniture, '').includes(phrase));
  assert.notEqual(index, -1, `"${phrase}" is on no page`);
  return index + 1;
}

describe('renderPdf on the sample report', () => {
  const document = sampleReport();
  let pdf: Buffer;
  let reading: PdfReading;

  before(async () => {
    pdf = await renderPdf(document);
    reading = await readPdf(pdf);
  });

  it('carries every heading, paragraph, list item, table cell, callout and caption as text', () => {
    const expected: string[] = [];
    for (const block of document.blocks) {
      if (block.kind === 'heading') expected.push(block.text);
      if (block.kind === 'paragraph') expected.push(inlineText(block.content));
      if (block.kind === 'bullets') expected.push(...block.items.map(inlineText));
      if (block.kind === 'table') expected.push(block.caption, ...block.columns, ...block.rows.flat());
      if (block.kind === 'callout') expected.push(block.title, inlineText(block.content));
      if (block.kind === 'figure') expected.push(block.caption);
    }
    assert.ok(expected.length > 25);
    for (const phrase of expected) assert.ok(reading.text.includes(normaliseWhitespace(phrase)), `missing: ${phrase}`);
    assert.ok(reading.text.includes('Inför riskanalyser i alla förvaltningar.'), 'a bold run keeps its spaces');
  });

  it('puts the cover, then the document control, then the contents', () => {
    const cover = reading.pages[0]!;
    for (const phrase of [document.title, document.subtitle, 'Författare: Demoförbundet', 'Datum: 25 november 2026', 'Version: 2.0', 'Informationsklassning: Nivå 1 – måttlig skada']) {
      assert.ok(cover.includes(phrase), `cover lacks ${phrase}`);
    }
    const control = reading.pages[1]!;
    assert.match(control, /^Dokumentinformation Versionshistorik Datum Version Av Anledning 2026-10-01 1\.0 Ärla Öberg Första utgåvan/);
    assert.ok(control.includes('Nivå 1 – måttlig skada Om uppgifterna röjs'));
    assert.match(reading.pages[2]!, /^Innehåll /);
  });

  it('says so when a report has no history yet', async () => {
    const draft = await readPdf(await renderPdf({ ...sampleReport(), history: [] }));
    assert.ok(draft.pages[1]!.includes('Versionshistorik Rapporten har inte utfärdats än; detta är ett utkast.'));
    assert.ok(!draft.pages[1]!.includes('Anledning'));
  });

  it('numbers every page but the cover and repeats the title at the top', () => {
    const count = reading.pages.length;
    assert.ok(count >= 5);
    assert.ok(!reading.pages[0]!.includes('Sida'), 'the cover has no footer');
    reading.pages.slice(1).forEach((text, index) => {
      assert.ok(text.includes(`25 november 2026 Sida ${index + 2} av ${count}`), `page ${index + 2}: ${text.slice(-60)}`);
      assert.ok(text.includes('Digital mognad 2026'), `page ${index + 2} lacks the running header`);
    });
  });

  it('names the member in the running header of every page but the cover', () => {
    assert.ok(!reading.pages[0]!.includes(`${document.subject!} – `), 'the cover has no running header');
    reading.pages.slice(1).forEach((text, index) => {
      assert.ok(text.includes(`Åmåls kommun – Digital mognad 2026 – Nivå 1 – måttlig skada`), `page ${index + 2}: ${text.slice(-100)}`);
    });
  });

  it('lists the headings with the pages they are on in the table of contents', () => {
    const contents = reading.pages[2]!;
    for (const heading of headingsOf(document)) {
      const page = pageWith(reading, heading.text, 3);
      assert.ok(contents.includes(`${heading.text} ${page}`), `contents lack "${heading.text} ${page}": ${contents}`);
    }
  });

  it('leaves no blank page behind a page break', () => {
    reading.pages.forEach((text, index) => assert.ok(text.replace(furniture, '').trim().length > 0, `page ${index + 1} is empty`));
    // The sample breaks the page after the summary's bullets.
    assert.notEqual(pageWith(reading, 'Stärk styrningen'), pageWith(reading, 'Förmågor och arv', 3));
  });

  it('sets the title, the language and an outline nested by heading level', () => {
    assert.equal(reading.title, 'Digital mognad 2026');
    assert.equal(reading.language, 'sv-SE');
    assert.deepEqual(
      reading.outline.map(({ title, level }) => ({ title, level })),
      headingsOf(document).map(({ text, level }) => ({ title: text, level })),
    );
    for (const entry of reading.outline) assert.equal(entry.page, pageWith(reading, entry.title, 3), `bookmark ${entry.title}`);
  });

  it('is tagged, with headings, paragraphs, lists, tables and figures carrying their alt text', () => {
    assert.equal(reading.marked, true);
    for (const role of ['Document', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Figure', 'Caption', 'TOC', 'TOCI']) {
      assert.ok(reading.structureRoles.includes(role), `no ${role} element`);
    }
    assert.deepEqual(reading.figureAlts, [figureAltText(sampleBarChart), figureAltText(sampleRadarChart)]);
  });

  it('draws the charts as vectors whose labels are text', () => {
    const figurePage = reading.pages[pageWith(reading, 'Figur 1. Mognad per område') - 1]!;
    for (const label of ['Effektivitet', 'Balansering', 'Organisation', 'Förbundets medel']) assert.ok(figurePage.includes(label), `chart label ${label}`);
    assert.ok(!pdf.includes('/Subtype /Image'), 'no raster images');
  });

  it('says the tone of a callout in words', () => {
    assert.ok(reading.text.includes('Varning: Få svar'));
    assert.ok(reading.text.includes('Information: Om siffrorna'));
  });
});

describe('renderPdf in English', () => {
  it('sets the language and names the tones in English', async () => {
    const reading = await readPdf(await renderPdf({ ...sampleReport(), locale: 'en', labels: { ...sampleReport().labels, pageOf: 'Page {page} of {pages}' } }));
    assert.equal(reading.language, 'en-GB');
    assert.ok(reading.text.includes('Warning: Få svar'));
    assert.ok(reading.text.includes('Note: Om siffrorna'));
    assert.ok(reading.pages[1]!.includes('25 November 2026 Page 2 of'));
  });
});

function reportWith(blocks: ReportBlock[]): ReportDocument {
  return { ...sampleReport(), blocks };
}

const sentence = 'Förvaltningarna har olika förutsättningar, och svaren visar både styrkor och tydliga utvecklingsområden. ';

describe('renderPdf page layout', () => {
  it('repeats the header row of a table that runs over pages and keeps every row', async () => {
    const rows = Array.from({ length: 90 }, (_, index) => [`Förmåga ${index + 1}`, String(index % 5), index % 7 === 0 ? `${sentence}${sentence}` : 'Grundläggande']);
    const reading = await readPdf(await renderPdf(reportWith([
      { kind: 'heading', level: 1, id: 'karta', text: 'Förmågekarta' },
      { kind: 'table', caption: 'Tabell 1. Alla förmågor', columns: ['Förmåga', 'Nivå', 'Kommentar'], align: ['left', 'right', 'left'], rows },
    ])));
    const first = pageWith(reading, 'Förmåga 1 ');
    const last = pageWith(reading, 'Förmåga 90 ');
    assert.ok(last > first + 1, 'the table spans at least three pages');
    for (let page = first + 1; page <= last; page += 1) {
      assert.match(reading.pages[page - 1]!, /^Förmåga Nivå Kommentar Förmåga \d+ /, `page ${page} starts with the header row`);
    }
    for (const [name] of rows) assert.ok(reading.text.includes(`${name!} `), `missing row ${name!}`);
    assert.ok(reading.text.includes(normaliseWhitespace(`${sentence}${sentence}`)), 'long cell text wraps, it is not cut');
  });

  it('never leaves a heading alone at the bottom of a page', async () => {
    const blocks: ReportBlock[] = [];
    for (let section = 1; section <= 30; section += 1) {
      blocks.push({ kind: 'heading', level: section % 3 === 0 ? 2 : 1, id: `avsnitt-${section}`, text: `Avsnitt ${section} rubrik` });
      blocks.push({ kind: 'paragraph', content: [`Början av avsnitt ${section}. `, sentence.repeat(2 + ((section * 7) % 9))] });
    }
    const reading = await readPdf(await renderPdf(reportWith(blocks)));
    assert.ok(reading.pages.length > 8, `only ${reading.pages.length} pages`);
    for (let section = 1; section <= 30; section += 1) {
      assert.equal(pageWith(reading, `Avsnitt ${section} rubrik`), pageWith(reading, `Början av avsnitt ${section}.`), `section ${section}`);
    }
  });

  it('moves a table to the next page unless its header and two rows fit', async () => {
    // Each table starts a line further down its page than the one before (a line is shorter than
    // a row), so some table meets the page foot with room for its header and one row only.
    const blocks: ReportBlock[] = [];
    for (let section = 1; section <= 24; section += 1) {
      if (section > 1) blocks.push({ kind: 'pageBreak' });
      blocks.push({ kind: 'paragraph', content: [Array.from({ length: 24 + section }, (_, line) => `Rad ${line + 1}`).join('\n')] });
      const rows = [1, 2, 3, 4].map((row) => [`T${section} rad ${row}`, String(row)]);
      blocks.push({ kind: 'table', caption: `Tabell ${section}. Rader`, columns: ['Namn', 'Värde'], align: ['left', 'right'], rows });
    }
    const reading = await readPdf(await renderPdf(reportWith(blocks)));
    assert.ok(reading.pages.length > 24, `only ${reading.pages.length} pages`);
    for (let section = 1; section <= 24; section += 1) {
      const start = pageWith(reading, `Tabell ${section}. Rader`);
      assert.equal(pageWith(reading, `T${section} rad 2 `, start - 1), start, `table ${section}: header and two rows share a page`);
    }
  });

  it('sets a wide table smaller rather than break its words', async () => {
    const columns = ['Medlem', 'Personal', 'Konsulter', 'Licenser', 'Hårdvara', 'Telekom', 'Driftavtal', 'Förvaltning', 'Totalkostnad'];
    const rows = Array.from({ length: 6 }, (_, index) => [`Kommun ${index + 1}`, ...columns.slice(1).map((_, column) => `${(index + 1) * (column + 3)} 000 000`)]);
    const reading = await readPdf(await renderPdf(reportWith([{ kind: 'table', caption: 'Tabell 1. Kostnader per medlem', columns, rows, align: columns.map((_, index) => (index === 0 ? 'left' : 'right')) }])));
    // pdfjs reads a word broken over two lines as two pieces, so a whole word in the text means it was not broken.
    for (const word of columns) assert.ok(reading.text.includes(word), `"${word}" is broken`);
  });

  it('starts a figure on a new page when it does not fit, and keeps its caption with it', async () => {
    const reading = await readPdf(await renderPdf(reportWith([
      { kind: 'paragraph', content: [sentence.repeat(28)] },
      { kind: 'figure', chart: sampleRadarChart, caption: 'Figur 1. Radar' },
    ])));
    const captionPage = pageWith(reading, 'Figur 1. Radar');
    assert.ok(reading.pages[captionPage - 1]!.includes('Förbundets medel'), 'chart and caption share a page');
    assert.ok(!reading.pages[captionPage - 1]!.includes('Förvaltningarna'), 'the figure starts a page of its own');
  });
});

describe('withoutTextHalos', () => {
  it('drops the halo stroke svg-to-pdfkit would paint over a label, and nothing else', () => {
    const label = '<text x="1" fill="#333" stroke="rgb(255,255,255)" stroke-width="2" paint-order="stroke" stroke-miterlimit="2">Medel</text>';
    const line = '<path d="M0 0L1 1" stroke="#000" stroke-width="2"></path>';
    assert.equal(withoutTextHalos(label + line), `<text x="1" fill="#333">Medel</text>${line}`);
  });
});
