// The federation report's own words (issue 13), over HTTP on every dialect: the analyst who runs
// the study sees generated drafts (naming no member) when nothing is written, a written text
// reaches the federation report's DOCX, PDF and HTML, and a member's coordinator can neither
// read nor change them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SmallWorld } from '../../../test/support/fixtures.ts';
import { readDocx } from '../../../test/support/docx-text.ts';
import { readPdf } from '../../../test/support/pdf-text.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import { openReportWorld, reportYearPath, type ReportWorld } from '../../../test/support/report-world.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { type TestBrowser, textOf } from '../../../test/support/test-browser.ts';
import { insertOrganisation } from '../organisations/repository.ts';

const MEMBER_NAMES = ['Alfa', 'Beta', 'Gamma'];

for (const dialect of testDialects()) {
  describe(`the federation report's texts (${dialect})`, () => {
    let t: TestApp;
    let world: SmallWorld;
    let as: Map<string, TestBrowser>;
    let download: ReportWorld['download'];
    const reports = reportYearPath;

    before(async () => {
      const report = await openReportWorld(dialect, { orgA: 1, orgB: 2 });
      ({ t, world, as, download } = report);
      // A third member, so the maturity part has enough members to be shown.
      const orgC = await insertOrganisation(t.ctx, { name: 'Gamma kommun', kind: 'kommun', size: 5000, federationId: world.federationId });
      await report.closedRoundAnswering(orgC, 5);
      await report.logIn({ analyst: world.users.analyst, coordinatorA: world.users.coordinatorA });
    });
    after(async () => {
      await t.close();
    });

    test('with nothing written the page shows the drafts, which name no member, and the report prints them', async () => {
      const year = await download('analyst', reports(world.federationId));
      assert.ok(year.body.includes(`href="${reports(world.federationId)}/texts"`), 'the federation page links to the texts');
      const page = await download('analyst', `${reports(world.federationId)}/texts`);
      assert.equal((page.body.match(/<h1[\s>]/g) ?? []).length, 1);
      assert.match(textOf(page.body), /Texter i förbundsrapporten för Testförbundet 2025/);
      for (const key of ['summary', 'maturity', 'recommendations']) assert.ok(page.body.includes(`name="accept" value="${key}"`), `a draft for ${key}`);
      assert.ok(!page.body.includes('name="accept" value="security"'), 'no draft for a part nobody took part in');
      const drafts = [...page.body.matchAll(/<p class="draft">([^<]*)<\/p>/g)].map((match) => match[1]!).join('\n');
      assert.match(drafts, /Mognaden hos de 3 medlemmarna med resultat sträcker sig från \d+\s%\still \d+\s%/);
      for (const name of MEMBER_NAMES) assert.ok(!drafts.includes(name), `the drafts do not name ${name}`);
      assert.ok(!/Kommun \d/.test(drafts), 'the drafts do not number members either');

      const html = textOf((await download('analyst', `${reports(world.federationId)}/federation.html`)).body);
      assert.match(html, /Mognaden hos de 3 medlemmarna med resultat sträcker sig från/);
      assert.match(html, /Förbundets rekommendationer/);
    });

    test('written texts reach the federation report in DOCX, PDF and HTML', async () => {
      const analyst = as.get('analyst')!;
      await analyst.get(`${reports(world.federationId)}/texts`);
      const saved = await analyst.post(`${reports(world.federationId)}/texts`, {
        summary: 'Förbundet står på stadig grund.',
        maturity: 'Spridningen i mognad är stor.',
        recommendations: 'IT: Gemensam drift av servrarna.\nKompetens: Ett nätverk för förvaltningsledare.',
      });
      assert.equal(saved.status, 303);
      assert.match(textOf((await analyst.follow(saved)).body), /Texterna är sparade/);

      const html = textOf((await download('analyst', `${reports(world.federationId)}/federation.html`)).body);
      for (const text of ['Förbundet står på stadig grund.', 'Spridningen i mognad är stor.', 'IT: Gemensam drift av servrarna.', 'Kompetens: Ett nätverk för förvaltningsledare.']) assert.ok(html.includes(text), `HTML: ${text}`);
      assert.ok(!html.includes('sträcker sig från'), 'the maturity draft is replaced');
      const docx = await readDocx((await download('analyst', `${reports(world.federationId)}/federation.docx`)).raw);
      assert.ok(docx.documentXml.includes('Förbundet står på stadig grund.'));
      assert.ok(docx.listItems.includes('IT: Gemensam drift av servrarna.'));
      const pdf = await readPdf((await download('analyst', `${reports(world.federationId)}/federation.pdf`)).raw);
      assert.ok(pdf.text.replace(/\s+/g, ' ').includes('Spridningen i mognad är stor.'));
      // A member reads the federation report with the federation's words, not its own.
      const memberCopy = textOf((await download('coordinatorA', `${reports(world.federationId)}/federation.html`)).body);
      assert.ok(memberCopy.includes('Förbundet står på stadig grund.'));
      const subReport = textOf((await download('coordinatorA', `${reports(world.orgA)}/member.html`)).body);
      assert.ok(!subReport.includes('Förbundet står på stadig grund.'), 'the member’s sub-report keeps its own texts');
    });

    test('a member’s coordinator can neither open nor change the federation report’s texts', async () => {
      const coordinator = as.get('coordinatorA')!;
      const opened = await coordinator.get(`${reports(world.federationId)}/texts`);
      assert.ok([403, 404].includes(opened.status), `open: ${opened.status}`);
      await coordinator.get(reports(world.orgA));
      const changed = await coordinator.post(`${reports(world.federationId)}/texts`, { summary: 'Inget förbund alls.' });
      assert.ok([403, 404].includes(changed.status), `change: ${changed.status}`);
      const accepted = await coordinator.post(`${reports(world.federationId)}/texts`, { accept: 'summary' });
      assert.ok([403, 404].includes(accepted.status), `accept: ${accepted.status}`);
      const html = textOf((await download('analyst', `${reports(world.federationId)}/federation.html`)).body);
      assert.ok(!html.includes('Inget förbund alls.'));
      const year = await download('coordinatorA', reports(world.orgA));
      assert.ok(!year.body.includes(`href="${reports(world.federationId)}/texts"`));
    });
  });
}
