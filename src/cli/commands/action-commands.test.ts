// `mogna actions list`, run on a test database with the small world: the organisation named as
// people type it, the JSON of the year's actions, the text lines, and the usage errors.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createSmallWorld, type SmallWorld } from '../../../test/support/fixtures.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { actionForm } from '../../modules/actions/schema.ts';
import { changeActionStatus, createAction } from '../../modules/actions/service.ts';
import { CliUsageError } from '../cli-errors.ts';
import { operatorToolActor } from '../operator-actor.ts';
import { runActionsList } from './action-commands.ts';

for (const dialect of testDialects()) {
  describe(`mogna actions (${dialect})`, () => {
    let t: TestContext;
    let world: SmallWorld;
    before(async () => {
      t = await createTestContext(dialect);
      world = await createSmallWorld(t.ctx);
      const actor = { ...operatorToolActor('test'), isOperator: false, roles: new Map([[world.orgA, 'analyst' as const]]) };
      const form = actionForm(() => true);
      const base = { description: '', sourceKind: 'free', capability: '', sourceRef: '', owner: 'IT-chef', dueOn: '2027-03-31', status: 'planned' };
      const id = await createAction(t.ctx, actor, world.orgA, form.parse({ ...base, title: 'Rutin för behörigheter', year: '2026' }));
      await createAction(t.ctx, actor, world.orgA, form.parse({ ...base, title: 'Förra årets åtgärd', year: '2025', dueOn: '' }));
      await changeActionStatus(t.ctx, actor, world.orgA, id, { status: 'done', note: 'Rutinen är beslutad' });
    });
    after(async () => t.close());

    test('list prints the year’s actions as JSON', async () => {
      const json = JSON.parse(await runActionsList(t.ctx, { org: 'alfa kommun', year: '2026', json: true })) as {
        organisation: { id: string; name: string };
        actions: Array<Record<string, unknown>>;
      };
      assert.deepEqual(json.organisation, { id: world.orgA, name: 'Alfa kommun' });
      assert.equal(json.actions.length, 1);
      assert.deepEqual(
        { ...json.actions[0], id: undefined },
        {
          id: undefined,
          year: 2026,
          title: 'Rutin för behörigheter',
          description: '',
          sourceKind: 'free',
          sourceRef: null,
          instrumentKey: null,
          capabilityName: null,
          owner: 'IT-chef',
          dueOn: '2027-03-31',
          status: 'done',
          lastNote: 'Rutinen är beslutad',
        },
      );
      const all = JSON.parse(await runActionsList(t.ctx, { org: world.orgA, json: true })) as { actions: unknown[] };
      assert.equal(all.actions.length, 2);
      assert.match(await runActionsList(t.ctx, { org: 'Alfa kommun', year: '2026' }), /2026 {2}done {8}2027-03-31 {2}Rutin för behörigheter \(IT-chef\)/);
      assert.match(await runActionsList(t.ctx, { org: 'Beta kommun' }), /Beta kommun: no actions/);
    });

    test('mistakes are usage errors', async () => {
      await assert.rejects(runActionsList(t.ctx, { org: 'Alfa kommun', year: '26' }), CliUsageError);
      await assert.rejects(runActionsList(t.ctx, { org: 'Ingen kommun' }), CliUsageError);
    });
  });
}
