// `mogna audit` and `mogna gdpr` as an operator runs them on the server: child processes on a
// database of each dialect, seeded through the services.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createSmallWorld, type SmallWorld } from '../../../test/support/fixtures.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../test/support/test-databases.ts';
import { loadUserActor } from '../../app/actor.ts';
import { createAppContext } from '../../app/bootstrap.ts';
import { loadConfig } from '../../app/config.ts';
import { addRespondent } from '../../modules/rounds/respondent-service.ts';
import { closeRound, openRound } from '../../modules/rounds/round-service.ts';
import { insertRound } from '../../modules/rounds/repository.ts';

const BIN = fileURLToPath(new URL('../../../bin/mogna.js', import.meta.url));

for (const dialect of testDialects()) {
  describe(`mogna audit and gdpr (${dialect})`, () => {
    let dir: string;
    let database: TestDatabase;
    let url: string;
    let world: SmallWorld;

    const mogna = (args: string[], extraEnv: Record<string, string> = {}) => {
      const result = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent', ...extraEnv }, encoding: 'utf8', timeout: 60_000 });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'mogna-privacy-'));
      if (dialect === 'sqlite') {
        url = `sqlite:${join(dir, 'cli.sqlite')}`;
      } else {
        database = await createTestDatabase('postgres');
        url = database.url;
      }
      const { ctx, database: handle } = await createAppContext(loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url }));
      try {
        world = await createSmallWorld(ctx);
        const userId = (await ctx.db.selectFrom('users').select('id').where('email', '=', world.users.coordinatorA).executeTakeFirstOrThrow()).id;
        const actor = (await loadUserActor(ctx.db, userId))!;
        const roundId = await insertRound(ctx, world.orgA, { name: 'Alfa 2020', year: 2020, instrumentKeys: ['digital-mognad'], openLink: false });
        await openRound(ctx, actor, roundId);
        await addRespondent(ctx, actor, roundId, { email: 'cecilia@alfa.example', name: 'Cecilia Ek', role: null, unitId: null });
        await closeRound(ctx, actor, roundId);
      } finally {
        await handle.close();
      }
    });
    after(async () => {
      rmSync(dir, { recursive: true, force: true });
      await database?.dispose();
    });

    test("audit --json prints the organisation's entries, and only theirs", () => {
      const result = mogna(['audit', '--org', world.orgA, '--json']);
      assert.equal(result.code, 0, result.stderr);
      const entries = JSON.parse(result.stdout) as Array<{ action: string; organisationId: string | null }>;
      const actions = entries.map((entry) => entry.action);
      for (const action of ['round_opened', 'respondent_added', 'round_closed', 'membership_changed']) assert.ok(actions.includes(action), action);
      assert.ok(entries.every((entry) => entry.organisationId === world.orgA));
      const other = JSON.parse(mogna(['audit', '--org', world.orgB, '--json']).stdout) as Array<{ action: string }>;
      assert.ok(!other.some((entry) => entry.action === 'round_opened'));
      const future = JSON.parse(mogna(['audit', '--org', world.orgA, '--since', '2999-01-01', '--json']).stdout) as unknown[];
      assert.deepEqual(future, []);
    });

    test('bad arguments exit with 2 and say what to fix', () => {
      const badDate = mogna(['audit', '--org', world.orgA, '--since', '31/01/2026']);
      assert.equal(badDate.code, 2);
      assert.match(badDate.stderr, /--since must be a date such as 2026-01-31/);
      const unknown = mogna(['audit', '--org', 'no-such-org']);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /no organisation has the id "no-such-org"/);
      assert.equal(mogna(['audit']).code, 2);
      const badEmail = mogna(['gdpr', 'export', '--email', 'not-an-address']);
      assert.equal(badEmail.code, 2);
      assert.match(badEmail.stderr, /--email must be an e-mail address/);
    });

    test('gdpr export prints the extract; gdpr erase removes it; gdpr sweep reports what it removed', () => {
      const exported = mogna(['gdpr', 'export', '--email', 'cecilia@alfa.example']);
      assert.equal(exported.code, 0, exported.stderr);
      const extract = JSON.parse(exported.stdout) as { respondents: Array<{ name: string; roundName: string }> };
      assert.deepEqual(extract.respondents.map((row) => [row.name, row.roundName]), [['Cecilia Ek', 'Alfa 2020']]);

      const erased = mogna(['gdpr', 'erase', '--email', 'cecilia@alfa.example']);
      assert.equal(erased.code, 0, erased.stderr);
      assert.match(erased.stdout, /Erased: 1 respondent rows, 0 stored mails, no account/);
      assert.deepEqual((JSON.parse(mogna(['gdpr', 'export', '--email', 'cecilia@alfa.example']).stdout) as { respondents: unknown[] }).respondents, []);

      const swept = mogna(['gdpr', 'sweep'], { RESPONDENT_DATA_MONTHS: '1' });
      assert.equal(swept.code, 0, swept.stderr);
      assert.match(swept.stdout, /Removed names and e-mail addresses of 0 respondents in 0 rounds \(lifetime 1 months/);
    });
  });
}
