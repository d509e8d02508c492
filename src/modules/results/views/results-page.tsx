// The results page of a round: maturity, the matrix with quadrant text and recommendations,
// the capability charts with their tables, comparisons, strengths and weaknesses, trend,
// differences worth discussing and the breakdown by unit and role. The main part
// (ResultsContent) is rendered apart from the frame, so a closed round's can be reused.
import type { ComponentChildren } from 'preact';
import type { ChartSpec } from '../../../charts/chart-spec.ts';
import type { RoundResults } from '../../../domain/results/round-results.ts';
import { formatDate, formatNumber } from '../../../i18n/format.ts';
import { pick } from '../../../i18n/messages.ts';
import { ChartFigure, chartScripts } from '../../../ui/chart-figure.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { TableHead } from '../../../ui/table-head.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import { reportsPath } from '../../reports/presenter.ts';
import { ReportDownloads } from '../../reports/views/parts.tsx';
import { Benchmarks } from './benchmarks-section.tsx';
import { Breakdown } from './breakdown-section.tsx';
import { Differences } from './differences-section.tsx';
import { names, one } from './parts.ts';
import { CapabilityTable, CategoryTable } from './score-tables.tsx';
import { TrendSection } from './trend-section.tsx';

export interface ResultsContentProps {
  page: PageContext;
  results: RoundResults;
  charts: ChartSpec[];
  instruments: Array<{ key: string; name: string }>;
  /** Respondents the coordinator added after the first answer came in (issue 12: made-up respondents are visible). */
  addedAfterFirstAnswer?: number;
}

/** The page around the results: the layout with the chart scripts. */
export function ResultsFrame({ page, roundName, children }: { page: PageContext; roundName: string; children: ComponentChildren }) {
  return (
    <Layout page={page} title={page.m.results.title(roundName)} scripts={chartScripts}>
      {children}
    </Layout>
  );
}

