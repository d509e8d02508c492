import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deliveryProblem, parseBounceReports, respondentMailProblem, splitMbox } from './delivery-status.ts';

// A bounce as a mail server writes it (made up for this test): a human part, the
// machine-readable delivery-status part with a folded Diagnostic-Code, and the returned headers.
const BOUNCE = [
  'Return-Path: <>',
  'From: Mail Delivery System <MAILER-DAEMON@mx.kommun.example>',
  'To: mogna@federation.example',
  'Subject: Undelivered Mail Returned to Sender',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status;',
  '\tboundary="B0UND.1"',
  '',
  'This is a MIME-encapsulated message.',
  '',
  '--B0UND.1',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Your message could not be delivered to one or more recipients.',
  '',
  '--B0UND.1',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx.kommun.example',
  'Arrival-Date: Mon, 7 Dec 2026 09:12:01 +0100',
  '',
  'Final-Recipient: rfc822; Anna.Svensson@Kommun.example',
  'Original-Recipient: rfc822;anna.svensson@kommun.example',
  'Action: failed',
  'Status: 5.1.1',
  'Diagnostic-Code: smtp; 550 5.1.1 <anna.svensson@kommun.example>: Recipient',
  '    address rejected: User unknown in local recipient table',
  '',
  'Final-Recipient: rfc822; bo@kommun.example',
  'Action: delayed',
  'Status: 4.4.1',
  '',
  '--B0UND.1',
  'Content-Type: text/rfc822-headers',
  '',
  'Subject: Påminnelse: enkät om digital mognad',
  '',
  '--B0UND.1--',
  '',
].join('\r\n');

test('a DSN gives each recipient with its action, status and the server\'s words', () => {
  assert.deepEqual(parseBounceReports(BOUNCE), [
    {
      recipient: 'anna.svensson@kommun.example',
      action: 'failed',
      status: '5.1.1',
      diagnostic: 'smtp; 550 5.1.1 <anna.svensson@kommun.example>: Recipient address rejected: User unknown in local recipient table',
    },
    { recipient: 'bo@kommun.example', action: 'delayed', status: '4.4.1', diagnostic: '' },
  ]);
});

test('an mbox holds several messages; a mail that is no bounce gives nothing', () => {
  const plain = 'From: someone@example.org\nSubject: Hej\n\nFrom here on, just text.\n';
  const base64Part = BOUNCE.replace(
    /Content-Type: message\/delivery-status\r\n\r\n[\s\S]*?\r\n--B0UND.1\r\nContent-Type: text\/rfc822/,
    `Content-Type: message/delivery-status\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from('Reporting-MTA: dns; mx\n\nFinal-Recipient: rfc822; cecilia@kommun.example\nAction: failed\nStatus: 5.2.2\n').toString('base64')}\r\n--B0UND.1\r\nContent-Type: text/rfc822`,
  );
  const mbox = ['From MAILER-DAEMON Mon Dec  7 09:12:01 2026', BOUNCE, 'From someone@example.org Mon Dec  7 10:00:00 2026', plain, 'From MAILER-DAEMON Mon Dec  7 11:00:00 2026', base64Part].join('\n');
  assert.equal(splitMbox(mbox).length, 3);
  assert.match(splitMbox(mbox)[1]!, /From here on, just text/);
  assert.deepEqual(
    parseBounceReports(mbox).map((report) => [report.recipient, report.action, report.status]),
    [
      ['anna.svensson@kommun.example', 'failed', '5.1.1'],
      ['bo@kommun.example', 'delayed', '4.4.1'],
      ['cecilia@kommun.example', 'failed', '5.2.2'],
    ],
  );
  assert.deepEqual(parseBounceReports(plain), []);
  assert.deepEqual(parseBounceReports(''), []);
});

test('delivery problems in plain categories, from a status code or the SMTP reply', () => {
  assert.equal(deliveryProblem('smtp; 550 5.1.1 User unknown'), 'no_such_address');
  assert.equal(deliveryProblem('5.1.2'), 'no_such_domain');
  assert.equal(deliveryProblem('5.4.4 Unable to route'), 'no_such_domain');
  assert.equal(deliveryProblem('552 5.2.2 Mailbox full'), 'mailbox_full');
  assert.equal(deliveryProblem('554 5.7.1 Message rejected as spam'), 'refused');
  assert.equal(deliveryProblem('451 4.3.0 Try again later'), 'temporary');
  assert.equal(deliveryProblem("Can't send mail - all recipients were rejected: 550 Unknown user"), 'no_such_address');
  assert.equal(deliveryProblem('connect ECONNREFUSED 127.0.0.1:25'), 'mail_server');
  assert.equal(deliveryProblem('something odd'), 'unknown');
});

test('the row warns about the later of a failed last mail and a recorded bounce', () => {
  const none = { bouncedAt: null, bounceReason: null, lastMailAt: null, lastDelivery: null, lastError: null };
  assert.equal(respondentMailProblem(none), null);
  assert.equal(respondentMailProblem({ ...none, lastMailAt: '2026-12-01T10:00:00.000Z', lastDelivery: 'smtp' }), null);
  const failed = { ...none, lastMailAt: '2026-12-01T10:00:00.000Z', lastDelivery: 'failed' as const, lastError: '550 5.1.1 User unknown' };
  assert.deepEqual(respondentMailProblem(failed), { kind: 'failed', reason: '550 5.1.1 User unknown', at: '2026-12-01T10:00:00.000Z', problem: 'no_such_address' });
  const bounced = { ...failed, bouncedAt: '2026-12-02T08:00:00.000Z', bounceReason: '5.2.2 smtp; 552 Mailbox full' };
  assert.equal(respondentMailProblem(bounced)?.kind, 'bounced');
  assert.equal(respondentMailProblem(bounced)?.problem, 'mailbox_full');
  assert.equal(respondentMailProblem({ ...bounced, bouncedAt: '2026-11-30T08:00:00.000Z' })?.kind, 'failed');
});
