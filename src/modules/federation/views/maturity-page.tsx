// The federation's maturity overview page: year choice, key figures, members per quadrant, the
// charts (each with its table) and the members' results, numbered rather than named.
import { TableHead } from '../../../ui/table-head.tsx';
import type { ChartSpec } from '../../../charts/chart-spec.ts';
import { memberName } from '../../../charts/federation-maturity-charts.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { pick } from '../../../i18n/messages.ts';
import { ChartFigure, chartScripts } from '../../../ui/chart-figure.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { FederationMaturityModel } from '../presenter.ts';
import { federationMaturityPath } from './links.tsx';
import { TableScroll } from '../../../ui/table-scroll.tsx';

interface FederationMaturityPageProps {
  page: PageContext;
  organisationId: string;
  view: FederationMaturityModel;
  charts: ChartSpec[];
}

export function FederationMaturityPage({ page, organisationId, view, charts }: FederationMaturityPageProps) {
  const { m, locale } = page;
  const t = m.federation;
  const instrumentName = pick(view.instrument.name, locale);
  const base = federationMaturityPath(organisationId, view.instrument.key);
  const yearQuery = view.year === null ? '' : `?year=${view.year}`;
  const { overview } = view;
  const withResults = overview?.rows ?? [];
  const percents = withResults.map((row) => row.maturityPercent).filter((value): value is number => value !== null);
  const average = percents.length > 0 ? percents.reduce((sum, value) => sum + value, 0) / percents.length : null;
  const quadrants = view.instrument.results?.quadrants;
  const dimensionName = (key: string | undefined) => {
    const dimension = view.instrument.dimensions.find((candidate) => candidate.key === key);
    return dimension ? pick(dimension.name, locale) : '';
  };
  return (
    <Layout page={page} title={t.title(instrumentName)} scripts={chartScripts}>
      <p class="caption">
        {/* A member's people see the overview but not the federation's own page. */}
        {view.canViewFederation ? <a href={`/org/${view.federation.id}`}>{view.federation.name}</a> : view.federation.name}
      </p>
      <h1>{t.title(instrumentName)}</h1>
      <p class="lead">{t.intro}</p>

      {view.years.length > 1 ? (
        <form method="get" action={base} class="inline-form">
          <label class="label" for="year">
            {t.year}
          </label>
          <select class="select" id="year" name="year">
            {view.years.map((year) => (
              <option value={String(year)} selected={year === view.year}>
                {year}
              </option>
            ))}
          </select>{' '}
          <button type="submit" class="button button-secondary">
            {t.show}
          </button>
        </form>
      ) : view.year !== null ? (
        <p>
          {t.year}: <strong>{view.year}</strong>
        </p>
      ) : null}

      {overview === null ? (
        <p class="notice" data-testid="no-results">
          {t.noResults}
        </p>
      ) : (
        <>
          <p>{t.membersWithResults(withResults.length, view.memberCount)}</p>
          <div class="stat-row">
            <p class="stat">
              <span class="stat-value" data-testid="federation-average">
                {average === null ? '–' : `${formatNumber(locale, average, 1)} %`}
              </span>
              <span class="stat-label">{t.averageMaturity}</span>
            </p>
          </div>

          <h2>{t.quadrantsTitle}</h2>
          <ul class="list" data-testid="quadrant-counts">
            {(['A', 'B', 'C', 'D'] as const).map((key) => (
              <li>{t.quadrantCount(key, quadrants ? pick(quadrants[key].title, locale) : key, overview.quadrantCounts[key])}</li>
            ))}
          </ul>

          {charts.map((spec) => (
            <ChartFigure spec={spec} locale={locale} exportHref={(format) => `${base}/charts/${spec.id}.${format}${yearQuery}`} />
          ))}
          {overview.benchmark === null ? <p class="hint">{t.radarNoBenchmark}</p> : null}

          <h2>{t.tableCaption}</h2>
          <p class="hint">{t.tableHint}</p>
          <TableScroll label={t.tableCaption}>
            <table class="table" data-testid="member-table">
              <caption class="visually-hidden">{t.tableCaption}</caption>
              <TableHead
                columns={[
                  t.columns.member,
                  { label: t.columns.respondents, numeric: true },
                  { label: dimensionName(view.instrument.results?.capabilityDimension), numeric: true },
                  { label: dimensionName(view.instrument.results?.legacyDimension), numeric: true },
                  { label: t.columns.maturity, numeric: true },
                  t.columns.quadrant,
                ]}
              />
              <tbody>
                {withResults.map((row) => (
                  <tr class={row.own ? 'row-own' : undefined}>
                    <th scope="row">{row.own ? <strong>{memberName(row, t)}</strong> : memberName(row, t)}</th>
                    <td class="numeric">{formatNumber(locale, row.respondents)}</td>
                    <td class="numeric">{row.capability === null ? '–' : formatNumber(locale, row.capability, 1)}</td>
                    <td class="numeric">{row.legacy === null ? '–' : formatNumber(locale, row.legacy, 1)}</td>
                    <td class="numeric">{row.maturityPercent === null ? '–' : formatNumber(locale, row.maturityPercent, 1)}</td>
                    <td>{row.quadrant ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </Layout>
  );
}