/** The main part of the results page; it uses only the page's locale and texts, never the reader. */
export function ResultsContent(props: ResultsContentProps) {
  const { page, results, charts, instruments } = props;
  const { locale } = page;
  const m = page.m.results;
  const { round, instrument, result, publication } = results;
  const nameOf = names(instrument, locale);
  const base = `/rounds/${round.id}/results`;
  const query = instruments.length > 1 ? `?instrument=${encodeURIComponent(instrument.key)}` : '';
  const chart = (id: string) => charts.find((spec) => spec.id === id);
  const figure = (id: string) => {
    const spec = chart(id);
    return spec ? <ChartFigure spec={spec} locale={locale} exportHref={(format) => `${base}/charts/${spec.id}.${format}${query}`} /> : null;
  };
  const quadrants = instrument.results?.quadrants;
  return (
    <>
      <p class="caption">
        <a href={`/org/${results.organisation.id}`}>{results.organisation.name}</a> · <a href={`/rounds/${round.id}`}>{round.name}</a>
      </p>
      <h1>{m.title(round.name)}</h1>
      <p>
        {m.instrumentLabel}: {pick(instrument.name, locale)} ({instrument.version})
      </p>
      {props.addedAfterFirstAnswer ? (
        <p class="notice" data-testid="late-respondents">
          {page.m.privacy.addedAfterFirstAnswer(props.addedAfterFirstAnswer)}
        </p>
      ) : null}
      {instruments.length > 1 ? (
        <nav aria-label={m.chooseInstrument}>
          <ul class="inline-list">
            {instruments.map((entry) => (
              <li>
                <a href={`${base}?instrument=${encodeURIComponent(entry.key)}`} aria-current={entry.key === instrument.key ? 'page' : undefined}>
                  {entry.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {publication?.status === 'published' && publication.publishedAt ? (
        round.status !== 'closed' ? (
          <p class="notice" data-testid="previous-state">
            {m.previousStateShown(formatDate(locale, publication.publishedAt), round.anonymityThreshold)}
          </p>
        ) : publication.submittedNow > results.respondents ? (
          <p class="notice" data-testid="pending-answers">
            {m.pendingAnswers(formatDate(locale, publication.publishedAt), publication.submittedNow - results.respondents, round.anonymityThreshold)}
          </p>
        ) : null
      ) : null}
      {!result && publication?.status === 'not-closed' ? (
        <p class="notice" data-testid="not-published">
          {m.notPublishedOpen(publication.submittedNow)}
        </p>
      ) : !result ? (
        <p class="notice notice-warning" data-testid="not-enough">
          {m.notEnough(results.respondents, round.anonymityThreshold)}
        </p>
      ) : (
        <>
          {results.smallSample ? (
            <div class="notice notice-warning" data-testid="small-sample">
              <h2 class="notice-title">{m.smallSampleTitle}</h2>
              <p>{m.smallSample(results.respondents, round.smallSampleThreshold)}</p>
            </div>
          ) : null}
          {round.status === 'closed' ? <p class="workshop-link"><a href={`/org/${results.organisation.id}/workshop/${round.year}`}>{page.m.workshop.linkFromResults}</a></p> : null}

          <h2>{m.summaryHeading}</h2>
          <div class="stat-row">
            <p class="stat">
              <span class="stat-value" data-testid="maturity-percent">
                {result.maturityPercent === null ? '–' : `${formatNumber(locale, result.maturityPercent, 1)} %`}
              </span>
              <span class="stat-label">{m.maturity}</span>
            </p>
            <p class="stat">
              <span class="stat-value" data-testid="quadrant">{result.quadrant ?? '–'}</span>
              <span class="stat-label">{result.quadrant && quadrants ? pick(quadrants[result.quadrant].title, locale) : m.quadrantHeading}</span>
            </p>
            <p class="stat">
              <span class="stat-value" data-testid="respondents">{results.respondents}</span>
              <span class="stat-label">{m.respondents(results.respondents)}</span>
            </p>
          </div>

          <h2 id="quadrant">{m.quadrantHeading}</h2>
          <p>{m.quadrantIntro}</p>
          {figure('maturity-matrix')}
          {result.quadrant && quadrants ? (
            <section aria-labelledby="quadrant-title" class="panel">
              <h3 id="quadrant-title">
                {m.quadrant(result.quadrant)}: {pick(quadrants[result.quadrant].title, locale)}
              </h3>
              <p>{pick(quadrants[result.quadrant].description, locale)}</p>
              <p class="hint">{m.threshold(formatNumber(locale, result.threshold, 1))}</p>
              <h4>{m.recommendationsHeading}</h4>
              <ul>
                {quadrants[result.quadrant].recommendations.map((text) => (
                  <li>{pick(text, locale)}</li>
                ))}
              </ul>
            </section>
          ) : null}
          {quadrants ? (
            <details>
              <summary>{m.quadrantTableCaption}</summary>
              <table class="table">
                <caption>{m.quadrantTableCaption}</caption>
                <TableHead columns={[m.level, m.description]} />
                <tbody>
                  {(['A', 'B', 'C', 'D'] as const).map((key) => (
                    <tr>
                      <th scope="row">
                        {key} {key === result.quadrant ? m.yourLevel : ''}
                      </th>
                      <td>
                        <strong>{pick(quadrants[key].title, locale)}.</strong> {pick(quadrants[key].description, locale)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          ) : null}

          <h2 id="capabilities">{m.chartsHeading}</h2>
          {figure('capability-radar')}
          <div class="two-columns">
            {figure('category-radar')}
            {figure('capability-bars')}
          </div>
          {figure('category-bars')}
          <CapabilityTable results={results} locale={locale} />
          <CategoryTable results={results} locale={locale} nameOf={nameOf} />

          <Benchmarks results={results} locale={locale} />

          <h2 id="strengths">{m.strengthsHeading}</h2>
          <p>{m.strengthsIntro}</p>
          <div class="two-columns">
            <div>
              <h3>{m.strongest}</h3>
              <ol data-testid="strongest">
                {results.strengths.strongest.map((entry) => (
                  <li>
                    {nameOf(entry.key)}: {one(locale, entry.score)}
                  </li>
                ))}
              </ol>
            </div>
            <div>
              <h3>{m.weakest}</h3>
              <ol data-testid="weakest">
                {results.strengths.weakest.map((entry) => (
                  <li>
                    {nameOf(entry.key)}: {one(locale, entry.score)}
                  </li>
                ))}
              </ol>
            </div>
          </div>

          <TrendSection results={results} locale={locale} nameOf={nameOf} trendFigure={figure('category-trend')} />
          <Differences results={results} locale={locale} nameOf={nameOf} />
          <Breakdown results={results} locale={locale} />

          <h2 id="downloads">{m.exportsHeading}</h2>
          <p class="hint">{m.exportHint}</p>
          <ul>
            <li>
              <a href={`${base}.csv${query}`} download>
                {m.exportCsv}
              </a>
            </li>
            <li>
              <a href={`${base}.xlsx${query}`} download>
                {m.exportXlsx}
              </a>
            </li>
            <li>
              <a href={`/api/rounds/${round.id}/results${query}`}>{m.exportJson}</a>
            </li>
          </ul>

          <h2 id="report">{page.m.reportPages.round.heading(round.year)}</h2>
          <p class="hint">{page.m.reportPages.round.hint}</p>
          <ReportDownloads page={page} organisationId={results.organisation.id} year={round.year} kind="member" />
          <p>
            <a href={reportsPath(results.organisation.id, round.year)}>{page.m.reportPages.round.all}</a>
          </p>
        </>
      )}
    </>
  );
}
