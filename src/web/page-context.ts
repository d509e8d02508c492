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
  /** 'warning' when the message reports something left undone (mail not sent); else success. */
  flashTone?: FlashTone;
}

interface FlashLink {
  href: string;
  text: string;
}

type FlashTone = 'success' | 'warning';

/** What a flash message may carry besides its text. */
interface FlashExtra {
  link?: FlashLink | undefined;
  tone?: FlashTone;
}

export const FLASH_COOKIE = 'mogna_flash';
const FLASH_EXTRA_COOKIE = 'mogna_flash_extra';

/** The flash's link and tone as stored; only a path on this site is taken, so a planted cookie cannot link elsewhere. */
function readFlashExtra(raw: string | undefined): { link: FlashLink | null; tone: FlashTone } {
  const none = { link: null, tone: 'success' as const };
  if (!raw) return none;
  try {
    const value: unknown = JSON.parse(decodeURIComponent(raw));
    if (typeof value !== 'object' || value === null) return none;
    const { link, tone } = value as { link?: Record<string, unknown>; tone?: unknown };
    const href = link?.href;
    const text = link?.text;
    const safe = typeof href === 'string' && typeof text === 'string' && href.startsWith('/') && !href.startsWith('//');
    return { link: safe ? { href, text } : null, tone: tone === 'warning' ? 'warning' : 'success' };
  } catch {
    return none;
  }
}

export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  const flash = request.cookies[FLASH_COOKIE] ?? null;
  if (flash) reply.clearCookie(FLASH_COOKIE, { path: '/' });
  const extra = readFlashExtra(request.cookies[FLASH_EXTRA_COOKIE]);
  if (request.cookies[FLASH_EXTRA_COOKIE]) reply.clearCookie(FLASH_EXTRA_COOKIE, { path: '/' });
  return {
    m: request.m,
    locale: request.locale,
    actor: request.actor,
    url: request.url,
    csrfToken: reply.generateCsrf(),
    flash: flash ? decodeURIComponent(flash) : null,
    flashLink: flash ? extra.link : null,
    flashTone: extra.tone,
  };
}

/** Redirects after a successful POST with a message shown once on the next page. */
export function redirectWithFlash(reply: FastifyReply, location: string, message: string, extra?: FlashExtra): FastifyReply {
  const options = { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 } as const;
  reply.setCookie(FLASH_COOKIE, encodeURIComponent(message), options);
  if (extra) reply.setCookie(FLASH_EXTRA_COOKIE, encodeURIComponent(JSON.stringify(extra)), options);
  return reply.redirect(location, 303);
}

/** The current URL with ?lang= switched, for the language link. */
export function languageSwitchHref(url: string, target: string): string {
  const [path, query = ''] = url.split('?');
  const params = new URLSearchParams(query);
  params.set('lang', target);
  return `${path}?${params.toString()}`;
}
