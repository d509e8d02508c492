// The year page of the IT-cost analysis: the years, the ledger (ledger-section.tsx), the
// central-IT cost centres, key figures, the organisation's own figures 9 and 10, unmapped
// accounts and the total cost. Every chart has a data table; every form works without JavaScript.
import { formatPercent } from '../../../i18n/format.ts';
import { ChartFigure, chartScripts } from '../../../ui/chart-figure.tsx';
import { Button, CsrfField, ErrorSummary, SelectField, TextField, type FieldErrors } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { UploadFormState, YearPageModel } from '../presenter.ts';
import { LedgerSection } from './ledger-section.tsx';
import { Breadcrumb, chartExport, costsPath, formatMoney } from './parts.tsx';
import { TableScroll } from '../../../ui/table-scroll.tsx';

export function CostYearPage(props: {
  page: PageContext;
  model: YearPageModel;
  upload: UploadFormState;
  totalForm: { value: string; error?: string };
  yearForm?: { value: string; error: string } | undefined;
}) {
  const { page, upload } = props;
  const { overview, ownSplit, split, unmappedNote, poolOptions } = props.model;
  const { m, locale } = page;
  const { organisation, year, ledger, analysis } = overview;
  const errors: FieldErrors = {
    ...(props.yearForm ? { year: props.yearForm.error } : {}),
    ...upload.errors,
    ...(props.totalForm.error ? { 'total-cost': props.totalForm.error } : {}),
  };
  const central = overview.centres.filter((centre) => centre.centralIt);
  const exportHref = chartExport(organisation.id, year, 'year');
  return (
    <Layout page={page} title={`${m.costs.title(year)} – ${organisation.name}`} scripts={[...chartScripts, '/static/ledger-upload.js']}>
      <ErrorSummary m={m} errors={errors} />
      <Breadcrumb page={page} organisationId={organisation.id} organisationName={organisation.name} />
      <h1>{m.costs.title(year)}</h1>
      <p class="lead">{m.costs.intro}</p>
      {!overview.canManage ? <p class="notice">{m.costs.readOnly}</p> : null}

      <nav aria-labelledby="cost-years-heading" class="year-nav">
        <h2 id="cost-years-heading" class="visually-hidden">
          {m.costs.years}
        </h2>
        {overview.years.length > 0 ? (
          <p>
            {m.costs.years}:{' '}
            {overview.years.map((other, index) => (
              <>
                {index > 0 ? ', ' : ''}
                {other === year ? <strong aria-current="page">{other}</strong> : <a href={costsPath(organisation.id, other)}>{other}</a>}
              </>
            ))}
          </p>
        ) : null}
        <form method="get" action={`/org/${organisation.id}/costs`} class="inline-form">
          <TextField
            m={m}
            id="year"
            label={m.costs.otherYear}
            hint={m.costs.otherYearHint}
            value={props.yearForm?.value ?? String(year)}
            error={props.yearForm?.error}
            inputMode="numeric"
            width="short"
          />
          <Button variant="secondary">{m.costs.showYear}</Button>
        </form>
      </nav>

      <ul class="link-list">
        <li>
          <a href={`${costsPath(organisation.id, year)}/comparison`}>{m.costs.comparisonLink}</a>
        </li>
        <li>
          <a href={`${costsPath(organisation.id, year)}/towers`}>{m.costs.towersLink}</a>
        </li>
        <li>
          <a href={`/org/${organisation.id}/costs/rules?year=${year}`}>{m.costs.rulesLink}</a>
        </li>
      </ul>

      <LedgerSection page={page} overview={overview} upload={upload} model={props.model} />

      {ledger ? (
        <section aria-labelledby="central-it-heading">
          <h2 id="central-it-heading">{m.costs.centralItHeading}</h2>
          {central.length === 0 ? (
            <p class="notice" data-testid="no-central-it">
              {m.costs.centralItNone}
            </p>
          ) : (
            <>
              <p>{m.costs.centralItChosen}</p>
              <ul data-testid="central-it">
                {central.map((centre) => (
                  <li>
                    {centre.id} {centre.name}
                  </li>
                ))}
              </ul>
            </>
          )}
          {overview.canManage ? (
            <p>
              <a href={`${costsPath(organisation.id, year)}/centres`} class="button button-secondary">
                {central.length === 0 ? m.costs.chooseCentralIt : m.costs.changeCentralIt}
              </a>
            </p>
          ) : null}
        </section>
      ) : null}

      {analysis && ledger ? (
        <>
          <section aria-labelledby="key-figures-heading">
            <h2 id="key-figures-heading">{m.costs.keyFigures}</h2>
            <div class="stat-row">
              <p class="stat">
                <span class="stat-value" data-testid="central-it-share">
                  {analysis.centralItShare === null ? '–' : formatPercent(locale, analysis.centralItShare, 1)}
                </span>
                <span class="stat-label">{m.costs.centralItShare}</span>
              </p>
              <p class="stat">
                <span class="stat-value" data-testid="total-it">
                  {formatMoney(locale, analysis.totalItOre)}
                </span>
                <span class="stat-label">{m.costs.totalIt}</span>
              </p>
              <p class="stat">
                <span class="stat-value" data-testid="central-it-cost">
                  {formatMoney(locale, analysis.centralItCostOre)}
                </span>
                <span class="stat-label">{m.costs.centralItCost}</span>
              </p>
              <p class="stat">
                <span class="stat-value" data-testid="total-cost">
                  {formatMoney(locale, analysis.organisationTotalCostOre)}
                </span>
                <span class="stat-label">{m.costs.totalCost}</span>
              </p>
            </div>
          </section>

          {ownSplit ? <ChartFigure spec={ownSplit} locale={locale} exportHref={exportHref(ownSplit)} tableOpen /> : null}
          {unmappedNote ? <p data-testid="unmapped-note">{unmappedNote}</p> : null}
          {split ? <ChartFigure spec={split} locale={locale} exportHref={exportHref(split)} /> : null}

          <section aria-labelledby="unmapped-heading">
            <h2 id="unmapped-heading">{m.costs.unmappedHeading}</h2>
            {analysis.unmapped.length === 0 ? (
              <p data-testid="unmapped-none">{m.costs.unmappedNone}</p>
            ) : (
              <>
                <p>{m.costs.unmappedIntro}</p>
                <TableScroll label={m.costs.unmappedCaption}>
                  <table class="table" data-testid="unmapped">
                    <caption>{m.costs.unmappedCaption}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{m.costs.account}</th>
                        <th scope="col">{m.costs.accountName}</th>
                        <th scope="col" class="numeric">
                          {m.costs.amount}
                        </th>
                        {overview.canManage ? <th scope="col">{m.costs.pool}</th> : null}
                      </tr>
                    </thead>
                    <tbody>
                      {analysis.unmapped.map((entry) => (
                        <tr>
                          <th scope="row">{entry.account}</th>
                          <td>{entry.name}</td>
                          <td class="numeric">{formatMoney(locale, entry.amountOre)}</td>
                          {overview.canManage ? (
                            <td>
                              <form method="post" action={`/org/${organisation.id}/costs/rules/account`} class="inline-form">
                                <CsrfField token={page.csrfToken} />
                                <input type="hidden" name="account" value={entry.account} />
                                <input type="hidden" name="name" value={entry.name} />
                                <input type="hidden" name="year" value={String(year)} />
                                <SelectField m={m} id={`rule-pool-${entry.account}`} name="pool" label={m.costs.rulePoolLabel(entry.account)} options={poolOptions} />
                                <button type="submit" class="button button-secondary">
                                  {m.costs.addRule}
                                  <span class="visually-hidden">{m.costs.addRuleFor(entry.account)}</span>
                                </button>
                              </form>
                            </td>
                          ) : null}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </>
            )}
            <p>
              <a href={`/org/${organisation.id}/costs/rules?year=${year}`}>{m.costs.rulesLink}</a>
            </p>
          </section>

          <section aria-labelledby="total-heading">
            <h2 id="total-heading">{m.costs.totalHeading}</h2>
            <p>
              {formatMoney(locale, analysis.organisationTotalCostOre)}.{' '}
              {analysis.organisationTotalCostSource === 'manual' ? m.costs.totalManual : m.costs.totalFromLedger}
            </p>
            {overview.canManage ? (
              <form method="post" action={`${costsPath(organisation.id, year)}/total`} novalidate>
                <CsrfField token={page.csrfToken} />
                <TextField
                  m={m}
                  id="total-cost"
                  name="totalCost"
                  label={m.costs.totalLabel}
                  hint={m.costs.totalHint}
                  value={props.totalForm.value}
                  error={props.totalForm.error}
                  inputMode="numeric"
                  width="medium"
                />
                <Button variant="secondary">{m.common.save}</Button>
              </form>
            ) : null}
          </section>
        </>
      ) : null}
    </Layout>
  );
}
