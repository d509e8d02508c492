// Picks each request's language: `?lang=` (remembered in a cookie), else the cookie, else Swedish.
// A logged-in user's own choice applies later (session plugin) only when neither was given.
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { isLocale, messages, type Locale, type Messages } from '../../i18n/messages.ts';

export const LOCALE_COOKIE = 'mogna_lang';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    m: Messages;
    /** Whether the request named its language (query or cookie), so an account's default must not override it. */
    localeChosen: boolean;
  }
}

interface LocalePluginOptions {
  secureCookies: boolean;
}

const localePlugin: FastifyPluginAsync<LocalePluginOptions> = async (app: FastifyInstance, options) => {
  app.decorateRequest('locale', null as never);
  app.decorateRequest('m', null as never);
  app.decorateRequest('localeChosen', false);
  app.addHook('onRequest', async (request, reply) => {
    const queryLang = (request.query as Record<string, unknown> | undefined)?.lang;
    const cookieLang = request.cookies[LOCALE_COOKIE];
    let locale: Locale = 'sv';
    if (isLocale(queryLang)) {
      locale = queryLang;
      reply.setCookie(LOCALE_COOKIE, queryLang, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 86_400, secure: options.secureCookies });
    } else if (isLocale(cookieLang)) {
      locale = cookieLang;
    }
    request.localeChosen = isLocale(queryLang) || isLocale(cookieLang);
    request.locale = locale;
    request.m = messages(locale);
  });
};

/** Sets the request's language unless the request chose one itself. */
export function applyDefaultLocale(request: { locale: Locale; m: Messages; localeChosen: boolean }, preferred: unknown): void {
  if (request.localeChosen || !isLocale(preferred)) return;
  request.locale = preferred;
  request.m = messages(preferred);
}

export default fp(localePlugin, { name: 'mogna-locale', dependencies: ['@fastify/cookie'] });
