// Builds the Fastify application: security plugins, locale and session per request, the
// error pages, and every feature's routes. `buildApp(ctx)` is also what tests drive with
// app.inject(), so tests exercise exactly what production serves.
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import securityHeadersPlugin from './plugins/security-headers-plugin.ts';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { csrfCookieOptions } from './csrf-secret.ts';
import csrfPlugin from './plugins/csrf-plugin.ts';
import errorPlugin from './plugins/error-plugin.ts';
import localePlugin from './plugins/locale-plugin.ts';
import sessionPlugin from './plugins/session-plugin.ts';
import type { AppContext } from '../app/app-context.ts';
import { registerAccessibilityRoutes } from '../modules/about/routes.tsx';
import { registerAccountRoutes, registerAuthRoutes } from '../modules/auth/routes.tsx';
import { registerOrganisationRoutes } from '../modules/organisations/routes.tsx';
import { registerOperatorRoutes } from '../modules/operator/routes.tsx';
import { registerCostRoutes } from '../modules/costs/routes.tsx';
import { registerRoundRoutes } from '../modules/rounds/routes.tsx';
import { registerStudyRoutes } from '../modules/studies/routes.tsx';
import { registerMailRoutes } from '../modules/rounds/mail-routes.tsx';
import { registerJointRoutes } from '../modules/joint/routes.tsx';
import { registerResultsRoutes } from '../modules/results/routes.tsx';
import { registerSurveyRoutes } from '../modules/survey/routes.tsx';
import { registerAssetRoutes } from './assets.ts';
import { registerFederationMaturityRoutes } from '../modules/federation/routes.tsx';
import { registerReportRoutes } from '../modules/reports/routes.tsx';
import { registerAuditRoutes } from '../modules/audit/routes.tsx';
import { registerPersonalDataRoutes } from '../modules/gdpr/routes.tsx';
import { registerMethodChecklistRoutes } from '../modules/method-checklist/routes.tsx';
import { registerWorkshopRoutes } from '../modules/workshop/routes.tsx';
import { registerActionRoutes } from '../modules/actions/routes.tsx';
import { MAX_UPLOAD_BYTES } from './limits.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The context the app was built with (its clock, database and ports), for plugins and tests. */
    mognaContext: AppContext;
    /** Every route's method and URL pattern, as registered (for route-wide checks in tests). */
    routeTable: ReadonlyArray<{ method: string; url: string }>;
  }
}

const PUBLIC_DIR = fileURLToPath(new URL('../../public', import.meta.url));

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

  await app.register(securityHeadersPlugin, {
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
  await app.register(localePlugin, { secureCookies: ctx.config.secureCookies });
  await app.register(sessionPlugin, { ctx });
  await app.register(csrfPlugin, { cookieOpts: csrfCookieOptions(ctx) });
  await app.register(errorPlugin);
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

  app.get('/healthz', { logLevel: 'silent' }, async () => ({ ok: true }));

  registerAuthRoutes(app, ctx);
  registerAccountRoutes(app, ctx);
  registerOrganisationRoutes(app, ctx);
  registerRoundRoutes(app, ctx);
  registerStudyRoutes(app, ctx);
  registerMailRoutes(app, ctx);
  registerResultsRoutes(app, ctx);
  registerSurveyRoutes(app, ctx);
  registerJointRoutes(app, ctx);
  registerOperatorRoutes(app, ctx);
  registerCostRoutes(app, ctx);
  registerWorkshopRoutes(app, ctx);
  registerAccessibilityRoutes(app);
  registerAssetRoutes(app);
  registerFederationMaturityRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerPersonalDataRoutes(app, ctx);
  registerMethodChecklistRoutes(app, ctx);
  registerActionRoutes(app, ctx);
  return app;
}
