// The analyst's own texts of a member's sub-report and frozen issued versions (issue 13), over
// HTTP on every dialect: drafts appear when nothing is written, a written text reaches the DOCX,
// PDF and HTML, "Använd förslaget" stores the draft, and an issued version downloads
// byte-identical after the texts change while the current draft changes; the history says what changed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SmallWorld } from '../../../test/support/fixtures.ts';
import { readDocx } from '../../../test/support/docx-text.ts';
import { readPdf } from '../../../test/support/pdf-text.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import { openReportWorld, reportYearPath, type ReportWorld } from '../../../test/support/report-world.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { TestBrowser, textOf } from '../../../test/support/test-browser.ts';

for (const dialect of testDialects()) {
  describe(`member texts and frozen versions (${dialect})`, () => {
    let t: TestApp;
    let world: SmallWorld;
    let as: Map<string, TestBrowser>;
    let download: ReportWorld['download'];
    const reports = reportYearPath;

    before(async () => {
      const report = await openReportWorld(dialect, { orgA: 1, orgB: 2 });
      ({ t, world, as, download } = report);
      await report.logIn(world.users);
    });
    after(async () => {
      await t.close();
    });

    test('with no text written the report prints the drafts; the texts page shows them with a button each', async () => {
      const html = await download('analyst', `${reports(world.orgA)}/member.html`);
      assert.match(textOf(html.body), /Rekommendationer/);
      assert.match(textOf(html.body), /Kompetens: Prioritera .+ som fick 1,0 och ligger under mitten av skalan/);
      assert.match(textOf(html.body), /Vår tolkning/);
      const page = await download('analyst', `${reports(world.orgA)}/texts`);
      assert.equal((page.body.match(/<h1[\s>]/g) ?? []).length, 1);
      assert.ok(page.body.includes('name="accept" value="summary"'));
      assert.ok(page.body.includes('name="accept" value="recommendations"'));
      assert.ok(!page.body.includes('value="security"'), 'no field for a part the member did not take part in');
      assert.match(textOf(page.body), /Det första steget/);
      const year = await download('coordinatorA', reports(world.orgA));
      assert.ok(year.body.includes(`href="${reports(world.orgA)}/texts"`), 'the member’s coordinator reaches the texts page');
      assert.equal((await as.get('viewerA')!.get(`${reports(world.orgA)}/texts`)).status, 403, 'a viewer may not write texts');
      assert.equal((await as.get('coordinatorB')!.get(`${reports(world.orgA)}/texts`)).status, 404, 'another member’s texts are not found');
    });

    test('a written text reaches the DOCX, PDF and HTML; a text too long is refused with a message; the draft can be accepted', async () => {
      const analyst = as.get('analyst')!;
      await analyst.get(`${reports(world.orgA)}/texts`);
      const tooLong = await analyst.post(`${reports(world.orgA)}/texts`, { summary: 'x'.repeat(4001) });
      assert.equal(tooLong.status, 400);
      assert.match(textOf(tooLong.body), /Texten får vara högst 4000 tecken/);

      const saved = await analyst.post(`${reports(world.orgA)}/texts`, {
        summary: 'Alfa behöver en gemensam riktning.',
        maturity: 'Mognaden är låg i alla delar.',
        recommendations: 'Kompetens: Utbilda cheferna.\nIT: Ordna driften.',
      });
      assert.equal(saved.status, 303);
      const again = await analyst.follow(saved);
      assert.match(textOf(again.body), /Texterna är sparade/);
      assert.ok(again.body.includes('>Alfa behöver en gemensam riktning.</textarea>'));

      const html = textOf((await download('analyst', `${reports(world.orgA)}/member.html`)).body);
      for (const text of ['Alfa behöver en gemensam riktning.', 'Mognaden är låg i alla delar.', 'Kompetens: Utbilda cheferna.', 'IT: Ordna driften.']) assert.ok(html.includes(text), `HTML: ${text}`);
      assert.ok(!html.includes('Det första steget'), 'the summary draft is replaced');
      const docx = await readDocx((await download('analyst', `${reports(world.orgA)}/member.docx`)).raw);
      assert.ok(docx.documentXml.includes('Alfa behöver en gemensam riktning.'));
      assert.ok(docx.documentXml.includes('Kompetens: Utbilda cheferna.'));
      const pdf = await readPdf((await download('analyst', `${reports(world.orgA)}/member.pdf`)).raw);
      assert.ok(pdf.text.replace(/\s+/g, ' ').includes('Alfa behöver en gemensam riktning.'));

      const accepted = await analyst.post(`${reports(world.orgA)}/texts`, { accept: 'recommendations' });
      assert.equal(accepted.status, 303);
      const afterAccept = await analyst.follow(accepted);
      assert.match(textOf(afterAccept.body), /Förslaget används nu som text för rekommendationer/);
      assert.match(afterAccept.body, /<textarea[^>]*name="recommendations"[^>]*>(Ledning och styrning|Ekonomi|Kompetens|IT): Prioritera /, 'the draft is now the stored text');
      const cleared = await analyst.post(`${reports(world.orgA)}/texts`, { maturity: '' });
      assert.equal(cleared.status, 303);
      assert.ok(textOf((await download('analyst', `${reports(world.orgA)}/member.html`)).body).includes('Ni hamnar i ruta'), 'an emptied text prints the draft again');
    });

    test('issuing 1.0 then 1.1 freezes each: after a text changes, 1.0 downloads byte-identical while the current draft changes', async () => {
      const coordinator = as.get('coordinatorB')!;
      const analyst = as.get('analyst')!;
      await coordinator.get(reports(world.orgB));
      await analyst.get(`${reports(world.orgB)}/texts`);
      assert.equal((await analyst.post(`${reports(world.orgB)}/texts`, { summary: 'Första sammanfattningen.' })).status, 303);

      const first = await coordinator.post(`${reports(world.orgB)}/issue`, { kind: 'member', reason: 'Till styrgruppen', classification: '0' });
      assert.equal(first.status, 303);
      const v10 = `${reports(world.orgB)}/versions/1.0/member`;
      const docx10 = (await download('coordinatorB', `${v10}.docx`)).raw;
      const pdf10 = (await download('coordinatorB', `${v10}.pdf`)).raw;
      assert.equal(docx10.subarray(0, 2).toString('latin1'), 'PK');
      assert.equal(pdf10.subarray(0, 4).toString('latin1'), '%PDF');
      const issued = await readDocx(docx10);
      assert.ok(issued.documentXml.includes('Första sammanfattningen.'));
      assert.ok(issued.documentXml.includes('Till styrgruppen'), 'the issued file carries its own version in the history');

      // The data change: the analyst rewrites the summary; the study's background changes too.
      assert.equal((await analyst.post(`${reports(world.orgB)}/texts`, { summary: 'En ny sammanfattning.' })).status, 303);
      await analyst.get(reports(world.federationId));
      assert.equal((await analyst.post(`${reports(world.federationId)}/settings`, { background: 'Ny bakgrund.', title: 'Digital motor Testförbundet' })).status, 303);

      assert.ok(Buffer.compare((await download('coordinatorB', `${v10}.docx`)).raw, docx10) === 0, '1.0 DOCX byte-identical');
      assert.ok(Buffer.compare((await download('coordinatorB', `${v10}.pdf`)).raw, pdf10) === 0, '1.0 PDF byte-identical');
      const current = await readDocx((await download('coordinatorB', `${reports(world.orgB)}/member.docx`)).raw);
      assert.ok(current.documentXml.includes('En ny sammanfattning.') && !current.documentXml.includes('Första sammanfattningen.'), 'the current draft changed');
      assert.ok(current.documentXml.includes('Digital motor Testförbundet'), 'the study’s own title on the title page');
      assert.ok(!issued.documentXml.includes('Digital motor Testförbundet'));

      const second = await coordinator.post(`${reports(world.orgB)}/issue`, { kind: 'member', reason: 'Ny sammanfattning', classification: '0' });
      const page = await coordinator.follow(second);
      assert.match(textOf(page.body), /Version 1\.1 är utgiven/);
      const history = /<table class="table" data-testid="history">([\s\S]*?)<\/table>/.exec(page.body)?.[1] ?? '';
      const changes = [...history.matchAll(/<td data-testid="changes">([^<]*)<\/td>/g)].map((match) => match[1]);
      assert.equal(changes[0], 'Första versionen');
      assert.match(changes[1] ?? '', /^Texter: bakgrund, sammanfattning, titel$/, 'only the texts changed, not the figures');
      assert.ok(history.includes(`href="${reports(world.orgB)}/versions/1.1/member.pdf"`));
      const docx11 = await readDocx((await download('coordinatorB', `${reports(world.orgB)}/versions/1.1/member.docx`)).raw);
      assert.ok(docx11.documentXml.includes('En ny sammanfattning.'));
      assert.ok(Buffer.compare((await download('coordinatorB', `${v10}.docx`)).raw, docx10) === 0, '1.0 still byte-identical after 1.1');

      assert.equal((await as.get('coordinatorA')!.get(`${v10}.docx`)).status, 404, 'another member cannot download it');
      assert.equal((await as.get('coordinatorB')!.get(`${reports(world.orgB)}/versions/1.7/member.docx`)).status, 404, 'a version never issued');
    });

    test('the federation report is issued and frozen too, and its members may download the issued version', async () => {
      const analyst = as.get('analyst')!;
      await analyst.get(reports(world.federationId));
      const issued = await analyst.post(`${reports(world.federationId)}/issue`, { kind: 'federation', reason: 'Till förbundsstyrelsen', classification: '0' });
      assert.equal(issued.status, 303);
      const url = `${reports(world.federationId)}/versions/1.0/federation.pdf`;
      const first = (await download('analyst', url)).raw;
      assert.equal(first.subarray(0, 4).toString('latin1'), '%PDF');
      assert.ok(Buffer.compare((await download('coordinatorA', url)).raw, first) === 0, 'a member downloads the same bytes');
      assert.match(String((await download('analyst', url)).headers['content-disposition']), /filename="mogna-testforbundet-2025-v1\.0\.pdf"/);
      const outsider = new TestBrowser(t.app);
      assert.equal((await outsider.get(url)).status, 302, 'logged out: to the login page');
    });
  });
}
