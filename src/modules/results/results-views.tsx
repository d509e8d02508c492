// The results page of a round: maturity, the matrix with quadrant text and recommendations,
// the capability charts with their tables, comparisons, strengths and weaknesses, trend,
// differences worth discussing and the breakdown by unit and role.
import { TableHead } from '../../ui/table-head.tsx';
import { federationMaturityPath } from '../federation/federation-maturity-views.tsx';
import { ReportDownloads, reportsPath } from '../reports/report-views.tsx';
import type { ComponentChildren } from 'preact';
import type { ChartSpec } from '../../charts/chart-spec.ts';
import type { Instrument } from '../../domain/instruments/instrument-schema.ts';
import { allCapabilities } from '../../domain/instruments/instrument-structure.ts';
import type { Benchmark } from '../../domain/scoring/benchmarks.ts';
import type { CapabilityDifference } from '../../domain/scoring/insights.ts';
import { shownChange } from '../../domain/rounding.ts';
import { formatDate, formatNumber, type Locale } from '../../i18n/format.ts';
import { messages, pick } from '../../i18n/messages.ts';
import { ChartFigure, chartScripts } from '../../ui/chart-figure.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { groupName } from './results-export.ts';
import type { BreakdownGroup, RoundResults } from '../../domain/results/round-results.ts';

