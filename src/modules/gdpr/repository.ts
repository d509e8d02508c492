// Every query of the personal-data use cases: the closed rounds whose identities are due, clearing
// respondents' identities, the rows that hold an address and the account's erasure. No access
// checks and no actor here: only service.ts (whose use cases the CLI and the server's timer run
// as the operator) calls these functions. Plain rows in and out.
import type { Kysely, SelectQueryBuilder, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Closed rounds that still hold a respondent's name or address. */
export async function closedRoundsWithIdentities(db: Db): Promise<Array<{ id: string; organisation_id: string; closed_at: string | null }>> {
  return db
    .selectFrom('rounds')
    .select(['rounds.id', 'rounds.organisation_id', 'rounds.closed_at'])
    .where('rounds.status', '=', 'closed')
    .where('rounds.closed_at', 'is not', null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('respondents')
          .select('respondents.id')
          .whereRef('respondents.round_id', '=', 'rounds.id')
          .where((eb) => eb.or([eb('respondents.email', 'is not', null), eb('respondents.name', 'is not', null), eb('respondents.contact_email', 'is not', null)])),
      ),
    )
    .execute();
}

export async function roundStatus(db: Db, roundId: string): Promise<string | undefined> {
  return (await db.selectFrom('rounds').select('status').where('id', '=', roundId).executeTakeFirst())?.status;
}

type IdQuery = SelectQueryBuilder<Database, 'respondents', { id: string }>;

/** Clears the name and addresses of the respondents `ids` selects; returns how many had any. */
export async function clearIdentities(trx: Transaction<Database>, ids: (trx: Transaction<Database>) => IdQuery): Promise<number> {
  const result = await trx
    .updateTable('respondents')
    .set({ email: null, name: null, contact_email: null })
    .where('id', 'in', ids(trx))
    .where((eb) => eb.or([eb('email', 'is not', null), eb('name', 'is not', null), eb('contact_email', 'is not', null)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export const respondentsOfRound = (roundId: string) => (trx: Transaction<Database>) => trx.selectFrom('respondents').select('id').where('round_id', '=', roundId);
export const respondentsWithAddress = (email: string) => (trx: Transaction<Database>) =>
  trx.selectFrom('respondents').select('id').where((eb) => eb.or([eb('email', '=', email), eb('contact_email', '=', email)]));

export async function deleteRoundMails(db: Db, roundId: string): Promise<void> {
  await db.deleteFrom('outbox').where('round_id', '=', roundId).execute();
}

export async function findAccountByEmail(db: Db, email: string) {
  return db.selectFrom('users').select(['id', 'name', 'email', 'locale', 'is_operator', 'created_at']).where('email', '=', email).executeTakeFirst();
}

export async function membershipsOf(db: Db, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['memberships.organisation_id', 'organisations.name', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('organisations.name')
    .execute();
}

export async function respondentsByEmail(db: Db, email: string) {
  return db
    .selectFrom('respondents')
    .innerJoin('rounds', 'rounds.id', 'respondents.round_id')
    .innerJoin('organisations', 'organisations.id', 'rounds.organisation_id')
    .leftJoin('units', 'units.id', 'respondents.unit_id')
    .select([
      'respondents.id',
      'respondents.round_id',
      'rounds.name as round_name',
      'rounds.year',
      'rounds.organisation_id',
      'organisations.name as organisation_name',
      'respondents.name',
      'respondents.role',
      'units.name as unit_name',
      'respondents.invited_at',
      'respondents.reminded_at',
      'respondents.created_at',
    ])
    .where((eb) => eb.or([eb('respondents.email', '=', email), eb('respondents.contact_email', '=', email)]))
    .orderBy('rounds.year')
    .orderBy('respondents.created_at')
    .execute();
}

export async function responsesOf(db: Db, respondentIds: string[]) {
  if (respondentIds.length === 0) return [];
  return db.selectFrom('responses').select(['respondent_id', 'instrument_key', 'status', 'submitted_at']).where('respondent_id', 'in', respondentIds).orderBy('instrument_key').execute();
}

export async function mailsTo(db: Db, email: string) {
  return db.selectFrom('outbox').select(['id', 'kind', 'subject', 'created_at', 'delivery']).where('recipient', '=', email).orderBy('created_at').execute();
}

/** Audit entries about the subjects, and (with a user) the entries of the user's own actions. */
export async function auditRowsAbout(db: Db, subjectIds: string[], userId: string | null) {
  if (subjectIds.length === 0) return [];
  return db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .selectAll('audit_log')
    .select('users.name as actor_name')
    .where((eb) => eb.or([eb('audit_log.subject_id', 'in', subjectIds), ...(userId ? [eb('audit_log.actor_user_id', '=', userId)] : [])]))
    .orderBy('audit_log.at')
    .orderBy('audit_log.id')
    .execute();
}

/** Deletes the stored mails to the address; returns how many. */
export async function deleteMailsTo(db: Db, email: string): Promise<number> {
  return Number((await db.deleteFrom('outbox').where('recipient', '=', email).executeTakeFirst()).numDeletedRows);
}

export async function findAccountIdByEmail(db: Db, email: string): Promise<string | undefined> {
  return (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst())?.id;
}

/**
 * Ends the account's sessions and roles and blanks it. The row stays so that ids in the log and
 * in the reports' history still resolve; the address is replaced by a unique placeholder that
 * can never receive mail or log in.
 */
export async function eraseAccount(db: Db, userId: string, at: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await db.deleteFrom('memberships').where('user_id', '=', userId).execute();
  await db.updateTable('users').set({ email: `erased-${userId}@invalid`, name: '', password_hash: '', deactivated_at: at }).where('id', '=', userId).execute();
}
