// The federation comparison (figures 7, 8, 11, 12 and 15): the members' figures anonymised, the
// viewer's own highlighted, with a choice of staff or cost as the basis of the tower mix.
import { ChartFigure, chartScripts } from '../../../ui/chart-figure.tsx';
import { Button, SelectField } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { ComparisonPageModel } from '../presenter.ts';
import { Breadcrumb, chartExport, costsPath } from './parts.tsx';

export function ComparisonPage(props: { page: PageContext; organisationId: string; organisationName: string; model: ComparisonPageModel; year: number }) {
  const { page, year } = props;
  const { view, charts } = props.model;
  const { m, locale } = page;
  const query = view && view.towerBasis !== 'fte' ? `?basis=${view.towerBasis}` : '';
  const exportHref = chartExport(props.organisationId, year, 'comparison', query);
  return (
    <Layout page={page} title={`${m.costs.comparisonTitle(year)} – ${props.organisationName}`} scripts={charts.length > 0 ? chartScripts : []}>
      <Breadcrumb page={page} organisationId={props.organisationId} organisationName={props.organisationName} year={year} />
      <h1>{m.costs.comparisonTitle(year)}</h1>
      {view === null ? (
        <p>{m.costs.comparisonNoFederation}</p>
      ) : (
        <>
          <p>{view.viewerMemberId ? m.costs.comparisonIntro(view.federation.name) : m.costs.comparisonIntroFederation(view.federation.name)}</p>
          <p data-testid="coverage">{m.costs.comparisonCoverage(view.membersWithLedger, view.memberCount)}</p>
          {view.tooFew ? <p class="notice">{m.costs.comparisonTooFew(view.membersWithLedger, props.model.minMembers)}</p> : null}
          {!view.tooFew && view.membersWithLedger === 0 ? <p class="notice">{m.costs.comparisonEmpty}</p> : null}
          {charts.map((spec) => (
            <ChartFigure spec={spec} locale={locale} exportHref={exportHref(spec)} />
          ))}
          {charts.length > 0 ? (
            <form method="get" action={`${costsPath(props.organisationId, year)}/comparison`} class="inline-form">
              <SelectField
                m={m}
                id="basis"
                label={m.costs.basisLegend}
                value={view.towerBasis}
                options={[
                  { value: 'fte', label: m.costs.basisFte },
                  { value: 'cost', label: m.costs.basisCost },
                ]}
              />
              <Button variant="secondary">{m.costs.basisShow}</Button>
            </form>
          ) : null}
        </>
      )}
      <p>
        <a href={costsPath(props.organisationId, year)}>{m.costs.backToCosts(year)}</a>
      </p>
    </Layout>
  );
}

