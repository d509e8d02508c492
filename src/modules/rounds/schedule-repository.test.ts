// The SQL of the scheduled-reminder and bounce queries, compiled for SQLite and PostgreSQL and
// compared with __snapshots__/, and what they do on each dialect: a day is claimed once, rounds
// with a schedule are found, bounces match addresses in any case and only in open rounds, and
// the latest mail per respondent decides whether its row warns.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertSqlSnapshot, compileForBothDialects } from '../../../test/support/sql-snapshots.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createSmallWorld } from '../../../test/support/fixtures.ts';
import { insertOutboxMessage, insertRound } from './repository.ts';
import {
  claimScheduledReminder,
  clearBounce,
  mailProblemsOf,
  markBounced,
  openRoundsWithSchedule,
  recordScheduledReminderCount,
  respondentsOfOpenRoundsByEmail,
  scheduledRemindersOf,
  storeReminderDays,
} from './schedule-repository.ts';

const ROUND = '00000000-0000-4000-8000-0000000000aa';
const RESPONDENT = '00000000-0000-4000-8000-0000000000bb';
const AT = '2026-12-13T06:00:00.000Z';

test('the SQL of each schedule and bounce query, on both dialects', async () => {
  assertSqlSnapshot(import.meta.url, {
    openRoundsWithSchedule: await compileForBothDialects((db) => openRoundsWithSchedule(db)),
    scheduledRemindersOf: await compileForBothDialects((db) => scheduledRemindersOf(db, ROUND)),
    claimScheduledReminder: await compileForBothDialects((db) => claimScheduledReminder(db, ROUND, 7, AT)),
    recordScheduledReminderCount: await compileForBothDialects((db) => recordScheduledReminderCount(db, ROUND, [7, 2], 3)),
    storeReminderDays: await compileForBothDialects((db) => storeReminderDays(db, ROUND, '7,2')),
    respondentsOfOpenRoundsByEmail: await compileForBothDialects((db) => respondentsOfOpenRoundsByEmail(db, 'Anna@Kommun.se')),
    markBounced: await compileForBothDialects((db) => markBounced(db, [RESPONDENT], AT, '5.1.1 smtp; 550 User unknown')),
    clearBounce: await compileForBothDialects((db) => clearBounce(db, RESPONDENT)),
    mailProblemsOf: await compileForBothDialects((db) => mailProblemsOf(db, ROUND)),
  });
});

for (const dialect of testDialects()) {
  describe(`schedule repository (${dialect})`, () => {
    let t: TestContext;
    let open: string;
    let closed: string;
    const respondent = async (roundId: string, email: string) => {
      const id = t.ctx.ids.id();
      await t.ctx.db.insertInto('respondents').values({ id, round_id: roundId, email, name: null, role: null, unit_id: null, via_open_link: 0, invited_at: AT, reminded_at: null, created_at: AT }).execute();
      return id;
    };
    const mail = async (roundId: string, respondentId: string, at: string, delivery: 'smtp' | 'failed', error: string | null = null) => {
      const world = await t.ctx.db.selectFrom('rounds').select('organisation_id').where('id', '=', roundId).executeTakeFirstOrThrow();
      await insertOutboxMessage(t.ctx.db, { id: t.ctx.ids.id(), organisation_id: world.organisation_id, round_id: roundId, respondent_id: respondentId, kind: 'invitation', recipient: 'x', subject: 's', body: 'b', created_at: at, delivery, error });
    };

    before(async () => {
      t = await createTestContext(dialect);
      const world = await createSmallWorld(t.ctx);
      open = await insertRound(t.ctx, world.orgA, { name: 'Öppen', year: 2026, instrumentKeys: ['digital-mognad'], openLink: false, status: 'open' });
      closed = await insertRound(t.ctx, world.orgB, { name: 'Stängd', year: 2026, instrumentKeys: ['digital-mognad'], openLink: false, status: 'closed' });
    });
    after(async () => t.close());

    test('a scheduled day is claimed once; rounds with a closing date and days are found', async () => {
      assert.deepEqual(await openRoundsWithSchedule(t.ctx.db), []);
      await storeReminderDays(t.ctx.db, open, '7,2');
      assert.deepEqual(await openRoundsWithSchedule(t.ctx.db), [], 'no closing date yet');
      await t.ctx.db.updateTable('rounds').set({ closes_on: '2026-12-20' }).execute();
      await storeReminderDays(t.ctx.db, closed, '7');
      assert.deepEqual(
        (await openRoundsWithSchedule(t.ctx.db)).map((round) => [round.id, round.closes_on, round.reminder_days]),
        [[open, '2026-12-20', '7,2']],
        'only the open round',
      );
      assert.equal(await claimScheduledReminder(t.ctx.db, open, 7, AT), true);
      assert.equal(await claimScheduledReminder(t.ctx.db, open, 7, AT), false);
      await recordScheduledReminderCount(t.ctx.db, open, [7], 3);
      assert.deepEqual(await scheduledRemindersOf(t.ctx.db, open), [{ days_before: 7, sent_at: AT, sent: 3 }]);
    });

    test('bounces match any case in open rounds only; the latest mail per respondent decides its row', async () => {
      const anna = await respondent(open, 'anna@kommun.example');
      await respondent(closed, 'anna@kommun.example');
      const bo = await respondent(open, 'bo@kommun.example');
      const found = await respondentsOfOpenRoundsByEmail(t.ctx.db, ' ANNA@Kommun.Example ');
      assert.deepEqual(found.map((row) => row.id), [anna]);
      await markBounced(t.ctx.db, [anna], AT, '5.1.1');
      await mail(open, bo, '2026-12-01T10:00:00.000Z', 'failed', '550 5.1.1 unknown');
      await mail(open, bo, '2026-12-02T10:00:00.000Z', 'smtp');
      assert.deepEqual(
        (await mailProblemsOf(t.ctx.db, open)).map((row) => [row.respondent_id, row.bounced_at, row.last_delivery]),
        [[anna, AT, null]],
        'Bo\'s later mail went: no warning for him',
      );
      await mail(open, bo, '2026-12-03T10:00:00.000Z', 'failed', '550 5.1.1 unknown');
      const problems = await mailProblemsOf(t.ctx.db, open);
      assert.deepEqual(problems.find((row) => row.respondent_id === bo)?.last_error, '550 5.1.1 unknown');
      await clearBounce(t.ctx.db, anna);
      assert.deepEqual((await mailProblemsOf(t.ctx.db, open)).map((row) => row.respondent_id), [bo]);
    });
  });
}
