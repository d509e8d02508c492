// The results of the demo federation in a real browser: the matrix, the radar, the tables, the
// comparisons and trend, axe WCAG 2.1 A/AA, and the anonymity rule end to end — Bäckeby's unit
// with two respondents appears nowhere (page, CSV, XLSX, JSON) and no combination of the shown
// groups isolates fewer respondents than the threshold.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedDemo } from '../../src/demo/demo-seeder.ts';
import { DEMO_PASSWORD } from '../../src/demo/demo-plan.ts';
import { axeViolations, browserTestSkip, launchChromiumWhile, serveTestApp, type ServedApp } from '../support/browser.ts';

const skip = browserTestSkip();

interface Group {
  key: string;
  kind: 'unit' | 'other-units' | 'role' | 'other-roles';
  n: number;
  label: string;
}

describe('browser: results of the demo federation', { skip }, () => {
  let served: ServedApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let roundId: string;
  let hiddenUnit: { id: string; name: string; members: string[] };
  let respondents: Array<{ id: string; unit_id: string | null; role: string | null }>;
  let units: Array<{ id: string; parent_id: string | null; name: string }>;
  const year = 2025;

  before(async () => {
    await launchChromiumWhile(
      async () => {
        served = await serveTestApp('sqlite');
        await seedDemo(served.ctx);
        const db = served.ctx.db;
        const backeby = await db.selectFrom('organisations').select('id').where('name', '=', 'Bäckeby kommun').executeTakeFirstOrThrow();
        roundId = (await db.selectFrom('rounds').select('id').where('organisation_id', '=', backeby.id).where('year', '=', year).executeTakeFirstOrThrow()).id;
        units = await db.selectFrom('units').select(['id', 'parent_id', 'name']).where('organisation_id', '=', backeby.id).execute();
        respondents = await db
          .selectFrom('respondents')
          .innerJoin('responses', 'responses.respondent_id', 'respondents.id')
          .select(['respondents.id', 'respondents.unit_id', 'respondents.role'])
          .where('respondents.round_id', '=', roundId)
          .where('responses.instrument_key', '=', 'digital-mognad')
          .where('responses.status', '=', 'submitted')
          .execute();
        const perUnit = new Map<string, string[]>();
        for (const respondent of respondents) if (respondent.unit_id) perUnit.set(respondent.unit_id, [...(perUnit.get(respondent.unit_id) ?? []), respondent.id]);
        const leafWithTwo = units.find((unit) => perUnit.get(unit.id)?.length === 2 && !units.some((child) => child.parent_id === unit.id));
        assert.ok(leafWithTwo, 'the demo gives Bäckeby an enhet with exactly two respondents');
        hiddenUnit = { id: leafWithTwo.id, name: leafWithTwo.name, members: perUnit.get(leafWithTwo.id)! };
      },
      (launched) => (browser = launched),
    );
    context = await browser.newContext({ locale: 'sv-SE', acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${served.baseUrl}/login`);
    await page.getByLabel('E-postadress').fill('samordnare@backeby.example');
    await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(`${served.baseUrl}/`);
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await served?.close();
  });

  test('the round page leads to the results: matrix, radar, tables, comparisons, trend; axe passes', async () => {
    await page.goto(`${served.baseUrl}/rounds/${roundId}`);
    await page.getByTestId('results-link').click();
    await page.waitForURL(`${served.baseUrl}/rounds/${roundId}/results`);
    await page.waitForLoadState('networkidle');
    assert.equal(await page.locator('h1').count(), 1);
    assert.match((await page.getByTestId('quadrant').textContent()) ?? '', /^[ABCD]$/);
    assert.match((await page.getByTestId('maturity-percent').textContent()) ?? '', /^\d+,\d %$/);

    // The matrix and the radar: a figure each, with an accessible name and a data table.
    // Matrix rows: own, federation mean and the demo's published reference (no national mean: the demo has no organisations outside the federation).
    for (const [id, rows] of [['maturity-matrix', 3], ['capability-radar', 26]] as const) {
      const figure = page.locator(`figure#${id}`);
      assert.equal(await figure.count(), 1, id);
      const name = await figure.locator('[role="img"]').getAttribute('aria-labelledby');
      assert.ok(name, `${id} is labelled`);
      const table = figure.locator('details.chart-data table');
      assert.equal(await table.locator('tbody tr').count(), rows, `${id} table rows`);
      assert.ok((await table.locator('caption').textContent())?.trim());
    }
    const radarHeader = await page.locator('figure#capability-radar details.chart-data thead th').allTextContents();
    assert.deepEqual(radarHeader.slice(0, 5), ['Förmåga', 'Er organisation', 'Demoförbundet, lägst', 'Demoförbundet, medel', 'Demoförbundet, högst']);
    // The demo holds one federation, so there is no national mean beside it; the fictional published reference stands in.
    assert.ok(!radarHeader.includes('Riket, medel'), 'no national series repeating the federation');
    assert.ok(radarHeader.some((header) => header.startsWith('Referens: Påhittat')), 'the demo reference covers the capabilities');
    const matrixRows = await page.locator('figure#maturity-matrix details.chart-data tbody th').allTextContents();
    assert.ok(matrixRows.some((row) => row.startsWith('Referens: Påhittat exempel')), 'the imported reference series is in the matrix');
    assert.equal(await page.getByTestId('capability-table').locator('tbody tr').count(), 26);
    assert.equal(await page.getByTestId('strongest').locator('li').count(), 3);
    assert.equal(await page.getByTestId('weakest').locator('li').count(), 3);
    assert.ok(await page.getByTestId('benchmark-table').isVisible());
    assert.ok(await page.getByTestId('trend-quadrant').isVisible(), 'trend against 2024');
    assert.equal(await page.locator('figure#category-trend details.chart-data tbody tr').count(), 6, 'the six areas in 2024 and 2025');
    assert.equal(await page.getByTestId('small-sample').count(), 0, 'Bäckeby has more than five respondents');

    // Interactive in the browser: the chart script has enhanced every chart on the page.
    await page.waitForFunction(() => document.querySelectorAll('.chart-canvas:not([data-chart-ready="true"])').length === 0);

    const { violations, report } = await axeViolations(page);
    assert.equal(violations.length, 0, `axe found WCAG 2.1 AA violations on the results page:\n${report}`);
  });

  test('the unit with two respondents appears in no page, export or API', async () => {
    const html = await page.content();
    assert.ok(!html.includes(hiddenUnit.name), `${hiddenUnit.name} not on the page`);
    const unitTable = await page.getByTestId('unit-table').locator('tbody th').allTextContents();
    assert.ok(unitTable.length > 0, 'some units are shown');

    const csv = await page.request.get(`${served.baseUrl}/rounds/${roundId}/results.csv`);
    assert.equal(csv.status(), 200);
    assert.ok(!(await csv.text()).includes(hiddenUnit.name));
    const xlsx = await page.request.get(`${served.baseUrl}/rounds/${roundId}/results.xlsx`);
    assert.equal(xlsx.status(), 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    workbook.eachSheet((sheet) => sheet.eachRow((row) => assert.ok(!JSON.stringify(row.values).includes(hiddenUnit.name))));
    const api = await page.request.get(`${served.baseUrl}/api/rounds/${roundId}/results`);
    assert.equal(api.status(), 200);
    const body = await api.text();
    assert.ok(!body.includes(hiddenUnit.name));
    assert.ok(!body.includes(hiddenUnit.id));
    for (const member of hiddenUnit.members) assert.ok(!body.includes(member), 'no respondent ids');
  });

  test('no combination of the shown groups isolates fewer respondents than the threshold', async () => {
    const api = (await (await page.request.get(`${served.baseUrl}/api/rounds/${roundId}/results`)).json()) as {
      respondents: number;
      breakdown: { threshold: number; units: Group[]; roles: Group[] };
    };
    const t = api.breakdown.threshold;
    assert.equal(t, 3);
    assert.equal(api.respondents, respondents.length);
    // Rebuild each shown group's members from the database, as someone who knows who works where could.
    const subtree = (unitId: string | null): Set<string> => {
      const ids = new Set<string>();
      const inside = (id: string | null): boolean => {
        for (let current = id; current; current = units.find((unit) => unit.id === current)?.parent_id ?? null) if (current === unitId) return true;
        return unitId === null;
      };
      for (const respondent of respondents) if (inside(respondent.unit_id)) ids.add(respondent.id);
      return ids;
    };
    const shownUnits = api.breakdown.units.filter((group) => group.kind === 'unit').map((group) => group.key.slice('unit:'.length));
    const sets: Array<{ key: string; members: Set<string> }> = [{ key: 'total', members: new Set(respondents.map((r) => r.id)) }];
    for (const group of api.breakdown.units) {
      if (group.kind === 'unit') sets.push({ key: group.key, members: subtree(group.key.slice('unit:'.length)) });
      else {
        const parent = group.key.slice('other-units:'.length);
        const parentId = parent === 'root' ? null : parent;
        const members = subtree(parentId);
        for (const child of units.filter((unit) => unit.parent_id === parentId && shownUnits.includes(unit.id))) for (const id of subtree(child.id)) members.delete(id);
        sets.push({ key: group.key, members });
      }
    }
    const shownRoles = api.breakdown.roles.filter((group) => group.kind === 'role').map((group) => group.key.slice('role:'.length));
    for (const group of api.breakdown.roles) {
      const members = new Set(
        respondents.filter((r) => (group.kind === 'role' ? r.role === group.key.slice('role:'.length) : !shownRoles.includes(r.role ?? ''))).map((r) => r.id),
      );
      sets.push({ key: group.key, members });
    }
    for (const set of sets.slice(1)) {
      const group = [...api.breakdown.units, ...api.breakdown.roles].find((candidate) => candidate.key === set.key)!;
      assert.equal(set.members.size, group.n, `${set.key}: the API's n matches the rebuilt group`);
      assert.ok(set.members.size >= t);
    }
    // Every family of disjoint shown groups inside a shown group leaves 0 or at least t respondents.
    for (const outer of sets) {
      const inside = sets.filter((set) => set !== outer && set.members.size < outer.members.size && [...set.members].every((id) => outer.members.has(id)));
      assert.ok(inside.length <= 20);
      for (let mask = 1; mask < 1 << inside.length; mask++) {
        const covered = new Set<string>();
        let disjoint = true;
        inside.forEach((set, i) => {
          if (!(mask & (1 << i)) || !disjoint) return;
          for (const id of set.members) {
            if (covered.has(id)) disjoint = false;
            covered.add(id);
          }
        });
        if (!disjoint) continue;
        const remainder = outer.members.size - covered.size;
        assert.ok(remainder === 0 || remainder >= t, `${outer.key} minus ${inside.filter((_, i) => mask & (1 << i)).map((set) => set.key).join(', ')} leaves ${remainder}`);
      }
    }
  });

  test('charts download as SVG and PNG', async () => {
    const svg = await page.request.get(`${served.baseUrl}/rounds/${roundId}/results/charts/capability-radar.svg`);
    assert.equal(svg.status(), 200);
    assert.match(await svg.text(), /^<svg/);
    const png = await page.request.get(`${served.baseUrl}/rounds/${roundId}/results/charts/maturity-matrix.png`);
    assert.equal(png.status(), 200);
    assert.equal((await png.body()).subarray(1, 4).toString('latin1'), 'PNG');
  });
});
