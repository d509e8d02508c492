// The IT-cost pages over HTTP, on both dialects: upload → central IT → figures and charts, bad
// files store nothing and say which line is wrong, CSV column mapping saved for next year,
// rules, towers, the federation comparison, chart exports and who may do what.
import assert from 'node:assert/strict';
import { studyNumbering } from '../../domain/disclosure/member-numbering.ts';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { insertOrganisation } from '../organisations/repository.ts';
import { pendingUploadDir } from './pending-upload.ts';
import type { SmallWorld } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import { smallCsv, smallSie } from '../../../test/support/ledger-files.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import type { TestBrowser} from '../../../test/support/test-browser.ts';
import { textOf, type PageResponse } from '../../../test/support/test-browser.ts';

/** Visible text with Intl's non-breaking spaces turned into plain ones. */
const text = (html: string) => textOf(html).replace(/[\u00a0\u202f]/g, ' ');

async function uploadWithFields(
  t: TestApp,
  browser: TestBrowser,
  url: string,
  fields: Record<string, string>,
  file: { name: string; content: string | Buffer },
  headers: Record<string, string> = {},
): Promise<PageResponse> {
  const boundary = `----mognatest${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries({ _csrf: browser.csrfToken(), ...fields })) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  parts.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  const cookie = (browser as unknown as { cookieHeader(): string }).cookieHeader();
  const response = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, ...headers },
    payload: Buffer.concat(parts),
  });
  return (browser as unknown as { remember(r: typeof response): PageResponse }).remember(response);
}

for (const dialect of testDialects()) {
  describe(`IT-cost pages (${dialect})`, () => {
    let t: TestApp;
    let world: SmallWorld;
    let coordinator: TestBrowser;
    let viewer: TestBrowser;
    let outsider: TestBrowser;
    let yearUrl: string;
    let loggedIn: LoggedInWorld;

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect);
      ({ t, world } = loggedIn);
      coordinator = await loggedIn.as('coordinatorA');
      viewer = await loggedIn.as('viewerA');
      outsider = await loggedIn.as('coordinatorB');
      yearUrl = `/org/${world.orgA}/costs/2025`;
    });
    after(async () => loggedIn.close());

    const ledgerCount = async (organisationId: string) =>
      (await t.ctx.db.selectFrom('cost_ledgers').select('id').where('organisation_id', '=', organisationId).execute()).length;

    test('the organisation page links to the cost pages, which start at last year', async () => {
      const organisation = await coordinator.get(`/org/${world.orgA}`);
      assert.match(organisation.body, new RegExp(`href="/org/${world.orgA}/costs"`));
      const start = await coordinator.get(`/org/${world.orgA}/costs`);
      assert.equal(start.location, `/org/${world.orgA}/costs/2025`);
      assert.equal((await coordinator.get(`/org/${world.orgA}/costs?year=2019`)).location, `/org/${world.orgA}/costs/2019`);
      const badYear = await coordinator.get(`/org/${world.orgA}/costs?year=tjugo`);
      assert.equal(badYear.status, 400);
      assert.match(badYear.body, /href="#year"/);
      assert.match(text(badYear.body), /Skriv ett år mellan 2000 och 2100/);
      const page = await coordinator.get(yearUrl);
      assert.equal(page.status, 200);
      assert.match(text(page.body), /Ingen huvudbok är inläst/);
      assert.match(page.body, /data-ledger-upload/);
    });

    test('a broken SIE file is refused with its line and what is wrong, and nothing is stored', async () => {
      await coordinator.get(yearUrl);
      const broken = smallSie().replace('#TRANS 6420 {1 "100"} 300000.00', '#TRANS 6420 {1 "100"} tre-hundra');
      const line = broken.split('\r\n').findIndex((row) => row.includes('tre-hundra')) + 1;
      const response = await uploadWithFields(t, coordinator, `${yearUrl}/ledger`, {}, { name: 'huvudbok.se', content: broken });
      assert.equal(response.status, 422);
      const page = text(response.body);
      assert.match(page, /Filen lästes inte in och ingenting sparades/);
      assert.ok(page.includes(`Rad ${line}: Ett belopp är inte ett tal.`), page);
      assert.match(response.body, /class="error-summary"/);
      assert.match(response.body, /href="#ledger-file"/);
      assert.equal(await ledgerCount(world.orgA), 0);
    });

    test('a file of an unknown kind is refused before reading', async () => {
      await coordinator.get(yearUrl);
      const response = await uploadWithFields(t, coordinator, `${yearUrl}/ledger`, {}, { name: 'huvudbok.pdf', content: '%PDF-1.4' });
      assert.equal(response.status, 400);
      assert.match(text(response.body), /Välj en SIE-fil/);
      assert.equal(await ledgerCount(world.orgA), 0);
    });

    test('upload → choose central IT → key figures, pools chart with table, unmapped accounts', async () => {
      await coordinator.get(yearUrl);
      const response = await uploadWithFields(t, coordinator, `${yearUrl}/ledger`, {}, { name: 'huvudbok 2025.se', content: smallSie() });
      assert.equal(response.status, 303);
      let page = await coordinator.follow(response);
      assert.match(text(page.body), /Huvudboken är inläst: 18 rader och 2 kostnadsställen/);
      assert.match(text(page.body), /huvudbok 2025\.se/);
      assert.match(page.body, /data-testid="no-central-it"/);

      const centres = await coordinator.get(`${yearUrl}/centres`);
      assert.equal(centres.status, 200);
      assert.match(text(centres.body), /100 IT-enheten – 1 362 346 kr/);
      assert.match(text(centres.body), /200 Skola – 51 100 001 kr/);
      page = await coordinator.follow(await coordinator.post(`${yearUrl}/centres`, { centres: '100' }));
      const body = text(page.body);
      assert.match(body, /Valet av kostnadsställen för central IT är sparat/);
      // 1 362 345,67 / 52 462 346,17 = 2,597 %
      assert.match(page.body, /data-testid="central-it-share">2,6\s%</);
      assert.match(body, /2 450 001 kr Identifierad IT-kostnad/);
      assert.match(body, /1 362 346 kr Kostnad för central IT/);
      assert.match(body, /52 462 346 kr Organisationens totala kostnad/);
      // Figures 9/10: the chart, its text alternative and the table (open), with the sum row.
      assert.match(page.body, /<figure class="chart" id="costs-own-pools">/);
      assert.match(body, /Den identifierade IT-kostnaden är 2 450 001 kr\. Störst är intern arbetskraft med 1 000 000 kr\./);
      assert.match(body, /Mjukvara 300 000 700 000 1 000 000/);
      assert.match(body, /Summa 1 350 000 1 100 001 2 450 001/);
      // Figure 13: own hardware/software/telecom split.
      assert.match(body, /Andel av kostnaden som ligger på central IT: hårdvara 0 %, mjukvara 30 %, telekom 25 %\./);
      // The unmapped account with a form to add a rule.
      assert.match(body, /6710 Övrigt okänt 12 346 kr/);
      assert.match(page.body, /action="\/org\/[^"]+\/costs\/rules\/account"/);
      assert.match(page.body, /<script src="\/assets\/charts.js" defer>/);
      assert.match(page.body, /<script src="\/static\/ledger-upload.js" defer>/);
    });

    test('warnings from reading the file are listed in Swedish with their line', async () => {
      const url = `/org/${world.orgB}/costs/2023`;
      await outsider.get(url);
      const unbalanced = smallSie({ year: 2023 }).replace('#TRANS 1930 {} -1000000.00', '#TRANS 1930 {} -999999.00');
      const line = unbalanced.split('\r\n').findIndex((row) => row.startsWith('#VER A 1 ')) + 1;
      const page = await outsider.follow(await uploadWithFields(t, outsider, `${url}/ledger`, {}, { name: 'obalans.se', content: unbalanced }));
      const body = text(page.body);
      assert.match(body, /Anmärkningar från inläsningen \(1\)/);
      assert.ok(body.includes(`Rad ${line}: En verifikation balanserar inte. Den räknas ändå med.`), body);
    });

    test('chart exports give SVG and PNG of the same figure', async () => {
      const svg = await coordinator.get(`${yearUrl}/charts/year/costs-own-pools.svg`);
      assert.equal(svg.status, 200);
      assert.match(String(svg.headers['content-type']), /image\/svg\+xml/);
      assert.match(svg.body, /^<svg/);
      assert.ok(svg.body.includes('Mjukvara'));
      // The download is written like the Swedish page: decimal commas on the axis (mnkr), no points.
      const axisNumbers = [...svg.body.matchAll(/>(\d+[.,]\d+)</g)].map((match) => match[1]!);
      assert.ok(axisNumbers.length > 0 && axisNumbers.every((value) => value.includes(',')), axisNumbers.join(' '));
      const png = await t.app.inject({ method: 'GET', url: `${yearUrl}/charts/year/costs-split-own.png`, headers: { cookie: (coordinator as unknown as { cookieHeader(): string }).cookieHeader() } });
      assert.equal(png.statusCode, 200);
      assert.deepEqual([...png.rawPayload.subarray(1, 4)], [0x50, 0x4e, 0x47]);
      assert.equal((await coordinator.get(`${yearUrl}/charts/year/no-such-chart.svg`)).status, 404);
    });

    test('adding a rule for the unmapped account moves it into the chosen pool', async () => {
      await coordinator.get(yearUrl);
      const page = await coordinator.follow(await coordinator.post(`/org/${world.orgA}/costs/rules/account`, { account: '6710', name: 'Övrigt okänt', pool: 'other', year: '2025' }));
      const body = text(page.body);
      assert.match(body, /En regel för konto 6710 är tillagd/);
      assert.match(page.body, /data-testid="unmapped-none"/);
      assert.match(body, /Annat 12 346 0 12 346/);
      const rules = await coordinator.get(`/org/${world.orgA}/costs/rules?year=2025`);
      assert.match(text(rules.body), /egna regler/);
      assert.match(text(rules.body), /1 6710 6710 Annat/);
    });

    test('a bad rules file is refused with its line; a good one replaces the rules; reset restores the defaults', async () => {
      await coordinator.get(`/org/${world.orgA}/costs/rules?year=2025`);
      const bad = await coordinator.post(`/org/${world.orgA}/costs/rules?year=2025`, { csv: 'from,to,pool,name_contains\n6000,6999,software,\n7000,6000,other,\n' });
      assert.equal(bad.status, 400);
      assert.match(text(bad.body), /Rad 3: "from" \(7000\) is greater than "to" \(6000\)/);
      assert.match(bad.body, /href="#rules-csv"/);
      const good = await coordinator.follow(await coordinator.post(`/org/${world.orgA}/costs/rules?year=2025`, { csv: 'from,to,pool,name_contains\n4000,7999,software,\n' }));
      assert.match(text(good.body), /1 regler är sparade/);
      const year = text((await coordinator.get(yearUrl)).body);
      assert.match(year, /Mjukvara 1 362 346 51 100 001 52 462 346/);
      await coordinator.follow(await coordinator.post(`/org/${world.orgA}/costs/rules/reset?year=2025`, {}));
      const defaults = (await coordinator.get(`/org/${world.orgA}/costs/rules`)).body;
      assert.match(text(defaults), /standardreglerna för kontoplanen Kommun-Bas/);
      // The words matched against Swedish account names are marked Swedish (read right on English pages).
      assert.match(defaults, /<td lang="sv">molntjänst<\/td>/);
      const csv = await coordinator.get(`/org/${world.orgA}/costs/rules.csv`);
      assert.match(csv.body, /^\uFEFFfrom,to,pool,name_contains,comment\n5000,5999,internal_labour,/);
    });

    test('a hand-entered total cost replaces the ledger sum; a bad amount is refused at the field', async () => {
      await coordinator.get(yearUrl);
      const bad = await coordinator.post(`${yearUrl}/total`, { totalCost: 'mycket' });
      assert.equal(bad.status, 400);
      assert.match(bad.body, /href="#total-cost"/);
      const page = await coordinator.follow(await coordinator.post(`${yearUrl}/total`, { totalCost: '100 000 000' }));
      assert.match(page.body, /data-testid="central-it-share">1,4\s%</);
      await coordinator.post(`${yearUrl}/total`, { totalCost: '' });
      assert.match((await coordinator.get(yearUrl)).body, /data-testid="central-it-share">2,6\s%</);
    });

    test('CSV: the column-mapping step lists the headings, checks the choice, saves it and reuses it next time', async () => {
      const url = `/org/${world.orgA}/costs/2024`;
      // Staged files of this organisation only: other test files stage and sweep in the same directory.
      const staged = async () => {
        const names = (await readdir(pendingUploadDir()).catch(() => [] as string[])).filter((name) => name.endsWith('.json'));
        const metas = await Promise.all(names.map((name) => readFile(join(pendingUploadDir(), name), 'utf8').then(JSON.parse, () => null)));
        return metas.filter((meta: { organisationId?: string } | null) => meta?.organisationId === world.orgA).length;
      };
      const before = await staged();
      await coordinator.get(url);
      // A title row above the headings, as some exports have.
      const csv = `Huvudbok Alfa kommun 2025\n${smallCsv()}`;
      const upload = await uploadWithFields(t, coordinator, `${url}/ledger`, {}, { name: 'hb.csv', content: csv });
      assert.equal(upload.status, 303);
      assert.match(upload.location ?? '', new RegExp(`^${url}/columns/[0-9a-f]{48}$`));
      assert.equal(await staged(), before + 1);
      const step = await coordinator.get(upload.location!);
      assert.equal(step.status, 200);
      assert.match(text(step.body), /Filen hb\.csv är uppladdad/);
      assert.match(text(step.body), /De första raderna i filen Kolumn 1: Konto .* Kolumn 5: Datum 5010 Löner 100 1000000,00 2025-01-15 5010 Löner 200 50000000,00/);
      // Every heading is offered; the ones that read like the fields are preselected.
      assert.match(step.body, /<option value="Ansvar" selected>Kolumn 3: Ansvar<\/option>/);
      assert.match(step.body, /<option value="Belopp" selected>Kolumn 4: Belopp<\/option>/);
      assert.equal((step.body.match(/<option [^>]*>Kolumn 5: Datum</g) ?? []).length, 5);
      // Someone else cannot use the staged file.
      await viewer.get(yearUrl);
      assert.equal((await viewer.get(upload.location!)).status, 403);
      await outsider.get(`/org/${world.orgB}/costs/2024`);
      assert.equal((await outsider.get(upload.location!)).status, 404);
      // The amount column is required.
      const missing = await coordinator.post(upload.location!, { account: 'Konto', costCentre: 'Ansvar', amount: '' });
      assert.equal(missing.status, 400);
      assert.match(missing.body, /href="#column-amount"/);
      // The wrong column for the amount: the row is named, the file stays for another try.
      const wrong = await coordinator.post(upload.location!, { account: 'Konto', costCentre: 'Ansvar', amount: 'Kontonamn' });
      assert.equal(wrong.status, 422);
      assert.match(text(wrong.body), /Rad 3: Ett belopp är inte ett tal\./);
      assert.equal(await ledgerCount(world.orgA).then(() => staged()), before + 1);
      const done = await coordinator.follow(await coordinator.post(upload.location!, { account: 'Konto', accountName: 'Kontonamn', costCentre: 'Ansvar', amount: 'Belopp', date: 'Datum' }));
      assert.match(text(done.body), /Huvudboken är inläst: 9 rader och 2 kostnadsställen/);
      assert.equal(await staged(), before);
      assert.match(text(done.body), /Filen gäller räkenskapsåret 2025 men är inläst som 2024/);
      // Next time the saved columns are used at once; the upload script gets the address as JSON.
      await coordinator.get(url);
      const again = await uploadWithFields(t, coordinator, `${url}/ledger`, {}, { name: 'hb.csv', content: smallCsv() }, { 'x-requested-with': 'XMLHttpRequest' });
      assert.equal(again.status, 200);
      assert.deepEqual(JSON.parse(again.body), { location: url });
      assert.equal(await staged(), before);
      // A file whose headings changed goes back to the mapping step with a note.
      await coordinator.get(url);
      const renamed = await uploadWithFields(t, coordinator, `${url}/ledger`, {}, { name: 'hb2.csv', content: smallCsv().replace('Ansvar', 'Kst') });
      assert.match(renamed.location ?? '', /\/columns\/[0-9a-f]{48}\?saved=mismatch$/);
      const note = await coordinator.get(renamed.location!);
      assert.match(text(note.body), /Kolumnerna som sparades förra gången finns inte i den här filen/);
      assert.match(note.body, /<option value="Kst" selected>Kolumn 3: Kst<\/option>/);
      const cancelled = await coordinator.follow(await coordinator.post(`${renamed.location!.split('?')[0]}/cancel`, {}));
      assert.match(text(cancelled.body), /Filen är borttagen\. Ingenting lästes in\./);
      assert.equal(await staged(), before);
    });

    test('IT towers: the four descriptions, FTE with a decimal comma, errors at the field', async () => {
      const form = await coordinator.get(`${yearUrl}/towers`);
      assert.match(text(form.body), /Infrastruktur Driver den tekniska grunden/);
      const bad = await coordinator.post(`${yearUrl}/towers`, { 'infrastructure-fte': 'tre' });
      assert.equal(bad.status, 400);
      assert.match(bad.body, /href="#infrastructure-fte"/);
      assert.match(text(bad.body), /Infrastruktur: Skriv antalet årsarbetskrafter som ett tal/);
      const saved = await coordinator.follow(
        await coordinator.post(`${yearUrl}/towers`, { 'infrastructure-fte': '3,5', 'end_user_services-fte': '2', 'application_services-fte': '1,5', 'steer_and_support-fte': '1', 'infrastructure-cost': '2 400 000' }),
      );
      const body = text(saved.body);
      assert.match(body, /Arbetsområdena är sparade/);
      assert.match(body, /Infrastruktur .* Drift 3,50 2 400 000 kr 44 %/);
      assert.match(saved.body, /id="infrastructure-fte" name="infrastructure-fte" type="text" class="input input-short" value="3,50"/);
    });

    test('the comparison needs three members; then it shows figures 7, 8, 11, 12 and 15 anonymised, own highlighted', async () => {
      let page = await coordinator.get(`${yearUrl}/comparison`);
      assert.match(text(page.body), /Bara 1 av förbundets medlemmar har en huvudbok/);
      assert.doesNotMatch(page.body, /<figure/);
      // Two more members with ledgers: Beta (same ledger) and Gamma (1 % on central IT).
      await t.ctx.db.updateTable('cost_ledgers').set({ total_cost_ore: null }).execute();
      const gamma = await insertOrganisation(t.ctx, { name: 'Gamma kommun', kind: 'kommun', federationId: world.federationId });
      const operator = await loggedIn.as('operator');
      for (const [organisationId, content] of [
        [world.orgB, smallSie()],
        [gamma, smallSie({ rows: [['5010', '100', '100.00'], ['5010', '200', '9900.00']] })],
      ] as const) {
        await operator.get(`/org/${organisationId}/costs/2025`);
        assert.equal((await uploadWithFields(t, operator, `/org/${organisationId}/costs/2025/ledger`, {}, { name: 'hb.se', content })).status, 303);
        await operator.get(`/org/${organisationId}/costs/2025/centres`);
        assert.equal((await operator.post(`/org/${organisationId}/costs/2025/centres`, { centres: '100' })).status, 303);
      }
      page = await coordinator.get(`${yearUrl}/comparison`);
      const body = text(page.body);
      for (const id of ['costs-central-it-share', 'costs-pool-mix', 'costs-inside-outside', 'costs-split-federation', 'costs-towers']) {
        assert.match(page.body, new RegExp(`<figure class="chart" id="${id}">`), id);
      }
      assert.match(body, /3 av 3 medlemmar har en huvudbok/);
      // Every member keeps its one number of the federation (the same in reports), whatever the bar order.
      const numbers = studyNumbering([world.orgA, world.orgB, gamma]);
      assert.match(body, new RegExp(`Kommun ${numbers.get(gamma)} 1,0`));
      assert.match(body, new RegExp(`Kommun ${numbers.get(world.orgA)} \\(er kommun\\) 2,6`));
      assert.equal((body.match(/\(er kommun\)/g) ?? []).length >= 1, true);
      assert.doesNotMatch(body, /Beta kommun|Gamma kommun/);
      // Average central-IT share: (1 + 2,597 + 2,597) / 3 = 2,06 %.
      assert.match(body, /Snittet är 2,1 %/);
      // Figure 15: own tower mix against the average (only Alfa entered towers, so they are equal).
      assert.match(body, /Er kommun: infrastruktur 44 %, slutanvändartjänster 25 %, applikationsverksamhet 19 %, styra och stödja 13 %/);
      const svg = await coordinator.get(`${yearUrl}/charts/comparison/costs-central-it-share.svg`);
      assert.equal(svg.status, 200);
      assert.ok(svg.body.includes('(er kommun)'));
    });

    test('viewers read but cannot change; other organisations see nothing', async () => {
      const page = await viewer.get(yearUrl);
      assert.equal(page.status, 200);
      assert.doesNotMatch(page.body, /data-ledger-upload/);
      assert.match(text(page.body), /Du kan läsa analysen/);
      const english = text((await viewer.get(`${yearUrl}?lang=en`)).body);
      assert.match(english, /IT costs 2025/);
      assert.match(english, /Identified IT costs per cost pool/);
      assert.match(english, /Central IT’s share of the total cost/);
      await viewer.get(`${yearUrl}?lang=sv`);
      const upload = await uploadWithFields(t, viewer, `${yearUrl}/ledger`, {}, { name: 'hb.se', content: smallSie() });
      assert.equal(upload.status, 403);
      assert.equal((await viewer.post(`${yearUrl}/centres`, { centres: '200' })).status, 403);
      assert.equal((await viewer.get(`${yearUrl}/centres`)).status, 403);
      assert.equal((await viewer.post(`${yearUrl}/towers`, { 'infrastructure-fte': '1' })).status, 403);
      assert.equal((await outsider.get(yearUrl)).status, 404);
      assert.equal((await outsider.get(`${yearUrl}/comparison`)).status, 404);
      assert.equal((await outsider.get(`${yearUrl}/charts/year/costs-own-pools.svg`)).status, 404);
      await outsider.get(`/org/${world.orgB}/costs/2025`);
      assert.equal((await uploadWithFields(t, outsider, `${yearUrl}/ledger`, {}, { name: 'hb.se', content: smallSie() })).status, 404);
      // The central-IT choice is unchanged by the refused requests.
      const chosen = await t.ctx.db
        .selectFrom('cost_ledger_centres')
        .innerJoin('cost_ledgers', 'cost_ledgers.id', 'cost_ledger_centres.ledger_id')
        .select('cost_ledger_centres.cost_centre')
        .where('cost_ledgers.organisation_id', '=', world.orgA)
        .where('cost_ledgers.year', '=', 2025)
        .where('cost_ledger_centres.central_it', '=', 1)
        .execute();
      assert.deepEqual(chosen, [{ cost_centre: '100' }]);
    });

    test('a year’s ledger can be removed by those who manage costs, not by viewers', async () => {
      const url = `/org/${world.orgA}/costs/2024`;
      await viewer.get(url);
      assert.equal((await viewer.post(`${url}/ledger/delete`, {})).status, 403);
      await coordinator.get(url);
      const page = await coordinator.follow(await coordinator.post(`${url}/ledger/delete`, {}));
      assert.match(text(page.body), /Huvudboken för 2024 är borttagen/);
      assert.match(text(page.body), /Ingen huvudbok är inläst/);
      const years = await t.ctx.db.selectFrom('cost_ledgers').select('year').where('organisation_id', '=', world.orgA).execute();
      assert.deepEqual(years, [{ year: 2025 }]);
      assert.equal((await coordinator.post(`${url}/ledger/delete`, {})).status, 404);
    });
  });
}
