// The SQL of every study repository query, compiled for SQLite and PostgreSQL and compared with
// __snapshots__/repository.test.sql.json, so a changed query shows in review. What the queries do
// on each database is covered by federation-study.test.ts and the CLI's study test, per dialect.
import { test } from 'node:test';
import { assertSqlSnapshot, compileForBothDialects } from '../../../test/support/sql-snapshots.ts';
import {
  adoptRound,
  coordinatorsOf,
  deleteRoundInstrument,
  dueStudies,
  findStudy,
  findStudyById,
  findStudyMember,
  insertRoundInstrument,
  insertStudy,
  insertStudyMembers,
  instrumentHasAnswers,
  ledgerStates,
  markStudyClosed,
  roundsOfMembersInYear,
  roundsOfStudy,
  setPartDeclined,
  studiesOfFederation,
  studiesOfMember,
  studyMembersOf,
  submittedJointParts,
} from './repository.ts';

const FEDERATION = '00000000-0000-4000-8000-000000000001';
const MEMBER = '00000000-0000-4000-8000-000000000002';
const STUDY = '00000000-0000-4000-8000-0000000000aa';
const ROUND = '00000000-0000-4000-8000-0000000000bb';
const AT = '2026-03-01T10:00:00.000Z';

test('the SQL of each study repository query, on both dialects', async () => {
  const study = { id: STUDY, federation_id: FEDERATION, year: 2027, closes_on: '2027-03-31', anonymity_threshold: 3, status: 'open' as const, created_at: AT, created_by: null, closed_at: null };
  assertSqlSnapshot(import.meta.url, {
    insertStudy: await compileForBothDialects((db) => insertStudy(db, study)),
    insertStudyMembers: await compileForBothDialects((db) => insertStudyMembers(db, [{ study_id: STUDY, member_id: MEMBER, part: 'maturity', round_id: ROUND, declined_at: null, declined_by: null }])),
    findStudy: await compileForBothDialects((db) => findStudy(db, FEDERATION, 2027)),
    findStudyById: await compileForBothDialects((db) => findStudyById(db, STUDY)),
    studiesOfFederation: await compileForBothDialects((db) => studiesOfFederation(db, FEDERATION)),
    studiesOfMember: await compileForBothDialects((db) => studiesOfMember(db, MEMBER)),
    studyMembersOf: await compileForBothDialects((db) => studyMembersOf(db, STUDY)),
    findStudyMember: await compileForBothDialects((db) => findStudyMember(db, STUDY, MEMBER, 'security')),
    setPartDeclined: await compileForBothDialects((db) => setPartDeclined(db, { studyId: STUDY, memberId: MEMBER, part: 'security' }, { at: AT, by: null })),
    markStudyClosed: await compileForBothDialects((db) => markStudyClosed(db, STUDY, AT)),
    dueStudies: await compileForBothDialects((db) => dueStudies(db, '2027-04-01')),
    roundsOfMembersInYear: await compileForBothDialects((db) => roundsOfMembersInYear(db, [MEMBER], 2027)),
    roundsOfStudy: await compileForBothDialects((db) => roundsOfStudy(db, STUDY)),
    adoptRound: await compileForBothDialects((db) => adoptRound(db, ROUND, { studyId: STUDY, closesOn: '2027-03-31', contactName: 'Ana', contactEmail: 'ana@example.org', reminderDays: '7,2' })),
    insertRoundInstrument: await compileForBothDialects((db) => insertRoundInstrument(db, { roundId: ROUND, organisationId: MEMBER, year: 2027, key: 'formagekarta', version: '2026' })),
    deleteRoundInstrument: await compileForBothDialects((db) => deleteRoundInstrument(db, ROUND, 'formagekarta')),
    instrumentHasAnswers: await compileForBothDialects((db) => instrumentHasAnswers(db, ROUND, 'formagekarta')),
    submittedJointParts: await compileForBothDialects((db) => submittedJointParts(db, [ROUND])),
    ledgerStates: await compileForBothDialects((db) => ledgerStates(db, [MEMBER], 2027)),
    coordinatorsOf: await compileForBothDialects((db) => coordinatorsOf(db, [MEMBER])),
  });
});
