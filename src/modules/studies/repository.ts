// The queries of federation studies (issue 15): the study, its members' parts, the rounds it
// set up or adopted, the counts its dashboard shows and the coordinators it mails. Kysely only,
// no actor, plain rows in and out; the study service asks the study policy first. The functions
// marked "without an access check" are also used by the demo seeder and the CLI.
import type { Insertable } from 'kysely';
import type { Database, Round, Study, StudyMember, StudyPart } from '../../db/schema.ts';
import { toNumber } from '../../db/numbers.ts';
import type { Db } from '../rounds/repository.ts';

type StudyRow = Insertable<Database['studies']>;

export async function insertStudy(db: Db, study: StudyRow): Promise<void> {
  await db.insertInto('studies').values(study).execute();
}

export async function insertStudyMembers(db: Db, rows: Array<Insertable<Database['study_members']>>): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('study_members').values(rows).execute();
}

export async function findStudy(db: Db, federationId: string, year: number): Promise<Study | undefined> {
  return db.selectFrom('studies').selectAll().where('federation_id', '=', federationId).where('year', '=', year).executeTakeFirst();
}

export async function findStudyById(db: Db, studyId: string): Promise<Study | undefined> {
  return db.selectFrom('studies').selectAll().where('id', '=', studyId).executeTakeFirst();
}

/** The federation's studies, the newest year first. */
export async function studiesOfFederation(db: Db, federationId: string): Promise<Study[]> {
  return db.selectFrom('studies').selectAll().where('federation_id', '=', federationId).orderBy('year', 'desc').execute();
}

/** The studies a member takes part in (in any part), the newest year first. */
export async function studiesOfMember(db: Db, memberId: string): Promise<Study[]> {
  return db
    .selectFrom('studies')
    .selectAll()
    .where('id', 'in', (eb) => eb.selectFrom('study_members').select('study_id').where('member_id', '=', memberId))
    .orderBy('year', 'desc')
    .execute();
}

export async function studyMembersOf(db: Db, studyId: string): Promise<StudyMember[]> {
  return db.selectFrom('study_members').selectAll().where('study_id', '=', studyId).orderBy('member_id').orderBy('part').execute();
}

export async function findStudyMember(db: Db, studyId: string, memberId: string, part: StudyPart): Promise<StudyMember | undefined> {
  return db.selectFrom('study_members').selectAll().where('study_id', '=', studyId).where('member_id', '=', memberId).where('part', '=', part).executeTakeFirst();
}

export async function setPartDeclined(db: Db, key: { studyId: string; memberId: string; part: StudyPart }, declined: { at: string; by: string | null } | null): Promise<void> {
  await db
    .updateTable('study_members')
    .set({ declined_at: declined?.at ?? null, declined_by: declined?.by ?? null })
    .where('study_id', '=', key.studyId)
    .where('member_id', '=', key.memberId)
    .where('part', '=', key.part)
    .execute();
}

export async function markStudyClosed(db: Db, studyId: string, closedAt: string): Promise<void> {
  await db.updateTable('studies').set({ status: 'closed', closed_at: closedAt }).where('id', '=', studyId).execute();
}

/** Open studies whose last day is before `today` (YYYY-MM-DD, Swedish): due to close. Without an access check. */
export async function dueStudies(db: Db, today: string): Promise<Study[]> {
  return db.selectFrom('studies').selectAll().where('status', '=', 'open').where('closes_on', '<', today).orderBy('closes_on').execute();
}

// ---- Rounds of the study ---------------------------------------------------------------------

/** The members' rounds of the year with their instruments (a member may have a round to adopt). */
export async function roundsOfMembersInYear(db: Db, memberIds: string[], year: number): Promise<Array<Round & { instrumentKeys: string[] }>> {
  if (memberIds.length === 0) return [];
  const rounds = await db.selectFrom('rounds').selectAll().where('organisation_id', 'in', memberIds).where('year', '=', year).orderBy('created_at').orderBy('id').execute();
  if (rounds.length === 0) return [];
  const instruments = await db
    .selectFrom('round_instruments')
    .select(['round_id', 'instrument_key'])
    .where('round_id', 'in', rounds.map((round) => round.id))
    .execute();
  return rounds.map((round) => ({ ...round, instrumentKeys: instruments.filter((row) => row.round_id === round.id).map((row) => row.instrument_key) }));
}

