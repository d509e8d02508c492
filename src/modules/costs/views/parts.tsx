// Parts shared by the cost pages: their addresses, the breadcrumb and amounts in kronor.
import type { ChartSpec } from '../../../charts/chart-spec.ts';
import { formatNumber, type Locale } from '../../../i18n/format.ts';
import type { PageContext } from '../../../web/page-context.ts';

export const costsPath = (organisationId: string, year: number) => `/org/${organisationId}/costs/${year}`;

export function formatMoney(locale: Locale, ore: number): string {
  return `${formatNumber(locale, Math.round(ore / 100))} kr`;
}

/** The export addresses of a page's charts (SVG or PNG). */
export function chartExport(organisationId: string, year: number, page: 'year' | 'comparison', query = '') {
  return (spec: ChartSpec) => (format: 'svg' | 'png') => `${costsPath(organisationId, year)}/charts/${page}/${spec.id}.${format}${query}`;
}

export function Breadcrumb({ page, organisationId, organisationName, year }: { page: PageContext; organisationId: string; organisationName: string; year?: number }) {
  const { m } = page;
  return (
    <p class="caption">
      <a href={`/org/${organisationId}`}>{organisationName}</a>
      {year === undefined ? null : (
        <>
          {' › '}
          <a href={costsPath(organisationId, year)}>{m.costs.title(year)}</a>
        </>
      )}
    </p>
  );
}
