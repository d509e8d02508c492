// The CSRF secret lives in its own cookie (double-submit, @fastify/csrf-protection with the cookie
// plugin). It is replaced at sign-in, so a secret planted or read before sign-in (on a shared
// computer, or through a subdomain that can set cookies) is worthless afterwards.
import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../app/app-context.ts';

export const CSRF_COOKIE = 'mogna_csrf';

export function csrfCookieOptions(ctx: AppContext) {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.secureCookies, signed: false } as const;
}

/** Sets a fresh secret; forms rendered before this no longer pass the check. */
export function rotateCsrfSecret(reply: FastifyReply, ctx: AppContext): void {
  // 18 random bytes, as @fastify/csrf's own secretSync() makes them.
  reply.setCookie(CSRF_COOKIE, randomBytes(18).toString('base64url'), csrfCookieOptions(ctx));
}
