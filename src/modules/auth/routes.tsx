// GET/POST /login, POST /logout and "Mitt konto" (/account, its password change). Login is rate
// limited per IP address and backs off per account (login-backoff.ts); a successful login gets a
// new CSRF secret. Each route validates (schema.ts), calls a service (session-service.ts for
// signing in and out, service.ts for the account) and renders a page (views/).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import type { Messages } from '../../i18n/messages.ts';
import type { FieldErrors } from '../../ui/forms.tsx';
import { rotateCsrfSecret } from '../../web/csrf-secret.ts';
import { pageContext, redirectWithFlash } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { parseInput, validateForm } from '../../web/validate.ts';
import { minutesLeft } from './login-backoff.ts';
import { safeNext as safeLocalPath } from './safe-next.ts';
import { loginBody, loginFields, loginQuery, passwordBody, passwordFields } from './schema.ts';
import { changePassword, signedInUser } from './service.ts';
import { logIn, logOut } from './session-service.ts';
import { AccountPage } from './views/account-page.tsx';
import { LoginPage } from './views/login-page.tsx';

const SESSION_COOKIE = 'mogna_session';

/** The forms' field message codes (schema.ts) in the visitor's language. */
function fieldText(m: Messages, code: string): string {
  if (code === 'passwordRequired') return m.auth.passwordRequired;
  if (code === 'mismatch') return m.account.mismatch;
  return m.auth.emailRequired;
}

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  /** Only same-origin paths are followed after login, so the form cannot send users elsewhere. */
  const safeNext = (next: string | undefined) => safeLocalPath(next, ctx.config.publicUrl);
  app.get('/login', async (request, reply) => {
    if (request.actor.kind === 'user') return reply.redirect('/');
    const next = safeNext(parseInput(loginQuery, request.query).next);
    return sendPage(reply, <LoginPage page={pageContext(request, reply)} errors={{}} email="" next={next} />);
  });

  app.post(
    '/login',
    { config: { rateLimit: { max: ctx.config.LOGIN_RATE_LIMIT, timeWindow: '15 minutes' } } },
    async (request, reply) => {
      const form = parseInput(loginBody, request.body);
      const m = request.m;
      const checked = validateForm(loginFields, form, (issue) => fieldText(m, issue.message));
      const errors: FieldErrors = checked.ok ? {} : checked.errors;
      const result = checked.ok ? await logIn(ctx, form.email, form.password, request.ip) : undefined;
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

export function registerAccountRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/account', async (request, reply) => {
    const account = signedInUser(request.actor);
    return sendPage(reply, <AccountPage page={pageContext(request, reply)} account={account} errors={{}} />);
  });

  app.post('/account/password', { config: { rateLimit: { max: ctx.config.LOGIN_RATE_LIMIT, timeWindow: '15 minutes' } } }, async (request, reply) => {
    const account = signedInUser(request.actor);
    const form = parseInput(passwordBody, request.body);
    const m = request.m;
    const checked = validateForm(passwordFields, form, (issue) => fieldText(m, issue.message));
    const errors: FieldErrors = checked.ok ? {} : checked.errors;
    if (checked.ok) {
      const problem = await changePassword(ctx, request.actor, { current: form.current, next: form.next, sessionToken: request.sessionToken });
      if (problem === null) return redirectWithFlash(reply, '/account', m.account.changed);
      if (problem === 'wrong_current') errors.current = m.account.wrongCurrent;
      if (problem === 'too_short') errors.next = m.operator.passwordTooShort;
      if (problem === 'same_as_current') errors.next = m.account.sameAsCurrent;
      if (typeof problem === 'object') {
        errors.current = m.account.currentLocked(minutesLeft(ctx, problem.locked));
        return sendPage(reply, <AccountPage page={pageContext(request, reply)} account={account} errors={errors} />, 429);
      }
    }
    return sendPage(reply, <AccountPage page={pageContext(request, reply)} account={account} errors={errors} />, 400);
  });
}
