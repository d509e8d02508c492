// Maps every error to one code of the catalogue (src/app/errors.ts) and answers with the friendly
// page, or JSON under /api/. A raw err.message never reaches a user; unexpected errors are logged.
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { AppError, isAppError, type ErrorCode } from '../../app/errors.ts';
import { fieldProblemsOf, renderErrorPage } from '../error-page.tsx';

/** The catalogue code of any error a request can end in. */
export function errorCodeOf(error: unknown): ErrorCode {
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
  const fields = error instanceof z.core.$ZodError ? fieldProblemsOf(error) : undefined;
  if (request.url.startsWith('/api/')) {
    return reply.status(status).send({ error: { code, message: request.m.errors[code].title, ...(fields ? { fields } : {}) } });
  }
  return reply.status(status).type('text/html; charset=utf-8').send(renderErrorPage(request, code, fields ?? []));
}

const errorPlugin: FastifyPluginAsync = async (app: FastifyInstance) => {
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  app.setNotFoundHandler((request, reply) => sendError(request, reply, new AppError('not_found')));
};

export default fp(errorPlugin, { name: 'mogna-errors' });
