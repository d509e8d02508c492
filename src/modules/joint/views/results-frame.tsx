// What every joint results page shows around its own content: the round and organisation, the
// submission date, links to the federation comparison and the CSV, and the recommendations.
import type { ComponentChildren } from 'preact';
import type { ChartSpec } from '../../../charts/chart-spec.ts';
import type { Recommendation } from '../../../domain/instruments/instrument-schema.ts';
import { formatDate } from '../../../i18n/format.ts';
import { pick, type Messages } from '../../../i18n/messages.ts';
import { chartScripts } from '../../../ui/chart-figure.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { ResultsContext } from '../presenter.ts';

export function Recommendations({ m, locale, recommendations }: { m: Messages; locale: PageContext['locale']; recommendations: Recommendation[] }) {
  return (
    <section aria-labelledby="recommendations-title" class="recommendations">
      <h2 id="recommendations-title">{m.joint.results.recommendations}</h2>
      <p>{m.joint.results.recommendationsIntro}</p>
      {recommendations.length === 0 ? (
        <p>{m.joint.results.noRecommendations}</p>
      ) : (
        <ul class="recommendation-list">
          {recommendations.map((recommendation) => (
            <li id={`rec-${recommendation.key}`}>
              <h3>{pick(recommendation.title, locale)}</h3>
              <p>{pick(recommendation.text, locale)}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface ResultsFrameProps extends ResultsContext {
  page: PageContext;
  /** Whether the page draws charts (and needs their script). */
  charts: boolean;
  children: ComponentChildren;
}

export function ResultsFrame({ page, instrument, organisationName, roundId, roundName, submittedAt, compareHref, charts, children }: ResultsFrameProps) {
  const { m, locale } = page;
  const name = pick(instrument.name, locale);
  return (
    <Layout page={page} title={`${name} – ${organisationName}`} scripts={charts ? chartScripts : []}>
      <p class="caption">
        <a href={`/rounds/${roundId}`}>{roundName}</a> · {organisationName}
      </p>
      <h1>{name}</h1>
      {submittedAt ? <p class="hint">{m.joint.round.submittedNote} {formatDate(locale, submittedAt)}</p> : null}
      {compareHref || submittedAt ? (
        <ul class="link-list">
          {compareHref ? (
            <li>
              <a href={compareHref}>{m.joint.round.federation}</a>
            </li>
          ) : null}
          {submittedAt ? (
            <li>
              <a href={`/rounds/${roundId}/joint/${instrument.key}/results.csv`} download>
                {m.joint.results.downloadCsv}
              </a>
            </li>
          ) : null}
        </ul>
      ) : null}
      {children}
    </Layout>
  );
}

/** The SVG and PNG downloads of a page's charts, under the page's own address. */
export function exportLinks(base: string) {
  return (spec: ChartSpec) => (format: 'svg' | 'png') => `${base}/charts/${spec.id}.${format}`;
}
