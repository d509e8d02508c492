// The results page, its exports and the JSON API through HTTP: the figures, the charts with
// their tables, and the anonymity rule holding in every format.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { SmallWorld } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import { addSubmittedRespondents, answersScoring } from '../../../test/support/results-world.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { textOf } from '../../../test/support/test-browser.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { insertRound } from '../rounds/repository.ts';

for (const dialect of testDialects()) {
  describe(`results pages (${dialect})`, () => {
    let loggedIn: LoggedInWorld;
    let t: TestApp;
    let world: SmallWorld;
    let roundA: string;
    let smallRound: string;
    const as = (role: keyof SmallWorld['users']) => loggedIn.browser(role);

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect);
      ({ t, world } = loggedIn);
      const { ctx } = t;
      const instrument = ctx.instruments.require('digital-mognad');
      const round = (org: string, year: number) => insertRound(ctx, org, { name: `Mognadsmätning ${year}`, year, instrumentKeys: ['digital-mognad'], openLink: false, status: 'closed' });
      const { social, homeCare, school } = world.units;
      roundA = await round(world.orgA, 2025);
      // Förmåga scores 4 in social, 2 in school; arv 2 everywhere. Hemtjänst has two respondents.
      const scores = (formaga: number) => (key: string) => (['infrastruktur', 'skugg-it', 'teknisk-skuld', 'styrning', 'kompetensmix', 'arbetsmiljo', 'anvandarnojdhet', 'rykte'].includes(key) ? 2 : formaga);
      await addSubmittedRespondents(ctx, roundA, instrument, [
        ...[1, 2, 3].map(() => ({ unitId: social, role: 'förvaltningschef', answers: answersScoring(instrument, scores(4)) })),
        ...[1, 2].map(() => ({ unitId: homeCare, role: 'enhetschef', answers: answersScoring(instrument, scores(4)) })),
        ...[1, 2, 3, 4].map(() => ({ unitId: school, role: 'rektor', answers: answersScoring(instrument, scores(2)) })),
      ]);
      smallRound = await round(world.orgB, 2025);
      await addSubmittedRespondents(ctx, smallRound, instrument, [1, 2, 3].map(() => ({ answers: answersScoring(instrument, 3) })));
      const orgC = await insertOrganisation(ctx, { name: 'Gamma kommun', kind: 'kommun', federationId: world.federationId });
      await addSubmittedRespondents(ctx, await round(orgC, 2025), instrument, [1, 2, 3].map(() => ({ answers: answersScoring(instrument, 5) })));
      await loggedIn.logInAll();
    });
    after(async () => loggedIn.close());

    test('the page shows maturity, quadrant with recommendations, charts with tables and comparisons', async () => {
      const page = await as('coordinatorA').get(`/rounds/${roundA}/results`);
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      // förmåga = (5·4 + 4·2) / 9 = 3.111, arv = 2 → C; maturity (3.111 + 2) / 2 / 6 = 42.6 %
      assert.match(page.body, /data-testid="maturity-percent">42,6 %</);
      assert.match(page.body, /data-testid="quadrant">C</);
      assert.match(text, /Ambition med bromsar/);
      assert.match(text, /Rekommendationer/);
      for (const id of ['maturity-matrix', 'capability-radar', 'category-radar', 'capability-bars', 'category-bars']) {
        assert.match(page.body, new RegExp(`<figure class="chart" id="${id}"`), id);
        assert.match(page.body, new RegExp(`/rounds/${roundA}/results/charts/${id}.svg`), `${id} export`);
      }
      assert.match(page.body, /<svg focusable="false"/);
      assert.match(page.body, /<th scope="row">Portföljstyrning<\/th>/);
      assert.match(text, /Testförbundet, medel/);
      assert.match(text, /Starkast/);
      assert.match(page.body, /\/assets\/charts\.js/);
      assert.equal((page.body.match(/<h1>/g) ?? []).length, 1);
    });

    test('a small round warns that the result may be over-estimated', async () => {
      const page = await as('coordinatorB').get(`/rounds/${smallRound}/results`);
      assert.equal(page.status, 200);
      assert.match(page.body, /data-testid="small-sample"/);
      assert.match(textOf(page.body), /Bara 3 personer har svarat, färre än 5/);
    });

    test('the unit with two respondents is nowhere: page, CSV, XLSX, JSON', async () => {
      const browser = as('coordinatorA');
      const page = await browser.get(`/rounds/${roundA}/results`);
      assert.match(textOf(page.body), /Socialförvaltningen/);
      assert.doesNotMatch(page.body, /Hemtjänst/);
      assert.doesNotMatch(page.body, /enhetschef/);

      const csv = await browser.get(`/rounds/${roundA}/results.csv`);
      assert.equal(csv.status, 200);
      assert.match(String(csv.headers['content-type']), /text\/csv/);
      // Published at the page's precision: one decimal (it was three before issue 12).
      assert.match(csv.body, /förmåga;portfoljstyrning;Portföljstyrning;3,1;9;/);
      assert.match(csv.body, /mognad;maturity-percent;Digital mognad;42,6;9/);
      assert.match(csv.body, /Per enhet: Socialförvaltningen;5;/);
      assert.doesNotMatch(csv.body, /Hemtjänst|enhetschef/);

      const xlsx = await browser.get(`/rounds/${roundA}/results.xlsx`);
      assert.equal(xlsx.status, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
      const cells: string[] = [];
      workbook.eachSheet((sheet) => sheet.eachRow((row) => cells.push(JSON.stringify(row.values))));
      assert.ok(cells.some((row) => row.includes('"portfoljstyrning"') && row.includes('3.1') && !row.includes('3.11')), 'capability row in XLSX, one decimal');
      assert.ok(!cells.some((row) => /Hemtjänst|enhetschef/.test(row)));

      const api = await browser.get(`/api/rounds/${roundA}/results`);
      assert.equal(api.status, 200);
      const json = JSON.parse(api.body) as { respondents: number; breakdown: { units: Array<{ label: string; n: number }>; roles: Array<{ label: string; n: number }> } };
      assert.equal(json.respondents, 9);
      assert.deepEqual(json.breakdown.units.map((group) => [group.label, group.n]), [['Skolförvaltningen', 4], ['Socialförvaltningen', 5]]);
      assert.doesNotMatch(api.body, /Hemtjänst|enhetschef/);
      // No shown figures isolate the two: social (5) has no shown part inside it, and the role pool
      // (förvaltningschef + enhetschef) equals social exactly.
      assert.deepEqual(json.breakdown.roles.map((group) => [group.label, group.n]), [['rektor', 4], ['Övriga roller', 5]]);
    });

    test('an open round: the page says results appear when it closes, and no output carries a figure', async () => {
      const instrument = t.ctx.instruments.require('digital-mognad');
      const open = await insertRound(t.ctx, world.orgA, { name: 'Pågående mätning', year: 2026, instrumentKeys: ['digital-mognad'], openLink: false, status: 'open' });
      await addSubmittedRespondents(t.ctx, open, instrument, [1, 2, 3, 4].map(() => ({ unitId: world.units.school, role: 'rektor', answers: answersScoring(instrument, 5) })));
      const browser = as('coordinatorA');
      const page = await browser.get(`/rounds/${open}/results`);
      assert.equal(page.status, 200);
      assert.match(textOf(page.body), /Resultatet visas när mätningen stängs/);
      assert.match(textOf(page.body), /Hittills har 4 skickat in/);
      assert.doesNotMatch(page.body, /data-testid="not-enough"/);
      const api = JSON.parse((await browser.get(`/api/rounds/${open}/results`)).body) as { result: unknown; breakdown: { units: unknown[]; roles: unknown[] }; publication: { status: string } };
      assert.equal(api.result, null);
      assert.deepEqual([...api.breakdown.units, ...api.breakdown.roles], []);
      assert.equal(api.publication.status, 'not-closed');
      const csv = (await browser.get(`/rounds/${open}/results.csv`)).body;
      assert.doesNotMatch(csv, /portfoljstyrning/);
    });

    test('page, CSV and JSON publish the same figures, none with more than one decimal', async () => {
      const browser = as('coordinatorA');
      const api = JSON.parse((await browser.get(`/api/rounds/${roundA}/results`)).body) as { instrument: unknown; result: { capabilities: Record<string, { score: number; sd: number | null }> } };
      const numbers: number[] = [];
      const walk = (value: unknown): void => {
        if (typeof value === 'number') numbers.push(value);
        else if (value && typeof value === 'object') Object.values(value).forEach(walk);
      };
      walk({ ...api, instrument: null });
      assert.ok(numbers.length > 100);
      for (const value of numbers) assert.ok(Math.abs(value * 10 - Math.round(value * 10)) < 1e-9, `${value} has more than one decimal`);
      const score = api.result.capabilities.portfoljstyrning!.score;
      assert.equal(score, 3.1);
      const csv = (await browser.get(`/rounds/${roundA}/results.csv`)).body;
      assert.match(csv, new RegExp(`;portfoljstyrning;Portföljstyrning;${String(score).replace('.', ',')};9;`));
      const page = await browser.get(`/rounds/${roundA}/results`);
      assert.match(textOf(page.body), /3,1/);
    });

    test('charts download as SVG and PNG', async () => {
      const svg = await as('viewerA').get(`/rounds/${roundA}/results/charts/capability-radar.svg`);
      assert.equal(svg.status, 200);
      assert.match(String(svg.headers['content-type']), /image\/svg\+xml/);
      assert.match(svg.body, /^<svg/);
      const png = await as('viewerA').get(`/rounds/${roundA}/results/charts/maturity-matrix.png`);
      assert.equal(png.status, 200);
      assert.deepEqual([...png.raw.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
      assert.equal((await as('viewerA').get(`/rounds/${roundA}/results/charts/nothing.svg`)).status, 404);
    });

    test('access: the round page links to results; others get 404, anonymous 401 on the API', async () => {
      const roundPage = await as('coordinatorA').get(`/rounds/${roundA}`);
      assert.match(roundPage.body, new RegExp(`href="/rounds/${roundA}/results"`));
      assert.equal((await as('analyst').get(`/rounds/${roundA}/results`)).status, 200);
      assert.equal((await as('coordinatorB').get(`/rounds/${roundA}/results`)).status, 404);
      assert.equal((await as('coordinatorB').get(`/rounds/${roundA}/results.csv`)).status, 404);
      assert.equal((await as('coordinatorB').get(`/api/rounds/${roundA}/results`)).status, 404);
      assert.equal((await loggedIn.anonymous().get(`/api/rounds/${roundA}/results`)).status, 401);
    });

    test('the small-sample limit is set per round when it is created', async () => {
      const browser = as('coordinatorA');
      await browser.get(`/org/${world.orgA}/rounds/new`);
      const bad = await browser.post(`/org/${world.orgA}/rounds`, { name: 'Liten mätning', year: '2027', instruments: 'digital-mognad', threshold: '3', smallSample: 'många' });
      assert.equal(bad.status, 400);
      assert.match(textOf(bad.body), /Skriv ett heltal från 1 till 500/);
      const good = await browser.post(`/org/${world.orgA}/rounds`, { name: 'Liten mätning', year: '2027', instruments: 'digital-mognad', threshold: '3', smallSample: '8' });
      assert.equal(good.status, 303);
      const round = await t.ctx.db.selectFrom('rounds').select('small_sample_threshold').where('name', '=', 'Liten mätning').executeTakeFirstOrThrow();
      assert.equal(round.small_sample_threshold, 8);
    });

    test('English page and CSV', async () => {
      const page = await as('coordinatorA').get(`/rounds/${roundA}/results?lang=en`);
      assert.match(textOf(page.body), /Maturity level C|Ambition held back/);
      const csv = await as('coordinatorA').get(`/rounds/${roundA}/results.csv`);
      assert.match(csv.body, /capability,portfoljstyrning,Portfolio management,3.1,9,/);
    });
  });
}
