// Builds the Fastify application: security plugins, locale and session per request, the
// error pages, and every feature's routes. `buildApp(ctx)` is also what tests drive with
// app.inject(), so tests exercise exactly what production serves.
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../app/app-context.ts';
import { AppError, isAppError, type ErrorCode } from '../app/errors.ts';
import { anonymous, loadUserActor, type Actor } from '../access/actor.ts';
import { isLocale, messages, type Locale, type Messages } from '../i18n/messages.ts';
import { resolveSession } from '../modules/auth/session-service.ts';
import { CSRF_COOKIE, csrfCookieOptions } from './csrf-secret.ts';
import { registerAccessibilityRoutes } from '../modules/about/accessibility-routes.tsx';
import { registerAccountRoutes } from '../modules/auth/account-routes.tsx';
import { registerAuthRoutes } from '../modules/auth/auth-routes.tsx';
import { registerOrganisationRoutes } from '../modules/organisations/organisation-routes.tsx';
import { registerOperatorRoutes } from '../modules/operator/operator-routes.tsx';
import { registerCostRoutes } from '../modules/costs/cost-routes.tsx';
import { registerRoundRoutes } from '../modules/rounds/round-routes.tsx';
import { registerJointRoutes } from '../modules/joint/routes.tsx';
import { registerResultsRoutes } from '../modules/results/results-routes.tsx';
import { registerSurveyRoutes } from '../modules/survey/survey-routes.tsx';
import { registerAssetRoutes } from './assets.ts';
import { registerFederationMaturityRoutes } from '../modules/federation/federation-maturity-routes.tsx';
import { registerReportRoutes } from '../modules/reports/report-routes.tsx';
import { registerAuditRoutes } from '../modules/audit/audit-routes.tsx';
import { registerPersonalDataRoutes } from '../modules/gdpr/personal-data-routes.tsx';
import { fieldProblemsOf, renderErrorPage } from './error-page.tsx';
import { MAX_UPLOAD_BYTES } from './limits.ts';

export const SESSION_COOKIE = 'mogna_session';
export const LOCALE_COOKIE = 'mogna_lang';

declare module 'fastify' {
  interface FastifyInstance {
    /** The context the app was built with (its clock, database and ports), for plugins and tests. */
    mognaContext: AppContext;
    /** Every route's method and URL pattern, as registered (for route-wide checks in tests). */
    routeTable: ReadonlyArray<{ method: string; url: string }>;
  }
  interface FastifyRequest {
    actor: Actor;
    locale: Locale;
    m: Messages;
    sessionToken: string | undefined;
  }
}

const PUBLIC_DIR = fileURLToPath(new URL('../../public', import.meta.url));

