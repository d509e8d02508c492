// A mail that failed or bounced shows on the respondent's row (issue 15): refused by the mail
// server as it was sent (the outbox's 'failed'), or reported later by a bounce (DSN) that
// `mogna mail bounces` records. The row says what went wrong in plain words and what to do; a
// later mail that goes out clears it. Only the round's coordinators see the rows.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { operatorToolActor } from '../../cli/operator-actor.ts';
import { parseBounceReports } from '../../domain/mail/delivery-status.ts';
import type { OutgoingMail } from '../../app/mail-transport.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import { openRoundWithRespondents } from '../../../test/support/open-round.ts';
import { RecordingMail } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { textOf, type TestBrowser } from '../../../test/support/test-browser.ts';
import { createAppContext } from '../../app/bootstrap.ts';
import { loadConfig } from '../../app/config.ts';
import { createSmallWorld } from '../../../test/support/fixtures.ts';
import { insertRound } from './repository.ts';
import { recordBounces } from './bounce-service.ts';

/** A mail server that refuses one address, as SMTP does for an unknown mailbox. */
class RefusingMail extends RecordingMail {
  refuse = new Set<string>();
  override async deliver(mail: OutgoingMail): Promise<void> {
    if (this.refuse.has(mail.to)) throw new Error(`Can't send mail - all recipients were rejected: 550 5.1.1 <${mail.to}>: Recipient address rejected: User unknown`);
    await super.deliver(mail);
  }
}

/** A bounce report (DSN) for `address`, as a receiving server sends one back (made up here). */
function bounceFor(address: string): string {
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.alfa.example>',
    'Subject: Undelivered Mail Returned to Sender',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain',
    '',
    'Your message could not be delivered.',
    '--b1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.alfa.example',
    '',
    `Final-Recipient: rfc822; ${address}`,
    'Action: failed',
    'Status: 5.2.2',
    'Diagnostic-Code: smtp; 552 5.2.2 Mailbox full',
    '--b1--',
    '',
  ].join('\n');
}

