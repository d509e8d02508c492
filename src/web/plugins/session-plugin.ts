// Finds who is asking: the session cookie's user with their memberships, or the anonymous actor.
// Respondents' survey pages and static files never look at the session: a personal link is all
// they need, and skipping the lookup keeps those hot paths free of a database read.
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { anonymous, loadUserActor, type Actor } from '../../app/actor.ts';
import type { AppContext } from '../../app/app-context.ts';
import { resolveSession } from '../../modules/auth/session-service.ts';
import { applyDefaultLocale } from './locale-plugin.ts';

export const SESSION_COOKIE = 'mogna_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    sessionToken: string | undefined;
  }
}

interface SessionPluginOptions {
  ctx: AppContext;
}

/** Paths that never need the logged-in user. */
export function skipsSession(url: string): boolean {
  return url.startsWith('/s/') || url.startsWith('/o/') || url.startsWith('/static/') || url.startsWith('/assets/');
}

const sessionPlugin: FastifyPluginAsync<SessionPluginOptions> = async (app: FastifyInstance, { ctx }) => {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('sessionToken', undefined);
  app.addHook('onRequest', async (request) => {
    request.actor = anonymous;
    if (skipsSession(request.url)) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const userId = await resolveSession(ctx, token);
    if (!userId) return;
    const actor = await loadUserActor(ctx.db, userId);
    if (!actor) return;
    request.actor = actor;
    request.sessionToken = token;
    applyDefaultLocale(request, actor.locale);
  });
};

export default fp(sessionPlugin, { name: 'mogna-session', dependencies: ['@fastify/cookie', 'mogna-locale'] });
