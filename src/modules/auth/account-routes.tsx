// "Mitt konto": the signed-in user's details and password change.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import { hashToken } from '../../app/ports.ts';
import { Button, CsrfField, ErrorSummary, TextField, type FieldErrors } from '../../ui/forms.tsx';
import { Layout } from '../../ui/layout.tsx';
import { pageContext, redirectWithFlash, type PageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { minutesLeft } from './login-backoff.ts';
import { changePassword } from './user-service.ts';

const passwordForm = z.object({
  current: z.string().max(1000).default(''),
  next: z.string().max(1000).default(''),
  confirm: z.string().max(1000).default(''),
});

function AccountPage({ page, errors }: { page: PageContext; errors: FieldErrors }) {
  const { m, actor } = page;
  if (actor.kind !== 'user') return null;
  return (
    <Layout page={page} title={m.account.title}>
      <div class="narrow">
        <ErrorSummary m={m} errors={errors} />
        <h1>{m.account.title}</h1>
        <dl class="summary-list">
          <div>
            <dt>{m.operator.userName}</dt>
            <dd>{actor.name}</dd>
          </div>
          <div>
            <dt>{m.auth.email}</dt>
            <dd>{actor.email}</dd>
          </div>
        </dl>
        <h2>{m.account.changePassword}</h2>
        <form method="post" action="/account/password" novalidate>
          <CsrfField token={page.csrfToken} />
          <TextField m={m} id="current" type="password" label={m.account.currentPassword} autocomplete="current-password" error={errors.current} width="medium" />
          <TextField m={m} id="next" type="password" label={m.account.newPassword} hint={m.operator.userPasswordHint} autocomplete="new-password" error={errors.next} width="medium" />
          <TextField m={m} id="confirm" type="password" label={m.account.confirmPassword} autocomplete="new-password" error={errors.confirm} width="medium" />
          <Button>{m.account.changePassword}</Button>
        </form>
      </div>
    </Layout>
  );
}

export function registerAccountRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/account', async (request, reply) => {
    if (request.actor.kind !== 'user') throw new AppError('unauthenticated');
    return sendPage(reply, <AccountPage page={pageContext(request, reply)} errors={{}} />);
  });

  app.post('/account/password', { config: { rateLimit: { max: ctx.config.LOGIN_RATE_LIMIT, timeWindow: '15 minutes' } } }, async (request, reply) => {
    const actor = request.actor;
    if (actor.kind !== 'user') throw new AppError('unauthenticated');
    const form = passwordForm.parse(request.body ?? {});
    const m = request.m;
    const errors: FieldErrors = {};
    if (form.next !== form.confirm) errors.confirm = m.account.mismatch;
    if (Object.keys(errors).length === 0) {
      const problem = await changePassword(ctx, actor.userId, {
        current: form.current,
        next: form.next,
        keepSessionId: request.sessionToken ? hashToken(request.sessionToken) : undefined,
      });
      if (problem === null) return redirectWithFlash(reply, '/account', m.account.changed);
      if (problem === 'wrong_current') errors.current = m.account.wrongCurrent;
      if (problem === 'too_short') errors.next = m.operator.passwordTooShort;
      if (problem === 'same_as_current') errors.next = m.account.sameAsCurrent;
      if (typeof problem === 'object') {
        errors.current = m.account.currentLocked(minutesLeft(ctx, problem.locked));
        return sendPage(reply, <AccountPage page={pageContext(request, reply)} errors={errors} />, 429);
      }
    }
    return sendPage(reply, <AccountPage page={pageContext(request, reply)} errors={errors} />, 400);
  });
}
