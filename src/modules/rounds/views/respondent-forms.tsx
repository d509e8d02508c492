// The top of the respondents part: upload a file of respondents (first, since that is how most
// rounds get theirs) or add one at a time. A rejected file's problems are listed at the field,
// each with an anchor the error summary links to.
import { Button, CsrfField, SelectField, TextField } from '../../../ui/forms.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { RespondentFormState, RoundWithInstruments } from '../presenter.ts';
import type { UnitNode } from '../../organisations/unit-tree.ts';

/** The anchor of a rejected file's problem, which the error summary at the top links to. */
const uploadProblemId = (index: number) => `upload-problem-${index + 1}`;

/** The form's errors and, for a rejected file, each of its problems, linked to where it is explained. */
export function respondentFormErrors(form: RespondentFormState): Record<string, string> {
  return { ...form.errors, ...Object.fromEntries(form.uploadProblems.map((problem, index) => [uploadProblemId(index), problem])) };
}

export function RespondentForms({ page, round, units, form }: { page: PageContext; round: RoundWithInstruments; units: UnitNode[]; form: RespondentFormState }) {
  const { m } = page;
  const fileError = form.errors['respondent-file'];
  return (
    <section aria-labelledby="add-respondents">
      <h2 id="add-respondents">{m.roundPage.addTitle}</h2>
      <div class="two-columns">
        <form method="post" action={`/rounds/${round.id}/respondents/upload`} enctype="multipart/form-data" class="panel">
          <CsrfField token={page.csrfToken} />
          <h3>{m.rounds.upload}</h3>
          <div class={`field${fileError ? ' field-has-error' : ''}`}>
            <label class="label" for="respondent-file">
              {m.rounds.uploadFile}
            </label>
            <p class="hint" id="respondent-file-hint">
              {m.rounds.uploadHint}
            </p>
            {fileError ? (
              <div class="field-error" id="respondent-file-error">
                <p>
                  <span class="visually-hidden">{m.common.errorPrefix} </span>
                  {fileError}
                </p>
                {form.uploadProblems.length > 0 ? (
                  <ul data-testid="upload-problems">
                    {form.uploadProblems.map((problem, index) => (
                      <li id={uploadProblemId(index)}>{problem}</li>
                    ))}
                  </ul>
                ) : null}
              </div>
            ) : null}
            <input
              class="file-input"
              id="respondent-file"
              name="file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={fileError ? 'respondent-file-hint respondent-file-error' : 'respondent-file-hint'}
            />
          </div>
          <p>
            <a href={`/rounds/${round.id}/respondents/template.csv`} download>
              {m.rounds.uploadTemplate}
            </a>
          </p>
          <Button variant="secondary">{m.rounds.uploadSubmit}</Button>
        </form>

        <form method="post" action={`/rounds/${round.id}/respondents`} class="panel" novalidate>
          <h3>{m.rounds.addRespondent}</h3>
          <CsrfField token={page.csrfToken} />
          <TextField m={m} id="respondent-email" name="email" type="email" label={m.rounds.email} value={form.values.email} error={form.errors['respondent-email']} />
          <TextField m={m} id="respondent-name" name="name" label={`${m.rounds.respondentName} ${m.common.optional}`} value={form.values.name} />
          <TextField m={m} id="respondent-role" name="role" label={`${m.rounds.role} ${m.common.optional}`} value={form.values.role} />
          <SelectField
            m={m}
            id="respondent-unit"
            name="unitId"
            label={`${m.rounds.unit} ${m.common.optional}`}
            value={form.values.unitId}
            options={[{ value: '', label: m.rounds.noUnit }, ...units.map((unit) => ({ value: unit.id, label: unit.path.join(' / ') }))]}
          />
          <Button variant="secondary">{m.rounds.addRespondentSubmit}</Button>
        </form>
      </div>
    </section>
  );
}
