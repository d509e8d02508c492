// Invitations through a real SMTP server on loopback: the mail carries the personal link, the
// stored copy does not, and a failing server is recorded without losing the respondent.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createSmallWorld, PASSWORD, type SmallWorld } from '../../../test/support/fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-context.ts';
import { TestBrowser, textOf } from '../../../test/support/test-browser.ts';
import { insertRound } from './repository.ts';
import { mailTransportFromConfig } from '../../app/mail-transport.ts';

interface Received {
  to: string[];
  data: string;
}

describe('SMTP delivery', () => {
  const received: Received[] = [];
  let rejectAll = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      callback(rejectAll ? new Error('mailbox unavailable') : undefined);
      void address;
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), data: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  let t: TestApp;
  let world: SmallWorld;
  let roundId: string;
  let coordinator: TestBrowser;

  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as AddressInfo).port;
    t = await createTestApp('sqlite');
    // The test app records mail by default; swap in the real SMTP transport for this suite.
    t.ctx.mail = mailTransportFromConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Mogna <no-reply@mogna.test>' });
    world = await createSmallWorld(t.ctx);
    roundId = await insertRound(t.ctx, world.orgA, { name: 'Alfa 2026', year: 2026, instrumentKeys: ['digital-mognad'], openLink: false, status: 'open' });
    coordinator = new TestBrowser(t.app);
    await coordinator.logIn(world.users.coordinatorA, PASSWORD);
  });
  after(async () => {
    await t.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test('the invitation reaches the SMTP server with a working link; the outbox keeps no link', async () => {
    await coordinator.get(`/rounds/${roundId}`);
    await coordinator.post(`/rounds/${roundId}/respondents`, { email: 'anna@alfa.example', name: 'Anna' });
    await coordinator.get(`/rounds/${roundId}`);
    const sent = await coordinator.follow(await coordinator.post(`/rounds/${roundId}/invitations`, {}));
    assert.match(textOf(sent.body), /1 inbjudningar är skickade/);
    assert.equal(received.length, 1);
    assert.deepEqual(received[0]!.to, ['anna@alfa.example']);
    const body = received[0]!.data.replace(/=\r?\n/g, '');
    const link = /http:\/\/mogna\.test(\/s\/[A-Za-z0-9_-]{43})/.exec(body);
    assert.ok(link, 'the mail carries the personal link');
    const respondent = new TestBrowser(t.app);
    assert.equal((await respondent.get(link[1]!)).status, 200);
    const outbox = await t.ctx.db.selectFrom('outbox').selectAll().execute();
    assert.equal(outbox.length, 1);
    assert.equal(outbox[0]!.delivery, 'smtp');
    assert.doesNotMatch(outbox[0]!.body, /\/s\//);
  });

  test('a refused delivery is recorded as failed, and the respondent stays uninvited for a retry', async () => {
    rejectAll = true;
    await coordinator.get(`/rounds/${roundId}`);
    await coordinator.post(`/rounds/${roundId}/respondents`, { email: 'bo@alfa.example' });
    await coordinator.get(`/rounds/${roundId}`);
    const sent = await coordinator.follow(await coordinator.post(`/rounds/${roundId}/invitations`, {}));
    assert.match(textOf(sent.body), /1 meddelanden kunde inte skickas/);
    const failed = await t.ctx.db.selectFrom('outbox').selectAll().where('recipient', '=', 'bo@alfa.example').executeTakeFirstOrThrow();
    assert.equal(failed.delivery, 'failed');
    assert.ok(failed.error);
    const bo = await t.ctx.db.selectFrom('respondents').select('invited_at').where('email', '=', 'bo@alfa.example').executeTakeFirstOrThrow();
    assert.equal(bo.invited_at, null);
    rejectAll = false;
  });
});
