// `mogna study create` and `mogna study status`, run on a test database with the small world:
// the federation named as people type it, the study's rounds, the JSON per member and part, and
// the usage errors that exit with code 2.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createSmallWorld, type SmallWorld } from '../../../test/support/fixtures.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { CliUsageError } from '../cli-errors.ts';
import { buildProgram } from '../main.ts';
import { runStudyCreate, runStudyStatus } from './study-commands.ts';

for (const dialect of testDialects()) {
  describe(`mogna study (${dialect})`, () => {
    let t: TestContext;
    let world: SmallWorld;
    before(async () => {
      t = await createTestContext(dialect);
      world = await createSmallWorld(t.ctx);
    });
    after(async () => t.close());

    test('create sets up the study for the federation named by name, with the first analyst as contact', async () => {
      const printed = await runStudyCreate(t.ctx, { federation: 'testförbundet', year: '2027', parts: 'maturity,costs', members: 'all', closes: '2027-02-28' });
      assert.match(printed, /Created the 2027 study of Testförbundet/);
      assert.match(printed, /2 members, 2 new rounds/);
      const rounds = await t.ctx.db.selectFrom('rounds').selectAll().where('year', '=', 2027).execute();
      assert.equal(rounds.length, 2);
      assert.ok(rounds.every((round) => round.contact_email === world.users.analyst && round.closes_on === '2027-02-28'));
      assert.equal(t.mail.sent.length, 2);
    });

    test('status prints each member’s parts as JSON', async () => {
      const json = JSON.parse(await runStudyStatus(t.ctx, { federation: world.federationId, year: '2027', json: true })) as {
        status: string;
        members: Array<{ name: string; parts: Array<{ part: string; status: string; invited: number; submitted: number; rate: number | null }> }>;
      };
      assert.equal(json.status, 'open');
      assert.deepEqual(json.members.map((member) => member.name), ['Alfa kommun', 'Beta kommun']);
      assert.deepEqual(json.members[0]!.parts, [
        { part: 'maturity', status: 'not_started', invited: 0, submitted: 0, rate: null, next: 'add_respondents', owner: 'member' },
        { part: 'costs', status: 'no_ledger', invited: 0, submitted: 0, rate: null, next: 'upload_ledger', owner: 'member' },
      ] as unknown as typeof json.members[0]['parts']);
      assert.match(await runStudyStatus(t.ctx, { federation: 'Testförbundet', year: '2027' }), /Alfa kommun\n {2}maturity {8}not_started/);
    });

    test('mistakes are usage errors', async () => {
      const base = { federation: 'Testförbundet', year: '2028', parts: 'maturity', closes: '2028-02-28' };
      await assert.rejects(runStudyCreate(t.ctx, { ...base, parts: 'maturity,colours' }), CliUsageError);
      await assert.rejects(runStudyCreate(t.ctx, { ...base, closes: '28/2' }), CliUsageError);
      await assert.rejects(runStudyCreate(t.ctx, { ...base, federation: 'Alfa kommun' }), /not a federation/);
      await assert.rejects(runStudyCreate(t.ctx, { ...base, closes: '2026-01-01' }), /validation: closesOnPast/);
      await assert.rejects(runStudyCreate(t.ctx, { ...base, year: '2027' }), /study_exists/);
      await assert.rejects(runStudyStatus(t.ctx, { federation: 'Testförbundet', year: '2030' }), /not_found/);
      assert.equal((await t.ctx.db.selectFrom('studies').selectAll().execute()).length, 1);
    });

    test('the commands are registered with their options', () => {
      const study = buildProgram().commands.find((command) => command.name() === 'study');
      assert.deepEqual(study?.commands.map((command) => command.name()).sort(), ['create', 'status']);
    });
  });
}
