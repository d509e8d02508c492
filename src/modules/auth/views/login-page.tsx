// The sign-in page (/login).
import { Button, CsrfField, ErrorSummary, TextField, type FieldErrors } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';

export function LoginPage({ page, errors, email, next }: { page: PageContext; errors: FieldErrors; email: string; next: string }) {
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
