// Security headers (CSP, HSTS, Referrer-Policy, nosniff, …) as helmet decides them, set on every
// reply. Helmet is asked ONCE, at registration, which headers its options produce; each request
// then only copies that fixed set. (@fastify/helmet rebuilds the whole helmet middleware and
// re-parses the CSP directives on every request, about 4 % of a survey page's CPU time.) Mogna
// uses no per-request nonce, so nothing in the set depends on the request.
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The headers helmet sets with `options`, lower-cased names. */
export function helmetHeaders(options: HelmetOptions): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  // Helmet's middleware is synchronous: it validates the options, sets the headers, calls next.
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure;
  return Object.freeze(headers);
}

const securityHeadersPlugin: FastifyPluginAsync<HelmetOptions> = async (app, options) => {
  const headers = helmetHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
};

export default fp(securityHeadersPlugin, { name: 'mogna-security-headers' });
