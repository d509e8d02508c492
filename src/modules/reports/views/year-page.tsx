// The report year page: downloads, version history, the issue form, the members of a federation,
// the study's texts and the batch.
import { formatDate } from '../../../i18n/format.ts';
import { Button, CsrfField, ErrorSummary } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { TableHead } from '../../../ui/table-head.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import { classificationText } from '../../../reports/classification.ts';
import { reportsPath, versionPath, type IssueChanges, type IssueFormState, type ReportOverview, type SettingsFormState, type StudyMember } from '../presenter.ts';
import { Breadcrumb, ReportDownloads } from './parts.tsx';
import { IssueForm, SettingsForm } from './year-forms.tsx';
import { TableScroll } from '../../../ui/table-scroll.tsx';

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
        <TableScroll label={t.caption}>
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
        </TableScroll>
      )}
      {overview.history.length > 0 ? <p class="hint">{v.frozenHint}</p> : null}
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
      <TableScroll label={t.membersCaption}>
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
      </TableScroll>
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
