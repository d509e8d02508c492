// The report pages over HTTP on every dialect: DOCX and PDF downloads with their content type
// and file name, access (another organisation's report is not found), issuing a version shows it
// in the history and in the next download, the study's texts round-trip, and the batch job ends
// with a ZIP of every report. The documents' content is checked by the report builders' tests.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import JSZip from 'jszip';
import { PASSWORD, type SmallWorld } from '../../../test/support/fixtures.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import { openReportWorld, reportYearPath, type ReportWorld } from '../../../test/support/report-world.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { TestBrowser, textOf } from '../../../test/support/test-browser.ts';
import { createUser } from '../auth/repository.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { batchDir, discardFinishedBatchJobs } from './batch-job-service.ts';

for (const dialect of testDialects()) {
  describe(`report pages (${dialect})`, () => {
    let t: TestApp;
    let world: SmallWorld;
    let outsiderOrg: string;
    let as: Map<string, TestBrowser>;
    let download: ReportWorld['download'];
    const reports = reportYearPath;

    before(async () => {
      const report = await openReportWorld(dialect, { orgA: 4, orgB: 2 });
      ({ t, world, as, download } = report);
      outsiderOrg = await insertOrganisation(t.ctx, { name: 'Utanför kommun', kind: 'kommun' });
      await report.closedRoundAnswering(outsiderOrg, 1);
      await createUser(t.ctx, { email: 'samordnare@utanfor.example', name: 'Ut Anför', password: PASSWORD, memberships: [{ organisationId: outsiderOrg, role: 'coordinator' }] });
      await report.logIn({ ...world.users, outsider: 'samordnare@utanfor.example' });
    });
    after(async () => {
      await discardFinishedBatchJobs(t.ctx);
      await t.close();
    });

    test('/org/:id/reports goes to the newest finished year; the organisation page links to it', async () => {
      const redirect = await as.get('coordinatorA')!.get(`/org/${world.orgA}/reports`);
      assert.equal(redirect.status, 303);
      assert.equal(redirect.location, reports(world.orgA));
      const organisation = await as.get('coordinatorA')!.get(`/org/${world.orgA}`);
      assert.ok(organisation.body.includes(`href="/org/${world.orgA}/reports"`));
    });

    test('a member downloads its sub-report as DOCX and PDF with an ASCII file name', async () => {
      const docx = await download('coordinatorA', `${reports(world.orgA)}/member.docx`);
      assert.equal(docx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      assert.equal(docx.raw.subarray(0, 2).toString('latin1'), 'PK');
      assert.match(String(docx.headers['content-disposition']), /^attachment; filename="mogna-alfa-kommun-2025\.docx"; filename\*=UTF-8''/);
      const pdf = await download('coordinatorA', `${reports(world.orgA)}/member.pdf`);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.raw.subarray(0, 4).toString('latin1'), '%PDF');
      assert.ok(pdf.raw.length > 1000, 'a PDF with content');
      const html = await download('coordinatorA', `${reports(world.orgA)}/member.html`);
      assert.match(String(html.headers['content-type']), /^text\/html/);
      assert.match(String(html.headers['content-disposition']), /^attachment; filename="mogna-alfa-kommun-2025\.html"/);
    });

    test('the year page offers the downloads, the member number and the preview in the app layout', async () => {
      const page = await download('coordinatorA', reports(world.orgA));
      assert.ok(page.body.includes(`href="${reports(world.orgA)}/member.docx"`));
      assert.ok(page.body.includes(`href="${reports(world.orgA)}/member.pdf"`));
      assert.match(textOf(page.body), /I förbundsrapporten för Testförbundet heter ni Kommun \d/);
      assert.ok(!page.body.includes('Skapa alla rapporter'), 'no batch for a member');
      assert.ok(!page.body.includes('id="settings-heading"'), 'a member does not edit the study texts');
      const preview = await download('coordinatorA', `${reports(world.orgA)}/member`);
      assert.equal((preview.body.match(/<h1[\s>]/g) ?? []).length, 1, 'one h1 on the preview');
      assert.ok(preview.body.includes('class="site-header"'), 'the preview sits in the app layout');
    });

    test('another organisation’s report is not found, for downloads, preview and page alike', async () => {
      for (const path of [reports(world.orgA), `${reports(world.orgA)}/member.docx`, `${reports(world.orgA)}/member.pdf`, `${reports(world.orgA)}/member`]) {
        assert.equal((await as.get('coordinatorB')!.get(path)).status, 404, path);
        assert.equal((await as.get('outsider')!.get(path)).status, 404, path);
      }
      assert.equal((await as.get('outsider')!.get(`${reports(world.federationId)}/federation.docx`)).status, 404);
      const anonymous = await new TestBrowser(t.app).get(`${reports(world.orgA)}/member.docx`);
      assert.equal(anonymous.status, 302, 'logged out: to the login page');
    });

    test('a viewer may download but not issue; a coordinator issues 1.0 and the next download carries it', async () => {
      const viewerPage = await download('viewerA', reports(world.orgA));
      assert.ok(!viewerPage.body.includes('id="issue-heading"'), 'no issue form for a viewer');
      const refused = await as.get('viewerA')!.post(`${reports(world.orgA)}/issue`, { kind: 'member', reason: 'Försök', classification: '0' });
      assert.equal(refused.status, 403);

      const before = await download('coordinatorA', `${reports(world.orgA)}/member.html`);
      assert.ok(!before.body.includes('Första versionen till styrgruppen'));
      const coordinator = as.get('coordinatorA')!;
      await coordinator.get(reports(world.orgA));
      const empty = await coordinator.post(`${reports(world.orgA)}/issue`, { kind: 'member', reason: '  ', classification: '1' });
      assert.equal(empty.status, 400);
      assert.match(textOf(empty.body), /Skriv varför versionen ges ut/);
      const tooLong = await coordinator.post(`${reports(world.orgA)}/issue`, { kind: 'member', reason: 'x'.repeat(301), classification: '1' });
      assert.equal(tooLong.status, 400);
      const badLevel = await coordinator.post(`${reports(world.orgA)}/issue`, { kind: 'member', reason: 'Ok', classification: '7' });
      assert.equal(badLevel.status, 400);

      // KLASSA's five levels 0–4 are offered; "måttlig" is level 2.
      assert.deepEqual([...(await coordinator.get(reports(world.orgA))).body.matchAll(/name="classification" [^>]*value="(\d)"|value="(\d)"[^>]*name="classification"/g)].map((match) => match[1] ?? match[2]), ['0', '1', '2', '3', '4']);
      const issued = await coordinator.post(`${reports(world.orgA)}/issue`, { kind: 'member', reason: 'Första versionen till styrgruppen', classification: '2' });
      assert.equal(issued.status, 303);
      const page = await coordinator.follow(issued);
      assert.match(textOf(page.body), /Version 1\.0 är utgiven/);
      const history = /<table class="table" data-testid="history">([\s\S]*?)<\/table>/.exec(page.body)?.[1] ?? '';
      assert.match(textOf(history), /1\.0 .*Sam Ordnare Första versionen till styrgruppen Nivå 2 – måttlig skada/);

      const after = await download('coordinatorA', `${reports(world.orgA)}/member.html`);
      assert.ok(after.body.includes('Första versionen till styrgruppen'), 'the reason is in the document history');
      assert.match(textOf(after.body), /\b1\.0\b/);

      const second = await coordinator.post(`${reports(world.orgA)}/issue`, { kind: 'member', reason: 'Rättade siffror', classification: '0' });
      const secondPage = await coordinator.follow(second);
      assert.match(textOf(secondPage.body), /Version 1\.1 är utgiven/);
      const versions = [...(/<table class="table" data-testid="history">([\s\S]*?)<\/table>/.exec(secondPage.body)?.[1] ?? '').matchAll(/<th scope="row">([^<]+)<\/th>/g)].map((match) => match[1]);
      assert.deepEqual(versions, ['1.0', '1.1'], 'oldest first; 1.0 then 1.1');
    });

    test('the federation analyst sees every member with its number, edits the study texts, and they round-trip', async () => {
      const analyst = as.get('analyst')!;
      const page = await download('analyst', reports(world.federationId));
      const members = /<table class="table" data-testid="members">([\s\S]*?)<\/table>/.exec(page.body)?.[1] ?? '';
      assert.match(textOf(members), /Alfa kommun/);
      assert.match(textOf(members), /Beta kommun/);
      assert.ok(members.includes(`${reports(world.orgB)}/member.docx`));
      assert.ok(page.body.includes(`href="${reports(world.federationId)}/federation.pdf"`));

      const saved = await analyst.post(`${reports(world.federationId)}/settings`, {
        background: 'Förbundet vill veta var det står.',
        purpose: 'Att jämföra medlemmarna.',
        goal: 'En gemensam plan.',
        scope: 'Bara kommunernas förvaltningar.',
        goalPicture: '- Gemensam e-tjänsteplattform\n\n  Delad informationssäkerhet  \n',
        author: 'Ana Lytiker & Co <test>',
      });
      assert.equal(saved.status, 303);
      const again = await analyst.follow(saved);
      assert.match(textOf(again.body), /Texterna är sparade/);
      assert.ok(again.body.includes('>Förbundet vill veta var det står.</textarea>'));
      assert.ok(again.body.includes('>Gemensam e-tjänsteplattform\nDelad informationssäkerhet</textarea>'), 'one bullet per line, the dash and blank line gone');
      assert.ok(again.body.includes('value="Ana Lytiker &amp; Co &lt;test>"'), 'escaped');

      const tooLong = await analyst.post(`${reports(world.federationId)}/settings`, { background: 'x'.repeat(4001) });
      assert.equal(tooLong.status, 400);
      assert.equal((await as.get('coordinatorA')!.post(`${reports(world.federationId)}/settings`, { background: 'Nej' })).status, 404, 'a member cannot see the federation page');
    });

    test('a member may download the anonymised federation report', async () => {
      const docx = await download('coordinatorA', `${reports(world.federationId)}/federation.docx`);
      assert.equal(docx.raw.subarray(0, 2).toString('latin1'), 'PK');
      assert.match(String(docx.headers['content-disposition']), /filename="mogna-testforbundet-2025\.docx"/);
      const preview = await download('coordinatorA', `${reports(world.federationId)}/federation`);
      for (const page of [`/org/${world.federationId}`, reports(world.federationId)]) {
        assert.ok(!preview.body.includes(`href="${page}"`), `no link to ${page}, which a member cannot open`);
      }
    });

    test('the batch runs in the background and ends with a ZIP of every report; it belongs to its starter', async () => {
      const analyst = as.get('analyst')!;
      await analyst.get(reports(world.federationId));
      assert.equal((await as.get('coordinatorA')!.post(`${reports(world.federationId)}/batch`, {})).status, 404);
      const started = await analyst.post(`${reports(world.federationId)}/batch`, {});
      assert.equal(started.status, 303);
      const location = started.location ?? '';
      assert.match(location, new RegExp(`^${reports(world.federationId)}/batch/[0-9a-f]{32}$`));
      const finalZip = join(batchDir(t.ctx), `mogna-reports-${location.slice(-32)}.zip`);

      const progressPage = await analyst.get(location);
      assert.equal(progressPage.status, 200);
      assert.match(progressPage.body, /<progress id="batch-progress" max="6"/);
      assert.match(textOf(progressPage.body), /\d av 6 filer klara/);

      let state = { status: 'running' } as { status: string; done: number; total: number; download: string | null };
      for (let i = 0; i < 600 && state.status === 'running'; i += 1) {
        const json = await analyst.get(`${location}.json`);
        assert.equal(json.status, 200);
        state = JSON.parse(json.body) as typeof state;
        // While it runs, nothing that looks like a finished ZIP exists (only a .partial file).
        if (state.status === 'running') assert.equal(existsSync(finalZip), false, 'no finished-looking ZIP while running');
        if (state.status === 'running') await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.equal(state.status, 'done');
      assert.equal(existsSync(finalZip), true);
      assert.equal(existsSync(`${finalZip}.partial`), false, 'the partial file was renamed');
      assert.equal(state.done, 6);
      assert.equal(state.download, `${location}.zip`);

      const donePage = await analyst.get(location);
      assert.ok(!donePage.body.includes('http-equiv="refresh"'), 'no refresh once done');
      assert.ok(donePage.body.includes(`href="${location}.zip"`));

      assert.equal((await as.get('operator')!.get(`${location}.zip`)).status, 404, 'someone else’s job is not found');
      const zipResponse = await analyst.get(`${location}.zip`);
      assert.equal(zipResponse.status, 200);
      assert.equal(zipResponse.headers['content-type'], 'application/zip');
      const zip = await JSZip.loadAsync(zipResponse.raw);
      assert.deepEqual(Object.keys(zip.files).sort(), [
        'mogna-alfa-kommun-2025.docx',
        'mogna-alfa-kommun-2025.pdf',
        'mogna-beta-kommun-2025.docx',
        'mogna-beta-kommun-2025.pdf',
        'mogna-testforbundet-2025.docx',
        'mogna-testforbundet-2025.pdf',
      ]);
      const pdf = await zip.file('mogna-beta-kommun-2025.pdf')!.async('nodebuffer');
      assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF');
      for (const name of Object.keys(zip.files)) assert.ok(/\.(docx|pdf)$/.test(name), `${name}: no name key or other text file in the ZIP`);
    });

    test('the name key is its own download for those who run the study, refused to a member’s coordinator', async () => {
      const page = await download('analyst', reports(world.federationId));
      assert.ok(page.body.includes(`href="${reports(world.federationId)}/name-key.txt"`));
      const key = await download('analyst', `${reports(world.federationId)}/name-key.txt`);
      assert.match(String(key.headers['content-type']), /^text\/plain/);
      assert.match(String(key.headers['content-disposition']), /filename="namnnyckel-2025\.txt"/);
      assert.match(key.body, /Kommun \d: Alfa kommun/);
      assert.match(key.body, /Kommun \d: Beta kommun/);
      for (const who of ['coordinatorA', 'viewerA', 'outsider']) {
        const refused = await as.get(who)!.get(`${reports(world.federationId)}/name-key.txt`);
        assert.ok(refused.status === 403 || refused.status === 404, `${who}: ${refused.status}`);
        assert.ok(!refused.body.includes('Alfa kommun'), who);
      }
      const memberPage = await download('coordinatorA', reports(world.orgA));
      assert.ok(!memberPage.body.includes('name-key.txt'), 'no key link on a member’s page');
    });

    test('an organisation outside any federation runs its own study: texts form, no member number, no batch', async () => {
      const page = await download('outsider', reports(outsiderOrg));
      assert.ok(page.body.includes('id="settings-heading"'), 'the study texts form');
      assert.ok(page.body.includes('id="issue-heading"'), 'the issue form');
      assert.ok(!page.body.includes('data-testid="member-number"'));
      assert.ok(!page.body.includes('Skapa alla rapporter'));
      const docx = await download('outsider', `${reports(outsiderOrg)}/member.docx`);
      assert.equal(docx.raw.subarray(0, 2).toString('latin1'), 'PK');
    });

    test('an organisation with nothing to report gets a page that says so', async () => {
      const empty = await insertOrganisation(t.ctx, { name: 'Tom kommun', kind: 'kommun' });
      const page = await as.get('operator')!.get(`/org/${empty}/reports`);
      assert.equal(page.status, 200);
      assert.match(textOf(page.body), /Det finns inget att rapportera ännu/);
    });
  });
}
