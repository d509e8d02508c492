// GET/POST /login and POST /logout. Login is rate limited per IP address and backs off per
// account (login-backoff.ts); a successful login gets a new CSRF secret.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.ts';
import { ErrorSummary, TextField, CsrfField, Button, type FieldErrors } from '../../ui/forms.tsx';
import { Layout } from '../../ui/layout.tsx';
import { pageContext, redirectWithFlash, type PageContext } from '../../web/page-context.ts';
import { rotateCsrfSecret } from '../../web/csrf-secret.ts';
import { sendPage } from '../../web/render.ts';
import { safeNext as safeLocalPath } from './safe-next.ts';
import { minutesLeft } from './login-backoff.ts';
import { logIn, logOut } from './session-service.ts';

const SESSION_COOKIE = 'mogna_session';

const loginSchema = z.object({
  email: z.string().trim().max(254).default(''),
  password: z.string().max(1000).default(''),
  next: z.string().optional(),
});


function LoginPage({ page, errors, email, next }: { page: PageContext; errors: FieldErrors; email: string; next: string }) {
  const { m } = page;
  return (
    <Layout page={page} title={m.auth.loginTitle}>
      <div class="narrow">
        <ErrorSummary m={m} errors={errors} />
        <h1>{m.auth.loginTitle}</h1>
        <p>{m.auth.loginIntro}</p>
        <form method="post" action="/login" novalidate>
          <CsrfField token={page.csrfToken} />
          <input type="hidden" name="next" value={next} />
          <TextField m={m} id="email" label={m.auth.email} type="email" autocomplete="username" value={email} error={errors.email} />
          <TextField m={m} id="password" label={m.auth.password} type="password" autocomplete="current-password" error={errors.password} width="medium" />
          <Button>{m.auth.submit}</Button>
        </form>
      </div>
    </Layout>
  );
}

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  /** Only same-origin paths are followed after login, so the form cannot send users elsewhere. */
  const safeNext = (next: string | undefined) => safeLocalPath(next, ctx.config.publicUrl);
  app.get('/login', async (request, reply) => {
    if (request.actor.kind === 'user') return reply.redirect('/');
    const next = safeNext((request.query as { next?: string }).next);
    return sendPage(reply, <LoginPage page={pageContext(request, reply)} errors={{}} email="" next={next} />);
  });

  app.post(
    '/login',
    { config: { rateLimit: { max: ctx.config.LOGIN_RATE_LIMIT, timeWindow: '15 minutes' } } },
    async (request, reply) => {
      const form = loginSchema.parse(request.body ?? {});
      const m = request.m;
      const errors: FieldErrors = {};
      if (!form.email) errors.email = m.auth.emailRequired;
      if (!form.password) errors.password = m.auth.passwordRequired;
      const result = Object.keys(errors).length === 0 ? await logIn(ctx, form.email, form.password, request.ip) : undefined;
      if (result?.kind !== 'ok') {
        if (result?.kind === 'invalid') errors.email = m.auth.invalidCredentials;
        if (result?.kind === 'locked') errors.email = m.auth.accountLocked(minutesLeft(ctx, result.until));
        const status = result?.kind === 'locked' ? 429 : result?.kind === 'invalid' ? 401 : 400;
        return sendPage(
          reply,
          <LoginPage page={pageContext(request, reply)} errors={errors} email={form.email} next={safeNext(form.next)} />,
          status,
        );
      }
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.secureCookies,
        // Max-Age, not Expires: the browser counts it from when it receives the cookie, so the
        // app's clock alone decides expiry (sessions are checked against it on every request)
        // and a browser whose clock differs from the app's never drops a valid session.
        maxAge: Math.max(0, Math.floor((result.expiresAt.getTime() - ctx.clock.now().getTime()) / 1000)),
      });
      rotateCsrfSecret(reply, ctx);
      return reply.redirect(safeNext(form.next), 303);
    },
  );

  app.post('/logout', async (request, reply) => {
    if (request.sessionToken) await logOut(ctx, request.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return redirectWithFlash(reply, '/login', request.m.auth.loggedOut);
  });
}
