// The mail that tells members' coordinators of a new study follows the outbox rules: without
// SMTP it waits in the outbox and the notice says so; a mail the server refuses is kept as failed
// and counted, and the study stands.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OutgoingMail } from '../../app/mail-transport.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import { RecordingMail } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { textOf } from '../../../test/support/test-browser.ts';

/** An SMTP server that refuses mail to one address. */
class RefusingMail extends RecordingMail {
  constructor(private readonly refused: string) {
    super('smtp');
  }
  override async deliver(mail: OutgoingMail): Promise<void> {
    if (mail.to === this.refused) throw new Error('550 mailbox unavailable');
    await super.deliver(mail);
  }
}

const form = (world: LoggedInWorld['world'], year: string) => ({
  year,
  parts: ['maturity', 'costs'],
  members: [world.orgA, world.orgB],
  closesOn: `${year}-02-28`,
  threshold: '3',
  contactName: 'Ana Lytiker',
  contactEmail: 'analytiker@forbundet.example',
});

for (const dialect of testDialects()) {
  describe(`the study's mail without SMTP (${dialect})`, () => {
    let loggedIn: LoggedInWorld;
    before(async () => {
      loggedIn = await openLoggedInWorld(dialect, {}, { mail: new RecordingMail('outbox') });
    });
    after(async () => loggedIn.close());

    test('the notice says the mails wait in the outbox, not that they were sent', async () => {
      const { t, world } = loggedIn;
      const analyst = await loggedIn.as('analyst');
      await analyst.get(`/org/${world.federationId}/studies/new`);
      const created = await analyst.post(`/org/${world.federationId}/studies`, form(world, '2027'));
      assert.equal(created.status, 303, created.body);
      const text = textOf((await analyst.follow(created)).body);
      assert.match(text, /2 mejl till samordnarna ligger i utkorgen men har inte skickats/);
      assert.doesNotMatch(text, /har fått ett mejl/);
      const outbox = await t.ctx.db.selectFrom('outbox').selectAll().where('kind', '=', 'study_created').execute();
      assert.deepEqual(outbox.map((row) => row.delivery), ['outbox', 'outbox']);
      // The coordinator finds the mail in the outbox of the member's round.
      const coordinator = await loggedIn.as('coordinatorA');
      const round = outbox.find((row) => row.organisation_id === world.orgA)!.round_id!;
      const page = textOf((await coordinator.get(`/rounds/${round}/outbox`)).body);
      assert.match(page, /Ny studie/);
    });
  });

  describe(`a refused study mail (${dialect})`, () => {
    let loggedIn: LoggedInWorld;
    before(async () => {
      loggedIn = await openLoggedInWorld(dialect, {}, { mail: new RefusingMail('samordnare@beta.example') });
    });
    after(async () => loggedIn.close());

    test('is kept as failed and counted; the study stands', async () => {
      const { t, world } = loggedIn;
      const analyst = await loggedIn.as('analyst');
      await analyst.get(`/org/${world.federationId}/studies/new`);
      const created = await analyst.post(`/org/${world.federationId}/studies`, form(world, '2027'));
      assert.equal(created.status, 303, created.body);
      const text = textOf((await analyst.follow(created)).body);
      assert.match(text, /1 samordnare har fått ett mejl om studien/);
      assert.match(text, /1 mejl till en samordnare kunde inte skickas/);
      const failed = await t.ctx.db.selectFrom('outbox').selectAll().where('delivery', '=', 'failed').execute();
      assert.equal(failed.length, 1);
      assert.match(failed[0]!.error ?? '', /550/);
      assert.equal((await t.ctx.db.selectFrom('studies').selectAll().execute()).length, 1);
    });
  });
}
