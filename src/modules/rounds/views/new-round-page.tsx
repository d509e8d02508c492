// The form that creates a round: its name, year, instruments, open link and thresholds.
import { Button, Checkboxes, CsrfField, ErrorSummary, TextField, type FieldErrors } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { Organisation } from '../../../db/schema.ts';
import type { PageContext } from '../../../web/page-context.ts';
import type { InstrumentOption, NewRoundFormValues } from '../presenter.ts';

export function NewRoundPage(props: {
  page: PageContext;
  organisation: Organisation;
  instruments: InstrumentOption[];
  form: NewRoundFormValues;
  errors: FieldErrors;
}) {
  const { page, organisation, form, errors } = props;
  const { m } = page;
  return (
    <Layout page={page} title={m.rounds.newTitle}>
      <div class="narrow">
        <ErrorSummary m={m} errors={errors} />
        <p class="caption">{organisation.name}</p>
        <h1>{m.rounds.newTitle}</h1>
        <p>{m.rounds.newIntro}</p>
        <form method="post" action={`/org/${organisation.id}/rounds`} novalidate>
          <CsrfField token={page.csrfToken} />
          <TextField m={m} id="name" label={m.rounds.name} hint={m.rounds.nameHint} value={form.name} error={errors.name} />
          <TextField m={m} id="year" label={m.rounds.year} hint={m.rounds.yearHint} value={form.year} error={errors.year} inputMode="numeric" width="short" />
          <Checkboxes
            m={m}
            id="instruments"
            name="instruments"
            legend={m.rounds.instruments}
            hint={m.rounds.instrumentsHint}
            error={errors.instruments}
            options={props.instruments}
            checked={form.instruments}
          />
          <Checkboxes
            m={m}
            id="openLink"
            name="openLink"
            legend={m.rounds.openLink}
            options={[{ value: 'on', label: m.rounds.openLinkChoice, hint: m.rounds.openLinkHint }]}
            checked={form.openLink ? ['on'] : []}
          />
          <TextField m={m} id="threshold" label={m.rounds.threshold} hint={m.rounds.thresholdHint} value={form.threshold} error={errors.threshold} inputMode="numeric" width="short" />
          <TextField m={m} id="smallSample" label={m.results.smallSampleField} hint={m.results.smallSampleHint} value={form.smallSample} error={errors.smallSample} inputMode="numeric" width="short" />
          <Button>{m.rounds.create}</Button>
        </form>
      </div>
    </Layout>
  );
}
