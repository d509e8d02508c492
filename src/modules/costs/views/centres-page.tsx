// The choice of the cost centres that are the central IT function, for a year with a ledger.
import { Button, Checkboxes, CsrfField, ErrorSummary, type FieldErrors } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { CostOverview } from '../presenter.ts';
import { Breadcrumb, costsPath, formatMoney } from './parts.tsx';

export function CentresPage(props: { page: PageContext; overview: CostOverview; error?: string }) {
  const { page, overview } = props;
  const { m, locale } = page;
  const { organisation, year } = overview;
  const errors: FieldErrors = props.error ? { centres: props.error } : {};
  return (
    <Layout page={page} title={`${m.costs.centresTitle(year)} – ${organisation.name}`}>
      <div class="narrow">
        <ErrorSummary m={m} errors={errors} />
        <Breadcrumb page={page} organisationId={organisation.id} organisationName={organisation.name} year={year} />
        <h1>{m.costs.centresTitle(year)}</h1>
        <p>{m.costs.centresIntro}</p>
        <form method="post" action={`${costsPath(organisation.id, year)}/centres`}>
          <CsrfField token={page.csrfToken} />
          <Checkboxes
            m={m}
            id="centres"
            name="centres"
            legend={m.costs.centresLegend}
            hint={m.costs.centresHint}
            error={props.error}
            options={overview.centres.map((centre) => ({ value: centre.id, label: m.costs.centreOption(centre.id, centre.name, formatMoney(locale, centre.costOre)) }))}
            checked={overview.centres.filter((centre) => centre.centralIt).map((centre) => centre.id)}
          />
          <Button>{m.costs.centresSave}</Button>
        </form>
      </div>
    </Layout>
  );
}
