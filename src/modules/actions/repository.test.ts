// The action plan's queries: their SQL for SQLite and PostgreSQL against
// __snapshots__/repository.test.sql.json, and what they do on each database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createSmallWorld, type SmallWorld } from '../../../test/support/fixtures.ts';
import { assertSqlSnapshot, compileForBothDialects } from '../../../test/support/sql-snapshots.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import {
  actionsOfOrganisation,
  findAction,
  insertAction,
  insertActionUpdate,
  memberActionsOfFederation,
  membersOfFederation,
  organisationInfo,
  participantsOf,
  setActionStatus,
  setParticipants,
  sharedActionsOfMember,
  updateAction,
  updatesOfActions,
} from './repository.ts';

const ACTION = '00000000-0000-4000-8000-0000000000ac';
const ORG = '00000000-0000-4000-8000-000000000001';
const AT = '2026-03-01T10:00:00.000Z';

const row = (id: string, organisation_id: string, extra: Partial<{ year: number; title: string; status: 'planned' | 'done' }> = {}) => ({
  id,
  organisation_id,
  year: 2026,
  title: 'Rutin för behörigheter',
  source_kind: 'free' as const,
  source_ref: null,
  instrument_key: null,
  due_on: null,
  status: 'planned' as const,
  created_at: AT,
  created_by: null,
  updated_at: AT,
  ...extra,
});

test('the SQL of each action plan repository query, on both dialects', async () => {
  const fields = { title: 'T', description: '', year: 2026, source_kind: 'free' as const, source_ref: null, instrument_key: null, owner: 'IT-chef', due_on: null, status: 'done' as const, updated_at: AT };
  assertSqlSnapshot(import.meta.url, {
    findAction: await compileForBothDialects((db) => findAction(db, ACTION)),
    actionsOfOrganisation: await compileForBothDialects((db) => actionsOfOrganisation(db, ORG, 2026)),
    actionsOfOrganisationAllYears: await compileForBothDialects((db) => actionsOfOrganisation(db, ORG, undefined)),
    sharedActionsOfMember: await compileForBothDialects((db) => sharedActionsOfMember(db, ORG, 2026)),
    insertAction: await compileForBothDialects((db) => insertAction(db, row(ACTION, ORG))),
    updateAction: await compileForBothDialects((db) => updateAction(db, ACTION, fields)),
    setActionStatus: await compileForBothDialects((db) => setActionStatus(db, ACTION, 'done', AT)),
    insertActionUpdate: await compileForBothDialects((db) => insertActionUpdate(db, { id: ACTION, action_id: ACTION, at: AT, by_user: null, status: 'done', note: 'Klart' })),
    updatesOfActions: await compileForBothDialects((db) => updatesOfActions(db, [ACTION])),
    setParticipants: await compileForBothDialects((db) => setParticipants(db, ACTION, [ORG])),
    participantsOf: await compileForBothDialects((db) => participantsOf(db, ACTION)),
    membersOfFederation: await compileForBothDialects((db) => membersOfFederation(db, ORG)),
    memberActionsOfFederation: await compileForBothDialects((db) => memberActionsOfFederation(db, ORG, 2026)),
    organisationInfo: await compileForBothDialects((db) => organisationInfo(db, ORG)),
  });
});

for (const dialect of testDialects()) {
  describe(`action plan repository (${dialect})`, () => {
    let t: TestContext;
    let world: SmallWorld;

    before(async () => {
      t = await createTestContext(dialect);
      world = await createSmallWorld(t.ctx);
    });
    after(async () => t.close());

    test("lists an organisation's actions by year, its updates oldest first, and a shared action's members", async () => {
      const { db } = t.ctx;
      const a = t.ctx.ids.id();
      const b = t.ctx.ids.id();
      const shared = t.ctx.ids.id();
      await insertAction(db, row(a, world.orgA));
      await insertAction(db, row(b, world.orgA, { year: 2025, title: 'Förra året' }));
      await insertAction(db, row(shared, world.federationId, { title: 'Gemensam' }));
      assert.deepEqual((await actionsOfOrganisation(db, world.orgA, 2026)).map((r) => r.id), [a]);
      assert.deepEqual((await actionsOfOrganisation(db, world.orgA, undefined)).map((r) => r.id), [a, b]);
      await setActionStatus(db, a, 'done', '2026-04-01T10:00:00.000Z');
      assert.equal((await findAction(db, a))?.status, 'done');
      await insertActionUpdate(db, { id: t.ctx.ids.id(), action_id: a, at: '2026-04-01T10:00:00.000Z', by_user: null, status: 'done', note: 'Klart' });
      await insertActionUpdate(db, { id: t.ctx.ids.id(), action_id: a, at: AT, by_user: null, status: 'planned', note: '' });
      assert.deepEqual((await updatesOfActions(db, [a])).map((u) => u.status), ['planned', 'done']);
      assert.deepEqual(await updatesOfActions(db, []), []);
      await setParticipants(db, shared, [world.orgB, world.orgA]);
      await setParticipants(db, shared, [world.orgB]);
      assert.deepEqual(await participantsOf(db, shared), [{ id: world.orgB, name: 'Beta kommun' }]);
      assert.deepEqual((await sharedActionsOfMember(db, world.orgB, 2026)).map((r) => r.id), [shared]);
      assert.deepEqual(await sharedActionsOfMember(db, world.orgA, 2026), []);
      assert.deepEqual((await membersOfFederation(db, world.federationId)).map((m) => m.name), ['Alfa kommun', 'Beta kommun']);
      assert.deepEqual((await memberActionsOfFederation(db, world.federationId, 2026)).map((r) => [r.organisation_id, r.status]), [[world.orgA, 'done']]);
      assert.equal((await organisationInfo(db, world.federationId))?.kind, 'kommunalforbund');
    });
  });
}
