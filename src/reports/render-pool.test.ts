// The report workers draw what the web process would draw itself: the same report, in every
// format, crossing to a worker thread and back; a report that cannot be drawn fails its request
// only; closing the pool lets the process end.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readDocx } from '../../test/support/docx-text.ts';
import { readPdf } from '../../test/support/pdf-text.ts';
import { sampleReport } from '../../test/support/sample-report.ts';
import { svgToPng } from '../charts/render-png.ts';
import { renderFormats } from './render-formats.ts';
import { createRenderPool } from './render-pool.ts';
import type { ReportDocument } from './report-model.ts';
import type { ReportRenderer } from './report-renderer.ts';

describe('the report workers', () => {
  let pool: ReportRenderer;
  const document = sampleReport();

  before(async () => {
    pool = createRenderPool(2);
    await pool.warm();
  });
  after(() => pool.close());

  it('draw the DOCX, PDF and HTML of a report with the same content as this thread does', async () => {
    const [docx, pdf, html] = await pool.renderFormats(document, ['docx', 'pdf', 'html']);
    const [ownDocx, ownPdf, ownHtml] = await renderFormats(document, ['docx', 'pdf', 'html']);
    assert.ok(Buffer.isBuffer(docx) && Buffer.isBuffer(pdf) && Buffer.isBuffer(html));
    const [workerDocx, threadDocx] = await Promise.all([readDocx(docx), readDocx(ownDocx!)]);
    assert.deepEqual(workerDocx.paragraphs, threadDocx.paragraphs);
    assert.deepEqual(workerDocx.tables, threadDocx.tables);
    assert.deepEqual(workerDocx.media, threadDocx.media, 'the same pictures (named by their content) in both');
    const figures = document.blocks.filter((block) => block.kind === 'figure').length;
    assert.equal(workerDocx.media.filter((path) => path.endsWith('.png')).length, figures, 'a PNG fallback per figure');
    const [workerPdf, threadPdf] = await Promise.all([readPdf(pdf!), readPdf(ownPdf!)]);
    assert.deepEqual(workerPdf.pages, threadPdf.pages);
    assert.equal(html!.toString('utf8'), ownHtml!.toString('utf8'));
  });

  it('give the formats in the order asked, whatever order they are drawn in', async () => {
    const files = await pool.renderFormats(document, ['pdf', 'html', 'docx']);
    assert.equal(files[0]!.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(files[1]!.toString('utf8'), /^<!DOCTYPE html>/i);
    assert.equal(files[2]!.subarray(0, 2).toString('latin1'), 'PK');
  });

  it('carry a study logo (bytes in the document) to the worker and into the file', async () => {
    const png = await svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#1d4f91"/></svg>', 1);
    const logo = { data: new Uint8Array(png), type: 'png' as const, width: 40, height: 20, alt: 'Logotyp: Provförbundet' };
    const html = (await pool.render({ ...document, logo }, 'html')).toString('utf8');
    assert.match(html, /alt="Logotyp: Provförbundet"/);
    assert.match(html, /src="data:image\/png;base64,iVBORw0KGgo/);
  });

  it('fail only the request whose report cannot be drawn, and go on drawing the next', async () => {
    const broken = { ...document, blocks: [{ kind: 'figure', caption: 'Figur 1', chart: null }] } as unknown as ReportDocument;
    await assert.rejects(pool.render(broken, 'docx'));
    const pdf = await pool.render(document, 'pdf');
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  });

  it('stop when closed, and start again for the next report', async () => {
    const own = createRenderPool(1);
    await own.close(); // closing a pool that never started is fine
    const html = await own.render(document, 'html');
    assert.ok(html.length > 1000);
    await own.close();
  });
});
