// The mail-text queries: their SQL on both dialects (snapshot), and what they do on each
// database: a text replaces the one of the same scope, kind and language; a round's texts come
// with its study's defaults and no other study's; a study comes with its federation's name.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createSmallWorld, type SmallWorld } from '../../../test/support/fixtures.ts';
import { assertSqlSnapshot, compileForBothDialects } from '../../../test/support/sql-snapshots.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { testDialects } from '../../../test/support/test-databases.ts';
import { deleteMailText, findStudy, mailTextsForRound, mailTextsOfStudy, storeRoundMailSettings, upsertMailText } from './mail-text-repository.ts';
import { findRound, insertRound } from './repository.ts';

const ROUND = '00000000-0000-4000-8000-0000000000aa';
const STUDY = '00000000-0000-4000-8000-0000000000cc';
const AT = '2026-03-01T10:00:00.000Z';
const text = { scope: 'round' as const, scope_id: ROUND, kind: 'invitation' as const, locale: 'sv', subject: 'Ämne', body: 'Text {länk}', updated_at: AT, updated_by: null };

test('the SQL of each mail-text query, on both dialects', async () => {
  assertSqlSnapshot(import.meta.url, {
    mailTextsForRound: await compileForBothDialects((db) => mailTextsForRound(db, ROUND, null)),
    mailTextsForRoundOfStudy: await compileForBothDialects((db) => mailTextsForRound(db, ROUND, STUDY)),
    mailTextsOfStudy: await compileForBothDialects((db) => mailTextsOfStudy(db, STUDY)),
    upsertMailText: await compileForBothDialects((db) => upsertMailText(db, text)),
    deleteMailText: await compileForBothDialects((db) => deleteMailText(db, text)),
    findStudy: await compileForBothDialects((db) => findStudy(db, STUDY)),
    storeRoundMailSettings: await compileForBothDialects((db) => storeRoundMailSettings(db, ROUND, { contactName: 'Sam', contactEmail: 'sam@alfa.example', closesOn: '2026-12-15' })),
  });
});

for (const dialect of testDialects()) {
  describe(`mail-text repository (${dialect})`, () => {
    let t: TestContext;
    let world: SmallWorld;
    let roundId: string;
    let studyId: string;

    before(async () => {
      t = await createTestContext(dialect);
      world = await createSmallWorld(t.ctx);
      roundId = await insertRound(t.ctx, world.orgA, { name: 'Alfa 2026', year: 2026, instrumentKeys: ['digital-mognad'], openLink: false });
      studyId = t.ctx.ids.id();
      const otherStudy = t.ctx.ids.id();
      for (const [id, year] of [[studyId, 2026], [otherStudy, 2025]] as const) {
        await t.ctx.db.insertInto('studies').values({ id, federation_id: world.federationId, year, closes_on: `${year}-12-15`, anonymity_threshold: 3, status: 'open', created_at: AT, created_by: null, closed_at: null }).execute();
      }
      await upsertMailText(t.ctx.db, { ...text, scope: 'study', scope_id: otherStudy, subject: 'Annan studie' });
    });
    after(async () => t.close());

    test('a text replaces the one of the same scope, kind and language', async () => {
      await upsertMailText(t.ctx.db, { ...text, scope_id: roundId });
      await upsertMailText(t.ctx.db, { ...text, scope_id: roundId, subject: 'Nytt ämne', updated_at: '2026-03-02T10:00:00.000Z' });
      await upsertMailText(t.ctx.db, { ...text, scope_id: roundId, locale: 'en', subject: 'Subject' });
      const rows = await mailTextsForRound(t.ctx.db, roundId, null);
      assert.deepEqual(rows.map((row) => [row.locale, row.subject, row.updated_at]), [['en', 'Subject', AT], ['sv', 'Nytt ämne', '2026-03-02T10:00:00.000Z']]);
    });

    test("a round's texts come with its own study's defaults only", async () => {
      await upsertMailText(t.ctx.db, { ...text, scope: 'study', scope_id: studyId, kind: 'reminder', subject: 'Studiens påminnelse' });
      const rows = await mailTextsForRound(t.ctx.db, roundId, studyId);
      assert.deepEqual(rows.map((row) => [row.scope, row.kind, row.locale, row.subject]), [
        ['round', 'invitation', 'en', 'Subject'],
        ['round', 'invitation', 'sv', 'Nytt ämne'],
        ['study', 'reminder', 'sv', 'Studiens påminnelse'],
      ]);
      assert.deepEqual((await mailTextsOfStudy(t.ctx.db, studyId)).map((row) => row.subject), ['Studiens påminnelse']);
    });

    test('deleting a text leaves the others', async () => {
      await deleteMailText(t.ctx.db, { scope: 'round', scope_id: roundId, kind: 'invitation', locale: 'en' });
      assert.deepEqual((await mailTextsForRound(t.ctx.db, roundId, null)).map((row) => row.locale), ['sv']);
    });

    test('a study with its federation, and a round’s contact person and last day', async () => {
      assert.deepEqual(await findStudy(t.ctx.db, studyId), { id: studyId, federationId: world.federationId, federationName: 'Testförbundet', year: 2026, closesOn: '2026-12-15' });
      assert.equal(await findStudy(t.ctx.db, roundId), undefined);
      await storeRoundMailSettings(t.ctx.db, roundId, { contactName: 'Sam Ordnare', contactEmail: 'sam@alfa.example', closesOn: '2026-12-15' });
      const round = await findRound(t.ctx.db, roundId);
      assert.deepEqual([round?.contact_name, round?.contact_email, round?.closes_on], ['Sam Ordnare', 'sam@alfa.example', '2026-12-15']);
    });
  });
}
