// The cost service against a real database (SQLite, and PostgreSQL when configured): storing a
// ledger's aggregate, the analysis from stored data, the access rules, own rules, towers and the
// federation comparison.
import assert from 'node:assert/strict';
import { studyNumbering } from '../../domain/disclosure/member-numbering.ts';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { after, before, describe, test } from 'node:test';
import { loadUserActor, type UserActor } from '../../app/actor.ts';
import { AppError } from '../../app/errors.ts';
import { LedgerImportError } from '../../importers/ledger/ledger-import-error.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { createSmallWorld, type SmallWorld } from '../../../test/support/fixtures.ts';
import { smallCsv, smallSie, SMALL_LEDGER_FIGURES, SMALL_LEDGER_ROWS } from '../../../test/support/ledger-files.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import {
  addAccountRule,
  chooseCentralIt,
  getCostComparison,
  getCostOverview,
  getRuleSet,
  importLedger,
  resetRules,
  saveRulesCsv,
  saveTowers,
  setTotalCost,
} from './service.ts';

const source = (text: string) => Readable.from([Buffer.from(text, 'utf8')]);

async function assertAppError(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => error instanceof AppError && error.code === code);
}

for (const dialect of testDialects()) {
  describe(`cost service (${dialect})`, () => {
    let t: TestContext;
    let world: SmallWorld;
    const actors: Record<string, UserActor> = {};

    before(async () => {
      t = await createTestContext(dialect);
      world = await createSmallWorld(t.ctx);
      for (const [key, email] of Object.entries(world.users)) {
        const user = await t.ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
        const actor = await loadUserActor(t.ctx.db, user.id);
        assert.ok(actor);
        actors[key] = actor;
      }
    });
    after(async () => t.close());

    test('an SIE import stores the aggregate per account and cost centre, exactly, with file facts', async () => {
      const text = smallSie();
      const result = await importLedger(t.ctx, actors.coordinatorA!, world.orgA, 2025, { fileName: 'huvudbok.se', format: 'sie', source: source(text) });
      assert.equal(result.rowCount, 18);
      assert.equal(result.costCentreCount, 2);
      const ledger = await t.ctx.db.selectFrom('cost_ledgers').selectAll().where('organisation_id', '=', world.orgA).executeTakeFirstOrThrow();
      assert.equal(ledger.file_name, 'huvudbok.se');
      assert.equal(ledger.year, 2025);
      assert.equal(ledger.file_year, 2025);
      assert.equal(Number(ledger.byte_count), Buffer.byteLength(text));
      assert.match(ledger.file_hash, /^[0-9a-f]{64}$/);
      const skola = await t.ctx.db.selectFrom('cost_ledger_rows').selectAll().where('ledger_id', '=', ledger.id).where('account', '=', '5010').where('cost_centre', '=', '200').executeTakeFirstOrThrow();
      // 50 000 000 kr is 5 000 000 000 öre: beyond a 32-bit integer, kept exactly.
      assert.equal(Number(skola.amount_ore), 5_000_000_000);
      const bank = await t.ctx.db.selectFrom('cost_ledger_rows').select('amount_ore').where('ledger_id', '=', ledger.id).where('account', '=', '1930').where('cost_centre', '=', '').executeTakeFirstOrThrow();
      assert.equal(Number(bank.amount_ore), -(5_246_234_617 - 1_000_000_000));
      const names = await t.ctx.db.selectFrom('cost_ledger_centres').select(['cost_centre', 'name']).where('ledger_id', '=', ledger.id).orderBy('cost_centre').execute();
      assert.deepEqual(names, [
        { cost_centre: '100', name: 'IT-enheten' },
        { cost_centre: '200', name: 'Skola' },
      ]);
    });

    test('the analysis reads the stored ledger once central IT is chosen', async () => {
      let overview = await getCostOverview(t.ctx, actors.viewerA!, world.orgA, 2025);
      assert.equal(overview.analysis?.centralItCostOre, 0);
      assert.equal(overview.canManage, false);
      assert.deepEqual(
        overview.centres.map((centre) => [centre.id, centre.costOre, centre.centralIt]),
        [
          ['100', 136_234_567, false],
          ['200', 5_110_000_050, false],
        ],
      );
      await chooseCentralIt(t.ctx, actors.coordinatorA!, world.orgA, 2025, ['100']);
      overview = await getCostOverview(t.ctx, actors.viewerA!, world.orgA, 2025);
      const analysis = overview.analysis;
      assert.ok(analysis);
      assert.equal(analysis.organisationTotalCostOre, SMALL_LEDGER_FIGURES.totalCostOre);
      assert.equal(analysis.centralItCostOre, SMALL_LEDGER_FIGURES.centralItCostOre);
      assert.equal(analysis.totalItOre, SMALL_LEDGER_FIGURES.totalItOre);
      for (const [pool, ore] of Object.entries(SMALL_LEDGER_FIGURES.pools)) assert.equal(analysis.pools[pool]?.totalOre, ore, pool);
      assert.equal(analysis.pools.software?.centralItOre, 30_000_000);
      assert.equal(analysis.pools.software?.outsideOre, 70_000_000);
      assert.deepEqual(analysis.unmapped, SMALL_LEDGER_FIGURES.unmapped);
      assert.equal(analysis.centralItShare, 136_234_567 / 5_246_234_617);
      await assertAppError(chooseCentralIt(t.ctx, actors.coordinatorA!, world.orgA, 2025, ['999']), 'validation');
    });

    test('a hand-entered total cost replaces the ledger sum', async () => {
      await setTotalCost(t.ctx, actors.coordinatorA!, world.orgA, 2025, 10_000_000_000);
      const overview = await getCostOverview(t.ctx, actors.coordinatorA!, world.orgA, 2025);
      assert.equal(overview.analysis?.organisationTotalCostSource, 'manual');
      assert.equal(overview.analysis?.centralItShare, 136_234_567 / 10_000_000_000);
      await setTotalCost(t.ctx, actors.coordinatorA!, world.orgA, 2025, null);
      assert.equal((await getCostOverview(t.ctx, actors.coordinatorA!, world.orgA, 2025)).analysis?.organisationTotalCostSource, 'ledger');
    });

    test('a broken file stores nothing and keeps the previous ledger; the error names the line', async () => {
      const before = await t.ctx.db.selectFrom('cost_ledgers').select(['id', 'file_hash']).where('organisation_id', '=', world.orgA).executeTakeFirstOrThrow();
      const broken = smallSie().replace('#TRANS 6420 {1 "100"} 300000.00', '#TRANS 6420 {1 "100"} tre-hundra');
      const line = broken.split('\r\n').findIndex((text) => text.includes('tre-hundra')) + 1;
      await assert.rejects(
        importLedger(t.ctx, actors.coordinatorA!, world.orgA, 2025, { fileName: 'trasig.se', format: 'sie', source: source(broken) }),
        (error: unknown) => error instanceof LedgerImportError && error.line === line,
      );
      const after = await t.ctx.db.selectFrom('cost_ledgers').select(['id', 'file_hash']).where('organisation_id', '=', world.orgA).execute();
      assert.deepEqual(after, [before]);
      const rows = await t.ctx.db.selectFrom('cost_ledger_rows').select('account').where('ledger_id', '=', before.id).execute();
      assert.equal(rows.length, 10);
    });

    test('a new file for the same year replaces the old one and keeps the central-IT choice', async () => {
      await importLedger(t.ctx, actors.coordinatorA!, world.orgA, 2025, { fileName: 'ny.se', format: 'sie', source: source(smallSie().replace('"Verifikation 1"', '"Första"')) });
      const ledgers = await t.ctx.db.selectFrom('cost_ledgers').select('file_name').where('organisation_id', '=', world.orgA).execute();
      assert.deepEqual(ledgers, [{ file_name: 'ny.se' }]);
      const overview = await getCostOverview(t.ctx, actors.coordinatorA!, world.orgA, 2025);
      assert.deepEqual(overview.centres.filter((centre) => centre.centralIt).map((centre) => centre.id), ['100']);
      assert.equal(overview.analysis?.centralItCostOre, SMALL_LEDGER_FIGURES.centralItCostOre);
    });

    test('a CSV import needs a column mapping and saves it for next year', async () => {
      await assertAppError(importLedger(t.ctx, actors.coordinatorB!, world.orgB, 2025, { fileName: 'hb.csv', format: 'csv', source: source(smallCsv()) }), 'validation');
      const columns = { account: 'Konto', accountName: 'Kontonamn', costCentre: 'Ansvar', amount: 'Belopp', date: 'Datum' };
      const result = await importLedger(t.ctx, actors.coordinatorB!, world.orgB, 2025, { fileName: 'hb.csv', format: 'csv', source: source(smallCsv()), columns });
      assert.equal(result.rowCount, 9);
      const overview = await getCostOverview(t.ctx, actors.coordinatorB!, world.orgB, 2025);
      assert.deepEqual(overview.columnMapping, columns);
      assert.equal(overview.analysis?.organisationTotalCostOre, SMALL_LEDGER_FIGURES.totalCostOre);
    });

    test('an XLSX import with columns given by number reads the same figures', async () => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('Huvudbok');
      sheet.addRow(['Konto', 'Ansvar', 'Belopp']);
      for (const [account, centre, amount] of SMALL_LEDGER_ROWS) sheet.addRow([Number(account), centre, Number(amount)]);
      const bytes = Buffer.from(await book.xlsx.writeBuffer());
      const columns = { account: '1', costCentre: '2', amount: '3' };
      const result = await importLedger(t.ctx, actors.coordinatorB!, world.orgB, 2024, { fileName: 'hb.xlsx', format: 'xlsx', source: Readable.from([bytes]), columns });
      assert.equal(result.rowCount, 9);
      await chooseCentralIt(t.ctx, actors.coordinatorB!, world.orgB, 2024, ['100']);
      const analysis = (await getCostOverview(t.ctx, actors.coordinatorB!, world.orgB, 2024)).analysis;
      assert.equal(analysis?.organisationTotalCostOre, SMALL_LEDGER_FIGURES.totalCostOre);
      assert.equal(analysis?.centralItCostOre, SMALL_LEDGER_FIGURES.centralItCostOre);
      // Without account names the name-based rules cannot apply: 6420 and 6810 fall to the group rules.
      assert.equal(analysis?.pools.other?.centralItOre, 30_000_000);
      assert.equal(analysis?.pools.telecom?.centralItOre, 5_000_000);
      assert.deepEqual((await getCostOverview(t.ctx, actors.coordinatorB!, world.orgB, 2024)).columnMapping, { account: '1', accountName: null, costCentre: '2', amount: '3', date: null });
    });

    test('who may do what: viewers read, members of other organisations see nothing, federation analysts and operators manage', async () => {
      const upload = (actor: UserActor) => importLedger(t.ctx, actor, world.orgA, 2026, { fileName: 'a.se', format: 'sie', source: source(smallSie({ year: 2026 })) });
      await assertAppError(upload(actors.viewerA!), 'forbidden');
      await assertAppError(upload(actors.coordinatorB!), 'not_found');
      await assertAppError(getCostOverview(t.ctx, actors.coordinatorB!, world.orgA, 2025), 'not_found');
      await assertAppError(chooseCentralIt(t.ctx, actors.viewerA!, world.orgA, 2025, ['100']), 'forbidden');
      await assertAppError(saveTowers(t.ctx, actors.viewerA!, world.orgA, 2025, {}), 'forbidden');
      await assertAppError(saveRulesCsv(t.ctx, actors.viewerA!, world.orgA, 'from,to,pool\n1,2,other\n'), 'forbidden');
      assert.equal((await upload(actors.analyst!)).rowCount, 18);
      assert.equal((await upload(actors.operator!)).rowCount, 18);
      assert.equal(await t.ctx.db.selectFrom('cost_ledgers').select('id').where('organisation_id', '=', world.orgA).where('year', '=', 2026).execute().then((rows) => rows.length), 1);
    });

    test('own rules: adding a rule for an unmapped account copies the defaults first; reset returns to them', async () => {
      assert.equal((await getRuleSet(t.ctx, actors.viewerA!, world.orgA)).source, 'default');
      const defaults = (await getRuleSet(t.ctx, actors.viewerA!, world.orgA)).rules.length;
      await addAccountRule(t.ctx, actors.coordinatorA!, world.orgA, '6710', 'other', 'Okänt konto');
      const own = await getRuleSet(t.ctx, actors.viewerA!, world.orgA);
      assert.equal(own.source, 'own');
      assert.equal(own.rules.length, defaults + 1);
      assert.deepEqual({ ...own.rules[0], line: undefined }, { from: '6710', to: '6710', pool: 'other', nameContains: null, comment: 'Okänt konto', line: undefined });
      const analysis = (await getCostOverview(t.ctx, actors.viewerA!, world.orgA, 2025)).analysis;
      assert.deepEqual(analysis?.unmapped, []);
      assert.equal(analysis?.pools.other?.centralItOre, 1_234_567);
      await assertAppError(addAccountRule(t.ctx, actors.coordinatorA!, world.orgA, '67x', 'other', null), 'validation');
      await assertAppError(addAccountRule(t.ctx, actors.coordinatorA!, world.orgA, '6710', 'cloud', null), 'validation');
      assert.equal(await saveRulesCsv(t.ctx, actors.coordinatorA!, world.orgA, 'from,to,pool,name_contains\n6000,6999,software,\n'), 1);
      assert.equal((await getCostOverview(t.ctx, actors.viewerA!, world.orgA, 2025)).analysis?.pools.software?.centralItOre, 30_000_000 + 5_000_000 + 1_234_567);
      await resetRules(t.ctx, actors.coordinatorA!, world.orgA);
      assert.equal((await getRuleSet(t.ctx, actors.viewerA!, world.orgA)).source, 'default');
    });

    test('IT towers keep FTE to two decimals and cost in öre', async () => {
      await saveTowers(t.ctx, actors.coordinatorA!, world.orgA, 2025, {
        infrastructure: { fte: 3.25, costOre: 250_000_000 },
        end_user_services: { fte: 2, costOre: null },
        application_services: { fte: 1.5, costOre: null },
      });
      const overview = await getCostOverview(t.ctx, actors.viewerA!, world.orgA, 2025);
      assert.deepEqual(overview.towers, {
        infrastructure: { fte: 3.25, costOre: 250_000_000 },
        end_user_services: { fte: 2, costOre: null },
        application_services: { fte: 1.5, costOre: null },
      });
      await assertAppError(saveTowers(t.ctx, actors.coordinatorA!, world.orgA, 2025, { infrastructure: { fte: -1 } }), 'validation');
    });

    test('the federation comparison is anonymised, highlights the viewer and needs three members with figures', async () => {
      let view = await getCostComparison(t.ctx, actors.coordinatorA!, world.orgA, 2025);
      assert.equal(view?.membersWithLedger, 2);
      assert.equal(view?.tooFew, true);
      assert.equal(view?.comparison, null);
      // A third member with a smaller IT share (all of its IT on one cost centre that is half the rest).
      const orgC = await insertOrganisation(t.ctx, { name: 'Gamma kommun', kind: 'kommun', federationId: world.federationId });
      await importLedger(t.ctx, actors.operator!, orgC, 2025, { fileName: 'c.se', format: 'sie', source: source(smallSie({ rows: [['5010', '100', '100.00'], ['5010', '200', '9900.00']] })) });
      await chooseCentralIt(t.ctx, actors.operator!, orgC, 2025, ['100']);
      await chooseCentralIt(t.ctx, actors.coordinatorB!, world.orgB, 2025, ['100']);
      view = await getCostComparison(t.ctx, actors.coordinatorA!, world.orgA, 2025);
      const comparison = view?.comparison;
      assert.ok(comparison);
      // Gamma 1 % first; Alfa and Beta share 2.597 % (in either order). Each keeps its one number
      // of the federation, whatever the order of the bars.
      const numbers = studyNumbering([world.orgA, world.orgB, orgC]);
      assert.equal(comparison.members[0]?.label, numbers.get(orgC));
      assert.deepEqual(comparison.members.map((member) => member.label).sort(), [...numbers.values()].sort());
      assert.equal(comparison.members.find((member) => member.isViewer)?.label, numbers.get(world.orgA));
      assert.equal(comparison.members[0]?.isViewer, false);
      assert.equal(comparison.members[0]?.centralItShare, 0.01);
      assert.equal(comparison.members.filter((member) => member.isViewer).length, 1);
      assert.equal(comparison.members.find((member) => member.isViewer)?.memberId, world.orgA);
      assert.ok(comparison.members.every((member) => member.isViewer || member.memberId === null));
      const expectedAverage = (0.01 + 2 * (136_234_567 / 5_246_234_617)) / 3;
      assert.ok(Math.abs((comparison.average.centralItShare ?? 0) - expectedAverage) < 1e-12);
      // Towers: only Alfa has entered them, so the average tower mix is Alfa's mix by FTE.
      assert.deepEqual(comparison.average.towerMix, { infrastructure: 3.25 / 6.75, end_user_services: 2 / 6.75, application_services: 1.5 / 6.75, steer_and_support: 0 });
      // A member that opted out of benchmarks is left out for the others.
      await t.ctx.db.updateTable('organisations').set({ benchmark_opt_out: 1 }).where('id', '=', orgC).execute();
      view = await getCostComparison(t.ctx, actors.coordinatorA!, world.orgA, 2025);
      assert.equal(view?.tooFew, true);
      // The federation's own analyst sees every member (still numbered, none highlighted), opted-out ones excepted.
      const federationView = await getCostComparison(t.ctx, actors.analyst!, world.federationId, 2025);
      assert.equal(federationView?.tooFew, false);
      assert.equal(federationView?.comparison?.members.length, 2);
      assert.ok(federationView?.comparison?.members.every((member) => !member.isViewer));
      // The comparison's analyses are cached by what they depend on: a new central-IT choice, a
      // new total and new rules all show at once.
      const shares = async () => (await getCostComparison(t.ctx, actors.analyst!, world.federationId, 2025))?.comparison?.members.map((member) => member.centralItShare);
      const share = 136_234_567 / 5_246_234_617;
      assert.deepEqual(await shares(), [share, share]);
      await chooseCentralIt(t.ctx, actors.coordinatorB!, world.orgB, 2025, []);
      assert.deepEqual(await shares(), [0, share]);
      await setTotalCost(t.ctx, actors.coordinatorA!, world.orgA, 2025, 136_234_567 * 10);
      assert.deepEqual(await shares(), [0, 0.1]);
      await saveRulesCsv(t.ctx, actors.coordinatorA!, world.orgA, 'from,to,pool,name_contains\n4000,7999,other,\n');
      const mix = (await getCostComparison(t.ctx, actors.analyst!, world.federationId, 2025))?.comparison?.members[1]?.poolMix;
      assert.equal(mix?.other, 1);
    });
  });
}
