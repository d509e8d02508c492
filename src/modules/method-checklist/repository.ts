// The queries of the method's checklist: the study a checklist belongs to, its members, whether
// the federation had a study the year before, and the ticked steps. No actor and no access check
// here: only the service (which asks src/access/method-checklist-policy.ts first) calls it. The
// studies and their members are written by the studies module; this module only reads them.
import type { Kysely, Transaction } from 'kysely';
import type { Database, Study } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type StudyRow = Pick<Study, 'id' | 'federation_id' | 'year'>;

/** member_id of a step ticked for the whole study. */
export const STUDY_SCOPE = '';

export function findStudy(db: Db, studyId: string): Promise<StudyRow | undefined> {
  return db.selectFrom('studies').select(['id', 'federation_id', 'year']).where('id', '=', studyId).executeTakeFirst();
}

export function findStudyOfFederation(db: Db, federationId: string, year: number): Promise<StudyRow | undefined> {
  return db.selectFrom('studies').select(['id', 'federation_id', 'year']).where('federation_id', '=', federationId).where('year', '=', year).executeTakeFirst();
}

/** The study of the year a member takes part in (a member belongs to one federation). */
export function findStudyOfMember(db: Db, memberId: string, year: number): Promise<StudyRow | undefined> {
  return db
    .selectFrom('studies')
    .innerJoin('study_members', 'study_members.study_id', 'studies.id')
    .select(['studies.id', 'studies.federation_id', 'studies.year'])
    .where('study_members.member_id', '=', memberId)
    .where('studies.year', '=', year)
    .orderBy('studies.id')
    .executeTakeFirst();
}

export async function hadStudyInYear(db: Db, federationId: string, year: number): Promise<boolean> {
  const row = await db.selectFrom('studies').select('id').where('federation_id', '=', federationId).where('year', '=', year).executeTakeFirst();
  return row !== undefined;
}

/** The study's member organisations (one row each, whatever parts they take), by name. */
export function membersOfStudy(db: Db, studyId: string): Promise<Array<{ id: string; name: string }>> {
  return db
    .selectFrom('study_members')
    .innerJoin('organisations', 'organisations.id', 'study_members.member_id')
    .select(['organisations.id', 'organisations.name'])
    .distinct()
    .where('study_members.study_id', '=', studyId)
    .orderBy('organisations.name')
    .orderBy('organisations.id')
    .execute();
}

export async function isMemberOfStudy(db: Db, studyId: string, memberId: string): Promise<boolean> {
  const row = await db.selectFrom('study_members').select('member_id').where('study_id', '=', studyId).where('member_id', '=', memberId).executeTakeFirst();
  return row !== undefined;
}

export interface TickedStepRow {
  member_id: string;
  step_key: string;
  done_at: string;
}

/** Every ticked step of the study: the study's own (member_id '') and each member's. */
export function tickedSteps(db: Db, studyId: string): Promise<TickedStepRow[]> {
  return db
    .selectFrom('study_checklist')
    .select(['member_id', 'step_key', 'done_at'])
    .where('study_id', '=', studyId)
    .orderBy('member_id')
    .orderBy('step_key')
    .execute();
}

/** Ticks a step; true when it was not ticked before (a second tick keeps the first time and person). */
export async function tickStep(db: Db, row: { study_id: string; member_id: string; step_key: string; done_at: string; done_by: string | null }): Promise<boolean> {
  const result = await db
    .insertInto('study_checklist')
    .values(row)
    .onConflict((conflict) => conflict.columns(['study_id', 'member_id', 'step_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Unticks a step; true when it was ticked. */
export async function untickStep(db: Db, studyId: string, memberId: string, stepKey: string): Promise<boolean> {
  const result = await db
    .deleteFrom('study_checklist')
    .where('study_id', '=', studyId)
    .where('member_id', '=', memberId)
    .where('step_key', '=', stepKey)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function organisationName(db: Db, organisationId: string): Promise<string | undefined> {
  const row = await db.selectFrom('organisations').select('name').where('id', '=', organisationId).executeTakeFirst();
  return row?.name;
}
