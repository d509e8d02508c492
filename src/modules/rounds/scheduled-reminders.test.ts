// Scheduled reminders (issue 15): the coordinator sets the days before the closing date, and the
// server's run (sendScheduledReminders, as the operator's tool) sends each day's reminder once,
// to those the ordinary reminder rule picks; a day missed while the server was down goes when it
// is back, never after closing. The form refuses what it cannot use, with a clear message.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { operatorToolActor } from '../../cli/operator-actor.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import { openRoundWithRespondents } from '../../../test/support/open-round.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { textOf, type TestBrowser } from '../../../test/support/test-browser.ts';
import { sendScheduledReminders } from './schedule-service.ts';

for (const dialect of testDialects()) {
  describe(`scheduled reminders (${dialect})`, () => {
    let loggedIn: LoggedInWorld;
    let coordinator: TestBrowser;
    let roundId: string;

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect, { SESSION_DAYS: '60' });
      loggedIn.t.clock.set('2026-11-30T08:00:00Z');
      ({ roundId, coordinator } = await openRoundWithRespondents(loggedIn, ['anna@alfa.example', 'bo@alfa.example', 'cecilia@alfa.example']));
    });
    after(async () => loggedIn.close());

    const at = (iso: string) => loggedIn.t.clock.set(iso);
    const run = () => sendScheduledReminders(loggedIn.t.ctx, operatorToolActor('test'));
    const reminders = () => loggedIn.t.mail.sent.filter((mail) => /Påminnelse/.test(mail.subject)).map((mail) => mail.to);
    const setDays = async (reminderDays: string) => {
      await coordinator.get(`/rounds/${roundId}`);
      return coordinator.post(`/rounds/${roundId}/reminder-schedule`, { reminderDays });
    };
    const closesOn = (date: string | null) => loggedIn.t.ctx.db.updateTable('rounds').set({ closes_on: date }).where('id', '=', roundId).execute();

    test('the form refuses what it cannot use, each with its own message', async () => {
      const refused = async (typed: string, message: RegExp) => {
        const response = await setDays(typed);
        assert.equal(response.status, 400, typed);
        assert.match(textOf(response.body), message, typed);
      };
      await refused('7, 2', /Sätt ett slutdatum för mätningen först/);
      await closesOn('2026-12-20');
      await refused('sju', /Skriv dagarna som heltal/);
      await refused('7.5', /Skriv dagarna som heltal/);
      await refused('0', /mellan 1 och 60 dagar/);
      await refused('61', /mellan 1 och 60 dagar/);
      await refused('7, 7', /Samma dag står mer än en gång/);
      await refused('10, 7, 5, 3, 2', /högst 4 påminnelser/);
      // 30 days before 20 December was 20 November: already past on 30 November.
      await refused('30, 7', /30 dagar före slutdatumet var 20 november 2026/);
      // Only the round's coordinators see or change the schedule.
      const viewer = await loggedIn.as('viewerA');
      assert.equal((await viewer.get(`/rounds/${roundId}/reminder-schedule`)).status, 403);
      assert.equal((await viewer.get(`/rounds/${roundId}/mail`)).status, 403, 'the mail part is the coordinators\' own');
      const other = await loggedIn.as('coordinatorB');
      assert.equal((await other.get(`/rounds/${roundId}/reminder-schedule`)).status, 404);
      const saved = await setDays('2; 7');
      assert.equal(saved.status, 303);
      const page = textOf((await coordinator.get(`/rounds/${roundId}/mail`)).body);
      assert.match(page, /Schemalagda påminnelser/);
      assert.match(page, /7 dagar\s*13 december 2026\s*Planerad/);
      assert.match(page, /2 dagar\s*18 december 2026\s*Planerad/);
      assert.equal((await loggedIn.t.ctx.db.selectFrom('rounds').select('reminder_days').where('id', '=', roundId).executeTakeFirstOrThrow()).reminder_days, '7,2');
    });

    test('each scheduled day sends once to those invited long enough ago who have not answered', async () => {
      await coordinator.get(`/rounds/${roundId}`);
      assert.equal((await coordinator.post(`/rounds/${roundId}/invitations`, {})).status, 303);
      assert.equal(loggedIn.t.mail.sent.length, 3);

      at('2026-12-12T12:00:00Z');
      assert.deepEqual(await run(), [], 'the day before day 7: nothing');
      // 00:30 on 13 December in Stockholm is still the 12th in UTC.
      at('2026-12-12T23:30:00Z');
      // Two runs at once (two servers, or the timer and `mogna mail tick`): one of them sends.
      const first = (await Promise.all([run(), run()])).flat();
      assert.deepEqual(first.map((entry) => [entry.daysBefore, entry.sent, entry.failed]), [[[7], 3, 0]]);
      assert.deepEqual(reminders().sort(), ['anna@alfa.example', 'bo@alfa.example', 'cecilia@alfa.example']);
      at('2026-12-13T15:00:00Z');
      assert.deepEqual(await run(), [], 'the same day: nothing more');
      assert.equal(reminders().length, 3);
      // The coordinator's own button the same day reaches nobody either (never twice a day).
      await coordinator.get(`/rounds/${roundId}`);
      await coordinator.post(`/rounds/${roundId}/reminders`, {});
      assert.equal(reminders().length, 3);

      // Anna answers; a new respondent is added and invited late, on the 17th.
      const anna = await loggedIn.t.ctx.db.selectFrom('respondents').select('id').where('email', '=', 'anna@alfa.example').executeTakeFirstOrThrow();
      const instrument = await loggedIn.t.ctx.db.selectFrom('round_instruments').select(['instrument_key', 'instrument_version']).where('round_id', '=', roundId).executeTakeFirstOrThrow();
      const now = loggedIn.t.clock.now().toISOString();
      await loggedIn.t.ctx.db
        .insertInto('responses')
        .values({ id: loggedIn.t.ctx.ids.id(), round_id: roundId, respondent_id: anna.id, instrument_key: instrument.instrument_key, instrument_version: instrument.instrument_version, status: 'submitted', started_at: now, updated_at: now, submitted_at: now })
        .execute();
      at('2026-12-17T09:00:00Z');
      await coordinator.get(`/rounds/${roundId}`);
      assert.equal((await coordinator.post(`/rounds/${roundId}/respondents`, { email: 'david@alfa.example' })).status, 303);
      await coordinator.post(`/rounds/${roundId}/invitations`, {});

      at('2026-12-18T06:00:00Z');
      const second = await run();
      assert.deepEqual(second.map((entry) => [entry.daysBefore, entry.sent]), [[[2], 2]]);
      assert.deepEqual(reminders().slice(3).sort(), ['bo@alfa.example', 'cecilia@alfa.example'], 'not Anna (answered), not David (invited yesterday)');
      assert.deepEqual(await run(), []);

      const page = textOf((await coordinator.get(`/rounds/${roundId}/mail`)).body);
      assert.match(page, /7 dagar\s*13 december 2026\s*Skickad till 3 personer/);
      assert.match(page, /2 dagar\s*18 december 2026\s*Skickad till 2 personer/);
      const audit = await loggedIn.t.ctx.db.selectFrom('audit_log').select(['action', 'detail']).where('subject_id', '=', roundId).where('action', '=', 'reminder_sent').execute();
      assert.equal(audit.filter((entry) => String(entry.detail).includes('scheduled')).length, 2);
    });

    test('a day missed while the server was down goes once when it is back, never after closing', async () => {
      // A new schedule: 1 day before a new closing date; the server is down on the 20th.
      await closesOn('2026-12-22');
      at('2026-12-19T08:00:00Z');
      assert.equal((await setDays('5, 1')).status, 400, 'day 5 before the 22nd (17 December) has passed and was not sent');
      assert.equal((await setDays('1')).status, 303);
      at('2026-12-22T10:00:00Z');
      const before = reminders().length;
      assert.deepEqual((await run()).map((entry) => entry.daysBefore), [[1]], 'the closing day itself still catches up');
      assert.equal(reminders().length, before + 3, 'Bo, Cecilia and now David (invited five days ago)');

      // After closing nothing goes, even for a day never sent.
      assert.equal((await setDays('1, 3')).status, 400, 'day 3 (19 December) has passed');
      await closesOn('2026-12-23');
      assert.equal((await setDays('1')).status, 303);
      at('2026-12-24T10:00:00Z');
      await loggedIn.t.ctx.db.deleteFrom('round_scheduled_reminders').where('round_id', '=', roundId).execute();
      assert.deepEqual(await run(), []);
    });
  });
}
