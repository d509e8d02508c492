// Every state-changing request carries a CSRF token, respondents' forms included. The token is
// read from the form body, the query string (multipart forms, whose body is a stream) or a header
// (our scripts' fetch calls).
import csrf from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { CSRF_COOKIE, type csrfCookieOptions } from '../csrf-secret.ts';

interface CsrfPluginOptions {
  cookieOpts: ReturnType<typeof csrfCookieOptions>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function csrfTokenOf(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  const query = request.query as Record<string, unknown> | undefined;
  const token = body?._csrf ?? query?._csrf ?? request.headers['x-csrf-token'];
  return typeof token === 'string' ? token : undefined;
}

const csrfPlugin: FastifyPluginAsync<CsrfPluginOptions> = async (app: FastifyInstance, options) => {
  await app.register(csrf, { sessionPlugin: '@fastify/cookie', cookieKey: CSRF_COOKIE, cookieOpts: options.cookieOpts, getToken: csrfTokenOf });
  app.addHook('preHandler', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method)) return done();
    app.csrfProtection(request, reply, done);
  });
};

export default fp(csrfPlugin, { name: 'mogna-csrf', dependencies: ['@fastify/cookie'] });
