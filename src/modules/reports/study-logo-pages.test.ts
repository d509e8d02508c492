// The study's logo (issue 13), over HTTP on every dialect: an analyst of the federation uploads a
// PNG or JPEG (judged by its bytes, not its name) on the study's settings, sees a preview, and
// the logo is on the cover of every report of the study in DOCX, PDF and HTML; a wrong type or
// too large a file is refused with a message; removing it works; an issued version keeps the
// logo it was issued with; a member's coordinator cannot change it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { svgToPng } from '../../charts/render-png.ts';
import { LOGO_MAX_BYTES } from '../../reports/logo-image.ts';
import type { SmallWorld } from '../../../test/support/fixtures.ts';
import { readDocx } from '../../../test/support/docx-text.ts';
import { readPdf } from '../../../test/support/pdf-text.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import { openReportWorld, reportYearPath, type ReportWorld } from '../../../test/support/report-world.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { type TestBrowser, textOf } from '../../../test/support/test-browser.ts';

const LOGO_ALT = 'Logotyp: Testförbundet';
const logoPng = await svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="160" height="60"><rect width="160" height="60" fill="#1d4f91"/><circle cx="30" cy="30" r="20" fill="#ffbf47"/></svg>', 1);

/** How many image XObjects a PDF holds (pdfkit writes them uncompressed as dictionaries). */
function pdfImageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Subtype \/Image/g) ?? []).length;
}

for (const dialect of testDialects()) {
  describe(`the study's logo (${dialect})`, () => {
    let t: TestApp;
    let world: SmallWorld;
    let as: Map<string, TestBrowser>;
    let download: ReportWorld['download'];
    const reports = reportYearPath;

    before(async () => {
      const report = await openReportWorld(dialect, { orgA: 1, orgB: 2 });
      ({ t, world, as, download } = report);
      await report.logIn({ analyst: world.users.analyst, coordinatorA: world.users.coordinatorA });
    });
    after(async () => {
      await t.close();
    });

    test('files that are not a PNG or JPEG by their bytes, or are too large, are refused with a message naming what to fix', async () => {
      const analyst = as.get('analyst')!;
      const page = await download('analyst', reports(world.federationId));
      assert.match(textOf(page.body), /Studien har ingen logotyp/);
      assert.ok(page.body.includes(`action="${reports(world.federationId)}/logo"`), 'a multipart form whose URL carries no CSRF token');
      assert.doesNotMatch(page.body, /_csrf=/, 'the CSRF token is a form field, never in a URL');

      const gif = await analyst.upload(`${reports(world.federationId)}/logo`, { name: 'logo.png', content: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;'), type: 'image/png' });
      assert.equal(gif.status, 400);
      assert.match(textOf(gif.body), /Filen är inte en PNG- eller JPEG-bild/);
      assert.ok(gif.body.includes('href="#logo-file"'), 'the error summary links to the file field');

      await analyst.get(reports(world.federationId));
      const huge = Buffer.concat([logoPng, Buffer.alloc(LOGO_MAX_BYTES)]);
      const tooLarge = await analyst.upload(`${reports(world.federationId)}/logo`, { name: 'logo.png', content: huge, type: 'image/png' });
      assert.equal(tooLarge.status, 413);
      assert.match(textOf(tooLarge.body), /Bilden är för stor\. Välj en bild på högst 1 MB/);

      const html = await download('analyst', `${reports(world.federationId)}/federation.html`);
      assert.ok(!html.body.includes(LOGO_ALT), 'nothing was stored');
    });

    test('a PNG named .jpg is accepted by its bytes, previewed, and drawn on the cover of every report in DOCX, PDF and HTML', async () => {
      const analyst = as.get('analyst')!;
      const pdfBefore = (await download('analyst', `${reports(world.orgA)}/member.pdf`)).raw;
      await analyst.get(reports(world.federationId));
      const uploaded = await analyst.upload(`${reports(world.federationId)}/logo`, { name: 'logotyp.jpg', content: logoPng, type: 'image/jpeg' });
      assert.equal(uploaded.status, 303, uploaded.body.slice(0, 300));
      const page = await analyst.follow(uploaded);
      assert.match(textOf(page.body), /Logotypen är sparad/);
      assert.ok(page.body.includes(`src="data:image/png;base64,${logoPng.toString('base64')}"`), 'a preview of the stored image');

      for (const [who, url] of [
        ['analyst', `${reports(world.federationId)}/federation`],
        ['coordinatorA', `${reports(world.orgA)}/member`],
      ] as const) {
        const docx = await readDocx((await download(who, `${url}.docx`)).raw);
        assert.ok(docx.images.some((image) => image.title === LOGO_ALT && image.descr === LOGO_ALT), `${url}.docx: the logo with its alt text`);
        assert.ok(docx.media.some((path) => path.endsWith('.png')), `${url}.docx: a media entry`);
        const pdf = (await download(who, `${url}.pdf`)).raw;
        assert.ok(pdfImageCount(pdf) >= 1, `${url}.pdf: an image XObject`);
        assert.ok((await readPdf(pdf)).figureAlts.includes(LOGO_ALT), `${url}.pdf: tagged with its alt text`);
        const html = (await download(who, `${url}.html`)).body;
        assert.match(html, new RegExp(`<img class="report-logo" src="data:image/png;base64,[A-Za-z0-9+/=]+" alt="${LOGO_ALT}"`), `${url}.html`);
      }
      assert.equal(pdfImageCount(pdfBefore), 0, 'without a logo the PDF has no image');
    });

    test('a member’s coordinator cannot change the logo; removing it takes it off the reports but not off an issued version', async () => {
      const coordinator = as.get('coordinatorA')!;
      await coordinator.get(reports(world.orgA));
      const refused = await coordinator.upload(`${reports(world.federationId)}/logo`, { name: 'logo.png', content: logoPng });
      assert.ok(refused.status === 403 || refused.status === 404, `a member's coordinator: ${refused.status}`);
      const refusedOwn = await coordinator.upload(`${reports(world.orgA)}/logo`, { name: 'logo.png', content: logoPng });
      assert.ok(refusedOwn.status === 403 || refusedOwn.status === 404, `through the member's own page: ${refusedOwn.status}`);
      assert.ok([403, 404].includes((await coordinator.post(`${reports(world.federationId)}/logo/remove`, {})).status));

      const analyst = as.get('analyst')!;
      await analyst.get(reports(world.federationId));
      assert.equal((await analyst.post(`${reports(world.federationId)}/issue`, { kind: 'federation', reason: 'Med logotyp', classification: '0' })).status, 303);
      await analyst.get(reports(world.federationId));
      const removed = await analyst.post(`${reports(world.federationId)}/logo/remove`, {});
      assert.equal(removed.status, 303);
      const page = await analyst.follow(removed);
      assert.match(textOf(page.body), /Logotypen är borttagen/);
      assert.match(textOf(page.body), /Studien har ingen logotyp/);

      const current = await readDocx((await download('analyst', `${reports(world.federationId)}/federation.docx`)).raw);
      assert.ok(!current.images.some((image) => image.title === LOGO_ALT), 'the current draft has no logo');
      assert.equal(pdfImageCount((await download('analyst', `${reports(world.federationId)}/federation.pdf`)).raw), 0);
      const issued = await readDocx((await download('analyst', `${reports(world.federationId)}/versions/1.0/federation.docx`)).raw);
      assert.ok(issued.images.some((image) => image.title === LOGO_ALT), 'the issued version keeps its logo');
    });
  });
}
