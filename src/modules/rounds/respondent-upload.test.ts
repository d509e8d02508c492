// Uploading respondent lists through the page: good files import, every bad file gets a clear
// message and imports nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { SmallWorld } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import type { TestBrowser} from '../../../test/support/test-browser.ts';
import { textOf } from '../../../test/support/test-browser.ts';
import { insertRound } from './repository.ts';

for (const dialect of testDialects()) {
  describe(`respondent upload (${dialect})`, () => {
    let t: TestApp;
    let world: SmallWorld;
    let loggedIn: LoggedInWorld;
    let coordinator: TestBrowser;
    let roundId: string;

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect);
      ({ t, world } = loggedIn);
      roundId = await insertRound(t.ctx, world.orgA, { name: 'Alfa 2026', year: 2026, instrumentKeys: ['digital-mognad'], openLink: false });
      coordinator = await loggedIn.as('coordinatorA');
    });
    after(async () => loggedIn.close());

    const count = async () => (await t.ctx.db.selectFrom('respondents').select('id').where('round_id', '=', roundId).execute()).length;
    const upload = async (name: string, content: Buffer | string, type?: string) => {
      await coordinator.get(`/rounds/${roundId}`);
      return coordinator.upload(`/rounds/${roundId}/respondents/upload`, { name, content, type });
    };

    const rejected = [
      { name: 'wrong columns', file: 'adress;namn\nanna@alfa.example;Anna\n', expect: /e-post/i },
      { name: 'bad e-mails', file: 'e-post;namn\nanna@alfa.example;Anna\nbo@;Bo\ncecilia alfa.example;Cecilia\n', expect: /Rad 3/ },
      { name: 'duplicates', file: 'e-post\nanna@alfa.example\nANNA@alfa.example\n', expect: /Rad 3/ },
      { name: 'an empty file', file: '', expect: /tom/i },
      { name: 'an unknown unit', file: 'e-post;enhet\nanna@alfa.example;Finansförvaltningen\n', expect: /Finansförvaltningen/ },
      { name: 'a non-CSV', file: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), expect: /CSV|Excel/ },
    ];
    for (const { name, file, expect } of rejected) {
      test(`${name}: a clear message, and nothing imported`, async () => {
        const response = await upload('respondenter.csv', file);
        assert.equal(response.status, 422, textOf(response.body).slice(0, 300));
        const text = textOf(response.body);
        assert.match(text, /Inget importerades/);
        assert.match(text, expect);
        assert.equal(await count(), 0);
      });
    }

    test('a 50 MB file is cut off while streaming and imports nothing', async () => {
      const row = 'someone@alfa.example;Någon Person;Enhetschef\n';
      const big = Buffer.from(`e-post;namn;roll\n${row.repeat(Math.ceil((50 * 1024 * 1024) / row.length))}`);
      const response = await upload('stor.csv', big);
      assert.ok([413, 422].includes(response.status), `status ${response.status}`);
      assert.match(textOf(response.body), /MB|för stor/i);
      assert.equal(await count(), 0);
    });

    test('no file chosen', async () => {
      await coordinator.get(`/rounds/${roundId}`);
      const response = await coordinator.post(`/rounds/${roundId}/respondents/upload`, {});
      assert.equal(response.status, 400);
      assert.match(textOf(response.body), /Välj en fil/);
    });

    test('a good CSV imports every row with unit and role', async () => {
      const csv = 'e-post;namn;roll;enhet\nanna@alfa.example;Anna Ek;Förvaltningschef;Socialförvaltningen / Hemtjänst\nbo@alfa.example;Bo Ek;IT-chef;Skolförvaltningen\n';
      const response = await upload('respondenter.csv', csv);
      assert.equal(response.status, 303, textOf(response.body).slice(0, 500));
      const rows = await t.ctx.db.selectFrom('respondents').selectAll().where('round_id', '=', roundId).orderBy('email').execute();
      assert.deepEqual(rows.map((row) => [row.email, row.role, row.unit_id]), [
        ['anna@alfa.example', 'Förvaltningschef', world.units.homeCare],
        ['bo@alfa.example', 'IT-chef', world.units.school],
      ]);
    });

    test('a good XLSX imports too, and a second upload with the same people is refused as duplicates', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Respondenter');
      sheet.addRow(['E-post', 'Namn']);
      sheet.addRow(['cecilia@alfa.example', 'Cecilia']);
      const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
      const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      const first = await upload('lista.xlsx', xlsx, type);
      assert.equal(first.status, 303);
      assert.equal(await count(), 3);
      const second = await upload('lista.xlsx', xlsx, type);
      assert.equal(second.status, 422);
      assert.match(textOf(second.body), /cecilia@alfa\.example/);
      assert.equal(await count(), 3);
    });

    test('the template downloads as CSV', async () => {
      const response = await coordinator.get(`/rounds/${roundId}/respondents/template.csv`);
      assert.equal(response.status, 200);
      assert.match(String(response.headers['content-disposition']), /attachment/);
      assert.match(response.body, /E-post/i);
    });
  });
}
