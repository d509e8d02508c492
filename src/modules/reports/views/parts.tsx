// Parts shared by the report pages: the breadcrumb and the three ways to get one report.
import type { PageContext } from '../../../web/page-context.ts';
import { reportsPath, type ReportKind } from '../presenter.ts';

export function Breadcrumb({ organisationId, organisationName, year }: { organisationId: string; organisationName: string; year?: number; page: PageContext }) {
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
