// Pages of the reports: the year page (downloads, version history, the issue form, the members of
// a federation, the study's texts, the batch), the preview and the batch's progress page. Every
// form works without JavaScript; the batch page refreshes itself and, with JavaScript,
// /static/report-batch.js updates the bar in place.
import type { ComponentChildren } from 'preact';
import { canViewOrganisation } from '../../access/organisation-policy.ts';
import { formatDate } from '../../i18n/format.ts';
import type { ClassificationLevel } from '../../reports/report-model.ts';
import { LOGO_MAX_BYTES } from '../../reports/logo-image.ts';
import { Button, CsrfField, ErrorSummary, TextAreaField, TextField, type FieldErrors } from '../../ui/forms.tsx';
import { Layout } from '../../ui/layout.tsx';
import { TableHead } from '../../ui/table-head.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { classificationLevels, classificationText } from './classification.ts';
import type { ReportOverview } from './report-admin-service.ts';
import type { BatchJob } from './report-batch-jobs.ts';
import type { StudyMember } from './report-service.ts';
import type { IssueChanges, ReportKind, StudySettings } from './report-types.ts';

export const reportsPath = (organisationId: string, year?: number) => (year === undefined ? `/org/${organisationId}/reports` : `/org/${organisationId}/reports/${year}`);
export const batchPath = (organisationId: string, year: number, jobId: string) => `${reportsPath(organisationId, year)}/batch/${jobId}`;

export interface IssueFormState {
  reason: string;
  classification: ClassificationLevel;
  errors: FieldErrors;
}

export interface SettingsFormState {
  values: Record<keyof StudySettings, string>;
  errors: FieldErrors;
}

export function settingsFormValues(settings: StudySettings): Record<keyof StudySettings, string> {
  return { ...settings, goalPicture: settings.goalPicture.join('\n') };
}

function Breadcrumb({ organisationId, organisationName, year }: { organisationId: string; organisationName: string; year?: number; page: PageContext }) {
  return (
    <p class="caption">
      <a href={`/org/${organisationId}`}>{organisationName}</a>
      {year === undefined ? null : (
        <>
          {' › '}
          <a href={reportsPath(organisationId, year)}>{year}</a>
        </>
      )}
    </p>
  );
}

/** The three ways to get one report: Word, PDF and the preview. */
export function ReportDownloads({ page, organisationId, year, kind, subjectName }: { page: PageContext; organisationId: string; year: number; kind: ReportKind; subjectName?: string }) {
  const t = page.m.reportPages.download;
  const base = `${reportsPath(organisationId, year)}/${kind}`;
  const context = subjectName ? <span class="visually-hidden"> – {subjectName}</span> : null;
  return (
    <p data-testid={`downloads-${kind}`}>
      <a class="button button-primary" href={`${base}.docx`} download>
        {t.docx}
        {context}
      </a>
      <a class="button button-primary" href={`${base}.pdf`} download>
        {t.pdf}
        {context}
      </a>
      <a class="button button-secondary" href={base}>
        {t.preview}
        {context}
      </a>
    </p>
  );
}

function YearNav({ page, organisationId, years, year }: { page: PageContext; organisationId: string; years: number[]; year: number }) {
  if (years.length < 2) return null;
  const t = page.m.reportPages;
  return (
    <nav aria-label={t.years} class="year-nav">
      <p>
        {t.years}:{' '}
        {years.map((other, index) => (
          <>
            {index > 0 ? ', ' : ''}
            {other === year ? <strong aria-current="page">{other}</strong> : <a href={reportsPath(organisationId, other)}>{other}</a>}
          </>
        ))}
      </p>
    </nav>
  );
}

export const versionPath = (organisationId: string, year: number, version: string) => `${reportsPath(organisationId, year)}/versions/${version}`;

function changesText(page: PageContext, index: number, changes: IssueChanges | undefined): string {
  const v = page.m.reportPages.versions;
  if (index === 0) return v.first;
  if (!changes) return v.unknown;
  const parts = changes.parts.map((key) => v.partNames[key] ?? key);
  const texts = changes.texts.map((key) => v.textNames[key] ?? key);
  if (parts.length === 0 && texts.length === 0) return v.nothingChanged;
  return [parts.length > 0 ? v.figures(parts.join(', ')) : null, texts.length > 0 ? v.texts(texts.join(', ')) : null].filter(Boolean).join('. ');
}

