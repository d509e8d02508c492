// The form that sets up a federation's study: year, parts, members, closing date, anonymity
// threshold and contact person (issue 15).
import type { Organisation } from '../../../db/schema.ts';
import { STUDY_PARTS } from '../../../domain/studies/study-parts.ts';
import { Button, Checkboxes, CsrfField, ErrorSummary, TextField, type FieldErrors } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { NewStudyBody } from '../schema.ts';

export function NewStudyPage(props: { page: PageContext; federation: Organisation; members: Organisation[]; form: NewStudyBody; errors: FieldErrors }) {
  const { page, federation, form, errors } = props;
  const { m } = page;
  return (
    <Layout page={page} title={m.studies.newTitle}>
      <div class="narrow">
        <ErrorSummary m={m} errors={errors} />
        <p class="caption">{federation.name}</p>
        <h1>{m.studies.newTitle}</h1>
        <p>{m.studies.newIntro}</p>
        <form method="post" action={`/org/${federation.id}/studies`} novalidate>
          <CsrfField token={page.csrfToken} />
          <TextField m={m} id="year" label={m.studies.year} hint={m.studies.yearHint} value={form.year} error={errors.year} inputMode="numeric" width="short" />
          <Checkboxes
            m={m}
            id="parts"
            name="parts"
            legend={m.studies.partsLegend}
            hint={m.studies.partsHint}
            error={errors.parts}
            options={STUDY_PARTS.map((part) => ({ value: part, label: m.studies.parts[part] }))}
            checked={form.parts}
          />
          <Checkboxes
            m={m}
            id="members"
            name="members"
            legend={m.studies.membersLegend}
            hint={m.studies.membersHint}
            error={errors.members}
            options={props.members.map((member) => ({ value: member.id, label: member.name }))}
            checked={form.members}
          />
          <TextField m={m} id="closesOn" label={m.studies.closesOnLabel} hint={m.studies.closesOnHint} value={form.closesOn} error={errors.closesOn} width="medium" />
          <TextField m={m} id="threshold" label={m.studies.threshold} hint={m.studies.thresholdHint} value={form.threshold} error={errors.threshold} inputMode="numeric" width="short" />
          <TextField m={m} id="contactName" label={m.studies.contactName} hint={m.studies.contactNameHint} value={form.contactName} error={errors.contactName} width="medium" />
          <TextField m={m} id="contactEmail" label={m.studies.contactEmail} value={form.contactEmail} error={errors.contactEmail} type="email" inputMode="email" autocomplete="email" />
          <Button>{m.studies.create}</Button>
        </form>
      </div>
    </Layout>
  );
}
