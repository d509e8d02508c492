// Account use cases: the signed-in user's own account and password, and the operator's adding
// of accounts and roles. Each takes the actor and asks src/access before it reads or writes;
// every query is in repository.ts. Signing in and out (no actor yet) is in session-service.ts.
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import type { Actor, UserActor } from '../../app/actor.ts';
import { authorizeOperatePlatform } from '../../access/organisation-policy.ts';
import { hashToken } from '../../app/ports.ts';
import type { MembershipRole } from '../../db/schema.ts';
import { clearLoginFailures, lockedUntil, recordLoginFailure } from './login-backoff.ts';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';
import { createUser, findPasswordOf, findUserIdByEmail, replacePassword, setMembership, type NewUser } from './repository.ts';

/** The signed-in user; anyone else is sent to sign in. */
export function signedInUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return actor;
}

export type PasswordChangeProblem = 'wrong_current' | 'too_short' | 'same_as_current' | { locked: Date };

/**
 * Changes the signed-in user's password after checking the current one, and ends every other
 * session of the account (all but `sessionToken`'s), so a password changed after a suspected
 * leak locks the intruder out.
 */
export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  input: { current: string; next: string; sessionToken: string | undefined },
): Promise<PasswordChangeProblem | null> {
  const user = signedInUser(actor);
  const stored = await findPasswordOf(ctx.db, user.userId);
  if (!stored) return 'wrong_current';
  // Guessing the current password from a stolen session counts against the same back-off as
  // signing in, so it is no way around it.
  const locked = await lockedUntil(ctx, stored.email);
  if (locked) return { locked };
  if (!(await verifyPassword(stored.password_hash, input.current))) {
    const until = await recordLoginFailure(ctx, stored.email);
    return until ? { locked: until } : 'wrong_current';
  }
  await clearLoginFailures(ctx, stored.email);
  if (input.next.length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (input.next === input.current) return 'same_as_current';
  const passwordHash = await hashPassword(input.next);
  await replacePassword(ctx.db, user.userId, passwordHash, input.sessionToken ? hashToken(input.sessionToken) : undefined);
  return null;
}

/** The operator adds an account; an e-mail already in use is a `conflict`. */
export async function createAccount(ctx: AppContext, actor: Actor, input: Omit<NewUser, 'isOperator'>): Promise<string> {
  authorizeOperatePlatform(actor);
  return createUser(ctx, input, actor);
}

/** The operator looks up an account by e-mail. */
export async function findAccountId(ctx: AppContext, actor: Actor, email: string): Promise<string | undefined> {
  authorizeOperatePlatform(actor);
  return findUserIdByEmail(ctx.db, email);
}

/** The operator gives an account a role in an organisation (replacing any earlier one); null takes it away. */
export async function setRole(ctx: AppContext, actor: Actor, userId: string, organisationId: string, role: MembershipRole | null): Promise<void> {
  authorizeOperatePlatform(actor);
  await setMembership(ctx, userId, organisationId, role, actor);
}
