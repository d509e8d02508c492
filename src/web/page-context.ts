// What every page needs to know about the request it answers.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../app/actor.ts';
import type { Locale, Messages } from '../i18n/messages.ts';

export interface PageContext {
  m: Messages;
  locale: Locale;
  actor: Actor;
  /** The current path and query, for the language switch. */
  url: string;
  csrfToken: string;
  flash: string | null;
}

export const FLASH_COOKIE = 'mogna_flash';

export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  const flash = request.cookies[FLASH_COOKIE] ?? null;
  if (flash) reply.clearCookie(FLASH_COOKIE, { path: '/' });
  return {
    m: request.m,
    locale: request.locale,
    actor: request.actor,
    url: request.url,
    csrfToken: reply.generateCsrf(),
    flash: flash ? decodeURIComponent(flash) : null,
  };
}

/** Redirects after a successful POST with a message shown once on the next page. */
export function redirectWithFlash(reply: FastifyReply, location: string, message: string): FastifyReply {
  reply.setCookie(FLASH_COOKIE, encodeURIComponent(message), { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 });
  return reply.redirect(location, 303);
}

/** The current URL with ?lang= switched, for the language link. */
export function languageSwitchHref(url: string, target: string): string {
  const [path, query = ''] = url.split('?');
  const params = new URLSearchParams(query);
  params.set('lang', target);
  return `${path}?${params.toString()}`;
}
