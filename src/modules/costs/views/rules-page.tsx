// The mapping rules from accounts to cost pools: the organisation's own or the Kommun-Bas
// defaults, shown as a table and, for those who manage costs, edited as CSV text.
import { TableHead } from '../../../ui/table-head.tsx';
import { Button, CsrfField, ErrorSummary, type FieldErrors } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { RulesPageModel } from '../presenter.ts';
import { Breadcrumb, costsPath } from './parts.tsx';
import { TableScroll } from '../../../ui/table-scroll.tsx';

export function RulesPage(props: { page: PageContext; model: RulesPageModel; csv: string; year: number; error?: string }) {
  const { page } = props;
  const { ruleSet, rows, poolKeys } = props.model;
  const { m } = page;
  const { organisation } = ruleSet;
  const errors: FieldErrors = props.error ? { 'rules-csv': props.error } : {};
  return (
    <Layout page={page} title={`${m.costs.rulesTitle} – ${organisation.name}`}>
      <ErrorSummary m={m} errors={errors} />
      <Breadcrumb page={page} organisationId={organisation.id} organisationName={organisation.name} year={props.year} />
      <h1>{m.costs.rulesTitle}</h1>
      <p>{m.costs.rulesIntro}</p>
      <p data-testid="rules-source">{ruleSet.source === 'own' ? m.costs.rulesOwn : m.costs.rulesDefault}</p>
      <p>
        <a href={`/org/${organisation.id}/costs/rules.csv`} download>
          {m.costs.rulesDownload}
        </a>
      </p>
      <TableScroll label={m.costs.rulesCaption}>
        <table class="table" data-testid="rules">
          <caption>{m.costs.rulesCaption}</caption>
          <TableHead columns={[{ label: m.costs.ruleOrder, numeric: true }, m.costs.ruleFrom, m.costs.ruleTo, m.costs.pool, m.costs.ruleWord, m.costs.ruleComment]} />
          <tbody>
            {rows.map((rule, index) => (
              <tr>
                <th scope="row" class="numeric">
                  {index + 1}
                </th>
                <td>{rule.from}</td>
                <td>{rule.to}</td>
                <td>{rule.poolName}</td>
                {/* Words matched against the ledger's Swedish account names: Swedish in either language. */}
                <td lang={rule.nameContains ? 'sv' : undefined}>{rule.nameContains ?? ''}</td>
                <td lang={ruleSet.source === 'default' ? 'en' : undefined}>{rule.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {ruleSet.canManage ? (
        <>
          <h2>{m.costs.rulesEditHeading}</h2>
          <form method="post" action={`/org/${organisation.id}/costs/rules?year=${props.year}`} novalidate>
            <CsrfField token={page.csrfToken} />
            <div class={`field${props.error ? ' field-has-error' : ''}`}>
              <label class="label" for="rules-csv">
                {m.costs.rulesCsvLabel}
              </label>
              <p class="hint" id="rules-csv-hint">
                {m.costs.rulesCsvHint(poolKeys)}
              </p>
              {props.error ? (
                <p class="field-error" id="rules-csv-error">
                  <span class="visually-hidden">{m.common.errorPrefix} </span>
                  {props.error}
                </p>
              ) : null}
              <textarea
                class="textarea code"
                id="rules-csv"
                name="csv"
                rows={16}
                spellcheck={false}
                aria-describedby={`rules-csv-hint${props.error ? ' rules-csv-error' : ''}`}
                aria-invalid={props.error ? 'true' : undefined}
              >
                {props.csv}
              </textarea>
            </div>
            <Button>{m.costs.rulesSave}</Button>
          </form>
          {ruleSet.source === 'own' ? (
            <form method="post" action={`/org/${organisation.id}/costs/rules/reset?year=${props.year}`} class="panel">
              <CsrfField token={page.csrfToken} />
              <p>{m.costs.rulesResetHint}</p>
              <Button variant="warning">{m.costs.rulesReset}</Button>
            </form>
          ) : null}
        </>
      ) : null}
      <p>
        <a href={costsPath(organisation.id, props.year)}>{m.costs.backToCosts(props.year)}</a>
      </p>
    </Layout>
  );
}