// Survey pages are reached by personal link and never need the logged-in user.
function isRespondentPath(url: string): boolean {
  return url.startsWith('/s/') || url.startsWith('/o/');
}

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: ctx.config.LOG_LEVEL === 'silent' ? false : { level: ctx.config.LOG_LEVEL },
    trustProxy: ctx.config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    // Personal links carry a token in the path: keep request lines out of the logs.
    logController: new LogController({ disableRequestLogging: true }),
    // On close, drop kept-alive connections that have no request in flight at once (instead of
    // waiting for their keep-alive to run out); requests in flight still finish.
    forceCloseConnections: 'idle',
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // Chart SVGs (ECharts) and the interactive charts position and size text with style
        // attributes. Attributes cannot run code; <style> elements and scripts stay self-only.
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: ctx.config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: ctx.config.secureCookies,
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await app.register(rateLimit, { global: false });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: CSRF_COOKIE,
    cookieOpts: csrfCookieOptions(ctx),
    // Multipart forms carry the token in the query string, since their body is a stream.
    getToken: (request) => {
      const body = request.body as Record<string, unknown> | undefined;
      const query = request.query as Record<string, unknown> | undefined;
      const token = body?._csrf ?? query?._csrf ?? request.headers['x-csrf-token'];
      return typeof token === 'string' ? token : undefined;
    },
  });
  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: '/static/',
    maxAge: '1h',
    index: false,
  });

  app.decorate('mognaContext', ctx);
  const routeTable: Array<{ method: string; url: string }> = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url });
  });

  // Set for every request by the onRequest hook below; null only until it has run.
  app.decorateRequest('actor', null as never);
  app.decorateRequest('locale', null as never);
  app.decorateRequest('m', null as never);
  app.decorateRequest('sessionToken', null as never);

  app.addHook('onRequest', async (request, reply) => {
    const queryLang = (request.query as Record<string, unknown> | undefined)?.lang;
    const cookieLang = request.cookies[LOCALE_COOKIE];
    let locale: Locale = 'sv';
    if (isLocale(queryLang)) {
      locale = queryLang;
      reply.setCookie(LOCALE_COOKIE, queryLang, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 86_400, secure: ctx.config.secureCookies });
    } else if (isLocale(cookieLang)) {
      locale = cookieLang;
    }
    request.locale = locale;
    request.m = messages(locale);
    request.actor = anonymous;
    if (isRespondentPath(request.url) || request.url.startsWith('/static/') || request.url.startsWith('/assets/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const userId = await resolveSession(ctx, token);
    if (!userId) return;
    const actor = await loadUserActor(ctx.db, userId);
    if (actor) {
      request.actor = actor;
      request.sessionToken = token;
      if (!isLocale(queryLang) && !isLocale(cookieLang) && isLocale(actor.locale)) {
        request.locale = actor.locale;
        request.m = messages(actor.locale);
      }
    }
  });

  // Every state-changing request carries a CSRF token, respondents' forms included.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return done();
    app.csrfProtection(request, reply, done);
  });

  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  app.setNotFoundHandler((request, reply) => sendError(request, reply, new AppError('not_found')));

  app.get('/healthz', { logLevel: 'silent' }, async () => ({ ok: true }));

  registerAuthRoutes(app, ctx);
  registerAccountRoutes(app, ctx);
  registerOrganisationRoutes(app, ctx);
  registerRoundRoutes(app, ctx);
  registerResultsRoutes(app, ctx);
  registerSurveyRoutes(app, ctx);
  registerJointRoutes(app, ctx);
  registerOperatorRoutes(app, ctx);
  registerCostRoutes(app, ctx);
  registerAccessibilityRoutes(app);
  registerAssetRoutes(app);
  registerFederationMaturityRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerPersonalDataRoutes(app, ctx);
  return app;
}

function errorCodeOf(error: unknown): ErrorCode {
  if (isAppError(error)) return error.code;
  // A schema that rejects a request (too long, malformed, wrong type) is the client's mistake.
  if (error instanceof z.core.$ZodError) return 'validation';
  const fastifyError = error as { code?: string; statusCode?: number };
  switch (fastifyError.code) {
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return 'csrf';
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_FILES_LIMIT':
      return 'payload_too_large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
    case 'FST_ERR_VALIDATION':
      return 'validation';
  }
  if (fastifyError.statusCode === 429) return 'rate_limited';
  if (fastifyError.statusCode === 404) return 'not_found';
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) return 'validation';
  return 'internal';
}

function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const code = errorCodeOf(error);
  const status = new AppError(code).status;
  if (code === 'internal') request.log.error({ err: error }, 'unhandled error');
  if (code === 'unauthenticated' && request.method === 'GET' && !request.url.startsWith('/api/')) {
    return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`);
  }
  if (request.url.startsWith('/api/')) {
    const fields = error instanceof z.core.$ZodError ? fieldProblemsOf(error) : undefined;
    return reply.status(status).send({ error: { code, message: request.m.errors[code].title, ...(fields ? { fields } : {}) } });
  }
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .send(renderErrorPage(request, code, error instanceof z.core.$ZodError ? fieldProblemsOf(error) : []));
}
