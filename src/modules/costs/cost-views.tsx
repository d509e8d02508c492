// Pages of the IT-cost analysis: the year page (ledger upload, central IT, key figures, the
// organisation's own figures 9, 10 and 13, unmapped accounts, total cost), the cost-centre
// choice, the mapping rules, the IT towers and the federation comparison (figures 7, 8, 11,
// 12 and 15). Every chart has a data table; every form works without JavaScript.
import { TableHead } from '../../ui/table-head.tsx';
import {
  centralItShareChart,
  federationInsideOutsideChart,
  federationPoolMixChart,
  insideOutsideSplitChart,
  ownPoolsChart,
  unmappedNote,
  towerMixChart,
} from '../../charts/cost-charts.ts';
import type { ChartSpec } from '../../charts/chart-spec.ts';
import { tbmV4 } from '../../domain/costs/cost-taxonomy.ts';
import { itTowers, towerMix } from '../../domain/costs/it-towers.ts';
import { formatDateTime, formatNumber, formatPercent, type Locale } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/messages.ts';
import { ChartFigure, chartScripts } from '../../ui/chart-figure.tsx';
import { Button, Checkboxes, CsrfField, ErrorSummary, SelectField, TextField, type FieldErrors } from '../../ui/forms.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { MIN_COMPARISON_MEMBERS, type CostComparisonView, type CostOverview, type RuleSet } from './cost-service.ts';
import { COLUMN_FIELDS, columnOptionValue, LEDGER_UPLOAD_MAX_MB, REQUIRED_COLUMNS, type ColumnValues } from './cost-upload.ts';

export function formatMoney(locale: Locale, ore: number): string {
  return `${formatNumber(locale, Math.round(ore / 100))} kr`;
}

const costsPath = (organisationId: string, year: number) => `/org/${organisationId}/costs/${year}`;

function chartExport(organisationId: string, year: number, page: 'year' | 'comparison', query = '') {
  return (spec: ChartSpec) => (format: 'svg' | 'png') => `${costsPath(organisationId, year)}/charts/${page}/${spec.id}.${format}${query}`;
}

