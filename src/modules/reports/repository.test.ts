// The SQL of every report repository query, compiled for SQLite and PostgreSQL and compared with
// __snapshots__/repository.test.sql.json, so a changed query shows in review. What the queries
// do on each database is covered by the report tests (report-pages, demo-reports, the federation
// report's access test), run per dialect. readPublishedFigures stops early on the compiling
// database (no federation row): the ledger queries it goes on to are the cost repository's own,
// snapshotted there.
import { test } from 'node:test';
import { assertSqlSnapshot, compileForBothDialects } from '../../../test/support/sql-snapshots.ts';
import {
  closedInstrumentVersions,
  deleteStudyLogo,
  ledgerOrganisationsOf,
  ledgerYearsOf,
  roundYearsOf,
  submittedJointAnswersOf,
  submittedRoundsOf,
  insertIssueDigests,
  insertIssueFiles,
  insertReportIssue,
  listReportIssues,
  nextVersionNumber,
  organisationName,
  readIssueDigests,
  readIssueFile,
  readMemberTexts,
  readPublishedFigures,
  readStudyLogo,
  readStudySettings,
  saveMemberTexts,
  saveStudyLogo,
  saveStudySettings,
} from './repository.ts';

const ORG = '00000000-0000-4000-8000-000000000001';
const MEMBER = '00000000-0000-4000-8000-000000000002';
const ISSUE = '00000000-0000-4000-8000-0000000000aa';
const AT = '2026-01-01T00:00:00.000Z';

const settings = { background: 'b', purpose: 'p', goal: 'g', scope: 's', goalPicture: ['ett', 'två'], author: 'a', title: 't', subtitle: 'u' };

test('the SQL of each report repository query, on both dialects', async () => {
  assertSqlSnapshot(import.meta.url, {
    readStudySettings: await compileForBothDialects((db) => readStudySettings(db, ORG, 2025)),
    saveStudySettings: await compileForBothDialects((db) => saveStudySettings(db, ORG, 2025, settings, null, AT)),
    listReportIssues: await compileForBothDialects((db) => listReportIssues(db, ORG, 2025, 'member')),
    nextVersionNumber: await compileForBothDialects((db) => nextVersionNumber(db, ORG, 2025, 'federation')),
    insertReportIssue: await compileForBothDialects((db) =>
      db.transaction().execute((trx) => insertReportIssue(trx, { id: ISSUE, subjectOrganisationId: ORG, year: 2025, kind: 'member', issuedAt: AT, issuedBy: 'Analytiker', reason: 'Första', classification: 1 })),
    ),
    organisationName: await compileForBothDialects((db) => organisationName(db, ORG)),
    readMemberTexts: await compileForBothDialects((db) => readMemberTexts(db, ORG, 2025)),
    saveMemberTexts: await compileForBothDialects((db) => saveMemberTexts(db, ORG, 2025, { summary: 'Sammanfattning', costs: ' ' }, null, AT)),
    insertIssueFiles: await compileForBothDialects((db) => insertIssueFiles(db, ISSUE, { docx: Buffer.from('docx'), pdf: Buffer.from('pdf') })),
    readIssueFile: await compileForBothDialects((db) => readIssueFile(db, ISSUE, 'pdf')),
    insertIssueDigests: await compileForBothDialects((db) => insertIssueDigests(db, ISSUE, { parts: { costs: 'abc' }, texts: { summary: 'def' } })),
    readIssueDigests: await compileForBothDialects((db) => readIssueDigests(db, [ISSUE])),
    readStudyLogo: await compileForBothDialects((db) => readStudyLogo(db, ORG, 2025)),
    saveStudyLogo: await compileForBothDialects((db) => saveStudyLogo(db, ORG, 2025, { data: Buffer.from('png'), type: 'png', width: 10, height: 5 }, null, AT)),
    deleteStudyLogo: await compileForBothDialects((db) => deleteStudyLogo(db, ORG, 2025)),
    submittedRoundsOf: await compileForBothDialects((db) => submittedRoundsOf(db, [ORG, MEMBER], 2025)),
    submittedJointAnswersOf: await compileForBothDialects((db) => submittedJointAnswersOf(db, [ORG, MEMBER], 2025)),
    ledgerOrganisationsOf: await compileForBothDialects((db) => ledgerOrganisationsOf(db, [ORG, MEMBER], 2025)),
    roundYearsOf: await compileForBothDialects((db) => roundYearsOf(db, [ORG, MEMBER])),
    ledgerYearsOf: await compileForBothDialects((db) => ledgerYearsOf(db, [ORG, MEMBER])),
    closedInstrumentVersions: await compileForBothDialects((db) => closedInstrumentVersions(db, 'mognad', 2025, [ORG, MEMBER])),
    readPublishedFigures: await compileForBothDialects((db) =>
      readPublishedFigures(db, { federationId: ORG, year: 2025, numbering: new Map([[MEMBER, 1]]), jointInstrumentKeys: ['informationssakerhet'] }),
    ),
  });
});
