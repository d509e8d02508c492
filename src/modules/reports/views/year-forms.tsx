// The forms of the report year page: issuing a version (with its classification), the study's
// texts and its logo. Every form works without JavaScript.
import type { ClassificationLevel } from '../../../reports/report-model.ts';
import { Button, CsrfField, TextAreaField, TextField } from '../../../ui/forms.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import { classificationLevels, classificationText } from '../../../reports/classification.ts';
import { LOGO_MAX_MB_TEXT, reportsPath, type IssueFormState, type ReportOverview, type SettingsFormState } from '../presenter.ts';

function ClassificationRadios({ page, value, error }: { page: PageContext; value: ClassificationLevel; error: string | undefined }) {
  const t = page.m.reportPages.issue;
  return (
    <div class={`field${error ? ' field-has-error' : ''}`}>
      <fieldset class="fieldset" id="classification" aria-describedby={`classification-hint${error ? ' classification-error' : ''}`}>
        <legend class="legend">{t.classification}</legend>
        <p class="hint" id="classification-hint">
          {t.classificationHint}
        </p>
        {error ? (
          <p class="field-error" id="classification-error">
            <span class="visually-hidden">{page.m.common.errorPrefix} </span>
            {error}
          </p>
        ) : null}
        {classificationLevels.map((level) => {
          const text = classificationText(level, page.locale);
          return (
            <div class="choice">
              <input type="radio" id={`classification-${level}`} name="classification" value={String(level)} checked={level === value} aria-describedby={`classification-${level}-hint`} />
              <label for={`classification-${level}`}>{text.label}</label>
              <p class="hint choice-hint" id={`classification-${level}-hint`}>
                {text.meaning}
              </p>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

export function IssueForm({ page, overview, form }: { page: PageContext; overview: ReportOverview; form: IssueFormState }) {
  const t = page.m.reportPages.issue;
  return (
    <section aria-labelledby="issue-heading">
      <h2 id="issue-heading">{t.heading}</h2>
      <p>{t.intro}</p>
      <form method="post" action={`${reportsPath(overview.subject.id, overview.year)}/issue`} class="panel" novalidate>
        <CsrfField token={page.csrfToken} />
        <input type="hidden" name="kind" value={overview.kind} />
        <TextField m={page.m} id="reason" label={t.reason} hint={t.reasonHint} value={form.reason} error={form.errors.reason} />
        <ClassificationRadios page={page} value={form.classification} error={form.errors.classification} />
        <Button>{t.submit}</Button>
      </form>
    </section>
  );
}

/** The study's logo: a preview, a multipart upload (the CSRF token in the query) and a remove button. */
function LogoForm({ page, overview, error }: { page: PageContext; overview: ReportOverview; error: string | undefined }) {
  const t = page.m.reportPages.studyLogo;
  const base = `${reportsPath(overview.subject.id, overview.year)}/logo`;
  const maxMb = LOGO_MAX_MB_TEXT;
  return (
    <div class="panel" data-testid="study-logo">
      <h3 id="logo-heading">{t.heading}</h3>
      <p>{t.intro}</p>
      {overview.logo ? (
        <figure>
          <img src={overview.logo.dataUrl} alt={`${t.current}: ${overview.study.organisation.name}`} width={overview.logo.width} height={overview.logo.height} />
          <figcaption>{t.current}</figcaption>
        </figure>
      ) : (
        <p>{t.none}</p>
      )}
      <form method="post" action={base} enctype="multipart/form-data" novalidate>
        <CsrfField token={page.csrfToken} />
        <div class={`field${error ? ' field-has-error' : ''}`}>
          <label class="label" for="logo-file">
            {t.file}
          </label>
          <p class="hint" id="logo-file-hint">
            {t.fileHint(maxMb)}
          </p>
          {error ? (
            <p class="field-error" id="logo-file-error" data-testid="logo-error">
              <span class="visually-hidden">{page.m.common.errorPrefix} </span>
              {error}
            </p>
          ) : null}
          <input
            class="file-input"
            id="logo-file"
            name="file"
            type="file"
            accept="image/png,image/jpeg,.png,.jpg,.jpeg"
            aria-describedby={`logo-file-hint${error ? ' logo-file-error' : ''}`}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        <Button>{t.upload}</Button>
      </form>
      {overview.logo ? (
        <form method="post" action={`${base}/remove`}>
          <CsrfField token={page.csrfToken} />
          <Button variant="secondary">{t.remove}</Button>
        </form>
      ) : null}
    </div>
  );
}


export function SettingsForm({ page, overview, form }: { page: PageContext; overview: ReportOverview; form: SettingsFormState }) {
  const t = page.m.reportPages.settings;
  const { values, errors } = form;
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t.heading}</h2>
      <p>{t.intro}</p>
      <form method="post" action={`${reportsPath(overview.subject.id, overview.year)}/settings`} class="panel" novalidate>
        <CsrfField token={page.csrfToken} />
        <TextField m={page.m} id="title" label={page.m.reportPages.studyTitle.title} hint={page.m.reportPages.studyTitle.titleHint} value={values.title} error={errors.title} />
        {overview.study.isFederation ? (
          <TextField m={page.m} id="subtitle" label={page.m.reportPages.studyTitle.subtitle} hint={page.m.reportPages.studyTitle.subtitleHint} value={values.subtitle} error={errors.subtitle} />
        ) : null}
        <TextAreaField m={page.m} id="background" label={t.background} value={values.background} error={errors.background} />
        <TextAreaField m={page.m} id="purpose" label={t.purpose} value={values.purpose} error={errors.purpose} />
        <TextAreaField m={page.m} id="goal" label={t.goal} value={values.goal} error={errors.goal} />
        <TextAreaField m={page.m} id="scope" label={t.scope} value={values.scope} error={errors.scope} />
        {overview.study.isFederation ? <TextAreaField m={page.m} id="goalPicture" label={t.goalPicture} hint={t.goalPictureHint} value={values.goalPicture} error={errors.goalPicture} rows={6} /> : null}
        <TextField m={page.m} id="author" label={t.author} hint={t.authorHint} value={values.author} error={errors.author} />
        <Button>{t.submit}</Button>
      </form>
      <LogoForm page={page} overview={overview} error={errors['logo-file']} />
    </section>
  );
}
