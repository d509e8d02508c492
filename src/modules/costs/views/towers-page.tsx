// The IT towers: staff (FTE) and cost per tower for the year, as a table and, for those who
// manage costs, a form.
import { TableHead } from '../../../ui/table-head.tsx';
import { formatNumber, formatPercent } from '../../../i18n/format.ts';
import { Button, CsrfField, ErrorSummary, TextField, type FieldErrors } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { TowerFormValues, TowersPageModel } from '../presenter.ts';
import { Breadcrumb, costsPath, formatMoney } from './parts.tsx';
import { TableScroll } from '../../../ui/table-scroll.tsx';

export function TowersPage(props: { page: PageContext; model: TowersPageModel; values: TowerFormValues; errors: FieldErrors }) {
  const { page, values, errors } = props;
  const { overview, towers } = props.model;
  const { m, locale } = page;
  const { organisation, year } = overview;
  return (
    <Layout page={page} title={`${m.costs.towersTitle(year)} – ${organisation.name}`}>
      <ErrorSummary m={m} errors={errors} />
      <Breadcrumb page={page} organisationId={organisation.id} organisationName={organisation.name} year={year} />
      <h1>{m.costs.towersTitle(year)}</h1>
      <p>{m.costs.towersIntro}</p>
      <TableScroll label={m.costs.towersCaption}>
        <table class="table" data-testid="towers">
          <caption>{m.costs.towersCaption}</caption>
          <TableHead columns={[m.costs.towerName, m.costs.towerDescription, m.costs.towerFocus, { label: m.costs.towerFte, numeric: true }, { label: m.costs.towerCost, numeric: true }, { label: '%', numeric: true }]} />
          <tbody>
            {towers.map((tower) => (
              <tr>
                <th scope="row">{tower.name}</th>
                <td>{tower.description}</td>
                <td>{tower.focus === 'operations' ? m.costs.focusOperations : m.costs.focusDevelopment}</td>
                <td class="numeric">{tower.fte === null ? '–' : formatNumber(locale, tower.fte, 2)}</td>
                <td class="numeric">{tower.costOre === null ? '–' : formatMoney(locale, tower.costOre)}</td>
                <td class="numeric">{tower.share === null ? '–' : formatPercent(locale, tower.share, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {!overview.towers ? <p>{m.costs.towersNone}</p> : null}
      {overview.canManage ? (
        <form method="post" action={`${costsPath(organisation.id, year)}/towers`} novalidate>
          <CsrfField token={page.csrfToken} />
          {towers.map((tower) => (
            <fieldset class="fieldset">
              <legend class="legend">{tower.name}</legend>
              <p class="hint">{tower.description}</p>
              <div class="two-columns">
                <TextField m={m} id={`${tower.key}-fte`} label={m.costs.towerFte} hint={m.costs.towerFteHint} value={values[`${tower.key}-fte`]} error={errors[`${tower.key}-fte`]} inputMode="text" width="short" />
                <TextField m={m} id={`${tower.key}-cost`} label={m.costs.towerCost} value={values[`${tower.key}-cost`]} error={errors[`${tower.key}-cost`]} inputMode="numeric" width="medium" />
              </div>
            </fieldset>
          ))}
          <Button>{m.costs.towersSave}</Button>
        </form>
      ) : null}
      <p>
        <a href={`${costsPath(organisation.id, year)}/comparison`}>{m.costs.comparisonLink}</a>
      </p>
    </Layout>
  );
}
