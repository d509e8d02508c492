// The respondent upload forgives what spreadsheets produce (mixed line ends, one role in several
// spellings) and says "did you mean …?" for a unit spelled almost right, listing every row error
// in the error summary at the top. Its CSRF token is a form field: never in a URL, and a file
// without one is refused before anything is read.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SmallWorld } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { textOf, type TestBrowser } from '../../../test/support/test-browser.ts';
import { insertRound } from './repository.ts';

for (const dialect of testDialects()) {
  describe(`a forgiving respondent upload (${dialect})`, () => {
    let t: TestApp;
    let world: SmallWorld;
    let loggedIn: LoggedInWorld;
    let coordinator: TestBrowser;

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect);
      ({ t, world } = loggedIn);
      coordinator = await loggedIn.as('coordinatorA');
    });
    after(async () => loggedIn.close());

    // One round per organisation, year and instrument: each test takes its own year.
    let year = 2030;
    const newRound = (name: string) => insertRound(t.ctx, world.orgA, { name, year: year++, instrumentKeys: ['digital-mognad'], openLink: false });
    const rowsOf = (roundId: string) =>
      t.ctx.db.selectFrom('respondents').select(['email', 'role', 'unit_id']).where('round_id', '=', roundId).orderBy('email').execute();
    const upload = async (roundId: string, content: string) => {
      await coordinator.get(`/rounds/${roundId}`);
      return coordinator.upload(`/rounds/${roundId}/respondents/upload`, { name: 'respondenter.csv', content });
    };

    test('mixed CRLF and LF line ends import every row, and one role in several spellings is stored in one', async () => {
      const roundId = await newRound('Radslut 2026');
      const csv = 'e-post;roll;enhet\r\nanna@alfa.example;Enhetschef;Hemtjänst\nbo@alfa.example;ENHETSCHEF ;Skolförvaltningen\r\ncia@alfa.example;enhetschef;\ndan@alfa.example;IT-chef;\r\n';
      const response = await upload(roundId, csv);
      assert.equal(response.status, 303, textOf(response.body).slice(0, 500));
      assert.deepEqual(
        (await rowsOf(roundId)).map((row) => [row.email, row.role, row.unit_id]),
        [
          ['anna@alfa.example', 'Enhetschef', world.units.homeCare],
          ['bo@alfa.example', 'Enhetschef', world.units.school],
          ['cia@alfa.example', 'Enhetschef', null],
          ['dan@alfa.example', 'IT-chef', null],
        ],
      );
    });

    test("the round's own spelling of a role wins over a later file's, and over the form's", async () => {
      const roundId = await newRound('Roller 2026');
      await coordinator.get(`/rounds/${roundId}`);
      assert.equal((await coordinator.post(`/rounds/${roundId}/respondents`, { email: 'eva@alfa.example', name: '', role: 'Förvaltningschef', unitId: '' })).status, 303);
      assert.equal((await upload(roundId, 'e-post;roll\nfia@alfa.example;FÖRVALTNINGSCHEF\n')).status, 303);
      await coordinator.get(`/rounds/${roundId}`);
      assert.equal((await coordinator.post(`/rounds/${roundId}/respondents`, { email: 'gun@alfa.example', name: '', role: 'förvaltningschef', unitId: '' })).status, 303);
      assert.deepEqual(
        (await rowsOf(roundId)).map((row) => row.role),
        ['Förvaltningschef', 'Förvaltningschef', 'Förvaltningschef'],
      );
    });

    test('a unit spelled almost right is a row error that suggests the unit, listed in the summary at the top; nothing is imported', async () => {
      const roundId = await newRound('Enheter 2026');
      const csv = 'e-post;enhet\nanna@alfa.example;Socialforvaltningen / Hemtjanst\nbo@alfa.example;Skolförvaltning\ncia@alfa.example;Finansförvaltningen\n';
      const response = await upload(roundId, csv);
      assert.equal(response.status, 422);
      const text = textOf(response.body);
      assert.match(text, /Rad 2: Enheten ”Socialforvaltningen \/ Hemtjanst” finns inte.*Menade du ”Socialförvaltningen \/ Hemtjänst”\?/);
      assert.match(text, /Rad 3: Enheten ”Skolförvaltning” finns inte.*Menade du ”Skolförvaltningen”\?/);
      assert.doesNotMatch(text, /Rad 4:[^.]*\. Menade du/);
      assert.deepEqual(await rowsOf(roundId), []);

      const summary = /<div class="error-summary" role="alert"[^>]*>([\s\S]*?)<\/div>/.exec(response.body)?.[1] ?? '';
      assert.match(response.body, /<div class="error-summary" role="alert"[^>]*tabindex="-1"/i, 'the summary takes focus');
      const links = [...summary.matchAll(/<a href="#([^"]+)">([\s\S]*?)<\/a>/g)].map((link) => [link[1], textOf(link[2] ?? '')]);
      assert.equal(links[0]?.[0], 'respondent-file');
      assert.deepEqual(
        links.slice(1).map(([href, message]) => [href, message?.slice(0, 6)]),
        [
          ['upload-problem-1', 'Rad 2:'],
          ['upload-problem-2', 'Rad 3:'],
          ['upload-problem-3', 'Rad 4:'],
        ],
      );
      for (const [href] of links.slice(1)) assert.match(response.body, new RegExp(`<li id="${href}">`), `${href} is a row error below the field`);
    });

    test('an upload without the CSRF field, or with it only in the URL, is refused and writes nothing; with the field it works', async () => {
      const roundId = await newRound('Token 2026');
      const file = { name: 'respondenter.csv', content: 'e-post\nanna@alfa.example\n' };
      await coordinator.get(`/rounds/${roundId}`);
      const without = await coordinator.upload(`/rounds/${roundId}/respondents/upload`, file, { csrf: false });
      assert.equal(without.status, 403);
      const inUrl = await coordinator.upload(`/rounds/${roundId}/respondents/upload?_csrf=${encodeURIComponent(coordinator.csrfToken())}`, file, { csrf: false });
      assert.equal(inUrl.status, 403);
      assert.deepEqual(await rowsOf(roundId), []);

      assert.equal((await upload(roundId, file.content)).status, 303);
      assert.deepEqual((await rowsOf(roundId)).map((row) => row.email), ['anna@alfa.example']);
    });

    test('no page with an upload form puts the CSRF token in a link or a form action', async () => {
      const roundId = await newRound('Sidor 2026');
      const operator = await loggedIn.as('operator');
      const pages: Array<[TestBrowser, string]> = [
        [coordinator, `/rounds/${roundId}/respondents`],
        [coordinator, `/org/${world.orgA}/costs/2025`],
        [operator, '/operator/benchmarks'],
      ];
      for (const [browser, url] of pages) {
        const page = await browser.get(url);
        assert.equal(page.status, 200, url);
        assert.match(page.body, /enctype="multipart\/form-data"/, `${url} has an upload form`);
        assert.doesNotMatch(page.body, /(?:href|action)="[^"]*_csrf=/, `${url}: no token in a URL`);
        assert.match(page.body, /enctype="multipart\/form-data"[^>]*>\s*<input type="hidden" name="_csrf" value="[^"]+"/, `${url}: the token is the form's first field`);
      }
    });
  });
}
