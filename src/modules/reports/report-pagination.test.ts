// Pagination of the demo federation's reports (issue 13): the contents never spill a few entries
// onto a page of their own (PDF: read back with pdfjs; DOCX: the pre-filled contents start on a
// page of their own and are set compact when the usual spacing would not fit, checked in
// LibreOffice where it is installed), and the federation's nine-column cost table is set small
// enough in the DOCX that its longest words fit side by side.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readDocx } from '../../../test/support/docx-text.ts';
import { docxToPdfWithLibreOffice, libreOfficeTestSkip } from '../../../test/support/libreoffice.ts';
import { normaliseWhitespace, readPdf, type PdfReading } from '../../../test/support/pdf-text.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { loadUserActor, type UserActor } from '../../app/actor.ts';
import { seedDemo } from '../../demo/demo-seeder.ts';
import { docxContentsStyle, renderDocx } from '../../reports/docx-renderer.ts';
import { renderPdf } from '../../reports/pdf-renderer.ts';
import { headingsOf, type ReportDocument } from '../../reports/report-model.ts';
import { reportTextsSv } from '../../reports/report-texts-sv.ts';
import { federationReportDocument, memberReportDocument, studyOf } from './report-service.ts';

const plain = (text: string) => normaliseWhitespace(text.replace(/[\u00a0\u202f]/g, ' '));
const contentsTitle = reportTextsSv.labels.contents;

/** The pages (0-based) that carry the contents: from the one with its title to the one before the next chapter. */
function contentsPages(pdf: PdfReading, document: ReportDocument): { first: number; next: number } {
  const headings = headingsOf(document);
  const first = pdf.pages.findIndex((page) => plain(page).startsWith(contentsTitle) || plain(page).includes(` ${contentsTitle} ${plain(headings[0]!.text)}`));
  assert.ok(first >= 0, 'the PDF has a contents page');
  // The first heading after the contents in the document's order.
  const tocIndex = document.blocks.findIndex((block) => block.kind === 'toc');
  const after = document.blocks.slice(tocIndex).find((block) => block.kind === 'heading');
  assert.ok(after && after.kind === 'heading');
  const entry = pdf.outline.find((item) => item.title === after.text);
  assert.ok(entry?.page !== undefined, `the outline has ${after.text}`);
  return { first, next: entry.page - 1 };
}

for (const dialect of testDialects()) {
  describe(`pagination of the demo federation's reports (${dialect})`, { timeout: 600_000 }, () => {
    let t: TestContext;
    let analyst: UserActor;
    const documents = new Map<'federation' | 'member', ReportDocument>();

    before(async () => {
      t = await createTestContext(dialect);
      await seedDemo(t.ctx);
      const user = await t.ctx.db.selectFrom('users').select('id').where('email', '=', 'analytiker@demoforbundet.example').executeTakeFirstOrThrow();
      analyst = (await loadUserActor(t.ctx.db, user.id))!;
      const federation = await t.ctx.db.selectFrom('organisations').select('id').where('kind', '=', 'kommunalforbund').executeTakeFirstOrThrow();
      const year = t.clock.now().getUTCFullYear() - 1;
      const study = await studyOf(t.ctx, analyst, federation.id, year);
      const member = study.members.find((candidate) => Object.values(candidate.parts).every(Boolean))!;
      documents.set('federation', await federationReportDocument(t.ctx, analyst, federation.id, year, 'sv'));
      documents.set('member', await memberReportDocument(t.ctx, analyst, member.id, year, 'sv'));
    });
    after(async () => t?.close());

    for (const kind of ['federation', 'member'] as const) {
      test(`the ${kind} report's PDF has its whole contents on one page, followed by the first chapter`, async () => {
        const document = documents.get(kind)!;
        const pdf = await readPdf(await renderPdf(document));
        const { first, next } = contentsPages(pdf, document);
        assert.equal(next, first + 1, `the contents run from page ${first + 1} to page ${next}`);
        const page = plain(pdf.pages[first]!);
        for (const heading of headingsOf(document)) assert.ok(page.includes(plain(heading.text)), `the contents page lists ${heading.text}`);
      });
    }

    test('the DOCX contents start on a page of their own, compact when the usual spacing would not fit a page', async () => {
      for (const kind of ['federation', 'member'] as const) {
        const document = documents.get(kind)!;
        const docx = await readDocx(await renderDocx(document, { estimatePageNumbers: false }));
        const title = new RegExp(`<w:p><w:pPr><w:pStyle w:val="PartTitle"/><w:pageBreakBefore/></w:pPr><w:r><w:t xml:space="preserve">${contentsTitle}</w:t>`);
        assert.match(docx.documentXml, title, `${kind}: the contents title starts a page`);
        const toc1 = /<w:style w:type="paragraph" w:styleId="TOC1">[\s\S]*?<\/w:style>/.exec(docx.stylesXml)?.[0] ?? '';
        const compact = docxContentsStyle(headingsOf(document)) === 'compact';
        assert.equal(/<w:sz w:val="20"\/>/.test(toc1), compact, `${kind}: TOC 1 is ${compact ? 'compact' : 'the usual size'}`);
      }
      // The member report's 40 headings do not fit a page at the usual spacing.
      assert.equal(docxContentsStyle(headingsOf(documents.get('member')!)), 'compact');
    });

    test('in LibreOffice the DOCX contents of the sub-report fit one page', { skip: libreOfficeTestSkip() }, async () => {
      const document = documents.get('member')!;
      const pdf = await readPdf(await docxToPdfWithLibreOffice(await renderDocx(document)));
      const first = pdf.pages.findIndex((page) => plain(page).includes(contentsTitle) && plain(page).includes(plain(headingsOf(document)[1]!.text)));
      assert.ok(first >= 0, 'LibreOffice shows the contents');
      const last = plain(headingsOf(document).at(-1)!.text);
      assert.ok(plain(pdf.pages[first]!).includes(last), `the last entry (${last}) is on the contents page`);
      assert.ok(!plain(pdf.pages[first + 1]!).includes(`${last} `) || plain(pdf.pages[first + 1]!).startsWith(reportTextsSv.assignment), 'the next page holds no entries');
    });

    test('the federation’s nine-column cost table is set at 8 pt or smaller in the DOCX, other tables at the body size', async () => {
      const docx = await readDocx(await renderDocx(documents.get('federation')!, { estimatePageNumbers: false }));
      const tables = docx.documentXml.split('<w:tbl>').slice(1).map((part) => part.slice(0, part.indexOf('</w:tbl>')));
      const wide = tables.filter((table) => /<w:gridCol /.test(table) && (table.match(/<w:gridCol /g) ?? []).length === 9);
      assert.equal(wide.length, 1, 'one nine-column table');
      const sizes = [...wide[0]!.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((match) => Number(match[1]));
      assert.ok(sizes.length > 0 && sizes.every((size) => size <= 16), `run sizes ${[...new Set(sizes)].join(', ')} half-points`);
      const narrow = tables.find((table) => (table.match(/<w:gridCol /g) ?? []).length === 2)!;
      assert.ok(!/<w:sz w:val=/.test(narrow), 'a two-column table keeps the body size');
    });
  });
}
