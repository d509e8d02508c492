// The operator's page for comparisons: the reference sources with their import form (every
// problem named with its row) and which organisations take part in national comparisons.
import { Button, CsrfField, ErrorSummary } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { ParticipationEntry, ReferenceSourceSummary } from '../benchmark-admin-service.ts';

export const BENCHMARKS_PATH = '/operator/benchmarks';
const PATH = BENCHMARKS_PATH;

export function BenchmarkAdminPage(props: { page: PageContext; sources: ReferenceSourceSummary[]; organisations: ParticipationEntry[]; error?: string; problems: string[] }) {
  const { page, sources, organisations, problems } = props;
  const { m } = page;
  const t = m.results.operator;
  const errors: Record<string, string> = props.error ? { 'reference-file': props.error } : {};
  return (
    <Layout page={page} title={t.title}>
      <ErrorSummary m={m} errors={errors} />
      <p class="caption">
        <a href="/operator">{m.operator.title}</a>
      </p>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>

      <h2>{t.importHeading}</h2>
      <form method="post" action={`${PATH}/reference-values`} enctype="multipart/form-data">
        <CsrfField token={page.csrfToken} />
        <div class={`field${props.error ? ' field-has-error' : ''}`}>
          <label class="label" for="reference-file">
            {t.fileLabel}
          </label>
          <p class="hint" id="reference-file-hint">
            {t.fileHint}
          </p>
          {props.error ? (
            <div class="field-error" id="reference-file-error">
              <p>
                <span class="visually-hidden">{m.common.errorPrefix} </span>
                {props.error}
              </p>
              {problems.length > 0 ? (
                <ul data-testid="reference-problems">
                  {problems.map((problem) => (
                    <li>{problem}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          <input
            class="file-input"
            id="reference-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={props.error ? 'reference-file-hint reference-file-error' : 'reference-file-hint'}
          />
        </div>
        <Button>{t.importButton}</Button>
      </form>

      <h2>{t.tableCaption}</h2>
      {sources.length === 0 ? (
        <p>{t.noValues}</p>
      ) : (
        <table class="table">
          <caption class="visually-hidden">{t.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.results.columns.source}</th>
              <th scope="col">{m.results.instrumentLabel}</th>
              <th scope="col" class="numeric">
                {m.organisation.year}
              </th>
              <th scope="col" class="numeric">
                {m.results.columns.n}
              </th>
              <th scope="col">
                <span class="visually-hidden">{t.removeSource}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => (
              <tr>
                <th scope="row">{source.source}</th>
                <td>
                  {source.instrumentKey} {source.version}
                </td>
                <td class="numeric">{source.year}</td>
                <td class="numeric">{source.values}</td>
                <td>
                  <form method="post" action={`${PATH}/reference-values/remove`} class="inline-form">
                    <CsrfField token={page.csrfToken} />
                    <input type="hidden" name="instrument" value={source.instrumentKey} />
                    <input type="hidden" name="version" value={source.version} />
                    <input type="hidden" name="year" value={String(source.year)} />
                    <input type="hidden" name="source" value={source.source} />
                    <button type="submit" class="link-button">
                      {t.removeSource}
                      <span class="visually-hidden">
                        {' '}
                        – {source.source} {source.year}
                      </span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t.optOutHeading}</h2>
      <p>{t.optOutIntro}</p>
      <table class="table" data-testid="participation">
        <caption class="visually-hidden">{t.optOutCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.organisation}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">
              <span class="visually-hidden">{t.optOut}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {organisations.map((organisation) => (
            <tr>
              <th scope="row">{organisation.name}</th>
              <td>{organisation.optedOut ? t.optedOut : t.participates}</td>
              <td>
                <form method="post" action={`${PATH}/participation`} class="inline-form">
                  <CsrfField token={page.csrfToken} />
                  <input type="hidden" name="organisationId" value={organisation.id} />
                  <input type="hidden" name="participates" value={organisation.optedOut ? '1' : '0'} />
                  <button type="submit" class="link-button">
                    {organisation.optedOut ? t.optIn : t.optOut}
                    <span class="visually-hidden"> – {organisation.name}</span>
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
