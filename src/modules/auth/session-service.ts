// Server-side sessions: the cookie holds a random token, the database holds its hash and
// expiry. Logging out deletes the row, so a copied cookie stops working at once. No actor here:
// signing in is how a visitor becomes one. Every query is in repository.ts.
import type { AppContext } from '../../app/app-context.ts';
import { hashToken } from '../../app/ports.ts';
import { clearLoginFailures, lockedUntil, recordLoginFailure } from './login-backoff.ts';
import { recordLogin } from '../audit/repository.ts';
import { verifyPassword } from './passwords.ts';
import { deleteSession, deleteSessionsExpiredBy, findLoginUser, findSession, insertSession } from './repository.ts';

;

interface LoginResult {
  token: string;
  userId: string;
  expiresAt: Date;
}

/** A sign-in either opens a session, fails, or is refused because the account is locked for a while. */
export type LoginOutcome = ({ kind: 'ok' } & LoginResult) | { kind: 'invalid' } | { kind: 'locked'; until: Date };

/** Every attempt is audited (with the IP address, the only place the log keeps one). */
export async function logIn(ctx: AppContext, email: string, password: string, ip?: string): Promise<LoginOutcome> {
  // A locked address is refused before the password is checked, right or wrong.
  const locked = await lockedUntil(ctx, email);
  if (locked) {
    await recordLogin(ctx, undefined, false, ip);
    return { kind: 'locked', until: locked };
  }
  const user = await findLoginUser(ctx.db, email);
  const valid = await verifyPassword(user?.password_hash, password);
  if (!user || !valid || user.deactivated_at !== null) {
    await recordLogin(ctx, user?.id, false, ip);
    const until = await recordLoginFailure(ctx, email);
    return until ? { kind: 'locked', until } : { kind: 'invalid' };
  }
  await clearLoginFailures(ctx, email);
  await recordLogin(ctx, user.id, true, ip);
  const token = ctx.ids.token();
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + ctx.config.SESSION_DAYS * 86_400_000);
  await insertSession(ctx.db, { id: hashToken(token), userId: user.id, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() });
  return { kind: 'ok', token, userId: user.id, expiresAt };
}

/** The user id of a live session, or undefined for an unknown or expired token. */
export async function resolveSession(ctx: AppContext, token: string): Promise<string | undefined> {
  const session = await findSession(ctx.db, hashToken(token));
  if (!session) return undefined;
  if (session.expires_at <= ctx.clock.now().toISOString()) {
    await deleteSession(ctx.db, hashToken(token));
    return undefined;
  }
  return session.user_id;
}

export async function logOut(ctx: AppContext, token: string): Promise<void> {
  await deleteSession(ctx.db, hashToken(token));
}

export async function deleteExpiredSessions(ctx: AppContext): Promise<void> {
  await deleteSessionsExpiredBy(ctx.db, ctx.clock.now().toISOString());
}