/** The rounds of the study, with their organisation and status. */
export async function roundsOfStudy(db: Db, studyId: string): Promise<Array<Pick<Round, 'id' | 'organisation_id' | 'status'>>> {
  return db.selectFrom('rounds').select(['id', 'organisation_id', 'status']).where('study_id', '=', studyId).orderBy('organisation_id').orderBy('id').execute();
}

/** Makes a round part of the study, with the study's closing date, contact and reminder schedule. */
export async function adoptRound(
  db: Db,
  roundId: string,
  study: { studyId: string; closesOn: string; contactName: string; contactEmail: string; reminderDays: string },
): Promise<void> {
  await db
    .updateTable('rounds')
    .set({ study_id: study.studyId, closes_on: study.closesOn, contact_name: study.contactName, contact_email: study.contactEmail, reminder_days: study.reminderDays })
    .where('id', '=', roundId)
    .execute();
}

export async function insertRoundInstrument(db: Db, row: { roundId: string; organisationId: string; year: number; key: string; version: string }): Promise<void> {
  await db
    .insertInto('round_instruments')
    .values({ round_id: row.roundId, organisation_id: row.organisationId, year: row.year, instrument_key: row.key, instrument_version: row.version })
    .execute();
}

export async function deleteRoundInstrument(db: Db, roundId: string, instrumentKey: string): Promise<void> {
  await db.deleteFrom('round_instruments').where('round_id', '=', roundId).where('instrument_key', '=', instrumentKey).execute();
}

/** Whether anyone (a person or the joint respondent) has saved an answer to the instrument in the round. */
export async function instrumentHasAnswers(db: Db, roundId: string, instrumentKey: string): Promise<boolean> {
  const row = await db.selectFrom('responses').select('id').where('round_id', '=', roundId).where('instrument_key', '=', instrumentKey).limit(1).executeTakeFirst();
  return row !== undefined;
}

// ---- Counts for the dashboard ----------------------------------------------------------------

/** "round id/instrument key" of every joint instrument whose one response is submitted, in these rounds. */
export async function submittedJointParts(db: Db, roundIds: string[]): Promise<Set<string>> {
  if (roundIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('responses')
    .innerJoin('respondents', 'respondents.id', 'responses.respondent_id')
    .select(['responses.round_id', 'responses.instrument_key'])
    .where('responses.round_id', 'in', roundIds)
    .where('respondents.joint', '=', 1)
    .where('responses.status', '=', 'submitted')
    .execute();
  return new Set(rows.map((row) => `${row.round_id}/${row.instrument_key}`));
}

/** Per organisation: whether it has a ledger for the year, and whether its central IT is chosen. */
export async function ledgerStates(db: Db, organisationIds: string[], year: number): Promise<Map<string, { mapped: boolean }>> {
  const states = new Map<string, { mapped: boolean }>();
  if (organisationIds.length === 0) return states;
  const rows = await db
    .selectFrom('cost_ledgers')
    .leftJoin('cost_ledger_centres', (join) => join.onRef('cost_ledger_centres.ledger_id', '=', 'cost_ledgers.id').on('cost_ledger_centres.central_it', '=', 1))
    .select(['cost_ledgers.organisation_id', (eb) => eb.fn.count<number>('cost_ledger_centres.cost_centre').as('central')])
    .where('cost_ledgers.organisation_id', 'in', organisationIds)
    .where('cost_ledgers.year', '=', year)
    .groupBy('cost_ledgers.organisation_id')
    .execute();
  for (const row of rows) states.set(row.organisation_id, { mapped: toNumber(row.central) > 0 });
  return states;
}

// ---- Mail ------------------------------------------------------------------------------------

/** The coordinators of these organisations (active accounts), to tell them of a new study. */
export async function coordinatorsOf(db: Db, organisationIds: string[]): Promise<Array<{ organisationId: string; userId: string; email: string; name: string; locale: string }>> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.organisation_id', 'users.id', 'users.email', 'users.name', 'users.locale'])
    .where('memberships.organisation_id', 'in', organisationIds)
    .where('memberships.role', '=', 'coordinator')
    .where('users.deactivated_at', 'is', null)
    .orderBy('memberships.organisation_id')
    .orderBy('users.email')
    .execute();
  return rows.map((row) => ({ organisationId: row.organisation_id, userId: row.id, email: row.email, name: row.name, locale: row.locale }));
}
