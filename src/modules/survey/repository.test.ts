// The SQL of every survey query, compiled for SQLite and PostgreSQL and compared with the snapshot
// in __snapshots__/, so a changed query shows in review. What the queries return on each dialect
// is covered by survey-flow.test.ts and test/e2e/survey-journey.test.ts over testDialects().
import { test } from 'node:test';
import { assertSqlSnapshot, compileForBothDialects } from '../../../test/support/sql-snapshots.ts';
import {
  answersOf,
  countOpenLinkRespondents,
  deleteAnswers,
  findReceiptKey,
  findLinkSurvey,
  findResponse,
  findRoundByOpenLinkHash,
  insertAnswers,
  insertResponsesUnlessExist,
  responsesOf,
  roundInstrumentRefs,
  setReceiptKey,
  submitResponses,
  submittedInstrumentKeys,
  touchResponse,
} from './repository.ts';

const ROUND = '00000000-0000-4000-8000-000000000001';
const RESPONDENT = '00000000-0000-4000-8000-000000000002';
const RESPONSE = '00000000-0000-4000-8000-000000000004';
const USER = '00000000-0000-4000-8000-000000000005';
const HASH = 'c0ffee';
const NOW = '2026-11-25T09:00:00.000Z';

test('the survey sends the same SQL as the snapshot, on both dialects', async () => {
  assertSqlSnapshot(import.meta.url, {
    findLinkSurvey: await compileForBothDialects((db) => findLinkSurvey(db, HASH)),
    findRoundByOpenLinkHash: await compileForBothDialects((db) => findRoundByOpenLinkHash(db, HASH)),
    roundInstrumentRefs: await compileForBothDialects((db) => roundInstrumentRefs(db, ROUND)),
    submittedInstrumentKeys: await compileForBothDialects((db) => submittedInstrumentKeys(db, RESPONDENT)),
    responsesOf: await compileForBothDialects((db) => responsesOf(db, RESPONDENT, ['digital-mognad', 'informationssakerhet'])),
    responsesOfNoInstruments: await compileForBothDialects((db) => responsesOf(db, RESPONDENT, [])),
    answersOf: await compileForBothDialects((db) => answersOf(db, [RESPONSE])),
    insertResponsesUnlessExist: await compileForBothDialects((db) =>
      insertResponsesUnlessExist(db, [
        { id: RESPONSE, roundId: ROUND, respondentId: RESPONDENT, instrumentKey: 'digital-mognad', instrumentVersion: '2026', now: NOW },
        { id: USER, roundId: ROUND, respondentId: RESPONDENT, instrumentKey: 'informationssakerhet', instrumentVersion: '2026', now: NOW },
      ]),
    ),
    insertNoResponses: await compileForBothDialects((db) => insertResponsesUnlessExist(db, [])),
    findResponse: await compileForBothDialects((db) => findResponse(db, RESPONDENT, 'digital-mognad')),
    deleteAnswers: await compileForBothDialects((db) => deleteAnswers(db, RESPONSE, ['item-1', 'item-2'])),
    insertAnswers: await compileForBothDialects((db) =>
      insertAnswers(db, [
        { response_id: RESPONSE, item_key: 'item-1', value: 4, dont_know: 0, target_value: null, comment: null },
        { response_id: RESPONSE, item_key: 'item-2', value: null, dont_know: 1, target_value: 3, comment: 'En kommentar' },
      ]),
    ),
    insertNoAnswers: await compileForBothDialects((db) => insertAnswers(db, [])),
    touchResponse: await compileForBothDialects((db) => touchResponse(db, RESPONSE, { now: NOW, updatedBy: USER })),
    setReceiptKey: await compileForBothDialects((db) => setReceiptKey(db, RESPONDENT, { keyHash: HASH, until: NOW })),
    submitResponses: await compileForBothDialects((db) => submitResponses(db, RESPONDENT, ['digital-mognad'], NOW)),
    findReceiptKey: await compileForBothDialects((db) => findReceiptKey(db, RESPONDENT)),
    countOpenLinkRespondents: await compileForBothDialects((db) => countOpenLinkRespondents(db, ROUND)),
  });
});
