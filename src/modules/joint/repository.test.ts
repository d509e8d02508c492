// The SQL of every joint-assessment query, compiled for SQLite and PostgreSQL and compared with
// the snapshot in __snapshots__/, so a changed query shows in review. What the queries return
// on each dialect is covered by joint-assessment.test.ts and the report tests over testDialects().
import { test } from 'node:test';
import { assertSqlSnapshot, compileForBothDialects } from '../../../test/support/sql-snapshots.ts';
import {
  answersOfResponses,
  deleteRespondentLinks,
  federationMembers,
  findJointRespondent,
  findOrganisation,
  insertJointRespondent,
  insertOutboxMessage,
  nameJointRespondent,
  reopenResponse,
  responseStates,
  submittedJointResponse,
  submittedJointResponsesOf,
} from './repository.ts';

const ROUND = '00000000-0000-4000-8000-000000000001';
const RESPONDENT = '00000000-0000-4000-8000-000000000002';
const ORGANISATION = '00000000-0000-4000-8000-000000000003';
const OTHER_ORGANISATION = '00000000-0000-4000-8000-000000000004';
const NOW = '2026-11-25T09:00:00.000Z';

test('the joint assessments send the same SQL as the snapshot, on both dialects', async () => {
  assertSqlSnapshot(import.meta.url, {
    findJointRespondent: await compileForBothDialects((db) => findJointRespondent(db, ROUND)),
    insertJointRespondent: await compileForBothDialects((db) => insertJointRespondent(db, { id: RESPONDENT, roundId: ROUND, createdAt: NOW })),
    nameJointRespondent: await compileForBothDialects((db) => nameJointRespondent(db, RESPONDENT, { name: 'Nora Namn', email: 'nora@alfa.example', invitedAt: NOW })),
    deleteRespondentLinks: await compileForBothDialects((db) => deleteRespondentLinks(db, RESPONDENT)),
    responseStates: await compileForBothDialects((db) => responseStates(db, RESPONDENT)),
    reopenResponse: await compileForBothDialects((db) => reopenResponse(db, { respondentId: RESPONDENT, instrumentKey: 'informationssakerhet', updatedAt: NOW, updatedBy: null })),
    submittedJointResponse: await compileForBothDialects((db) => submittedJointResponse(db, ROUND, 'informationssakerhet')),
    answersOfResponses: await compileForBothDialects((db) => answersOfResponses(db, ['response-1', 'response-2'])),
    answersOfNoResponses: await compileForBothDialects((db) => answersOfResponses(db, [])),
    findOrganisation: await compileForBothDialects((db) => findOrganisation(db, ORGANISATION)),
    federationMembers: await compileForBothDialects((db) => federationMembers(db, ORGANISATION)),
    submittedJointResponsesOf: await compileForBothDialects((db) => submittedJointResponsesOf(db, [ORGANISATION, OTHER_ORGANISATION], 'formagekarta')),
    submittedJointResponsesOfNone: await compileForBothDialects((db) => submittedJointResponsesOf(db, [], 'formagekarta')),
    insertOutboxMessage: await compileForBothDialects((db) =>
      insertOutboxMessage(db, {
        id: RESPONDENT,
        organisation_id: ORGANISATION,
        round_id: ROUND,
        respondent_id: RESPONDENT,
        kind: 'invitation',
        recipient: 'nora@alfa.example',
        subject: 'Ämne',
        body: 'Text',
        created_at: NOW,
        delivery: 'outbox',
        error: null,
      }),
    ),
  });
});
