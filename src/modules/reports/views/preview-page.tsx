// The in-app preview of a report.
import type { ComponentChildren } from 'preact';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import { reportsPath } from '../presenter.ts';
import { Breadcrumb } from './parts.tsx';

/** The in-app preview: the report's own article inside the app's layout. */
export function ReportPreviewPage(props: { page: PageContext; organisationId: string; organisationName: string; canOpenOrganisation: boolean; year: number; title: string; children: ComponentChildren }) {
  const { page, organisationId, organisationName, year, title } = props;
  const t = page.m.reportPages.preview;
  // A member reads the federation report but cannot open the federation's pages: no links there.
  const canOpen = props.canOpenOrganisation;
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
