// The DOCX as LibreOffice shows it: the sample report is converted to PDF by LibreOffice
// (headless soffice) and its pages drawn by pdfjs. The charts' series colour must cover about as
// much of the pages as in the app's own PDF; a chart clipped to a line of text covers almost none.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { docxToPdfWithLibreOffice, libreOfficeTestSkip } from '../../test/support/libreoffice.ts';
import { pdfColourArea } from '../../test/support/pdf-text.ts';
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
});
