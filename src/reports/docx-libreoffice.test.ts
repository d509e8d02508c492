// The DOCX as LibreOffice shows it: the sample report is converted to PDF by LibreOffice
// (headless soffice) and its pages drawn by pdfjs. The charts' series colour must cover about as
// much of the pages as in the app's own PDF; a chart clipped to a line of text covers almost none.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { docxToPdfWithLibreOffice, libreOfficeTestSkip } from '../../test/support/libreoffice.ts';
import { pdfColourArea, readPdf } from '../../test/support/pdf-text.ts';
import { sampleReport } from '../../test/support/sample-report.ts';
import { palette } from '../charts/chart-theme.ts';
import { renderDocx } from './docx-renderer.ts';
import { renderPdf } from './pdf-renderer.ts';

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe('the DOCX report in LibreOffice', { skip: libreOfficeTestSkip(), timeout: 120_000 }, () => {
  // The sample's charts draw their one series in the theme's first colour.
  const seriesColour = palette[0];
  let converted: number[];
  let own: number[];

  before(async () => {
    const report = sampleReport();
    const [docx, pdf] = await Promise.all([renderDocx(report), renderPdf(report)]);
    converted = await pdfColourArea(await docxToPdfWithLibreOffice(docx), seriesColour);
    own = await pdfColourArea(pdf, seriesColour);
  });

  it('shows the charts whole, with as much of the series colour as the app’s own PDF', () => {
    assert.ok(sum(own) > 1000, `the app's PDF shows the series colour (${sum(own)} px)`);
    const ratio = sum(converted) / sum(own);
    assert.ok(ratio > 0.7 && ratio < 1.4, `LibreOffice shows ${sum(converted)} px of the series colour, the app's PDF ${sum(own)} px`);
  });

  it('breaks no word of a nine-column table, such as the federation’s cost table', async () => {
    const columns = ['Medlem', 'Personal', 'Konsulter', 'Licenser', 'Hårdvara', 'Telekom', 'Driftavtal', 'Förvaltning', 'Totalkostnad'];
    const rows = Array.from({ length: 6 }, (_, index) => [`Kommun ${index + 1}`, ...columns.slice(1).map((_, column) => `${(index + 1) * (column + 3)} 000 000`)]);
    const report = sampleReport();
    const table = { kind: 'table' as const, caption: 'Tabell 1. Kostnader per medlem', columns, rows, align: columns.map((_, index): 'left' | 'right' => (index === 0 ? 'left' : 'right')) };
    const reading = await readPdf(await docxToPdfWithLibreOffice(await renderDocx({ ...report, blocks: [table] })));
    // pdfjs reads a word broken over two lines as two pieces, so a whole word in the text means it was not broken.
    for (const word of columns) assert.ok(reading.text.includes(word), `"${word}" is broken in LibreOffice`);
  });
});
