// Joint assessments through HTTP on every dialect: the coordinator fills in the information-
// security survey from the round page, a named respondent fills in the capability map through a
// personal link, results and recommendations follow the answers, access follows the policy, and
// the federation view names only the viewer's own organisation.
import assert from 'node:assert/strict';
import { studyNumbering } from '../../domain/disclosure/member-numbering.ts';
import { after, before, describe, test } from 'node:test';
import type { SmallWorld } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import type { TestBrowser} from '../../../test/support/test-browser.ts';
import { textOf } from '../../../test/support/test-browser.ts';

const STYRNING = [
  'forsta-kommunens-prioriteringar',
  'satta-tydliga-mal-for-digitalisering',
  'omsatta-mal-och-uppdrag-till-verksamhet',
  'prioritera-utifran-tid-kvalitet-och-resurser',
  'fatta-och-verkstalla-beslut',
  'utvardera-insatser-resultat-och-effekter',
  'leda-utifran-en-helhetssyn',
  'sakerstalla-finansiering',
];

for (const dialect of testDialects()) {
  describe(`joint assessments (${dialect})`, () => {
    let t: TestApp;
    let world: SmallWorld;
    let loggedIn: LoggedInWorld;
    const browsers: Partial<Record<keyof SmallWorld['users'], TestBrowser>> = {};
    let roundA: string;

    const createRound = async (browser: TestBrowser, orgId: string, instruments: string[]) => {
      await browser.get(`/org/${orgId}/rounds/new`);
      const created = await browser.post(`/org/${orgId}/rounds`, { name: 'Bedömningar 2026', year: '2026', instruments, threshold: '3' });
      assert.equal(created.status, 303, textOf(created.body));
      const roundId = created.location!.split('/').pop()!;
      await browser.get(`/rounds/${roundId}`);
      await browser.post(`/rounds/${roundId}/open`, {});
      return roundId;
    };

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect);
      ({ t, world } = loggedIn);
      for (const role of Object.keys(world.users) as (keyof SmallWorld['users'])[]) browsers[role] = await loggedIn.as(role);
      roundA = await createRound(browsers.coordinatorA!, world.orgA, ['informationssakerhet', 'formagekarta']);
    });
    after(async () => loggedIn.close());

    test('the round page lists both joint assessments, not started, filled in by the coordinator', async () => {
      const page = await browsers.coordinatorA!.get(`/rounds/${roundA}`);
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      assert.match(text, /Gemensamma bedömningar/);
      assert.match(text, /Fyll i informationssäkerhet/);
      assert.match(text, /Fyll i förmågekarta för den digitala motorn/);
      assert.equal((text.match(/Inte påbörjad/g) ?? []).length, 2);
      assert.match(page.body, /href="\/rounds\/[^"]+\/joint\/assign"/);
    });

    test('a value off the scale is refused with an error summary linking to the field', async () => {
      const coordinator = browsers.coordinatorA!;
      await coordinator.get(`/rounds/${roundA}/joint/informationssakerhet/page/2`);
      const bad = await coordinator.post(`/rounds/${roundA}/joint/informationssakerhet/page/2`, { 'a.klassning-etablerat': '7' });
      assert.equal(bad.status, 400);
      assert.match(bad.body, /class="error-summary"/);
      assert.match(bad.body, /href="#q-klassning-etablerat-1"/, 'links to the first radio (yes)');
      const target = await coordinator.post(`/rounds/${roundA}/joint/informationssakerhet/page/2`, { 'c.ledning-etablerat': 'Bara en kommentar' });
      assert.equal(target.status, 400, 'a comment without an answer is refused');
      assert.match(textOf(target.body), /Välj ett svar på/);
    });

    test('the coordinator answers; a follow-up after "no" is dropped; results show the index and the fitting recommendations', async () => {
      const coordinator = browsers.coordinatorA!;
      await coordinator.get(`/rounds/${roundA}/joint/informationssakerhet/page/1`);
      const first = await coordinator.post(`/rounds/${roundA}/joint/informationssakerhet/page/1`, { 'a.har-ciso': '1', 'a.ciso-timmar': '2', 'c.har-ciso': 'Delad med dataskyddsombudet', action: 'next' });
      assert.equal(first.status, 303);
      assert.match(first.location!, /\/joint\/informationssakerhet\/page\/2$/);
      await coordinator.get(first.location!);
      const second = await coordinator.post(`/rounds/${roundA}/joint/informationssakerhet/page/2`, {
        'a.ledning-etablerat': '1',
        'a.ledning-grad': '3',
        'a.risk-etablerat': '0',
        'a.risk-grad': '4',
      });
      assert.match(second.location!, /\/review$/);
      const stored = await t.ctx.db.selectFrom('answers').select(['item_key', 'value', 'comment']).orderBy('item_key').execute();
      assert.deepEqual(
        stored.map((row) => [row.item_key, row.value]),
        [['ciso-timmar', 2], ['har-ciso', 1], ['ledning-etablerat', 1], ['ledning-grad', 3], ['risk-etablerat', 0]],
        'risk-grad was dropped because risk is not established',
      );
      assert.equal(stored.find((row) => row.item_key === 'har-ciso')?.comment, 'Delad med dataskyddsombudet');

      const review = textOf((await coordinator.get(`/rounds/${roundA}/joint/informationssakerhet/review`)).body);
      assert.match(review, /11–20 timmar/);
      assert.match(review, /Kommentar: Delad med dataskyddsombudet/);
      assert.match(review, /3 – Till stor del infört/);
      assert.doesNotMatch(review, /I vilken grad har ni infört arbetssättet: risker hanteras/, 'a follow-up that does not apply is not listed');

      const submitted = await coordinator.post(`/rounds/${roundA}/joint/informationssakerhet/submit`, {});
      assert.match(submitted.location!, /\/results$/);
      const results = await coordinator.get(submitted.location!);
      assert.equal(results.status, 200);
      const text = textOf(results.body);
      // (3/4 + 0) / 2 answered practices × 100 = 37,5
      assert.match(results.body, /data-testid="practice-index">37,5</);
      assert.match(results.body, /data-testid="practices-established">1 \/ 7</);
      assert.match(text, /Ge samordnaren mer tid för informationssäkerhet/);
      assert.match(text, /Inför ett gemensamt sätt att hantera risker/);
      assert.match(text, /Inför ett arbetssätt för incidenter/);
      assert.doesNotMatch(text, /Sätt informationssäkerheten på ledningens dagordning/, 'management review is established to degree 3');
      assert.doesNotMatch(text, /Bygg ett ledningssystem/);
      assert.match(text, /Frågas bara vid ja/, 'the answer table marks the dropped follow-up');

      const round = textOf((await coordinator.get(`/rounds/${roundA}`)).body);
      assert.match(round, /Inskickad/);
      const english = textOf((await browsers.viewerA!.get(`${submitted.location!}?lang=en`)).body);
      await browsers.viewerA!.get(`${submitted.location!}?lang=sv`);
      assert.match(english, /Recommendations/);
      assert.match(english, /Give the coordinator more time for information security/);
      assert.match(english, /Asked only after yes/);
    });

    test('the coordinator reopens a submitted assessment, changes an answer and submits again', async () => {
      const coordinator = browsers.coordinatorA!;
      const round = await coordinator.get(`/rounds/${roundA}`);
      assert.match(textOf(round.body), /Ändra svaren i informationssäkerhet/);
      const reopened = await coordinator.post(`/rounds/${roundA}/joint/informationssakerhet/reopen`, {});
      assert.equal(reopened.status, 303);
      const hidden = await coordinator.get(`/rounds/${roundA}/joint/informationssakerhet/results`);
      assert.match(textOf(hidden.body), /Det finns inga inskickade svar ännu/);
      await coordinator.get(`/rounds/${roundA}/joint/informationssakerhet/page/2`);
      await coordinator.post(`/rounds/${roundA}/joint/informationssakerhet/page/2`, { 'a.ledning-etablerat': '1', 'a.ledning-grad': '4', 'a.risk-etablerat': '0' });
      await coordinator.get(`/rounds/${roundA}/joint/informationssakerhet/review`);
      await coordinator.post(`/rounds/${roundA}/joint/informationssakerhet/submit`, {});
      const results = await coordinator.get(`/rounds/${roundA}/joint/informationssakerhet/results`);
      // (4/4 + 0) / 2 × 100 = 50,0
      assert.match(results.body, /data-testid="practice-index">50,0</);
      assert.equal((await browsers.viewerA!.post(`/rounds/${roundA}/joint/informationssakerhet/reopen`, {})).status, 403);
    });

    test('results are readable by the organisation and its federation, hidden from others; only coordinators fill in', async () => {
      const url = `/rounds/${roundA}/joint/informationssakerhet/results`;
      assert.equal((await browsers.viewerA!.get(url)).status, 200);
      assert.equal((await browsers.analyst!.get(url)).status, 200);
      assert.equal((await browsers.coordinatorB!.get(url)).status, 404);
      assert.equal((await loggedIn.anonymous().get(url)).status, 302);
      const viewer = browsers.viewerA!;
      await viewer.get(url);
      assert.equal((await viewer.post(`/rounds/${roundA}/joint/formagekarta/page/1`, { 'a.avveckla-niva': '2' })).status, 403);
      assert.equal((await viewer.get(`/rounds/${roundA}/joint/assign`)).status, 403);
      const png = await browsers.viewerA!.get(`${url}/charts/practice-scores.png`);
      assert.equal(png.status, 200);
      assert.equal(png.headers['content-type'], 'image/png');
    });

    test('a named respondent gets a personal link and fills in the capability map with levels, a target and a comment', async () => {
      const coordinator = browsers.coordinatorA!;
      await coordinator.get(`/rounds/${roundA}/joint/assign`);
      const bad = await coordinator.post(`/rounds/${roundA}/joint/assign`, { name: 'Nora Namn', email: 'inte-en-adress' });
      assert.equal(bad.status, 400);
      assert.match(bad.body, /href="#joint-email"/);
      const ok = await coordinator.post(`/rounds/${roundA}/joint/assign`, { name: 'Nora Namn', email: 'Nora@Alfa.example' });
      assert.equal(ok.status, 303);
      const mail = t.mail.sent.find((candidate) => candidate.to === 'nora@alfa.example');
      assert.ok(mail, 'the named respondent is mailed');
      assert.match(mail.text, /förmågekarta för den digitala motorn/);
      let link = /http:\/\/mogna\.test(\/s\/[A-Za-z0-9_-]+)/.exec(mail.text)![1]!;

      // Naming someone else ends the first person's link; naming Nora again gives her a new one.
      await coordinator.get(`/rounds/${roundA}/joint/assign`);
      await coordinator.post(`/rounds/${roundA}/joint/assign`, { name: 'Olle Annan', email: 'olle@alfa.example' });
      assert.equal((await loggedIn.anonymous().get(link)).status, 404, 'the earlier link no longer works');
      await coordinator.get(`/rounds/${roundA}/joint/assign`);
      await coordinator.post(`/rounds/${roundA}/joint/assign`, { name: 'Nora Namn', email: 'nora@alfa.example' });
      const newest = [...t.mail.sent].reverse().find((candidate) => candidate.to === 'nora@alfa.example')!;
      link = /http:\/\/mogna\.test(\/s\/[A-Za-z0-9_-]+)/.exec(newest.text)![1]!;
      const outbox = await t.ctx.db.selectFrom('outbox').select('recipient').where('round_id', '=', roundA).execute();
      assert.deepEqual(outbox.map((row) => row.recipient).sort(), ['nora@alfa.example', 'nora@alfa.example', 'olle@alfa.example']);
      const bodies = await t.ctx.db.selectFrom('outbox').select('body').where('round_id', '=', roundA).execute();
      assert.ok(bodies.every((row) => !/\/s\/[A-Za-z0-9_-]{20,}/.test(row.body)), 'the outbox keeps no personal link');

      const nora = loggedIn.anonymous();
      const start = await nora.get(link);
      assert.equal(start.status, 200);
      assert.doesNotMatch(textOf(start.body), /informationssäkerhet/i, 'the submitted survey is no longer offered');
      assert.match(textOf(start.body), /Svaren gäller hela organisationen/, 'no promise of anonymity for a joint answer');
      assert.match(textOf(start.body), /Du fyller i en gemensam bedömning för Alfa kommun/);
      assert.doesNotMatch(textOf(start.body), /från 0 till 6/);
      const page = await nora.get(`${link}/page/1`);
      assert.match(textOf(page.body), /Styrning och prioritering/);
      assert.match(page.body, /name="t\.forsta-kommunens-prioriteringar-niva"/);
      const levels = [1, 1, 1, 0, 2, 3, 4, 1];
      const fields: Record<string, string> = { 't.forsta-kommunens-prioriteringar-niva': '3', 'c.forsta-kommunens-prioriteringar-niva': 'Vi saknar en gemensam prioriteringsordning' };
      STYRNING.forEach((key, index) => (fields[`a.${key}-niva`] = String(levels[index])));
      const saved = await nora.post(`${link}/page/1`, fields);
      assert.equal(saved.status, 303);
      await nora.get(`${link}/review`);
      assert.equal((await nora.post(`${link}/submit`, {})).status, 303);

      const results = await coordinator.get(`/rounds/${roundA}/joint/formagekarta/results`);
      const text = textOf(results.body);
      for (const [level, count] of [[0, 1], [1, 4], [2, 1], [3, 1], [4, 1]] as const) {
        assert.match(results.body, new RegExp(`data-testid="level-count-${level}">${count}<`), `level ${level}`);
      }
      assert.match(textOf((await coordinator.get(`/rounds/${roundA}`)).body), /Nora Namn \(nora@alfa\.example\)/);
      assert.match(results.body, /id="capability-map"/);
      assert.match(results.body, /data-level="4"/);
      assert.match(text, /Gap mellan nuläge och målnivå/);
      assert.match(text, /Förstå kommunens prioriteringar 1 Ad-hoc\/undermålig 3 Bra 2/);
      assert.match(text, /Vi saknar en gemensam prioriteringsordning/);
      for (const perspective of ['Kompetens', 'Organisering', 'Regelverk', 'Information', 'Processer', 'IT-system']) assert.match(text, new RegExp(perspective));
      assert.match(text, /Stärk ledningsförmågorna först/, '5 weak leadership capabilities');
      const csv = await coordinator.get(`/rounds/${roundA}/joint/formagekarta/results.csv`);
      assert.equal(csv.status, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      const lines = csv.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      assert.equal(lines.length, 56, 'a header and 55 capabilities');
      assert.equal(lines[0], 'Område;Tema;Förmåga;Beskrivning;Nivå;Målnivå;Gap;Kommentar');
      assert.match(lines[1]!, /^Ledningsförmågor;Styrning och prioritering;Förstå kommunens prioriteringar;.*;1 Ad-hoc\/undermålig;3 Bra;2;Vi saknar en gemensam prioriteringsordning$/);
    });

    test('the federation view anonymises other members and suggests collaboration', async () => {
      const coordinatorB = browsers.coordinatorB!;
      const roundB = await createRound(coordinatorB, world.orgB, ['formagekarta']);
      await coordinatorB.get(`/rounds/${roundB}/joint/formagekarta/page/1`);
      const fields: Record<string, string> = {};
      STYRNING.forEach((key) => (fields[`a.${key}-niva`] = '3'));
      await coordinatorB.post(`/rounds/${roundB}/joint/formagekarta/page/1`, fields);
      await coordinatorB.get(`/rounds/${roundB}/joint/formagekarta/review`);
      await coordinatorB.post(`/rounds/${roundB}/joint/formagekarta/submit`, {});

      const analyst = await browsers.analyst!.get(`/org/${world.federationId}/compare/formagekarta?year=2026&minWeak=1`);
      assert.equal(analyst.status, 200);
      const analystText = textOf(analyst.body);
      assert.match(analystText, /2 medlemmar har skickat in svar/);
      assert.match(analystText, /Kommun 1/);
      assert.match(analystText, /Kommun 2/);
      assert.doesNotMatch(analystText, /Alfa kommun|Beta kommun/);
      // With minWeak = 1: Alfa is weak (level 0–1) where Beta is at 3 in five capabilities.
      const candidates = /<table class="table" id="candidates">([\s\S]*?)<\/table>/.exec(analyst.body)![1]!;
      assert.equal((candidates.match(/<th scope="row">/g) ?? []).length, 5);
      assert.match(candidates, /Förstå kommunens prioriteringar/);

      const own = await browsers.coordinatorA!.get(`/org/${world.orgA}/compare/formagekarta`);
      assert.equal(own.status, 200);
      const ownText = textOf(own.body);
      assert.match(ownText, /Alfa kommun/);
      // Beta keeps its number of the federation (1 or 2, by the random ids), not "the first other".
      const betaNumber = studyNumbering([world.orgA, world.orgB]).get(world.orgB);
      assert.match(ownText, new RegExp(`Kommun ${betaNumber}`));
      assert.doesNotMatch(ownText, /Beta kommun/);
      assert.match(ownText, /Inga förmågor uppfyller villkoren för samverkan/, 'the default needs 3 weak members');
      assert.equal((await browsers.coordinatorB!.get(`/org/${world.orgA}/compare/formagekarta`)).status, 404);

      const federationPage = await browsers.analyst!.get(`/org/${world.federationId}`);
      assert.match(federationPage.body, new RegExp(`href="/org/${world.federationId}/compare/formagekarta"`));
      assert.match(federationPage.body, new RegExp(`href="/org/${world.federationId}/compare/informationssakerhet"`));
      const practices = await browsers.analyst!.get(`/org/${world.federationId}/compare/informationssakerhet`);
      assert.match(textOf(practices.body), /1 medlemmar har skickat in svar/);
      assert.match(practices.body, /id="practice-counts"/);
    });
  });
}
