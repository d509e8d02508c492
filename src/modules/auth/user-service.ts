// Creating accounts and giving them roles. Used by the operator pages, the CLI and the demo.
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import type { MembershipRole } from '../../db/schema.ts';
import { clearLoginFailures, lockedUntil, recordLoginFailure } from './login-backoff.ts';
import { recordAudit, type AuditEntryInput } from '../audit/audit-service.ts';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';
import { normaliseEmail } from './session-service.ts';

export interface NewUser {
  email: string;
  name: string;
  password: string;
  isOperator?: boolean;
  memberships?: Array<{ organisationId: string; role: MembershipRole }>;
}

/** Who changed a membership, for the audit log: a signed-in operator, a command on the server, or the seeder. */
type MembershipChanger = AuditEntryInput['actor'];

export async function createUser(ctx: AppContext, input: NewUser, changedBy: MembershipChanger = 'system'): Promise<string> {
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new AppError('validation', 'password too short');
  const email = normaliseEmail(input.email);
  const existing = await ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) throw new AppError('conflict', 'email taken');
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

/** Gives a user a role in an organisation, replacing any earlier one; null removes the role. */
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

async function recordMembershipChange(
  ctx: AppContext,
  trx: Parameters<typeof recordAudit>[2],
  changedBy: MembershipChanger,
  userId: string,
  organisationId: string,
  role: MembershipRole | null,
): Promise<void> {
  await recordAudit(ctx, { actor: changedBy, organisationId, action: 'membership_changed', subject: { type: 'user', id: userId }, detail: { role } }, trx);
}

export async function findUserIdByEmail(ctx: AppContext, email: string): Promise<string | undefined> {
  const user = await ctx.db.selectFrom('users').select('id').where('email', '=', normaliseEmail(email)).executeTakeFirst();
  return user?.id;
}

export async function countUsers(ctx: AppContext): Promise<number> {
  const row = await ctx.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export type PasswordChangeProblem = 'wrong_current' | 'too_short' | 'same_as_current' | { locked: Date };

/**
 * Changes the user's password after checking the current one, and ends every other session
 * of the account, so a password changed after a suspected leak locks the intruder out.
 */
export async function changePassword(
  ctx: AppContext,
  userId: string,
  input: { current: string; next: string; keepSessionId: string | undefined },
): Promise<PasswordChangeProblem | null> {
  const user = await ctx.db.selectFrom('users').select(['email', 'password_hash']).where('id', '=', userId).executeTakeFirst();
  if (!user) return 'wrong_current';
  // Guessing the current password from a stolen session counts against the same back-off as
  // signing in, so it is no way around it.
  const locked = await lockedUntil(ctx, user.email);
  if (locked) return { locked };
  if (!(await verifyPassword(user.password_hash, input.current))) {
    const until = await recordLoginFailure(ctx, user.email);
    return until ? { locked: until } : 'wrong_current';
  }
  await clearLoginFailures(ctx, user.email);
  if (input.next.length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (input.next === input.current) return 'same_as_current';
  const passwordHash = await hashPassword(input.next);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
    let others = trx.deleteFrom('sessions').where('user_id', '=', userId);
    if (input.keepSessionId) others = others.where('id', '!=', input.keepSessionId);
    await others.execute();
  });
  return null;
}
