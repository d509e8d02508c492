// The reports page of an organisation with nothing to report yet.
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import { Breadcrumb } from './parts.tsx';

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
