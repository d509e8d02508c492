// Mail that coordinators trust (issue 15): a round's coordinator writes the invitation and the
// reminder with placeholders and sees a preview; a faulty text comes back naming the problem; the
// round's text wins over the study's default, which wins over Mogna's; every mail sent names the
// organisation, the contact person and the last day, and the outbox's copy has no link; only the
// round's coordinators edit its texts and only those who run the study edit the defaults.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import { openRoundWithRespondents } from '../../../test/support/open-round.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { textOf, type TestBrowser } from '../../../test/support/test-browser.ts';

const INVITATION = {
  kind: 'invitation',
  action: 'save',
  'subject-sv': 'Hjälp {organisation} att bli bättre',
  'body-sv': 'Hej {namn}!\n\nSvara senast {sista_dag} via {länk}. Frågor till {kontaktperson}.',
  'subject-en': '',
  'body-en': '',
};

for (const dialect of testDialects()) {
  describe(`a round's own mail texts (${dialect})`, () => {
    let loggedIn: LoggedInWorld;
    let coordinator: TestBrowser;
    let roundId: string;
    let studyId: string;

    before(async () => {
      // Reminders right after the invitations (reminders.test.ts tests the wait).
      loggedIn = await openLoggedInWorld(dialect, { REMINDER_AFTER_DAYS: '0' });
      ({ roundId, coordinator } = await openRoundWithRespondents(loggedIn));
      const { t, world } = loggedIn;
      studyId = t.ctx.ids.id();
      await t.ctx.db
        .insertInto('studies')
        .values({ id: studyId, federation_id: world.federationId, year: 2026, closes_on: '2026-12-15', anonymity_threshold: 3, status: 'open', created_at: '2026-11-01T08:00:00.000Z', created_by: null, closed_at: null })
        .execute();
      await t.ctx.db.updateTable('rounds').set({ study_id: studyId }).where('id', '=', roundId).execute();
    });
    after(async () => loggedIn.close());

    test('the page starts from Mogna’s text, lists the placeholders and previews the mail', async () => {
      const page = await coordinator.get(`/rounds/${roundId}/mail-texts`);
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      assert.match(text, /Texter i e-posten – Alfa 2026/);
      assert.match(text, /\{sista_dag\} \{closing_date\} sista dagen att svara/);
      assert.match(page.body, /<textarea class="textarea" id="body-sv" name="body-sv"[^>]*>Hej \{namn\}!/);
      assert.match(page.body, /<textarea class="textarea" id="body-en" name="body-en"[^>]*>Hello \{name\},/);
      assert.match(textOf(/data-testid="source-sv"[^>]*>[^<]*/.exec(page.body)![0]), /Mognas standardtext/);
      assert.match(page.body, /<script src="\/static\/mail-preview.js" defer>/);
      const preview = textOf(/<div id="mail-preview"[\s\S]*?<\/div>/.exec(page.body)![0]);
      assert.match(preview, /Hej Kim Exempelsson!/);
      assert.match(preview, /Avsändare: Alfa kommun/);
      assert.match(preview, /Kontakta Sam Ordnare \(samordnare@alfa\.example\)/, 'without a contact person, the coordinator');
      assert.match(preview, /Om dina personuppgifter/);
      assert.match(page.body, /<div id="mail-preview" class="panel mail-preview" aria-live="polite"/);
    });

    test('a text with an unknown placeholder or without the link comes back with the problem named', async () => {
      const faulty = await coordinator.post(`/rounds/${roundId}/mail-texts`, { ...INVITATION, 'body-sv': 'Hej {förnamn}! Svara snart.' });
      assert.equal(faulty.status, 400);
      const summary = textOf(/<div class="error-summary"[\s\S]*?<\/div>/.exec(faulty.body)![0]);
      assert.match(summary, /Svenska, Text: Platshållaren \{förnamn\} finns inte\. Välj bland platshållarna i listan\. Texten måste innehålla \{länk\}/);
      assert.match(faulty.body, /href="#body-sv"/);
      assert.match(faulty.body, /<textarea[^>]*id="body-sv"[^>]*aria-invalid="true"[^>]*>Hej \{förnamn\}! Svara snart\./, 'the text as typed');
      assert.match(textOf(faulty.body), /Rätta felen för att se mejlet/);
      const linkInSubject = await coordinator.post(`/rounds/${roundId}/mail-texts`, { ...INVITATION, 'subject-sv': 'Din länk: {link}' });
      assert.match(textOf(linkInSubject.body), /Länken får inte stå i ämnesraden/);
      const unchanged = await coordinator.get(`/rounds/${roundId}/mail-texts`);
      assert.match(textOf(/data-testid="source-sv"[^>]*>[^<]*/.exec(unchanged.body)![0]), /Mognas standardtext/, 'nothing was saved');
    });

    test('saving the text as shown, unchanged, keeps following the default', async () => {
      const page = await coordinator.get(`/rounds/${roundId}/mail-texts?kind=reminder`);
      const unescape = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
      const field = (name: string) => unescape(new RegExp(`name="${name}"[^>]*?(?:value="([^"]*)"[^>]*)?>(?:([^<]*)</textarea>)?`).exec(page.body)!.slice(1).find((value) => value !== undefined) ?? '');
      const shown = Object.fromEntries(['subject-sv', 'body-sv', 'subject-en', 'body-en'].map((name) => [name, field(name).replace(/\n/g, '\r\n')]));
      assert.match(shown['body-sv']!, /Vi påminner om enkäten/);
      assert.equal((await coordinator.post(`/rounds/${roundId}/mail-texts`, { kind: 'reminder', action: 'save', ...shown })).status, 303);
      const after = await coordinator.get(`/rounds/${roundId}/mail-texts?kind=reminder`);
      assert.match(textOf(/data-testid="source-sv"[^>]*>[^<]*/.exec(after.body)![0]), /Mognas standardtext/);
      assert.equal(await loggedIn.t.ctx.db.selectFrom('mail_texts').select('scope').where('scope_id', '=', roundId).executeTakeFirst(), undefined);
    });

    test('without JavaScript the preview button shows the mail as typed; the script gets it as JSON', async () => {
      await coordinator.get(`/rounds/${roundId}/mail-texts`);
      const previewed = await coordinator.post(`/rounds/${roundId}/mail-texts`, { ...INVITATION, action: 'preview' });
      assert.equal(previewed.status, 200);
      assert.match(textOf(/<div id="mail-preview"[\s\S]*?<\/div>/.exec(previewed.body)![0]), /Ämne: Hjälp Alfa kommun att bli bättre/);
      const json = await coordinator.post(`/rounds/${roundId}/mail-texts/preview`, { ...INVITATION, 'body-sv': 'Hej {namn}, {länk}' });
      const answer = JSON.parse(json.body) as { preview: { subject: string; text: string }; errors: unknown[] };
      assert.deepEqual(answer.errors, []);
      assert.match(answer.preview.subject, /^Hjälp Alfa kommun att bli bättre \/ Survey on digital maturity – Alfa kommun$/);
      assert.match(answer.preview.text, /^Hej Kim Exempelsson, http:\/\/mogna\.test\/s\/exempel\n/);
      const faulty = JSON.parse((await coordinator.post(`/rounds/${roundId}/mail-texts/preview`, { ...INVITATION, 'body-sv': '{okänd}' })).body) as { preview: null; errors: Array<{ field: string; message: string }> };
      assert.equal(faulty.preview, null);
      assert.deepEqual(faulty.errors.map((error) => error.field), ['body-sv']);
    });

    test('the round’s text wins over the study’s default, which wins over Mogna’s', async () => {
      const analyst = await loggedIn.as('analyst');
      const studyPage = await analyst.get(`/studies/${studyId}/mail-texts?kind=reminder`);
      assert.equal(studyPage.status, 200);
      assert.match(textOf(studyPage.body), /Standardtexter i e-posten – studien 2026, Testförbundet/);
      const saved = await analyst.post(`/studies/${studyId}/mail-texts`, {
        kind: 'reminder',
        action: 'save',
        'subject-sv': 'Påminnelse från {organisation}',
        'body-sv': 'Studiens påminnelse till {namn}: {länk}',
        'subject-en': 'Reminder from {organisation}',
        'body-en': 'The study’s reminder to {name}: {link}',
      });
      assert.equal(saved.status, 303);
      // The study also has an invitation text, which the round's own text overrides.
      await analyst.get(`/studies/${studyId}/mail-texts`);
      await analyst.post(`/studies/${studyId}/mail-texts`, { ...INVITATION, 'subject-sv': 'Studiens inbjudan', 'body-sv': 'Studiens inbjudan {länk}' });

      await coordinator.get(`/rounds/${roundId}/mail-texts`);
      assert.equal((await coordinator.post(`/rounds/${roundId}/mail-texts`, INVITATION)).status, 303);
      const invitation = await coordinator.get(`/rounds/${roundId}/mail-texts`);
      assert.match(textOf(/data-testid="source-sv"[^>]*>[^<]*/.exec(invitation.body)![0]), /En egen text/);
      assert.match(textOf(/data-testid="source-en"[^>]*>[^<]*/.exec(invitation.body)![0]), /Mognas standardtext/, 'English left empty: Mogna’s');
      const reminder = await coordinator.get(`/rounds/${roundId}/mail-texts?kind=reminder`);
      assert.match(textOf(/data-testid="source-sv"[^>]*>[^<]*/.exec(reminder.body)![0]), /Studiens standardtext/);
    });

    test('contact person and last day: checked, saved, and named in every mail', async () => {
      await coordinator.get(`/rounds/${roundId}`);
      const faulty = await coordinator.post(`/rounds/${roundId}/mail-settings`, { contactName: 'Kim', contactEmail: 'inte-en-adress', closesOn: '2026-02-30' });
      assert.equal(faulty.status, 400);
      assert.match(textOf(faulty.body), /Skriv en giltig e-postadress.*Skriv sista dagen som ÅÅÅÅ-MM-DD/s);
      const past = await coordinator.post(`/rounds/${roundId}/mail-settings`, { contactName: 'Kim', contactEmail: '', closesOn: '2026-11-24' });
      assert.match(textOf(past.body), /Sista dagen har redan passerat/);
      const saved = await coordinator.post(`/rounds/${roundId}/mail-settings`, { contactName: 'Kim Kontakt', contactEmail: 'kim@alfa.example', closesOn: '2026-12-15' });
      assert.equal(saved.status, 303);
      const page = await coordinator.get(`/rounds/${roundId}/mail`);
      assert.match(page.body, /id="contactName" name="contactName"[^>]*value="Kim Kontakt"/);
      assert.match(page.body, new RegExp(`href="/rounds/${roundId}/mail-texts"`));

      await coordinator.post(`/rounds/${roundId}/invitations`, {});
      const sent = loggedIn.t.mail.sent.filter((mail) => mail.to === 'anna@alfa.example');
      assert.equal(sent.length, 1);
      const mail = sent[0]!;
      assert.match(mail.subject, /^Hjälp Alfa kommun att bli bättre \/ Survey on digital maturity – Alfa kommun$/);
      assert.match(mail.text, /^Hej!\n\nSvara senast 15 december 2026 via http:\/\/mogna\.test\/s\/[A-Za-z0-9_-]{20,}\. Frågor till Kim Kontakt \(kim@alfa\.example\)\./);
      assert.match(mail.text, /Avsändare: Alfa kommun\nSista dag att svara: 15 december 2026\nHar du frågor\? Kontakta Kim Kontakt \(kim@alfa\.example\)\./);
      assert.match(mail.text, /Sender: Alfa kommun\nLast day to answer: 15 December 2026\nAny questions\? Contact Kim Kontakt \(kim@alfa\.example\)\./);
      assert.match(mail.text, /Hello,\n\nAlfa kommun is measuring/, 'English from Mogna’s text');

      const stored = await loggedIn.t.ctx.db.selectFrom('outbox').select(['body', 'recipient', 'kind']).where('round_id', '=', roundId).where('recipient', '=', 'anna@alfa.example').executeTakeFirstOrThrow();
      assert.doesNotMatch(stored.body, /\/s\//, 'the outbox keeps the text without the link');
      assert.match(stored.body, /Svara senast 15 december 2026 via \[personlig länk – skickad via e-post\]\. Frågor till Kim Kontakt/);

      await coordinator.get(`/rounds/${roundId}`);
      await coordinator.post(`/rounds/${roundId}/reminders`, {});
      const reminder = loggedIn.t.mail.sent.filter((sentMail) => sentMail.to === 'bo@alfa.example').at(-1)!;
      assert.match(reminder.subject, /^Påminnelse från Alfa kommun \/ Reminder from Alfa kommun$/);
      assert.match(reminder.text, /Studiens påminnelse till: http:\/\/mogna\.test\/s\//);
      assert.match(reminder.text, /Sista dag att svara: 15 december 2026/);

      // One respondent's invitation sent again uses the round's text as well.
      const anna = await loggedIn.t.ctx.db.selectFrom('respondents').select('id').where('round_id', '=', roundId).where('email', '=', 'anna@alfa.example').executeTakeFirstOrThrow();
      await coordinator.post(`/rounds/${roundId}/respondents/${anna.id}/resend`, {});
      const resent = loggedIn.t.mail.sent.filter((sentMail) => sentMail.to === 'anna@alfa.example').at(-1)!;
      assert.match(resent.text, /^Hej!\n\nSvara senast 15 december 2026/);
    });

    test('"Använd standardtexten igen" removes the round’s own text', async () => {
      await coordinator.get(`/rounds/${roundId}/mail-texts`);
      assert.equal((await coordinator.post(`/rounds/${roundId}/mail-texts`, { kind: 'invitation', action: 'reset' })).status, 303);
      const page = await coordinator.get(`/rounds/${roundId}/mail-texts`);
      assert.match(textOf(/data-testid="source-sv"[^>]*>[^<]*/.exec(page.body)![0]), /Studiens standardtext/);
      // Each change of a round's texts is in its audit log: who, which mail, whether it was a reset; never the text.
      const changes = await loggedIn.t.ctx.db.selectFrom('audit_log').select(['subject_id', 'detail']).where('action', '=', 'mail_texts_changed').where('subject_id', '=', roundId).orderBy('at').execute();
      assert.ok(changes.length >= 2, 'saved earlier in this suite, and reset now');
      assert.deepEqual(JSON.parse(changes.at(-1)!.detail), { kind: 'invitation', reset: true });
    });

    test('only the round’s coordinators edit its texts; only those who run the study edit its defaults', async () => {
      const { as } = loggedIn;
      assert.equal((await (await as('viewerA')).get(`/rounds/${roundId}/mail-texts`)).status, 403);
      assert.equal((await (await as('analyst')).get(`/rounds/${roundId}/mail-texts`)).status, 403);
      assert.equal((await (await as('coordinatorB')).get(`/rounds/${roundId}/mail-texts`)).status, 404);
      assert.equal((await (await as('coordinatorB')).get(`/rounds/${roundId}/mail-settings`)).status, 404);
      assert.equal((await coordinator.get(`/studies/${studyId}/mail-texts`)).status, 404);
      assert.equal((await (await as('viewerA')).get(`/studies/${studyId}/mail-texts`)).status, 404);
      assert.equal((await (await as('operator')).get(`/studies/${studyId}/mail-texts`)).status, 200);
      const viewer = await as('viewerA');
      await viewer.get('/');
      assert.equal((await viewer.post(`/rounds/${roundId}/mail-texts`, INVITATION)).status, 403);
      assert.equal((await viewer.post(`/rounds/${roundId}/mail-texts/preview`, INVITATION)).status, 403);
      assert.equal((await coordinator.get(`/studies/${loggedIn.t.ctx.ids.id()}/mail-texts`)).status, 404);
    });
  });
}