for (const dialect of testDialects()) {
  describe(`delivery problems on the respondent's row (${dialect})`, () => {
    let loggedIn: LoggedInWorld;
    let coordinator: TestBrowser;
    let roundId: string;
    const mail = new RefusingMail();

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect, {}, { mail });
      ({ roundId, coordinator } = await openRoundWithRespondents(loggedIn));
    });
    after(async () => loggedIn.close());

    const rowOf = async (email: string) => {
      const html = (await coordinator.get(`/rounds/${roundId}/respondents`)).body;
      const row = html.split("<tr>").find((part) => part.includes(`<span class="respondent-email">${email}</span>`));
      assert.ok(row, email);
      return textOf(row.split('</tr>')[0]!);
    };

    test('a mail the server refused as it was sent: the reason in plain words and the fix', async () => {
      mail.refuse.add('bo@alfa.example');
      await coordinator.get(`/rounds/${roundId}`);
      await coordinator.post(`/rounds/${roundId}/invitations`, {});
      const bo = await rowOf('bo@alfa.example');
      assert.match(bo, /E-posten kunde inte skickas/);
      assert.match(bo, /Adressen finns inte hos mottagarens e-postserver/);
      assert.match(bo, /Kontrollera adressen/);
      assert.match(bo, /Recipient address rejected/);
      assert.doesNotMatch(await rowOf('anna@alfa.example'), /E-posten/);
    });

    test('a bounce reported later marks the row (any case of the address), and is audited', async () => {
      const summary = await recordBounces(loggedIn.t.ctx, operatorToolActor('test'), parseBounceReports(bounceFor('Anna@Alfa.example')));
      assert.deepEqual(summary, { failed: 1, marked: 1, unmatched: [] });
      const anna = await rowOf('anna@alfa.example');
      assert.match(anna, /E-posten kom inte fram/);
      assert.match(anna, /brevlåda är full/);
      const audit = await loggedIn.t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'mail_bounced').execute();
      assert.equal(audit.length, 1);
      const unknown = await recordBounces(loggedIn.t.ctx, operatorToolActor('test'), parseBounceReports(bounceFor('nobody@alfa.example')));
      assert.deepEqual(unknown, { failed: 1, marked: 0, unmatched: ['nobody@alfa.example'] });
    });

    test('only the coordinators see the rows; a later mail that goes out clears the warning', async () => {
      const viewer = await loggedIn.as('viewerA');
      const overview = textOf((await viewer.get(`/rounds/${roundId}`)).body);
      assert.doesNotMatch(overview, /anna@alfa\.example|kom inte fram|kunde inte skickas/);
      assert.equal((await viewer.get(`/rounds/${roundId}/respondents`)).status, 403, 'the rows are the coordinators\' part');

      loggedIn.t.clock.set(new Date(loggedIn.t.clock.now().getTime() + 60_000));
      const respondents = await loggedIn.t.ctx.db.selectFrom('respondents').select(['id', 'email']).where('round_id', '=', roundId).execute();
      for (const respondent of respondents) {
        await coordinator.get(`/rounds/${roundId}`);
        assert.equal((await coordinator.post(`/rounds/${roundId}/respondents/${respondent.id}/resend`, {})).status, 303);
      }
      assert.doesNotMatch(await rowOf('anna@alfa.example'), /E-posten/, 'the resent mail went out');
      assert.match(await rowOf('bo@alfa.example'), /E-posten kunde inte skickas/, 'still refused');
      mail.refuse.clear();
      loggedIn.t.clock.set(new Date(loggedIn.t.clock.now().getTime() + 60_000));
      // A refused invitation left Bo uninvited, so the ordinary "send invitations" tries him again.
      await coordinator.get(`/rounds/${roundId}`);
      await coordinator.post(`/rounds/${roundId}/invitations`, {});
      assert.doesNotMatch(await rowOf('bo@alfa.example'), /E-posten/);
    });
  });
}

describe('mogna mail bounces FILE and mogna mail tick', () => {
  const BIN = fileURLToPath(new URL('../../../bin/mogna.js', import.meta.url));
  let dir: string;
  let url: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mogna-bounces-'));
    url = `sqlite:${join(dir, 'cli.sqlite')}`;
    const { ctx, database } = await createAppContext(loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url }));
    try {
      const world = await createSmallWorld(ctx);
      const roundId = await insertRound(ctx, world.orgA, { name: 'Alfa 2026', year: 2026, instrumentKeys: ['digital-mognad'], openLink: false, status: 'open' });
      await ctx.db.insertInto('respondents').values({ id: ctx.ids.id(), round_id: roundId, email: 'cecilia@alfa.example', name: null, role: null, unit_id: null, via_open_link: 0, invited_at: null, reminded_at: null, created_at: '2026-11-25T10:00:00.000Z' }).execute();
    } finally {
      await database.close();
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('reads an mbox of bounce reports and marks the respondents', () => {
    const file = join(dir, 'bounces.mbox');
    writeFileSync(file, `From MAILER-DAEMON Mon Dec  7 09:12:01 2026\n${bounceFor('cecilia@alfa.example')}\nFrom MAILER-DAEMON Mon Dec  7 09:13:01 2026\n${bounceFor('okand@alfa.example')}`);
    const result = spawnSync(process.execPath, [BIN, 'mail', 'bounces', file], { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /2 failed deliveries read; 1 respondents marked as bounced/);
    assert.match(result.stdout, /okand@alfa\.example/);
    const tick = spawnSync(process.execPath, [BIN, 'mail', 'tick'], { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 60_000 });
    assert.equal(tick.status, 0, tick.stderr);
    assert.match(tick.stdout, /No scheduled reminder is due/);
    const missing = spawnSync(process.execPath, [BIN, 'mail', 'bounces', join(dir, 'none.eml')], { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 60_000 });
    assert.equal(missing.status, 2);
  });
});
