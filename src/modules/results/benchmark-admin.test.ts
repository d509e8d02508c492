// The operator's reference values (CSV import: all or nothing, each problem with its row) and
// benchmark participation, through HTTP on both databases.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type SmallWorld } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import type { TestBrowser} from '../../../test/support/test-browser.ts';
import { textOf } from '../../../test/support/test-browser.ts';
import { parseReferenceCsv } from './reference-values.ts';

for (const dialect of testDialects()) {
  describe(`benchmark administration (${dialect})`, () => {
    let t: TestApp;
    let world: SmallWorld;
    let loggedIn: LoggedInWorld;
    let operator: TestBrowser;
    let coordinator: TestBrowser;

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect);
      ({ t, world } = loggedIn);
      operator = await loggedIn.as('operator');
      coordinator = await loggedIn.as('coordinatorA');
    });
    after(async () => loggedIn.close());

    const upload = async (content: string) => {
      await operator.get('/operator/benchmarks');
      return operator.upload('/operator/benchmarks/reference-values', { name: 'referens.csv', content, type: 'text/csv' });
    };

    test('only the operator reaches the page', async () => {
      assert.equal((await coordinator.get('/operator/benchmarks')).status, 403);
      assert.equal((await coordinator.post('/operator/benchmarks/participation', { organisationId: world.orgA, participates: '0' })).status, 403);
      const page = await operator.get('/operator/benchmarks');
      assert.equal(page.status, 200);
      assert.match(textOf(page.body), /Alfa kommun/);
      assert.match((await operator.get('/operator')).body, /href="\/operator\/benchmarks"/);
    });

    test('a file with mistakes is refused as a whole, with every row named', async () => {
      const response = await upload(
        [
          'instrument;version;year;measure;value;source',
          'digital-mognad;2026;2025;maturity-percent;47;Nationell rapport',
          'digital-mognad;2026;2025;formaga;7,5;Nationell rapport',
          'digital-mognad;2026;tjugo;arv;3;Nationell rapport',
          'digital-mognad;2026;2025;okand;3;Nationell rapport',
          'okänt;1;2025;arv;3;Nationell rapport',
          'digital-mognad;2026;2025;arv;3;',
        ].join('\n'),
      );
      assert.equal(response.status, 422);
      const text = textOf(response.body);
      assert.match(text, /Rad 3: värdet ”7,5” ska vara ett tal från 0 till 6/);
      assert.match(text, /Rad 4: året ”tjugo”/);
      assert.match(text, /Rad 5: ”okand” är varken/);
      assert.match(text, /Rad 6: det finns inget frågeformulär ”okänt 1”/);
      assert.match(text, /Rad 7: källan saknas/);
      assert.match(response.body, /class="error-summary"/);
      const stored = await t.ctx.db.selectFrom('reference_values').selectAll().execute();
      assert.equal(stored.length, 0, 'nothing stored');
    });

    test('a good file is stored, and importing the same source again replaces it', async () => {
      const first = await upload('instrument,version,year,measure,value,source\ndigital-mognad,2026,2025,maturity-percent,47,Rapport A\ndigital-mognad,2026,2025,formaga,2.95,Rapport A\n');
      assert.equal(first.status, 303);
      const again = await upload('instrument,version,year,measure,value,source\ndigital-mognad,2026,2025,formaga,3.1,Rapport A\n');
      assert.equal(again.status, 303);
      const rows = await t.ctx.db.selectFrom('reference_values').select(['measure', 'value_milli', 'source']).execute();
      assert.deepEqual(rows.map((row) => [row.measure, Number(row.value_milli), row.source]), [['formaga', 3100, 'Rapport A']]);
      const page = await operator.get('/operator/benchmarks');
      assert.match(textOf(page.body), /Rapport A/);
      await operator.post('/operator/benchmarks/reference-values/remove', { instrument: 'digital-mognad', version: '2026', year: '2025', source: 'Rapport A' });
      assert.equal((await t.ctx.db.selectFrom('reference_values').selectAll().execute()).length, 0);
    });

    test('the number of organisations a source rests on is stored when given, and checked row by row', async () => {
      const refused = await upload(
        [
          'instrument,version,year,measure,value,source,organisations',
          'digital-mognad,2026,2025,maturity-percent,47,Rapport B,120',
          'digital-mognad,2026,2025,formaga,2.9,Rapport B,121',
          'digital-mognad,2026,2025,arv,2.8,Rapport C,tolv',
          'digital-mognad,2026,2025,formaga,2.8,Rapport D,0',
        ].join('\n'),
      );
      assert.equal(refused.status, 422);
      const text = textOf(refused.body);
      assert.match(text, /Rad 3: antalet organisationer skiljer sig från rad 2/);
      assert.match(text, /Rad 4: antalet organisationer ”tolv” ska vara ett heltal/);
      assert.match(text, /Rad 5: antalet organisationer ”0” ska vara ett heltal/);
      assert.equal((await t.ctx.db.selectFrom('reference_values').selectAll().execute()).length, 0, 'nothing stored');

      const stored = await upload('instrument,version,year,measure,value,source,organisations\ndigital-mognad,2026,2025,maturity-percent,47,Rapport B,1 120\ndigital-mognad,2026,2025,formaga,2.9,Rapport E,\n');
      assert.equal(stored.status, 303);
      const rows = await t.ctx.db.selectFrom('reference_values').select(['source', 'organisations']).orderBy('source').execute();
      assert.deepEqual(rows.map((row) => [row.source, row.organisations === null ? null : Number(row.organisations)]), [['Rapport B', 1120], ['Rapport E', null]]);
      for (const source of ['Rapport B', 'Rapport E']) await operator.post('/operator/benchmarks/reference-values/remove', { instrument: 'digital-mognad', version: '2026', year: '2025', source });
    });

    test('an organisation can be taken out of comparisons and back', async () => {
      await operator.get('/operator/benchmarks');
      const off = await operator.post('/operator/benchmarks/participation', { organisationId: world.orgB, participates: '0' });
      assert.equal(off.status, 303);
      const read = async () => (await t.ctx.db.selectFrom('organisations').select('benchmark_opt_out').where('id', '=', world.orgB).executeTakeFirstOrThrow()).benchmark_opt_out;
      assert.equal(Number(await read()), 1);
      assert.match(textOf((await operator.follow(off)).body), /Beta kommun deltar inte längre i jämförelser/);
      await operator.post('/operator/benchmarks/participation', { organisationId: world.orgB, participates: '1' });
      assert.equal(Number(await read()), 0);
    });
  });
}

describe('parseReferenceCsv', () => {
  const instrument = { key: 'x' } as never;
  test('names a missing header and duplicate rows', () => {
    assert.deepEqual(parseReferenceCsv('a,b\n1,2\n', () => instrument), { ok: false, problems: [{ code: 'header' }] });
    assert.deepEqual(parseReferenceCsv('instrument,version,year,measure,value,source\n', () => instrument), { ok: false, problems: [{ code: 'empty' }] });
  });
});
