// From invitation to submitted answers through HTTP, on every database dialect.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SmallWorld } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { textOf, type TestBrowser } from '../../../test/support/test-browser.ts';
import { surveyPages } from '../../domain/instruments/instrument-structure.ts';

for (const dialect of testDialects()) {
  describe(`survey flow (${dialect})`, () => {
    let loggedIn: LoggedInWorld;
    let t: TestApp;
    let world: SmallWorld;
    let coordinator: TestBrowser;
    let roundId: string;

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect);
      ({ t, world } = loggedIn);
      coordinator = await loggedIn.as('coordinatorA');
      await coordinator.get(`/org/${world.orgA}/rounds/new`);
      const created = await coordinator.post(`/org/${world.orgA}/rounds`, { name: 'Digital mognad 2026', year: '2026', instruments: 'digital-mognad', threshold: '3' });
      assert.equal(created.status, 303, textOf(created.body));
      roundId = created.location!.split('/').pop()!;
    });
    after(async () => loggedIn.close());

    const instrument = () => t.ctx.instruments.require('digital-mognad');
    const linkFromMail = (email: string) => {
      const mail = [...t.mail.sent].reverse().find((candidate) => candidate.to === email);
      assert.ok(mail, `no mail to ${email}`);
      const match = /http:\/\/mogna\.test(\/s\/[A-Za-z0-9_-]+)/.exec(mail.text);
      assert.ok(match, 'the mail carries a personal link');
      return match[1]!;
    };

    test('respondents are added, invited only once the round is open, and appear in the outbox without their links', async () => {
      await coordinator.get(`/rounds/${roundId}`);
      const added = await coordinator.post(`/rounds/${roundId}/respondents`, { email: 'Anna@Alfa.example', name: 'Anna', role: 'Förvaltningschef', unitId: world.units.homeCare });
      assert.equal(added.status, 303);
      await coordinator.get(`/rounds/${roundId}`);
      await coordinator.post(`/rounds/${roundId}/respondents`, { email: 'bo@alfa.example', role: 'IT-chef', unitId: world.units.school });
      await coordinator.get(`/rounds/${roundId}`);
      const early = await coordinator.follow(await coordinator.post(`/rounds/${roundId}/invitations`, {}));
      assert.match(textOf(early.body), /Öppna mätningen innan du skickar inbjudningar/);
      assert.equal(t.mail.sent.length, 0);

      await coordinator.post(`/rounds/${roundId}/open`, {});
      await coordinator.get(`/rounds/${roundId}`);
      const sent = await coordinator.follow(await coordinator.post(`/rounds/${roundId}/invitations`, {}));
      assert.match(textOf(sent.body), /2 inbjudningar är skickade/);
      assert.deepEqual(t.mail.sent.map((mail) => mail.to).sort(), ['anna@alfa.example', 'bo@alfa.example']);
      // A second click sends nothing more: everyone is invited.
      const again = await coordinator.follow(await coordinator.post(`/rounds/${roundId}/invitations`, {}));
      assert.match(textOf(again.body), /Det finns ingen att skicka till/);
      assert.equal(t.mail.sent.length, 2);

      const mail = t.mail.sent[0]!;
      assert.match(mail.subject, /Enkät om digital mognad – Alfa kommun \/ Survey on digital maturity – Alfa kommun/);
      assert.match(mail.text, /Hej Anna!|Hej!/);
      assert.match(mail.text, /In English/);
      assert.match(mail.text, /\/s\/[A-Za-z0-9_-]{43}\?lang=en/);
      const outbox = await coordinator.get(`/rounds/${roundId}/outbox`);
      assert.equal(outbox.status, 200);
      assert.match(textOf(outbox.body), /anna@alfa\.example/, 'the outbox lists the mail');
      assert.ok(!outbox.body.includes(linkFromMail('anna@alfa.example')), 'the outbox never shows the personal link (only the mail as sent carries it)');
    });

    test('a respondent answers page by page, with "don\'t know", leaves, resumes and submits once', async () => {
      const link = linkFromMail('anna@alfa.example');
      const respondent = loggedIn.anonymous();
      const start = await respondent.get(link);
      assert.equal(start.status, 200);
      assert.match(textOf(start.body), /Börja svara/);
      const pages = surveyPages(instrument());

      const firstPage = await respondent.get(`${link}/page/1`);
      assert.match(textOf(firstPage.body), /Sida 1 av 6/);
      const firstItems = pages[0]!.category.capabilities.flatMap((capability) => capability.items);
      const answers: Record<string, string> = {};
      firstItems.forEach((item, index) => {
        answers[`a.${item.key}`] = index === 0 ? 'dk' : String(index % 7);
      });
      const saved = await respondent.post(`${link}/page/1`, { ...answers, action: 'leave' });
      assert.equal(saved.status, 303);
      assert.equal(saved.location, `${link}/saved`);

      // Leave and come back through the same link: the answers are still there.
      const returning = loggedIn.anonymous();
      const resume = await returning.get(link);
      assert.match(textOf(resume.body), /Fortsätt där du slutade/);
      const page1Again = await returning.get(`${link}/page/1`);
      assert.match(page1Again.body, new RegExp(`id="q-${firstItems[0]!.key}-dk"[^>]*checked`));

      for (const page of pages.slice(1)) {
        await returning.get(`${link}/page/${page.number}`);
        const fields: Record<string, string> = { action: 'next' };
        for (const capability of page.category.capabilities) for (const item of capability.items) fields[`a.${item.key}`] = '4';
        const next = await returning.post(`${link}/page/${page.number}`, fields);
        assert.equal(next.status, 303, `page ${page.number}`);
      }
      const review = await returning.get(`${link}/review`);
      assert.equal(review.status, 200);
      assert.match(textOf(review.body), /Granska dina svar/);
      const submitted = await returning.post(`${link}/submit`, {});
      assert.equal(submitted.status, 303);
      const receipt = await returning.get(link);
      assert.match(textOf(receipt.body), /Tack! Dina svar är inskickade/);

      // Submitting twice never makes a second response, and answers can no longer change.
      const twice = await returning.post(`${link}/submit`, {});
      assert.equal(twice.status, 303);
      const responses = await t.ctx.db.selectFrom('responses').selectAll().where('round_id', '=', roundId).execute();
      assert.equal(responses.length, 1);
      assert.equal(responses[0]!.status, 'submitted');
      await returning.get(link);
      const late = await returning.post(`${link}/page/1`, { [`a.${firstItems[0]!.key}`]: '6' });
      assert.equal(late.status, 409);
      const dontKnow = await t.ctx.db.selectFrom('answers').selectAll().where('item_key', '=', firstItems[0]!.key).executeTakeFirstOrThrow();
      assert.equal(dontKnow.dont_know, 1);
      assert.equal(dontKnow.value, null);
    });

    test('a value off the scale is refused with a message at the field, and nothing is saved', async () => {
      const link = linkFromMail('bo@alfa.example');
      const respondent = loggedIn.anonymous();
      await respondent.get(`${link}/page/1`);
      const item = instrument().dimensions[0]!.categories[0]!.capabilities[0]!.items[0]!;
      const bad = await respondent.post(`${link}/page/1`, { [`a.${item.key}`]: '9' });
      assert.equal(bad.status, 400);
      assert.match(bad.body, /class="error-summary"/);
      assert.match(bad.body, new RegExp(`href="#q-${item.key}-0"`));
      const stored = await t.ctx.db.selectFrom('answers').innerJoin('responses', 'responses.id', 'answers.response_id').innerJoin('respondents', 'respondents.id', 'responses.respondent_id').select('answers.item_key').where('respondents.email', '=', 'bo@alfa.example').execute();
      assert.equal(stored.length, 0);
    });

    test('the coordinator sees the response rate change, per unit and role, without anyone\'s answers', async () => {
      const page = await coordinator.get(`/rounds/${roundId}`);
      const text = textOf(page.body);
      assert.match(page.body, /data-testid="submitted-count">1 \/ 2</);
      assert.match(text, /50 %/);
      assert.match(text, /Socialförvaltningen/);
      assert.match(text, /Förvaltningschef/);
      // The respondents part names who has answered (for reminders) but no page shows answer values.
      const respondents = await coordinator.get(`/rounds/${roundId}/respondents`);
      assert.match(textOf(respondents.body), /anna@alfa\.example Anna.*Inskickad/);
      const firstItem = instrument().dimensions[0]!.categories[0]!.capabilities[0]!.items[0]!;
      for (const body of [page.body, respondents.body]) assert.doesNotMatch(body, new RegExp(firstItem.key));
    });

    test('each choice is saved as it is made (autosave); a page opened with "Ändra" from the review goes back there', async () => {
      const link = linkFromMail('bo@alfa.example');
      const respondent = loggedIn.anonymous();
      const [first, second] = surveyPages(instrument())[0]!.category.capabilities.flatMap((capability) => capability.items);
      const storedForBo = async () =>
        Object.fromEntries(
          (await t.ctx.db.selectFrom('answers').innerJoin('responses', 'responses.id', 'answers.response_id').innerJoin('respondents', 'respondents.id', 'responses.respondent_id').select(['answers.item_key', 'answers.value']).where('respondents.email', '=', 'bo@alfa.example').execute()).map((row) => [row.item_key, row.value]),
        );
      const page1 = await respondent.get(`${link}/page/1`);
      assert.ok(page1.body.includes(`data-autosave="${link}/page/1/autosave"`), 'the form names its autosave address');
      assert.match(page1.body, /<script src="\/static\/survey\.js" defer>/);
      assert.match(page1.body, /id="autosave-status" role="status"/);

      const saved = await respondent.post(`${link}/page/1/autosave`, { [`a.${first!.key}`]: '5' });
      assert.equal(saved.status, 204);
      assert.deepEqual(await storedForBo(), { [first!.key]: 5 });
      // A wrong value saves nothing of the page (the page's button then shows what to fix).
      const wrong = await respondent.post(`${link}/page/1/autosave`, { [`a.${first!.key}`]: '2', [`a.${second!.key}`]: '9' });
      assert.equal(wrong.status, 422);
      assert.deepEqual(JSON.parse(wrong.body), { saved: false, fields: [second!.key] });
      assert.deepEqual(await storedForBo(), { [first!.key]: 5 });
      const forged = await respondent.post(`${link}/page/1/autosave`, { [`a.${first!.key}`]: '1' }, { csrf: false });
      assert.equal(forged.status, 403);
      assert.deepEqual(await storedForBo(), { [first!.key]: 5 });

      const review = await respondent.get(`${link}/review`);
      assert.ok(review.body.includes(`href="${link}/page/2?return=review"`), 'Ändra opens the page with the way back');
      const page2 = await respondent.get(`${link}/page/2?return=review`);
      assert.match(textOf(page2.body), /Spara och gå tillbaka till granskningen/);
      assert.match(page2.body, /name="return" value="review"/);
      const back = await respondent.post(`${link}/page/2`, { return: 'review', action: 'next' });
      assert.equal(back.status, 303);
      assert.equal(back.location, `${link}/review`);
      // Opened the ordinary way, the same page leads on to the next.
      await respondent.get(`${link}/page/2?return=elsewhere`);
      const onwards = await respondent.post(`${link}/page/2`, { return: 'elsewhere', action: 'next' });
      assert.equal(onwards.location, `${link}/page/3`);
    });

    test('unknown, malformed and closed links get friendly pages with the right status', async () => {
      const stranger = loggedIn.anonymous();
      const unknown = await stranger.get(`/s/${'A'.repeat(43)}`);
      assert.equal(unknown.status, 404);
      assert.match(textOf(unknown.body), /Länken fungerar inte/);
      assert.equal((await stranger.get('/s/x')).status, 404);
      assert.equal((await stranger.get(`${linkFromMail('bo@alfa.example')}/page/99`)).status, 404);

      await coordinator.get(`/rounds/${roundId}`);
      await coordinator.post(`/rounds/${roundId}/close`, {});
      const closed = await stranger.get(linkFromMail('bo@alfa.example'));
      assert.equal(closed.status, 410);
      assert.match(textOf(closed.body), /Enkäten är stängd/);
      // The one who submitted can still read the receipt.
      const receipt = await stranger.get(linkFromMail('anna@alfa.example'));
      assert.equal(receipt.status, 200);
      assert.match(textOf(receipt.body), /Tack!/);
    });

    test('English on a switch', async () => {
      const respondent = loggedIn.anonymous();
      const page = await respondent.get(`${linkFromMail('anna@alfa.example')}?lang=en`);
      assert.match(page.body, /<html lang="en"/);
      assert.match(textOf(page.body), /Thank you! Your answers have been submitted/);
    });
  });
}
