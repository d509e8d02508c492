// The method checklist's queries: their SQL for SQLite and PostgreSQL against
// __snapshots__/repository.test.sql.json, and what they do on each database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertTestStudy } from '../../../test/support/checklist-studies.ts';
import { createSmallWorld, type SmallWorld } from '../../../test/support/fixtures.ts';
import { assertSqlSnapshot, compileForBothDialects } from '../../../test/support/sql-snapshots.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import {
  findStudy,
  findStudyOfFederation,
  findStudyOfMember,
  hadStudyInYear,
  isMemberOfStudy,
  membersOfStudy,
  STUDY_SCOPE,
  tickedSteps,
  tickStep,
  untickStep,
} from './repository.ts';

const STUDY = '00000000-0000-4000-8000-0000000000aa';
const ORG = '00000000-0000-4000-8000-000000000001';
const AT = '2026-03-01T10:00:00.000Z';

test('the SQL of each method checklist repository query, on both dialects', async () => {
  assertSqlSnapshot(import.meta.url, {
    findStudy: await compileForBothDialects((db) => findStudy(db, STUDY)),
    findStudyOfFederation: await compileForBothDialects((db) => findStudyOfFederation(db, ORG, 2026)),
    findStudyOfMember: await compileForBothDialects((db) => findStudyOfMember(db, ORG, 2026)),
    hadStudyInYear: await compileForBothDialects((db) => hadStudyInYear(db, ORG, 2025)),
    membersOfStudy: await compileForBothDialects((db) => membersOfStudy(db, STUDY)),
    isMemberOfStudy: await compileForBothDialects((db) => isMemberOfStudy(db, STUDY, ORG)),
    tickedSteps: await compileForBothDialects((db) => tickedSteps(db, STUDY)),
    tickStep: await compileForBothDialects((db) => tickStep(db, { study_id: STUDY, member_id: ORG, step_key: 'explain-terms', done_at: AT, done_by: null })),
    untickStep: await compileForBothDialects((db) => untickStep(db, STUDY, ORG, 'explain-terms')),
  });
});

for (const dialect of testDialects()) {
  describe(`method checklist repository (${dialect})`, () => {
    let t: TestContext;
    let world: SmallWorld;
    let study: string;

    before(async () => {
      t = await createTestContext(dialect);
      world = await createSmallWorld(t.ctx);
      await insertTestStudy(t.ctx, { federationId: world.federationId, year: 2025, memberIds: [world.orgA] });
      study = await insertTestStudy(t.ctx, { federationId: world.federationId, year: 2026, memberIds: [world.orgB, world.orgA] });
    });
    after(async () => t.close());

    test('finds the study by id, by federation and year, and by member and year', async () => {
      const { db } = t.ctx;
      assert.deepEqual(await findStudy(db, study), { id: study, federation_id: world.federationId, year: 2026 });
      assert.equal((await findStudyOfFederation(db, world.federationId, 2026))?.id, study);
      assert.equal((await findStudyOfMember(db, world.orgB, 2026))?.id, study);
      assert.equal(await findStudyOfMember(db, world.orgB, 2025), undefined, 'Beta took no part in 2025');
      assert.equal(await hadStudyInYear(db, world.federationId, 2025), true);
      assert.equal(await hadStudyInYear(db, world.federationId, 2024), false);
    });

    test('lists each member once, by name, whatever parts it takes', async () => {
      assert.deepEqual(await membersOfStudy(t.ctx.db, study), [
        { id: world.orgA, name: 'Alfa kommun' },
        { id: world.orgB, name: 'Beta kommun' },
      ]);
      assert.equal(await isMemberOfStudy(t.ctx.db, study, world.orgA), true);
      assert.equal(await isMemberOfStudy(t.ctx.db, study, world.federationId), false);
    });

    test('a step is ticked once per study and member, keeps its first time, and can be unticked', async () => {
      const { db } = t.ctx;
      const row = { study_id: study, member_id: world.orgA, step_key: 'explain-terms', done_at: AT, done_by: null };
      assert.equal(await tickStep(db, row), true);
      assert.equal(await tickStep(db, { ...row, done_at: '2026-04-01T10:00:00.000Z' }), false, 'a second tick changes nothing');
      assert.equal(await tickStep(db, { ...row, member_id: STUDY_SCOPE, step_key: 'project-lead' }), true);
      assert.deepEqual(await tickedSteps(db, study), [
        { member_id: STUDY_SCOPE, step_key: 'project-lead', done_at: AT },
        { member_id: world.orgA, step_key: 'explain-terms', done_at: AT },
      ]);
      assert.equal(await untickStep(db, study, world.orgA, 'explain-terms'), true);
      assert.equal(await untickStep(db, study, world.orgA, 'explain-terms'), false);
      assert.deepEqual((await tickedSteps(db, study)).map((r) => r.step_key), ['project-lead']);
    });
  });
}
