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
  /** A link shown after the flash message (for example to the outbox the message speaks of). */
  flashLink?: FlashLink | null;
}

export interface FlashLink {
  href: string;
  text: string;
}

export const FLASH_COOKIE = 'mogna_flash';
const FLASH_LINK_COOKIE = 'mogna_flash_link';

/** The flash link as stored; only a path on this site is taken, so a planted cookie cannot link elsewhere. */
function readFlashLink(raw: string | undefined): FlashLink | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(decodeURIComponent(raw));
    if (typeof value !== 'object' || value === null) return null;
    const { href, text } = value as Record<string, unknown>;
    if (typeof href !== 'string' || typeof text !== 'string' || !href.startsWith('/') || href.startsWith('//')) return null;
    return { href, text };
  } catch {
    return null;
  }
}

export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  const flash = request.cookies[FLASH_COOKIE] ?? null;
  if (flash) reply.clearCookie(FLASH_COOKIE, { path: '/' });
  const flashLink = readFlashLink(request.cookies[FLASH_LINK_COOKIE]);
  if (request.cookies[FLASH_LINK_COOKIE]) reply.clearCookie(FLASH_LINK_COOKIE, { path: '/' });
  return {
    m: request.m,
    locale: request.locale,
    actor: request.actor,
    url: request.url,
    csrfToken: reply.generateCsrf(),
    flash: flash ? decodeURIComponent(flash) : null,
    flashLink: flash ? flashLink : null,
  };
}

/** Redirects after a successful POST with a message shown once on the next page. */
export function redirectWithFlash(reply: FastifyReply, location: string, message: string, link?: FlashLink): FastifyReply {
  const options = { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 } as const;
  reply.setCookie(FLASH_COOKIE, encodeURIComponent(message), options);
  if (link) reply.setCookie(FLASH_LINK_COOKIE, encodeURIComponent(JSON.stringify(link)), options);
  return reply.redirect(location, 303);
}

/** The current URL with ?lang= switched, for the language link. */
export function languageSwitchHref(url: string, target: string): string {
  const [path, query = ''] = url.split('?');
  const params = new URLSearchParams(query);
  params.set('lang', target);
  return `${path}?${params.toString()}`;
}
