// The action plan over HTTP on every dialect: creating an action (with a capability preselected
// from a results page), field errors, editing, status changes with their notes as history, who
// may read and write (coordinator, viewer, another member, the federation's analyst), the
// federation's shared action seen by a taking-part member, the anonymised overview that shows
// nothing from fewer members than the threshold, the CSV and XLSX export read back, and the audit.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { textOf } from '../../../test/support/test-browser.ts';
import { operatorToolActor } from '../../cli/operator-actor.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { actionForm } from './schema.ts';
import { createAction, membersOverview } from './service.ts';

const fields = (extra: Record<string, string> = {}) => ({
  title: 'Inför behörighetsgenomgång',
  description: 'Varje kvartal',
  year: '2026',
  sourceKind: 'capability',
  capability: 'formagekarta:forsta-kommunens-prioriteringar',
  sourceRef: '',
  owner: 'IT-chef',
  dueOn: '2027-03-31',
  status: 'planned',
  ...extra,
});

for (const dialect of testDialects()) {
  describe(`action plan (${dialect})`, () => {
    let loggedIn: LoggedInWorld;
    let orgA: string;
    let actionId: string;

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect);
      orgA = loggedIn.world.orgA;
      await loggedIn.logInAll();
    });
    after(async () => loggedIn.close());

    test('a capability can be preselected from a results page', async () => {
      const page = await loggedIn.browser('coordinatorA').get(`/org/${orgA}/actions/new?instrument=formagekarta&capability=forsta-kommunens-prioriteringar&year=2026`);
      assert.equal(page.status, 200);
      assert.match(page.body, /<option value="formagekarta:forsta-kommunens-prioriteringar" selected/);
      assert.match(page.body, /<option value="capability" selected/);
    });

    test('a workshop decision becomes an action in one step: the form comes filled in from it', async () => {
      const query = new URLSearchParams({ source: 'workshop', topic: 'matrix', year: '2026', title: 'Ta fram en plan för e-tjänster' });
      const page = await loggedIn.browser('coordinatorA').get(`/org/${orgA}/actions/new?${query.toString()}`);
      assert.equal(page.status, 200);
      assert.match(page.body, /<option value="workshop" selected/);
      assert.match(page.body, /value="Ta fram en plan för e-tjänster"/);
      assert.match(page.body, /value="matrix"/);
    });

    test('a form with mistakes comes back with each field named', async () => {
      const browser = loggedIn.browser('coordinatorA');
      await browser.get(`/org/${orgA}/actions/new`);
      const response = await browser.post(`/org/${orgA}/actions`, fields({ title: ' ', owner: '', dueOn: '2027-02-30', capability: '' }));
      assert.equal(response.status, 400);
      const text = textOf(response.body);
      assert.match(text, /Skriv vad som ska göras/);
      assert.match(text, /Skriv vem som ansvarar/);
      assert.match(text, /Skriv datumet som ÅÅÅÅ-MM-DD/);
      assert.match(text, /Välj vilken förmåga åtgärden gäller/);
    });

    test('the coordinator creates, edits and changes the status of an action, with history and audit', async () => {
      const browser = loggedIn.browser('coordinatorA');
      await browser.get(`/org/${orgA}/actions/new`);
      const created = await browser.post(`/org/${orgA}/actions`, fields());
      assert.equal(created.status, 303);
      actionId = /actions\/([0-9a-f-]{36})$/.exec(created.location ?? '')![1]!;
      await browser.get(`/org/${orgA}/actions/${actionId}/edit`);
      assert.equal((await browser.post(`/org/${orgA}/actions/${actionId}/edit`, fields({ owner: 'Informationssäkerhetssamordnare' }))).status, 303);
      await browser.get(`/org/${orgA}/actions/${actionId}`);
      assert.equal((await browser.post(`/org/${orgA}/actions/${actionId}/status`, { status: 'in_progress', note: 'Första genomgången bokad' })).status, 303);
      const page = await browser.get(`/org/${orgA}/actions/${actionId}`);
      const text = textOf(page.body);
      assert.match(text, /Informationssäkerhetssamordnare/);
      assert.match(text, /Pågår — Första genomgången bokad/);
      assert.match(text, /Planerad/);
      const plan = textOf((await browser.get(`/org/${orgA}/actions?year=2026`)).body);
      assert.match(plan, /Inför behörighetsgenomgång/);
      assert.match(plan, /Första genomgången bokad/);
      const audit = await loggedIn.t.ctx.db.selectFrom('audit_log').select('action').where('subject_id', '=', actionId).orderBy('at').execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), ['action_created', 'action_status_changed', 'action_updated']);
    });

    test('the viewer reads but may not write; another member and the federation analyst meet not found', async () => {
      const viewer = loggedIn.browser('viewerA');
      const plan = await viewer.get(`/org/${orgA}/actions?year=2026`);
      assert.equal(plan.status, 200);
      assert.match(textOf(plan.body), /Du kan läsa handlingsplanen men inte ändra den/);
      assert.equal((await viewer.post(`/org/${orgA}/actions/${actionId}/status`, { status: 'done', note: '' })).status, 403);
      assert.equal((await viewer.get(`/org/${orgA}/actions/new`)).status, 403);
      assert.equal((await loggedIn.browser('coordinatorB').get(`/org/${orgA}/actions?year=2026`)).status, 404);
      assert.equal((await loggedIn.browser('coordinatorB').get(`/org/${orgA}/actions/${actionId}`)).status, 404);
      assert.equal((await loggedIn.browser('analyst').get(`/org/${orgA}/actions?year=2026`)).status, 404);
      assert.equal((await loggedIn.browser('analyst').get(`/org/${orgA}/actions.csv?year=2026`)).status, 404);
    });

    test('the export holds the same columns as CSV (BOM, semicolons) and XLSX', async () => {
      const browser = loggedIn.browser('coordinatorA');
      const csv = await browser.get(`/org/${orgA}/actions.csv?year=2026`);
      assert.equal(csv.status, 200);
      assert.ok(csv.body.startsWith('\uFEFFÅtgärd;Beskrivning;År;'));
      assert.match(csv.body, /Inför behörighetsgenomgång;Varje kvartal;2026;En förmåga;forsta-kommunens-prioriteringar;formagekarta;Informationssäkerhetssamordnare;2027-03-31;Pågår;Första genomgången bokad/);
      const xlsx = await browser.get(`/org/${orgA}/actions.xlsx?year=2026`);
      assert.equal(xlsx.status, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Handlingsplan')!;
      assert.equal(sheet.getRow(1).getCell(1).value, 'Åtgärd');
      assert.equal(sheet.getRow(2).getCell(1).value, 'Inför behörighetsgenomgång');
      assert.equal(sheet.getRow(2).getCell(9).value, 'Pågår');
    });

    test('an XLSX with the export\'s columns imports; a file with bad rows names each and imports nothing', async () => {
      const browser = loggedIn.browser('coordinatorA');
      const count = async () => (await loggedIn.t.ctx.db.selectFrom('actions').select('id').where('organisation_id', '=', orgA).execute()).length;
      const before = await count();
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Handlingsplan');
      sheet.addRow(['Åtgärd', 'Beskrivning', 'År', 'Gäller', 'Förmåga eller hänvisning', 'Instrument', 'Ansvarig', 'Klart senast', 'Status', 'Senaste anteckning']);
      sheet.addRow(['Utbildning för chefer', '', 2026, 'En rekommendation', 'Utbilda cheferna', '', 'HR-chef', '2027-01-31', 'Pågår', '']);
      sheet.addRow(['', '', 2026, 'Fritt formulerad', '', '', 'HR-chef', '', 'Planerad', '']);
      sheet.addRow(['Okänd förmåga', '', 2026, 'En förmåga', 'finns-inte', 'formagekarta', '', '31/1', 'Planerad', '']);
      const bad = Buffer.from(await workbook.xlsx.writeBuffer());
      await browser.get(`/org/${orgA}/actions?year=2026`);
      const rejected = await browser.upload(`/org/${orgA}/actions/import`, { name: 'plan.xlsx', content: bad, type: 'application/octet-stream' });
      assert.equal(rejected.status, 422);
      const text = textOf(rejected.body);
      assert.match(text, /Ingenting lästes in/);
      assert.match(text, /Rad 3: Skriv vad som ska göras/);
      assert.match(text, /Rad 4: Skriv vem som ansvarar, ett namn eller en roll; Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-03-31; Välj vilken förmåga åtgärden gäller/);
      assert.doesNotMatch(text, /Rad 2:/);
      assert.equal(await count(), before, 'nothing imported from a file with errors');

      const exported = await browser.get(`/org/${orgA}/actions.xlsx?year=2026`);
      await browser.get(`/org/${orgA}/actions?year=2026`);
      const imported = await browser.upload(`/org/${orgA}/actions/import`, { name: 'plan.xlsx', content: exported.raw as Buffer, type: 'application/octet-stream' });
      assert.equal(imported.status, 303);
      assert.equal(await count(), before + 1);
      const plan = textOf((await browser.follow(imported)).body);
      assert.match(plan, /1 åtgärd är inläst/);
      await browser.get(`/org/${orgA}/actions?year=2026`);
      assert.equal((await loggedIn.browser('viewerA').upload(`/org/${orgA}/actions/import`, { name: 'plan.xlsx', content: bad })).status, 403);
    });

    test("a federation's shared action shows to the members taking part, and the overview hides counts from too few members", async () => {
      const { world, t } = loggedIn;
      const analyst = loggedIn.browser('analyst');
      await analyst.get(`/org/${world.federationId}/actions/new`);
      const created = await analyst.post(`/org/${world.federationId}/actions`, {
        ...fields({ title: 'Gemensam utbildning i informationssäkerhet', sourceKind: 'free', capability: '' }),
        participants: [world.orgB],
      });
      assert.equal(created.status, 303);
      const shared = /actions\/([0-9a-f-]{36})$/.exec(created.location ?? '')![1]!;
      const beta = loggedIn.browser('coordinatorB');
      assert.match(textOf((await beta.get(`/org/${world.orgB}/actions?year=2026`)).body), /Gemensam utbildning i informationssäkerhet/);
      assert.equal((await beta.get(`/org/${world.orgB}/actions/${shared}`)).status, 200);
      assert.doesNotMatch(textOf((await loggedIn.browser('coordinatorA').get(`/org/${orgA}/actions?year=2026`)).body), /Gemensam utbildning/);

      const fed = textOf((await analyst.get(`/org/${world.federationId}/actions?year=2026`)).body);
      assert.match(fed, /För få medlemmar har åtgärder det här året/);
      assert.doesNotMatch(fed, /Alfa kommun|Inför behörighetsgenomgång/);

      // A third member with an action, and Beta's own: three members (Alfa has two by now, one imported), so the counts show.
      const orgC = await insertOrganisation(t.ctx, { name: 'Gamma kommun', kind: 'kommun', federationId: world.federationId });
      const input = actionForm(() => true).parse(fields());
      for (const org of [world.orgB, orgC]) {
        const actor = { ...operatorToolActor('test'), isOperator: false, roles: new Map([[org, 'coordinator' as const]]) };
        await createAction(t.ctx, actor, org, input);
      }
      const shown = textOf((await analyst.get(`/org/${world.federationId}/actions?year=2026`)).body);
      assert.match(shown, /3 medlemmar har tillsammans 4 åtgärder, varav 0 är klara/);
      assert.doesNotMatch(shown, /Alfa kommun|Gamma kommun|Inför behörighetsgenomgång/);
    });

    test('an area with actions from fewer members than the threshold is left out', () => {
      const ctx = loggedIn.t.ctx;
      const row = (organisation_id: string, source_kind: 'free' | 'workshop') => ({ organisation_id, source_kind, source_ref: null, instrument_key: null, status: 'done' as const });
      const overview = membersOverview(ctx, [row('a', 'free'), row('b', 'free'), row('c', 'free'), row('a', 'workshop')]);
      assert.ok(overview.shown);
      assert.deepEqual(overview.areas.map((a) => [a.sourceKind, a.actions, a.done]), [['free', 3, 3]]);
      assert.equal(overview.hiddenAreas, 1);
      assert.deepEqual(membersOverview(ctx, [row('a', 'free'), row('b', 'free')]), { shown: false, threshold: 3 });
    });
  });
}
