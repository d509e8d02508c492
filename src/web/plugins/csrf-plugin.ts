// Every state-changing request carries a CSRF token, respondents' forms included. The token is
// read from the form body or a header (our scripts' fetch calls), never from the URL, where it
// would end up in logs and Referer headers. A multipart form sends it as its first field: the
// fields before the file are read here, so no upload route can skip the check, and a request
// without a valid token is refused before its file is read.
import csrf from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { CSRF_COOKIE, type csrfCookieOptions } from '../csrf-secret.ts';
import { discardUpload, readFieldsBeforeFile } from '../multipart-upload.ts';

interface CsrfPluginOptions {
  cookieOpts: ReturnType<typeof csrfCookieOptions>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const multipartTokens = new WeakMap<FastifyRequest, string | undefined>();

function csrfTokenOf(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  const token = request.headers['x-csrf-token'] ?? body?._csrf ?? multipartTokens.get(request);
  return typeof token === 'string' ? token : undefined;
}

const csrfPlugin: FastifyPluginAsync<CsrfPluginOptions> = async (app: FastifyInstance, options) => {
  await app.register(csrf, { sessionPlugin: '@fastify/cookie', cookieKey: CSRF_COOKIE, cookieOpts: options.cookieOpts, getToken: csrfTokenOf });
  app.addHook('preHandler', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method)) return done();
    if (!request.isMultipart()) return app.csrfProtection(request, reply, done);
    readFieldsBeforeFile(request).then((upload) => {
      multipartTokens.set(request, upload.fields._csrf);
      // csrfProtection either calls back or has already answered 403 when it returns.
      let passed = false;
      app.csrfProtection(request, reply, () => {
        passed = true;
        done();
      });
      if (!passed) discardUpload(request);
    }, done);
  });
};

export default fp(csrfPlugin, { name: 'mogna-csrf', dependencies: ['@fastify/cookie', '@fastify/multipart'] });