function HistoryTable({ page, overview }: { page: PageContext; overview: ReportOverview }) {
  const t = page.m.reportPages.history;
  const v = page.m.reportPages.versions;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t.heading}</h2>
      {overview.history.length === 0 ? (
        <p data-testid="no-history">{t.none}</p>
      ) : (
        <div class="table-scroll">
          <table class="table" data-testid="history">
            <caption class="visually-hidden">{t.caption}</caption>
            <TableHead columns={[t.columns.version, t.columns.date, t.columns.by, t.columns.reason, t.columns.classification, v.changesColumn, v.filesColumn]} />
            <tbody>
              {overview.history.map((entry, index) => (
                <tr>
                  <th scope="row">{entry.version}</th>
                  <td>{formatDate(page.locale, entry.date)}</td>
                  <td>{entry.by}</td>
                  <td>{entry.reason}</td>
                  <td>{classificationText(entry.classification, page.locale).label}</td>
                  <td data-testid="changes">{changesText(page, index, overview.changes.get(entry.id))}</td>
                  <td>
                    <a href={`${versionPath(overview.subject.id, overview.year, entry.version)}/${overview.kind}.docx`} download aria-label={v.file('DOCX', entry.version)}>
                      DOCX
                    </a>
                    {' · '}
                    <a href={`${versionPath(overview.subject.id, overview.year, entry.version)}/${overview.kind}.pdf`} download aria-label={v.file('PDF', entry.version)}>
                      PDF
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {overview.history.length > 0 ? <p class="hint">{v.frozenHint}</p> : null}
    </section>
  );
}

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

function IssueForm({ page, overview, form }: { page: PageContext; overview: ReportOverview; form: IssueFormState }) {
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
      <form method="post" action={`${base}?_csrf=${encodeURIComponent(page.csrfToken)}`} enctype="multipart/form-data" novalidate>
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

/** "1 MB": the logo's size limit as the forms and messages say it. */
export const LOGO_MAX_MB_TEXT = `${LOGO_MAX_BYTES / (1024 * 1024)} MB`;

function SettingsForm({ page, overview, form }: { page: PageContext; overview: ReportOverview; form: SettingsFormState }) {
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

function partsText(page: PageContext, member: StudyMember): string {
  const t = page.m.reportPages.federation;
  const parts = (Object.keys(t.parts) as Array<keyof typeof t.parts>).filter((part) => member.parts[part]).map((part) => t.parts[part]);
  return parts.length === 0 ? t.noParts : parts.join(', ');
}

function MembersTable({ page, overview }: { page: PageContext; overview: ReportOverview }) {
  const t = page.m.reportPages.federation;
  const members = [...overview.study.members].sort((a, b) => a.number - b.number);
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t.membersHeading}</h2>
      <div class="table-scroll">
        <table class="table" data-testid="members">
          <caption class="visually-hidden">{t.membersCaption}</caption>
          <TableHead columns={[{ label: t.columns.number, numeric: true }, t.columns.member, t.columns.parts, t.columns.downloads]} />
          <tbody>
            {members.map((member) => {
              const base = `${reportsPath(member.id, overview.year)}/member`;
              const tookPart = Object.values(member.parts).some(Boolean);
              return (
                <tr>
                  <td class="numeric">{member.number}</td>
                  <th scope="row">
                    <a href={reportsPath(member.id, overview.year)}>{member.name}</a>
                  </th>
                  <td>{partsText(page, member)}</td>
                  <td>
                    {tookPart ? (
                      <>
                        <a href={`${base}.docx`} download aria-label={t.memberDownload('DOCX', member.name)}>
                          DOCX
                        </a>
                        {' · '}
                        <a href={`${base}.pdf`} download aria-label={t.memberDownload('PDF', member.name)}>
                          PDF
                        </a>
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function BatchStart({ page, overview }: { page: PageContext; overview: ReportOverview }) {
  const t = page.m.reportPages.batch;
  return (
    <section aria-labelledby="batch-heading">
      <h2 id="batch-heading">{t.heading}</h2>
      <p>{t.intro}</p>
      <form method="post" action={`${reportsPath(overview.study.organisation.id, overview.year)}/batch`}>
        <CsrfField token={page.csrfToken} />
        <Button variant="secondary">{t.start}</Button>
      </form>
      <h3 id="name-key-heading">{page.m.reportPages.nameKey.heading}</h3>
      <p>{page.m.reportPages.nameKey.intro}</p>
      <p>
        <a class="button button-secondary" href={`${reportsPath(overview.study.organisation.id, overview.year)}/name-key.txt`} download>
          {page.m.reportPages.nameKey.download}
        </a>
      </p>
    </section>
  );
}

export function ReportYearPage(props: { page: PageContext; overview: ReportOverview; issueForm: IssueFormState; settingsForm: SettingsFormState | null }) {
  const { page, overview } = props;
  const { m } = page;
  const t = m.reportPages;
  const errors = { ...props.issueForm.errors, ...(props.settingsForm?.errors ?? {}) };
  const { study } = overview;
  const isFederationPage = overview.kind === 'federation';
  return (
    <Layout page={page} title={`${t.title(overview.year)} – ${overview.subject.name}`}>
      <ErrorSummary m={m} errors={errors} />
      <Breadcrumb page={page} organisationId={overview.subject.id} organisationName={overview.subject.name} />
      <h1>{t.title(overview.year)}</h1>
      <YearNav page={page} organisationId={overview.subject.id} years={overview.years} year={overview.year} />

      <section aria-labelledby="report-heading">
        <h2 id="report-heading">{isFederationPage ? t.federation.heading(study.organisation.name) : t.member.heading(overview.subject.name)}</h2>
        <p>{isFederationPage ? t.federation.intro : t.member.intro}</p>
        {overview.memberNumber !== null ? (
          <p class="notice" data-testid="member-number">
            {t.member.yourNumber(study.organisation.name, overview.memberNumber)}
          </p>
        ) : null}
        <ReportDownloads page={page} organisationId={overview.subject.id} year={overview.year} kind={overview.kind} />
        <p class="hint">{t.download.hint}</p>
        {!isFederationPage && overview.canIssue ? (
          <p>
            <a href={`${reportsPath(overview.subject.id, overview.year)}/texts`}>{t.memberTexts.link}</a>
          </p>
        ) : null}
        {isFederationPage && overview.canRunStudy ? (
          <p>
            <a href={`${reportsPath(overview.subject.id, overview.year)}/texts`}>{t.federationTexts.link}</a>
          </p>
        ) : null}
        {!isFederationPage && study.isFederation ? (
          <p>
            {t.member.federationLink}:{' '}
            <a href={`${reportsPath(study.organisation.id, overview.year)}/federation.docx`} download>
              DOCX
            </a>
            {' · '}
            <a href={`${reportsPath(study.organisation.id, overview.year)}/federation.pdf`} download>
              PDF
            </a>
            {' · '}
            <a href={`${reportsPath(study.organisation.id, overview.year)}/federation`}>{t.download.preview}</a>
          </p>
        ) : null}
      </section>

      <HistoryTable page={page} overview={overview} />
      {overview.canIssue ? <IssueForm page={page} overview={overview} form={props.issueForm} /> : null}
      {isFederationPage ? <MembersTable page={page} overview={overview} /> : null}
      {props.settingsForm && overview.canRunStudy && study.organisation.id === overview.subject.id ? <SettingsForm page={page} overview={overview} form={props.settingsForm} /> : null}
      {isFederationPage && overview.canRunStudy ? <BatchStart page={page} overview={overview} /> : null}
    </Layout>
  );
}

export function NoReportsPage({ page, organisationId, organisationName }: { page: PageContext; organisationId: string; organisationName: string }) {
  const t = page.m.reportPages;
  return (
    <Layout page={page} title={`${t.nothingTitle} – ${organisationName}`}>
      <Breadcrumb page={page} organisationId={organisationId} organisationName={organisationName} />
      <h1>{t.nothingTitle}</h1>
      <p class="notice" data-testid="no-reports">
        {t.nothingYet}
      </p>
    </Layout>
  );
}

/** The in-app preview: the report's own article inside the app's layout. */
export function ReportPreviewPage(props: { page: PageContext; organisationId: string; organisationName: string; year: number; title: string; children: ComponentChildren }) {
  const { page, organisationId, organisationName, year, title } = props;
  const t = page.m.reportPages.preview;
  // A member reads the federation report but cannot open the federation's pages: no links there.
  const canOpen = canViewOrganisation(page.actor, organisationId);
  return (
    <Layout page={page} title={title}>
      {canOpen ? <Breadcrumb page={page} organisationId={organisationId} organisationName={organisationName} year={year} /> : <p class="caption">{organisationName}</p>}
      <h1>{title}</h1>
      <p class="notice">{t.note}</p>
      {canOpen ? (
        <p>
          <a href={reportsPath(organisationId, year)}>{t.back}</a>
        </p>
      ) : null}
      {props.children}
    </Layout>
  );
}

export function BatchJobPage({ page, organisationId, job }: { page: PageContext; organisationId: string; job: BatchJob }) {
  const t = page.m.reportPages.batch;
  const base = batchPath(organisationId, job.year, job.id);
  const running = job.status === 'running';
  return (
    <Layout page={page} title={`${t.title(job.year)} – ${job.studyName}`} scripts={running ? ['/static/report-batch.js'] : []} refreshSeconds={running ? 2 : undefined}>
      <Breadcrumb page={page} organisationId={organisationId} organisationName={job.studyName} year={job.year} />
      <h1>{t.title(job.year)}</h1>
      <div data-batch-status={`${base}.json`} data-testid="batch-status">
        <label for="batch-progress" class="label">
          {t.progressLabel}
        </label>
        <progress id="batch-progress" max={Math.max(job.total, 1)} value={job.done}>
          {t.progress(job.done, job.total)}
        </progress>
        <p role="status" data-batch-text>
          {t.progress(job.done, job.total)}
          {running && job.current !== '' && job.done < job.total ? `. ${t.current(job.current)}` : ''}
        </p>
        {running ? <p data-batch-running>{t.running}</p> : null}
        <div data-batch-done hidden={job.status !== 'done'}>
          <p class="notice notice-success">{t.done}</p>
          <p>
            <a class="button button-primary" href={`${base}.zip`} download data-testid="batch-download">
              {t.download}
            </a>
          </p>
          <p class="hint">{t.expires}</p>
        </div>
        <div data-batch-failed hidden={job.status !== 'failed'}>
          <div class="notice notice-warning" role="alert">
            <p>
              <strong>{t.failed}</strong>
            </p>
            <p data-batch-error>{job.error && job.error !== 'internal' ? page.m.errors[job.error].body : t.failedHint}</p>
          </div>
        </div>
      </div>
      <p>
        <a href={reportsPath(organisationId, job.year)}>{t.back}</a>
      </p>
    </Layout>
  );
}
