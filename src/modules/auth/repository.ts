// Every query of accounts, memberships, sessions and the sign-in back-off. No access checks and no
// actor here: only the auth services (the account service asks src/access first; signing in has
// no actor yet), the demo seeder, the CLI's operator commands and test fixtures call these
// functions. `createUser` and `setMembership` are the actor-less ways to add an account and to
// give a role: they also write the membership's audit entry, in the same transaction.
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import type { Database, MembershipRole } from '../../db/schema.ts';
import { recordAudit, type AuditEntryInput } from '../audit/repository.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.ts';

type Db = Kysely<Database> | Transaction<Database>;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  isOperator?: boolean;
  memberships?: Array<{ organisationId: string; role: MembershipRole }>;
}

/** Who changed a membership, for the audit log: a signed-in operator, a command on the server, or the seeder. */
export type MembershipChanger = AuditEntryInput['actor'];

/** Adds an account (and its roles) without an access check; an e-mail already in use is a `conflict`. */
export async function createUser(ctx: AppContext, input: NewUser, changedBy: MembershipChanger = 'system'): Promise<string> {
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new AppError('validation', 'password too short');
  const email = normaliseEmail(input.email);
  if (await findUserIdByEmail(ctx.db, email)) throw new AppError('conflict', 'email taken');
  const id = ctx.ids.id();
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('users')
      .values({
        id,
        email,
        name: input.name.trim(),
        password_hash: passwordHash,
        is_operator: input.isOperator ? 1 : 0,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    for (const membership of input.memberships ?? []) {
      await trx
        .insertInto('memberships')
        .values({ user_id: id, organisation_id: membership.organisationId, role: membership.role })
        .execute();
      await recordMembershipChange(ctx, trx, changedBy, id, membership.organisationId, membership.role);
    }
  });
  return id;
}

/** Gives a user a role in an organisation without an access check, replacing any earlier one; null removes the role. */
export async function setMembership(
  ctx: AppContext,
  userId: string,
  organisationId: string,
  role: MembershipRole | null,
  changedBy: MembershipChanger = 'system',
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('memberships').where('user_id', '=', userId).where('organisation_id', '=', organisationId).execute();
    if (role) await trx.insertInto('memberships').values({ user_id: userId, organisation_id: organisationId, role }).execute();
    await recordMembershipChange(ctx, trx, changedBy, userId, organisationId, role);
  });
}

async function recordMembershipChange(ctx: AppContext, trx: Db, changedBy: MembershipChanger, userId: string, organisationId: string, role: MembershipRole | null): Promise<void> {
  await recordAudit(ctx, { actor: changedBy, organisationId, action: 'membership_changed', subject: { type: 'user', id: userId }, detail: { role } }, trx);
}

/** The account with the e-mail (compared normalised), if any. */
export async function findUserIdByEmail(db: Db, email: string): Promise<string | undefined> {
  const user = await db.selectFrom('users').select('id').where('email', '=', normaliseEmail(email)).executeTakeFirst();
  return user?.id;
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What signing in checks: the password hash and whether the account is deactivated. */
export async function findLoginUser(db: Db, email: string): Promise<{ id: string; password_hash: string; deactivated_at: string | null } | undefined> {
  return db.selectFrom('users').select(['id', 'password_hash', 'deactivated_at']).where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export async function findPasswordOf(db: Db, userId: string): Promise<{ email: string; password_hash: string } | undefined> {
  return db.selectFrom('users').select(['email', 'password_hash']).where('id', '=', userId).executeTakeFirst();
}

/** Sets the password hash and ends every session of the account but the one kept. */
export async function replacePassword(db: Kysely<Database>, userId: string, passwordHash: string, keepSessionId: string | undefined): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
    let others = trx.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepSessionId) others = others.where('id', '!=', keepSessionId);
    await others.execute();
  });
}

export async function insertSession(db: Db, session: { id: string; userId: string; createdAt: string; expiresAt: string }): Promise<void> {
  await db.insertInto('sessions').values({ id: session.id, user_id: session.userId, created_at: session.createdAt, expires_at: session.expiresAt }).execute();
}

export async function findSession(db: Db, sessionId: string): Promise<{ user_id: string; expires_at: string } | undefined> {
  return db.selectFrom('sessions').select(['user_id', 'expires_at']).where('id', '=', sessionId).executeTakeFirst();
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteSessionsExpiredBy(db: Db, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export interface LoginFailureValues {
  failures: number;
  last_failure_at: string;
  locked_until: string | null;
}

export async function findLoginFailure(db: Db, key: string): Promise<LoginFailureValues | undefined> {
  return db.selectFrom('login_failures').select(['failures', 'last_failure_at', 'locked_until']).where('email', '=', key).executeTakeFirst();
}

export async function saveLoginFailure(db: Db, key: string, values: LoginFailureValues): Promise<void> {
  await db
    .insertInto('login_failures')
    .values({ email: key, ...values })
    .onConflict((conflict) => conflict.column('email').doUpdateSet(values))
    .execute();
}

export async function deleteLoginFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_failures').where('email', '=', key).execute();
}