const one = (locale: Locale, value: number | null | undefined) => (typeof value === 'number' ? formatNumber(locale, value, 1) : '–');
const signed = (locale: Locale, value: number) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatNumber(locale, Math.abs(value), 1)}`;

function names(instrument: Instrument, locale: Locale) {
  const map = new Map<string, string>();
  for (const dimension of instrument.dimensions) {
    map.set(dimension.key, pick(dimension.name, locale));
    for (const category of dimension.categories) {
      map.set(category.key, pick(category.name, locale));
      for (const capability of category.capabilities) map.set(capability.key, pick(capability.name, locale));
    }
  }
  return (key: string) => map.get(key) ?? key;
}

export function ResultsPage(props: {
  page: PageContext;
  results: RoundResults;
  charts: ChartSpec[];
  instruments: Array<{ key: string; name: string }>;
  /** Respondents the coordinator added after the first answer came in (issue 12: made-up respondents are visible). */
  addedAfterFirstAnswer?: number;
}) {
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
    <Layout page={page} title={m.title(round.name)} scripts={chartScripts}>
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
    </Layout>
  );
}

/** A round whose questionnaires have no results section (e.g. only a yes/no checklist). */
export function NoResultsPage({ page, roundId, roundName }: { page: PageContext; roundId: string; roundName: string }) {
  const m = page.m.results;
  return (
    <Layout page={page} title={m.title(roundName)}>
      <p class="caption">
        <a href={`/rounds/${roundId}`}>{roundName}</a>
      </p>
      <h1>{m.title(roundName)}</h1>
      <p>{m.noResultInstrument}</p>
    </Layout>
  );
}

function CapabilityTable({ results, locale }: { results: RoundResults; locale: Locale }) {
  const texts = messagesFor(locale);
  const result = results.result!;
  return (
    <>
      <p class="hint" id="confidence-hint">
        {texts.confidenceHint}
      </p>
      <div class="table-scroll">
        <table class="table" data-testid="capability-table" aria-describedby="confidence-hint">
          <caption>{texts.capabilityTableCaption}</caption>
          <TableHead columns={[texts.columns.capability, texts.columns.category, { label: texts.columns.score, numeric: true }, { label: texts.columns.n, numeric: true }, { label: texts.columns.sd, numeric: true }, texts.columns.ci]} />
          <tbody>
            {allCapabilities(results.instrument).map(({ capability, category }) => {
              const statistic = result.capabilities[capability.key]!;
              return (
                <tr>
                  <th scope="row">{pick(capability.name, locale)}</th>
                  <td>{pick(category.name, locale)}</td>
                  <td class="numeric">{statistic.score === null ? (statistic.n > 0 ? texts.withheld(results.round.anonymityThreshold) : '–') : one(locale, statistic.score)}</td>
                  <td class="numeric">{statistic.n}</td>
                  <td class="numeric">{one(locale, statistic.sd)}</td>
                  <td>{statistic.ci95 ? texts.ciValue(one(locale, statistic.ci95[0]), one(locale, statistic.ci95[1])) : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

const messagesFor = (locale: Locale) => messages(locale).results;

function CategoryTable({ results, locale, nameOf }: { results: RoundResults; locale: Locale; nameOf: (key: string) => string }) {
  const texts = messagesFor(locale);
  const result = results.result!;
  return (
    <div class="table-scroll">
      <table class="table" data-testid="category-table">
        <caption>{texts.categoryTableCaption}</caption>
        <TableHead columns={[texts.columns.category, texts.columns.dimension, { label: texts.columns.score, numeric: true }]} />
        <tbody>
          {results.instrument.dimensions.flatMap((dimension) => [
            ...dimension.categories.map((category) => (
              <tr>
                <th scope="row">{nameOf(category.key)}</th>
                <td>{nameOf(dimension.key)}</td>
                <td class="numeric">{one(locale, result.categories[category.key])}</td>
              </tr>
            )),
            <tr class="total-row">
              <th scope="row">{nameOf(dimension.key)}</th>
              <td>{nameOf(dimension.key)}</td>
              <td class="numeric">{one(locale, result.dimensions[dimension.key])}</td>
            </tr>,
          ])}
        </tbody>
      </table>
    </div>
  );
}

function Benchmarks({ results, locale }: { results: RoundResults; locale: Locale }) {
  const texts = messagesFor(locale);
  const kinds = messages(locale).kinds;
  const kind = kinds[results.organisation.kind].toLowerCase();
  const dimensions = results.instrument.dimensions;
  const rows: Array<{ label: string; benchmark: Benchmark | null; count: number }> = [
    ...results.benchmarks.federations.map((federation) => ({ label: texts.federationLabel(federation.name), benchmark: federation.benchmark, count: federation.organisations })),
    {
      label: results.benchmarks.nationalSource ? texts.nationalSourceLabel(results.benchmarks.nationalSource.scope, results.benchmarks.nationalSource.year, results.benchmarks.nationalSource.organisations) : texts.nationalLabel,
      benchmark: results.benchmarks.national,
      count: results.benchmarks.nationalOrganisations,
    },
    { label: texts.sameKindLabel(kind), benchmark: results.benchmarks.sameKind, count: results.benchmarks.sameKindOrganisations },
  ];
  const shown = rows.filter((row) => row.benchmark !== null);
  const result = results.result!;
  return (
    <>
      <h2 id="benchmarks">{texts.benchmarksHeading}</h2>
      <p>{texts.benchmarkIntro}</p>
      {results.benchmarks.federations.length > 0 ? (
        <p>
          <a href={`${federationMaturityPath(results.organisation.id, results.instrument.key)}?year=${results.round.year}`}>{messages(locale).federation.linkTitle(pick(results.instrument.name, locale))}</a>
        </p>
      ) : null}
      {rows
        .filter((row) => row.benchmark === null)
        .map((row) => (
          <p class="hint">{row.label === texts.nationalLabel && results.benchmarks.federations.length > 0 ? texts.nationalMissing(row.count) : texts.benchmarkMissing(row.label, row.count)}</p>
        ))}
      {shown.length > 0 ? (
        <div class="table-scroll">
          <table class="table" data-testid="benchmark-table">
            <caption>{texts.benchmarkTableCaption}</caption>
            <TableHead columns={[texts.columns.benchmark, texts.columns.dimension, { label: texts.series.own, numeric: true }, { label: texts.columns.min, numeric: true }, { label: texts.columns.avg, numeric: true }, { label: texts.columns.max, numeric: true }, { label: texts.columns.organisations, numeric: true }]} />
            <tbody>
              {shown.flatMap((row) => [
                ...dimensions.map((dimension) => {
                  const value = row.benchmark!.dimensions[dimension.key];
                  return (
                    <tr>
                      <th scope="row">{row.label}</th>
                      <td>{pick(dimension.name, locale)}</td>
                      <td class="numeric">{one(locale, result.dimensions[dimension.key])}</td>
                      <td class="numeric">{one(locale, value?.min)}</td>
                      <td class="numeric">{one(locale, value?.avg)}</td>
                      <td class="numeric">{one(locale, value?.max)}</td>
                      <td class="numeric">{row.count}</td>
                    </tr>
                  );
                }),
                <tr>
                  <th scope="row">{row.label}</th>
                  <td>{texts.maturity} (%)</td>
                  <td class="numeric">{one(locale, result.maturityPercent)}</td>
                  <td class="numeric">{one(locale, row.benchmark!.maturityPercent?.min)}</td>
                  <td class="numeric">{one(locale, row.benchmark!.maturityPercent?.avg)}</td>
                  <td class="numeric">{one(locale, row.benchmark!.maturityPercent?.max)}</td>
                  <td class="numeric">{row.count}</td>
                </tr>,
              ])}
            </tbody>
          </table>
        </div>
      ) : null}
      {results.references.length > 0 ? (
        <>
          <h3>{texts.referencesHeading}</h3>
          <p class="hint">{texts.referenceNote}</p>
          <table class="table" data-testid="reference-table">
            <caption>{texts.referencesHeading}</caption>
            <TableHead columns={[texts.columns.source, texts.columns.benchmark, { label: texts.columns.score, numeric: true }]} />
            <tbody>
              {results.references.flatMap((series) =>
                Object.entries(series.values).map(([measure, value]) => (
                  <tr>
                    <th scope="row">{messages(locale).results.series.reference(series.source, series.year, series.organisations)}</th>
                    <td>{measure === 'maturity-percent' ? `${texts.maturity} (%)` : names(results.instrument, locale)(measure)}</td>
                    <td class="numeric">{one(locale, value)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}

function TrendSection({ results, locale, nameOf, trendFigure }: { results: RoundResults; locale: Locale; nameOf: (key: string) => string; trendFigure: ComponentChildren }) {
  const texts = messagesFor(locale);
  const { trend } = results;
  if (!trend) {
    return (
      <>
        <h2 id="trend">{texts.trendHeading}</h2>
        <p>{texts.noTrend}</p>
      </>
    );
  }
  const row = (key: string, level: string, change: { previous: number; current: number; change: number } | null) => (
    <tr>
      <th scope="row">{nameOf(key)}</th>
      <td>{level}</td>
      <td class="numeric">{one(locale, change?.previous)}</td>
      <td class="numeric">{one(locale, change?.current)}</td>
      <td class="numeric">{change ? signed(locale, shownChange(change.previous, change.current)) : '–'}</td>
    </tr>
  );
  return (
    <>
      <h2 id="trend">{texts.trendHeading}</h2>
      <p>{texts.trendIntro(trend.previousYear)}</p>
      {trend.quadrant ? <p data-testid="trend-quadrant">{texts.trendQuadrant(trend.quadrant.previous, trend.quadrant.current)}</p> : null}
      {trend.maturityPercent ? (
        <p>
          {texts.maturity}: {one(locale, trend.maturityPercent.previous)} % → {one(locale, trend.maturityPercent.current)} % ({signed(locale, shownChange(trend.maturityPercent.previous, trend.maturityPercent.current))})
        </p>
      ) : null}
      {trend.notComparable.length > 0 ? <p class="hint">{texts.trendNotComparable(trend.notComparable.map(nameOf).join(', '))}</p> : null}
      {trendFigure}
      <details>
        <summary>{texts.trendTableCaption}</summary>
        <div class="table-scroll">
          <table class="table" data-testid="trend-table">
            <caption>{texts.trendTableCaption}</caption>
            <TableHead columns={[texts.columns.capability, texts.columns.category, { label: texts.previousColumn(trend.previousYear), numeric: true }, { label: texts.previousColumn(results.round.year), numeric: true }, { label: texts.columns.change, numeric: true }]} />
            <tbody>
              {results.instrument.dimensions.flatMap((dimension) => [
                row(dimension.key, texts.columns.dimension, trend.dimensions[dimension.key] ?? null),
                ...dimension.categories.flatMap((category) => [
                  row(category.key, texts.columns.category, trend.categories[category.key] ?? null),
                  ...category.capabilities.map((capability) => row(capability.key, nameOf(category.key), trend.capabilities[capability.key] ?? null)),
                ]),
              ])}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}

function Differences({ results, locale, nameOf }: { results: RoundResults; locale: Locale; nameOf: (key: string) => string }) {
  const texts = messagesFor(locale);
  const hasFederation = results.benchmarks.federations.some((federation) => federation.benchmark !== null);
  const hasNational = results.benchmarks.national !== null;
  const list = (title: string, entries: CapabilityDifference[], compared: boolean) => (
    <div>
      <h3>{title}</h3>
      {entries.length === 0 ? (
        <p class="hint">{compared ? texts.nothingToList : texts.noDifferences}</p>
      ) : (
        <ul>
          {entries.map((entry) => (
            <li>{texts.differenceItem(nameOf(entry.key), one(locale, entry.own), one(locale, entry.benchmark), signed(locale, shownChange(entry.benchmark, entry.own)))}</li>
          ))}
        </ul>
      )}
    </div>
  );
  return (
    <>
      <h2 id="differences">{texts.differencesHeading}</h2>
      <p>{texts.differencesIntro}</p>
      <div class="two-columns">
        {list(texts.belowFederation, results.differences.federation.below, hasFederation)}
        {list(texts.aboveFederation, results.differences.federation.above, hasFederation)}
        {/* Without a national source the national lists are left out, not shown as a copy of the federation's. */}
        {hasNational ? list(texts.belowNational, results.differences.national.below, true) : null}
        {hasNational ? list(texts.aboveNational, results.differences.national.above, true) : null}
      </div>
      <h3>{texts.spreadHeading}</h3>
      <ul data-testid="spread">
        {results.spread.map((entry) => (
          <li>{texts.spreadItem(nameOf(entry.key), one(locale, entry.sd), entry.n)}</li>
        ))}
      </ul>
    </>
  );
}

function GroupTable({ groups, results, locale, caption, testId }: { groups: BreakdownGroup[]; results: RoundResults; locale: Locale; caption: string; testId: string }) {
  const texts = messagesFor(locale);
  const dimensions = results.instrument.dimensions;
  return (
    <div class="table-scroll">
      <table class="table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{texts.columns.group}</th>
            <th scope="col" class="numeric">
              {texts.columns.respondents}
            </th>
            {dimensions.map((dimension) => (
              <th scope="col" class="numeric">
                {pick(dimension.name, locale)}
              </th>
            ))}
            <th scope="col" class="numeric">
              {texts.columns.maturity}
            </th>
            <th scope="col">{texts.columns.quadrant}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr>
              <th scope="row" style={group.depth > 0 ? `padding-left:${0.5 + group.depth * 1.25}rem` : undefined}>
                {groupName(group, locale)}
              </th>
              <td class="numeric">{group.n}</td>
              {dimensions.map((dimension) => (
                <td class="numeric">{one(locale, group.dimensions[dimension.key])}</td>
              ))}
              <td class="numeric">{group.maturityPercent === null ? '–' : `${formatNumber(locale, group.maturityPercent, 1)} %`}</td>
              <td>{group.quadrant ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Breakdown({ results, locale }: { results: RoundResults; locale: Locale }) {
  const texts = messagesFor(locale);
  const { breakdown } = results;
  return (
    <>
      <h2 id="breakdown">{texts.breakdownHeading}</h2>
      <p>{texts.breakdownIntro(breakdown.threshold)}</p>
      <h3>{texts.byUnit}</h3>
      {breakdown.units.length > 0 ? (
        <GroupTable groups={breakdown.units} results={results} locale={locale} caption={texts.unitTableCaption} testId="unit-table" />
      ) : (
        <p>{texts.noBreakdown}</p>
      )}
      <h3>{texts.byRole}</h3>
      {breakdown.roles.length > 0 ? (
        <GroupTable groups={breakdown.roles} results={results} locale={locale} caption={texts.roleTableCaption} testId="role-table" />
      ) : (
        <p>{texts.noBreakdown}</p>
      )}
      {breakdown.suppressedForSubtraction > 0 ? <p class="hint">{texts.suppressedNote(breakdown.suppressedForSubtraction)}</p> : null}
    </>
  );
}