function Breadcrumb({ page, organisationId, organisationName, year }: { page: PageContext; organisationId: string; organisationName: string; year?: number }) {
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

export interface UploadFormState {
  errors: FieldErrors;
  /** The importer's problem, translated, with its line and the technical detail. */
  problem: UploadProblem | null;
}

export interface UploadProblem {
  message: string;
  line: number | null;
  detail: string;
}

export function CostYearPage(props: {
  page: PageContext;
  overview: CostOverview;
  upload: UploadFormState;
  totalForm: { value: string; error?: string };
  yearForm?: { value: string; error: string } | undefined;
}) {
  const { page, overview, upload } = props;
  const { m, locale } = page;
  const { organisation, year, ledger, analysis } = overview;
  const errors: FieldErrors = {
    ...(props.yearForm ? { year: props.yearForm.error } : {}),
    ...upload.errors,
    ...(props.totalForm.error ? { 'total-cost': props.totalForm.error } : {}),
  };
  const central = overview.centres.filter((centre) => centre.centralIt);
  const poolOptions = [{ value: '', label: m.costs.choosePool }, ...tbmV4.pools.map((pool) => ({ value: pool.key, label: pool.name[locale] }))];
  const exportHref = chartExport(organisation.id, year, 'year');
  const ownSplit = analysis ? ownPoolsChart(analysis, m.costs, locale) : null;
  const split = analysis ? insideOutsideSplitChart(analysis.insideOutside, 'own', m.costs, locale) : null;
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

      <section aria-labelledby="ledger-heading">
        <h2 id="ledger-heading">{m.costs.ledgerHeading}</h2>
        {ledger ? (
          <>
            <dl class="summary-list" data-testid="ledger-facts">
              <div>
                <dt>{m.costs.fileName}</dt>
                <dd>{ledger.fileName}</dd>
              </div>
              <div>
                <dt>{m.costs.fileFormat}</dt>
                <dd>{ledger.format === 'sie' ? `SIE ${ledger.sieType ?? ''}`.trim() : ledger.format.toUpperCase()}</dd>
              </div>
              <div>
                <dt>{m.costs.rowCount}</dt>
                <dd>{formatNumber(locale, ledger.rowCount)}</dd>
              </div>
              <div>
                <dt>{m.costs.importedAt}</dt>
                <dd>{formatDateTime(locale, ledger.importedAt)}</dd>
              </div>
              <div>
                <dt>{m.costs.fileHash}</dt>
                <dd class="hash">{ledger.fileHash}</dd>
              </div>
            </dl>
            {ledger.fileYear !== null && ledger.fileYear !== year ? <p class="notice">{m.costs.fileYearDiffers(ledger.fileYear, year)}</p> : null}
            {ledger.warnings.length > 0 ? (
              <details class="warnings">
                <summary>
                  {m.costs.warningsHeading} ({ledger.warnings.length})
                </summary>
                <ul>
                  {ledger.warnings.map((warning) => {
                    const known = (m.costs.warningTexts as Record<string, string>)[warning.code];
                    return (
                      <li>
                        {warning.line === null ? '' : m.costs.warningLine(warning.line)}
                        {known ?? null}{' '}
                        <span class="hint" lang="en">
                          ({warning.message})
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </details>
            ) : null}
          </>
        ) : (
          <p>{m.costs.noLedger}</p>
        )}
        {overview.canManage ? <UploadForm page={page} overview={overview} upload={upload} /> : null}
        {overview.canManage && ledger ? (
          <form method="post" action={`${costsPath(organisation.id, year)}/ledger/delete`} class="panel">
            <CsrfField token={page.csrfToken} />
            <p>{m.costs.deleteLedgerHint}</p>
            <Button variant="warning">{m.costs.deleteLedger(year)}</Button>
          </form>
        ) : null}
      </section>

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
          {ownSplit && unmappedNote(analysis, m.costs, locale) ? <p data-testid="unmapped-note">{unmappedNote(analysis, m.costs, locale)}</p> : null}
          {split ? <ChartFigure spec={split} locale={locale} exportHref={exportHref(split)} /> : null}

          <section aria-labelledby="unmapped-heading">
            <h2 id="unmapped-heading">{m.costs.unmappedHeading}</h2>
            {analysis.unmapped.length === 0 ? (
              <p data-testid="unmapped-none">{m.costs.unmappedNone}</p>
            ) : (
              <>
                <p>{m.costs.unmappedIntro}</p>
                <div class="table-scroll">
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
                </div>
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

function UploadForm({ page, overview, upload }: { page: PageContext; overview: CostOverview; upload: UploadFormState }) {
  const { m } = page;
  const fileError = upload.errors['ledger-file'];
  const action = `${costsPath(overview.organisation.id, overview.year)}/ledger?_csrf=${encodeURIComponent(page.csrfToken)}`;
  return (
    <form method="post" action={action} enctype="multipart/form-data" class="panel" data-ledger-upload novalidate>
      <h3>{overview.ledger ? m.costs.uploadAgainHeading : m.costs.uploadHeading}</h3>
      {overview.ledger ? <p>{m.costs.uploadReplaces}</p> : null}
      <div class={`field${fileError ? ' field-has-error' : ''}`}>
        <label class="label" for="ledger-file">
          {m.costs.uploadFile}
        </label>
        <p class="hint" id="ledger-file-hint">
          {m.costs.uploadFileHint(LEDGER_UPLOAD_MAX_MB)} {m.costs.uploadColumnsNext}
        </p>
        {fileError ? (
          <div class="field-error" id="ledger-file-error" data-testid="upload-error">
            <p>
              <span class="visually-hidden">{m.common.errorPrefix} </span>
              {fileError}
            </p>
            {upload.problem ? (
              <>
                <p>
                  {upload.problem.line === null ? '' : m.costs.uploadProblemAt(upload.problem.line)}
                  {upload.problem.message}
                </p>
                <p class="hint">
                  {m.costs.uploadDetail} <span lang="en">{upload.problem.detail}</span>
                </p>
              </>
            ) : null}
          </div>
        ) : null}
        <input
          class="file-input"
          id="ledger-file"
          name="file"
          type="file"
          accept=".se,.si,.sie,.csv,.txt,.xlsx"
          aria-describedby={`ledger-file-hint${fileError ? ' ledger-file-error' : ''}`}
          aria-invalid={fileError ? 'true' : undefined}
        />
      </div>
      <p class="hint">{m.costs.fileKept}</p>
      <div class="upload-progress" hidden data-upload-progress>
        <label for="ledger-progress">{m.costs.progressLabel}</label>
        <progress id="ledger-progress" max={100} value={0}></progress>
        <p role="status" aria-live="polite" data-upload-status data-text-uploading={m.costs.progressUploading('{percent}')} data-text-saving={m.costs.progressSaving} data-text-failed={m.costs.progressFailed}></p>
      </div>
      <Button>{m.costs.uploadButton}</Button>
    </form>
  );
}

/** The column-mapping step for a staged CSV or XLSX file. */
export function ColumnsPage(props: {
  page: PageContext;
  organisationId: string;
  organisationName: string;
  year: number;
  token: string;
  fileName: string;
  headings: string[] | null;
  /** The first data rows, for recognising the columns. */
  sample: string[][];
  values: ColumnValues;
  errors: FieldErrors;
  problem: UploadProblem | null;
  notice: string | null;
}) {
  const { page, headings, values, errors, problem } = props;
  const { m } = page;
  const base = `${costsPath(props.organisationId, props.year)}/columns/${props.token}`;
  const summaryErrors: FieldErrors = { ...errors, ...(problem ? { 'columns-problem': m.costs.uploadRejected } : {}) };
  const options = (headings ?? []).map((heading, index) => ({
    value: columnOptionValue(headings ?? [], index),
    label: m.costs.columnOption(index + 1, heading === '' ? m.costs.columnNoHeading : heading),
  }));
  return (
    <Layout page={page} title={`${m.costs.columnsTitle} – ${props.organisationName}`}>
      <div class="narrow">
        <ErrorSummary m={m} errors={summaryErrors} />
        <Breadcrumb page={page} organisationId={props.organisationId} organisationName={props.organisationName} year={props.year} />
        <h1>{m.costs.columnsTitle}</h1>
        {props.notice ? <p class="notice">{props.notice}</p> : null}
        <p>{m.costs.columnsIntro(props.fileName)}</p>
        {problem ? (
          <div class="field-error" id="columns-problem" data-testid="upload-error">
            <p>
              {problem.line === null ? '' : m.costs.uploadProblemAt(problem.line)}
              {problem.message}
            </p>
            <p class="hint">
              {m.costs.uploadDetail} <span lang="en">{problem.detail}</span>
            </p>
          </div>
        ) : null}
        {headings === null ? (
          <p class="notice" data-testid="no-header">
            {m.costs.columnsNoHeader}
          </p>
        ) : (
          <form method="post" action={base} novalidate>
            <CsrfField token={page.csrfToken} />
            {props.sample.length > 0 ? (
              <div class="table-scroll">
                <table class="table" data-testid="column-preview">
                  <caption>{m.costs.columnsPreview}</caption>
                  <thead>
                    <tr>
                      {(headings ?? []).map((heading, index) => (
                        <th scope="col">{m.costs.columnOption(index + 1, heading === '' ? m.costs.columnNoHeading : heading)}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {props.sample.map((row) => (
                      <tr>
                        {row.map((cell) => (
                          <td>{cell}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            <fieldset class="fieldset" aria-describedby="columns-hint">
              <legend class="legend">{m.costs.columnsLegend}</legend>
              <p class="hint" id="columns-hint">
                {m.costs.columnsHint}
              </p>
              {COLUMN_FIELDS.map((field) => (
                <SelectField
                  m={m}
                  id={`column-${field}`}
                  name={field}
                  label={m.costs.columns[field]}
                  value={values[field]}
                  error={errors[`column-${field}`]}
                  options={[{ value: '', label: REQUIRED_COLUMNS.includes(field) ? m.costs.columnChoose : m.costs.columnNone }, ...options]}
                />
              ))}
            </fieldset>
            <Button>{m.costs.columnsSubmit}</Button>
          </form>
        )}
        <p class="hint">{m.costs.columnsStaged}</p>
        <form method="post" action={`${base}/cancel`}>
          <CsrfField token={page.csrfToken} />
          <Button variant="secondary">{m.costs.columnsCancel}</Button>
        </form>
      </div>
    </Layout>
  );
}

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

export function RulesPage(props: { page: PageContext; ruleSet: RuleSet; csv: string; year: number; error?: string }) {
  const { page, ruleSet } = props;
  const { m, locale } = page;
  const { organisation } = ruleSet;
  const errors: FieldErrors = props.error ? { 'rules-csv': props.error } : {};
  const poolName = (key: string) => tbmV4.pools.find((pool) => pool.key === key)?.name[locale] ?? key;
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
      <div class="table-scroll">
        <table class="table" data-testid="rules">
          <caption>{m.costs.rulesCaption}</caption>
          <TableHead columns={[{ label: m.costs.ruleOrder, numeric: true }, m.costs.ruleFrom, m.costs.ruleTo, m.costs.pool, m.costs.ruleWord, m.costs.ruleComment]} />
          <tbody>
            {ruleSet.rules.map((rule, index) => (
              <tr>
                <th scope="row" class="numeric">
                  {index + 1}
                </th>
                <td>{rule.from}</td>
                <td>{rule.to}</td>
                <td>{poolName(rule.pool)}</td>
                {/* Words matched against the ledger's Swedish account names: Swedish in either language. */}
                <td lang={rule.nameContains ? 'sv' : undefined}>{rule.nameContains ?? ''}</td>
                <td lang={ruleSet.source === 'default' ? 'en' : undefined}>{rule.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
                {m.costs.rulesCsvHint(tbmV4.pools.map((pool) => pool.key).join(', '))}
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

export type TowerFormValues = Record<string, string>;

export function TowersPage(props: { page: PageContext; overview: CostOverview; values: TowerFormValues; errors: FieldErrors }) {
  const { page, overview, values, errors } = props;
  const { m, locale } = page;
  const { organisation, year } = overview;
  const mix = overview.towers ? (towerMix(overview.towers, 'fte') ?? towerMix(overview.towers, 'cost')) : null;
  return (
    <Layout page={page} title={`${m.costs.towersTitle(year)} – ${organisation.name}`}>
      <ErrorSummary m={m} errors={errors} />
      <Breadcrumb page={page} organisationId={organisation.id} organisationName={organisation.name} year={year} />
      <h1>{m.costs.towersTitle(year)}</h1>
      <p>{m.costs.towersIntro}</p>
      <div class="table-scroll">
        <table class="table" data-testid="towers">
          <caption>{m.costs.towersCaption}</caption>
          <TableHead columns={[m.costs.towerName, m.costs.towerDescription, m.costs.towerFocus, { label: m.costs.towerFte, numeric: true }, { label: m.costs.towerCost, numeric: true }, { label: '%', numeric: true }]} />
          <tbody>
            {itTowers.map((tower) => {
              const entry = overview.towers?.[tower.key];
              return (
                <tr>
                  <th scope="row">{tower.name[locale]}</th>
                  <td>{tower.description[locale]}</td>
                  <td>{tower.focus === 'operations' ? m.costs.focusOperations : m.costs.focusDevelopment}</td>
                  <td class="numeric">{entry?.fte === null || entry?.fte === undefined ? '–' : formatNumber(locale, entry.fte, 2)}</td>
                  <td class="numeric">{entry?.costOre === null || entry?.costOre === undefined ? '–' : formatMoney(locale, entry.costOre)}</td>
                  <td class="numeric">{mix ? formatPercent(locale, mix[tower.key], 0) : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!overview.towers ? <p>{m.costs.towersNone}</p> : null}
      {overview.canManage ? (
        <form method="post" action={`${costsPath(organisation.id, year)}/towers`} novalidate>
          <CsrfField token={page.csrfToken} />
          {itTowers.map((tower) => (
            <fieldset class="fieldset">
              <legend class="legend">{tower.name[locale]}</legend>
              <p class="hint">{tower.description[locale]}</p>
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

/** The comparison page's charts, also used by the chart export route. */
export function comparisonCharts(view: CostComparisonView, m: Messages, locale: Locale): ChartSpec[] {
  const comparison = view.comparison;
  if (!comparison) return [];
  const own = comparison.members.find((member) => member.isViewer);
  const charts = [
    centralItShareChart(comparison, m.costs, locale),
    federationPoolMixChart(comparison, m.costs, locale),
    federationInsideOutsideChart(comparison, m.costs, locale),
    insideOutsideSplitChart(comparison.average.insideOutside, 'federation', m.costs, locale),
  ];
  if (comparison.average.towerMix !== null || own?.towerMix) charts.push(towerMixChart(own?.towerMix ?? null, comparison.average.towerMix, m.costs, locale));
  return charts;
}

export function ComparisonPage(props: { page: PageContext; organisationId: string; organisationName: string; view: CostComparisonView | null; year: number }) {
  const { page, view, year } = props;
  const { m, locale } = page;
  const charts = view ? comparisonCharts(view, m, locale) : [];
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
          {view.tooFew ? <p class="notice">{m.costs.comparisonTooFew(view.membersWithLedger, MIN_COMPARISON_MEMBERS)}</p> : null}
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
