// One e-mail check for every path that takes an address (issue 15): the respondent form on the
// round page, the respondent file, the joint assessment's contact and the operator's new account
// are fed the same addresses, and each accepts exactly those src/domain/email.ts accepts and
// stores them in the same form (copy-paste leftovers removed, lower case). On both databases.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PASSWORD, type SmallWorld } from '../../../test/support/fixtures.ts';
import { openLoggedInWorld, type LoggedInWorld } from '../../../test/support/logged-in-world.ts';
import type { TestApp } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { isValidEmail, MAX_EMAIL_LENGTH, normaliseEmail } from '../../domain/email.ts';
import { insertRound } from '../rounds/repository.ts';
import { parseRespondentFile } from './respondent-file-parser.ts';

const ACCEPTED = [
  'anna@kommun.se',
  '  Anna.Svensson+enkat@Kommun.SE ',
  'mailto:bo@kommun.se',
  'cecilia@kommun.se\u200b',
  "o'brien@council.gov.uk",
  'x@räksmörgås.se',
  'dan@kommun.XN--P1AI',
  `${'e'.repeat(MAX_EMAIL_LENGTH - '@kommun.se'.length)}@kommun.se`,
];

const REJECTED = [
  '',
  'göran.öst@kommun.se',
  '.anna@kommun.se',
  'anna.@kommun.se',
  'anna@kommun',
  'anna @kommun.se',
  'anna@@kommun.se',
  'anna.kommun.se',
  'anna@kommun..se',
  'anna@-kommun.se',
  'anna@kommun.s3',
  'anna@[127.0.0.1]',
  'mailto:',
  `${'f'.repeat(MAX_EMAIL_LENGTH - '@kommun.se'.length + 1)}@kommun.se`,
];

test('the list agrees with the one check itself', () => {
  for (const address of ACCEPTED) assert.equal(isValidEmail(normaliseEmail(address)), true, JSON.stringify(address));
  for (const address of REJECTED) assert.equal(isValidEmail(normaliseEmail(address)), false, JSON.stringify(address));
});

test('the respondent file accepts and rejects the same addresses, stored the same way', async () => {
  const units: Array<{ id: string; path: string[] }> = [];
  const read = (address: string) => parseRespondentFile({ fileName: 'respondenter.csv', data: Buffer.from(`E-post;Namn\r\n${address};Namn\r\n`, 'utf8') }, { existingEmails: new Set(), units });
  for (const address of ACCEPTED) {
    const result = await read(address);
    assert.ok(result.ok, `${JSON.stringify(address)}: ${JSON.stringify(result.ok ? null : result.problems)}`);
    assert.equal(result.rows[0]!.email, normaliseEmail(address));
  }
  for (const address of REJECTED) {
    const result = await read(address);
    assert.equal(result.ok, false, JSON.stringify(address));
  }
});

for (const dialect of testDialects()) {
  describe(`one e-mail check on the forms (${dialect})`, () => {
    let loggedIn: LoggedInWorld;
    let t: TestApp;
    let world: SmallWorld;

    before(async () => {
      loggedIn = await openLoggedInWorld(dialect);
      ({ t, world } = loggedIn);
    });
    after(async () => loggedIn.close());

    test('the respondent form on the round page', async () => {
      const roundId = await insertRound(t.ctx, world.orgA, { name: 'Adresser 2026', year: 2026, instrumentKeys: ['digital-mognad'], openLink: false, status: 'open' });
      const coordinator = await loggedIn.as('coordinatorA');
      for (const address of [...ACCEPTED, ...REJECTED]) {
        await coordinator.get(`/rounds/${roundId}`);
        const response = await coordinator.post(`/rounds/${roundId}/respondents`, { email: address });
        assert.equal(response.status, ACCEPTED.includes(address) ? 303 : 400, JSON.stringify(address));
      }
      const stored = await t.ctx.db.selectFrom('respondents').select('email').where('round_id', '=', roundId).execute();
      assert.deepEqual(stored.map((row) => row.email).sort(), ACCEPTED.map(normaliseEmail).sort());
    });

    test('the joint assessment\'s contact', async () => {
      const roundId = await insertRound(t.ctx, world.orgA, { name: 'Förmågekarta 2026', year: 2026, instrumentKeys: ['formagekarta'], openLink: false, status: 'open' });
      const coordinator = await loggedIn.as('coordinatorA');
      for (const address of [...ACCEPTED, ...REJECTED]) {
        await coordinator.get(`/rounds/${roundId}/joint/assign`);
        const response = await coordinator.post(`/rounds/${roundId}/joint/assign`, { name: 'Nora Namn', email: address });
        assert.equal(response.status, ACCEPTED.includes(address) ? 303 : 400, JSON.stringify(address));
        if (ACCEPTED.includes(address)) {
          const joint = await t.ctx.db.selectFrom('respondents').select('contact_email').where('round_id', '=', roundId).where('joint', '=', 1).executeTakeFirstOrThrow();
          assert.equal(joint.contact_email, normaliseEmail(address));
        }
      }
    });

    test('the operator\'s new account', async () => {
      const operator = await loggedIn.as('operator');
      for (const address of [...ACCEPTED, ...REJECTED]) {
        await operator.get('/operator');
        const response = await operator.post('/operator/users', { userName: 'Ny Användare', userEmail: address, userPassword: PASSWORD, userOrganisation: '', userRole: 'coordinator' });
        assert.equal(response.status, ACCEPTED.includes(address) ? 303 : 400, JSON.stringify(address));
      }
      const stored = await t.ctx.db.selectFrom('users').select('email').where('name', '=', 'Ny Användare').execute();
      assert.deepEqual(stored.map((row) => row.email).sort(), ACCEPTED.map(normaliseEmail).sort());
    });
  });
}
