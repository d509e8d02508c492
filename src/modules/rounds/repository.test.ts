// The SQL of every round repository query, compiled for SQLite and PostgreSQL and compared with
// __snapshots__/repository.test.sql.json, so a changed query shows in review. What the queries
// do on each database is covered by the round tests (round-lifecycle, respondent-changes,
// respondent-upload, private-links), run per dialect.
import { test } from 'node:test';
import { assertSqlSnapshot, compileForBothDialects } from '../../../test/support/sql-snapshots.ts';
import {
  countInvitedAddedAfter,
  countSubmitted,
  deleteRespondent,
  emailsOfRound,
  findRespondentIdByEmail,
  findRespondentOfRound,
  findRound,
  firstAnswerAt,
  hasSubmitted,
  insertOutboxMessage,
  insertRespondentChange,
  insertRespondentLink,
  insertRespondentRows,
  insertRoundRows,
  instrumentsOfRound,
  instrumentsOfRounds,
  mailRecipientsOf,
  markMailed,
  markRoundClosed,
  markRoundOpen,
  outboxMessageOf,
  outboxPageOf,
  progressRowsOf,
  respondentChangesOf,
  respondentRowsOf,
  responseCounts,
  roundsOfOrganisation,
  storeOpenLink,
  storeOpenLinkCap,
  takenInstrument,
  unitsOf,
} from './repository.ts';

const ORG = '00000000-0000-4000-8000-000000000001';
const ROUND = '00000000-0000-4000-8000-0000000000aa';
const RESPONDENT = '00000000-0000-4000-8000-0000000000bb';
const AT = '2026-03-01T10:00:00.000Z';
const CUTOFFS = { invitedBefore: '2026-02-26T10:00:00.000Z', notRemindedSince: '2026-02-28T23:00:00.000Z' };

const respondentRow = {
  id: RESPONDENT,
  round_id: ROUND,
  email: 'anna@kommun.se',
  name: null,
  role: null,
  unit_id: null,
  via_open_link: 0,
  invited_at: null,
  reminded_at: null,
  created_at: AT,
};

test('the SQL of each round repository query, on both dialects', async () => {
  assertSqlSnapshot(import.meta.url, {
    takenInstrument: await compileForBothDialects((db) => takenInstrument(db, ORG, 2026, ['digital-mognad', 'it-kostnader'])),
    insertRoundRows: await compileForBothDialects((db) =>
      insertRoundRows(
        db,
        {
          id: ROUND,
          organisation_id: ORG,
          year: 2026,
          name: 'Mätning 2026',
          status: 'draft',
          open_link_token: null,
          open_link_hash: null,
          open_link_cap: null,
          anonymity_threshold: 3,
          small_sample_threshold: 5,
          created_at: AT,
          opened_at: null,
          closed_at: null,
        },
        [{ key: 'digital-mognad', version: '1.0' }],
      ),
    ),
    findRound: await compileForBothDialects((db) => findRound(db, ROUND)),
    instrumentsOfRound: await compileForBothDialects((db) => instrumentsOfRound(db, ROUND)),
    roundsOfOrganisation: await compileForBothDialects((db) => roundsOfOrganisation(db, ORG)),
    instrumentsOfRounds: await compileForBothDialects((db) => instrumentsOfRounds(db, [ROUND])),
    markRoundOpen: await compileForBothDialects((db) => markRoundOpen(db, ROUND, AT)),
    markRoundClosed: await compileForBothDialects((db) => markRoundClosed(db, ROUND, AT)),
    storeOpenLink: await compileForBothDialects((db) => storeOpenLink(db, ROUND, 'hash', 100)),
    storeOpenLinkCap: await compileForBothDialects((db) => storeOpenLinkCap(db, ROUND, 50)),
    insertRespondentChange: await compileForBothDialects((db) =>
      insertRespondentChange(db, { id: RESPONDENT, round_id: ROUND, changed_at: AT, changed_by: null, changed_by_name: '', kind: 'added', respondent_count: 1, detail: 'anna@kommun.se' }),
    ),
    respondentChangesOf: await compileForBothDialects((db) => respondentChangesOf(db, ROUND)),
    firstAnswerAt: await compileForBothDialects((db) => firstAnswerAt(db, ROUND)),
    countInvitedAddedAfter: await compileForBothDialects((db) => countInvitedAddedAfter(db, ROUND, AT)),
    respondentRowsOf: await compileForBothDialects((db) => respondentRowsOf(db, ROUND)),
    findRespondentIdByEmail: await compileForBothDialects((db) => findRespondentIdByEmail(db, ROUND, 'anna@kommun.se')),
    findRespondentOfRound: await compileForBothDialects((db) => findRespondentOfRound(db, ROUND, RESPONDENT)),
    hasSubmitted: await compileForBothDialects((db) => hasSubmitted(db, RESPONDENT)),
    deleteRespondent: await compileForBothDialects((db) => deleteRespondent(db, RESPONDENT)),
    emailsOfRound: await compileForBothDialects((db) => emailsOfRound(db, ROUND)),
    insertRespondentRows: await compileForBothDialects((db) => insertRespondentRows(db, [respondentRow])),
    insertRespondentLink: await compileForBothDialects((db) => insertRespondentLink(db, { tokenHash: 'hash', respondentId: RESPONDENT, createdAt: AT })),
    progressRowsOf: await compileForBothDialects((db) => progressRowsOf(db, ROUND)),
    unitsOf: await compileForBothDialects((db) => unitsOf(db, ORG)),
    countSubmitted: await compileForBothDialects((db) => countSubmitted(db, ROUND)),
    responseCounts: await compileForBothDialects((db) => responseCounts(db, [ROUND])),
    mailRecipientsInvitation: await compileForBothDialects((db) => mailRecipientsOf(db, ROUND, 'invitation', CUTOFFS)),
    mailRecipientsReminder: await compileForBothDialects((db) => mailRecipientsOf(db, ROUND, 'reminder', CUTOFFS)),
    insertOutboxMessage: await compileForBothDialects((db) =>
      insertOutboxMessage(db, {
        id: RESPONDENT,
        organisation_id: ORG,
        round_id: ROUND,
        respondent_id: RESPONDENT,
        kind: 'invitation',
        recipient: 'anna@kommun.se',
        subject: 'Enkät',
        body: 'Text',
        created_at: AT,
        delivery: 'outbox',
        error: null,
      }),
    ),
    markInvited: await compileForBothDialects((db) => markMailed(db, RESPONDENT, 'invitation', AT)),
    markReminded: await compileForBothDialects((db) => markMailed(db, RESPONDENT, 'reminder', AT)),
    outboxPageOf: await compileForBothDialects((db) => outboxPageOf(db, ROUND, { recipientContains: '', kinds: [], page: 1, pageSize: 50 })),
    outboxPageOfSearched: await compileForBothDialects((db) => outboxPageOf(db, ROUND, { recipientContains: 'anna_%', kinds: ['reminder'], page: 2, pageSize: 50 })),
    outboxMessageOf: await compileForBothDialects((db) => outboxMessageOf(db, ROUND, RESPONDENT)),
  });
});
