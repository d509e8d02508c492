// "Mitt konto" (/account): the signed-in user's name and e-mail, and the password change form.
import { Button, CsrfField, ErrorSummary, TextField, type FieldErrors } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';

export function AccountPage({ page, account, errors }: { page: PageContext; account: { name: string; email: string }; errors: FieldErrors }) {
  const { m } = page;
  return (
    <Layout page={page} title={m.account.title}>
      <div class="narrow">
        <ErrorSummary m={m} errors={errors} />
        <h1>{m.account.title}</h1>
        <dl class="summary-list">
          <div>
            <dt>{m.operator.userName}</dt>
            <dd>{account.name}</dd>
          </div>
          <div>
            <dt>{m.auth.email}</dt>
            <dd>{account.email}</dd>
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
