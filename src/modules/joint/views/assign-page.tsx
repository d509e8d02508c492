// The form that names the person who answers the round's joint instruments through a personal link.
import { Button, CsrfField, ErrorSummary, TextField, type FieldErrors } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';

export interface AssignFormState {
  values: { name: string; email: string };
  errors: FieldErrors;
}

/** Names the person who fills in the round's joint instruments through a personal link. */
export function JointAssignPage({ page, roundId, roundName, form }: { page: PageContext; roundId: string; roundName: string; form: AssignFormState }) {
  const { m } = page;
  const t = m.joint.round;
  return (
    <Layout page={page} title={`${t.assignTitle} – ${roundName}`}>
      <ErrorSummary m={m} errors={form.errors} />
      <p class="caption">
        <a href={`/rounds/${roundId}#joint`}>{roundName}</a>
      </p>
      <h1>{t.assignTitle}</h1>
      <p>{t.assignIntro}</p>
      <form method="post" action={`/rounds/${roundId}/joint/assign`} novalidate>
        <CsrfField token={page.csrfToken} />
        <TextField m={m} id="joint-name" name="name" label={t.assignName} value={form.values.name} error={form.errors['joint-name']} autocomplete="off" />
        <TextField m={m} id="joint-email" name="email" type="email" label={t.assignEmail} value={form.values.email} error={form.errors['joint-email']} autocomplete="off" />
        <Button>{t.assignButton}</Button>
      </form>
    </Layout>
  );
}
