// Pages of the joint assessments: the section on the round page (fill in, name a respondent,
// results), each instrument's results (information-security answers, index and recommendations;
// the capability map, its table, weak capabilities and gaps) and the federation comparison.
import { TableHead } from '../../ui/table-head.tsx';
import type { ComponentChildren } from 'preact';
import { capabilityHeatmapChartsByArea, federationMatrixChart, MAX_MATRIX_CHART_MEMBERS, levelColour, levelCountChart, levelWord, memberLabelText, practiceScoreChart } from '../../charts/joint-charts.ts';
import type { ChartSpec } from '../../charts/chart-spec.ts';
import { textOn } from '../../charts/chart-theme.ts';
import { isItemShown, type AnswerSet } from '../../domain/instruments/answer-set.ts';
import type { AnswerScale, Instrument, Recommendation } from '../../domain/instruments/instrument-schema.ts';
import { itemsInOrder } from '../../domain/instruments/instrument-structure.ts';
import { TOP_CANDIDATES, type FederationCapabilityRow, type FederationLevelMatrix, type LevelMapResult } from '../../domain/joint-results/level-map.ts';
import type { PracticeFederationCount, PracticeIndexResult } from '../../domain/joint-results/practice-index.ts';
import { formatDate, formatNumber, type Locale } from '../../i18n/format.ts';
import { pick, type Messages } from '../../i18n/messages.ts';
import { ChartFigure, chartScripts } from '../../ui/chart-figure.tsx';
import { Button, CsrfField, ErrorSummary, TextField, type FieldErrors } from '../../ui/forms.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { answerInWords } from '../survey/survey-views.tsx';
import type { JointOverview } from './joint-service.ts';

export interface AssignFormState {
  values: { name: string; email: string };
  errors: FieldErrors;
}

/** The round page's section for joint instruments. */
export function JointRoundSection({ m, locale, roundId, roundStatus, overview, canManage, csrfToken }: {
  m: Messages;
  /** The page's CSRF token, for the "reopen" buttons (the section lives on the round page). */
  csrfToken?: string;
  locale: PageContext['locale'];
  roundId: string;
  roundStatus: string;
  overview: JointOverview;
  canManage: boolean;
}) {
  const t = m.joint.round;
  if (overview.entries.length === 0) return null;
  return (
    <section aria-labelledby="joint-title" id="joint">
      <h2 id="joint-title">{t.title}</h2>
      <p>{t.intro}</p>
      <div class="table-scroll">
        <table class="table">
          <caption class="visually-hidden">{t.title}</caption>
          <TableHead columns={[t.instrument, t.status, t.assignedTo, t.actions]} />
          <tbody>
            {overview.entries.map((entry) => {
              const name = pick(entry.instrument.name, locale);
              return (
                <tr>
                  <th scope="row">{name}</th>
                  <td>
                    <span class={`tag tag-${entry.status}`}>{m.joint.status[entry.status]}</span>
                    {entry.submittedAt ? <span class="hint"> {formatDate(locale, entry.submittedAt)}</span> : null}
                  </td>
                  <td>{overview.assignee ? `${overview.assignee.name} (${overview.assignee.email})` : t.coordinator}</td>
                  <td>
                    <ul class="link-list">
                      {canManage && roundStatus === 'open' && entry.status !== 'submitted' ? (
                        <li>
                          <a href={`/rounds/${roundId}/joint/${entry.instrument.key}/page/1`}>{t.answer(name.toLowerCase())}</a>
                        </li>
                      ) : null}
                      <li>
                        <a href={`/rounds/${roundId}/joint/${entry.instrument.key}/results`}>{t.viewResults(name.toLowerCase())}</a>
                      </li>
                      {canManage && csrfToken && roundStatus === 'open' && entry.status === 'submitted' ? (
                        <li>
                          <form method="post" action={`/rounds/${roundId}/joint/${entry.instrument.key}/reopen`} class="inline-form">
                            <CsrfField token={csrfToken} />
                            <button type="submit" class="link-button">
                              {t.reopen(name.toLowerCase())}
                            </button>
                          </form>
                        </li>
                      ) : null}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {canManage && roundStatus !== 'open' ? <p>{t.roundNotOpen}</p> : null}
      {canManage && roundStatus === 'open' ? (
        <p>
          <a href={`/rounds/${roundId}/joint/assign`}>{t.assignTitle}</a>
        </p>
      ) : null}
    </section>
  );
}

/** The joint instruments with a federation view, newest version of each, by name. */
export function comparableJointInstruments(ctx: { instruments: { list(): Instrument[] } }, locale: PageContext['locale']): Array<{ key: string; name: string }> {
  const keys = new Map<string, string>();
  for (const instrument of ctx.instruments.list()) {
    if (instrument.respondentMode === 'joint' && instrument.analysis) keys.set(instrument.key, pick(instrument.name, locale));
  }
  return [...keys].map(([key, name]) => ({ key, name }));
}

/** On a federation's page: links to the comparison of each joint instrument across its members. */
export function JointCompareLinks({ m, organisationId, instruments }: { m: Messages; organisationId: string; instruments: Array<{ key: string; name: string }> }) {
  return (
    <section aria-labelledby="joint-compare-title">
      <h2 id="joint-compare-title">{m.joint.round.title}</h2>
      <p>{m.joint.federation.intro}</p>
      <ul class="link-list">
        {instruments.map((instrument) => (
          <li>
            <a href={`/org/${organisationId}/compare/${instrument.key}`}>{m.joint.federation.title(instrument.name)}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Names the person who fills in the round's joint instruments through a personal link. */
export function JointAssignPage({ page, roundId, roundName, form }: { page: PageContext; roundId: string; roundName: string; form: AssignFormState }) {
  const { m } = page;
  const t = m.joint.round;
  return (
    <Layout page={page} title={`${t.assignTitle} – ${roundName}`}>
      <ErrorSummary m={m} errors={form.errors} />
      <p class="caption">
        <a href={`/rounds/${roundId}#joint`}>{roundName}</a>
      </p>
      <h1>{t.assignTitle}</h1>
      <p>{t.assignIntro}</p>
      <form method="post" action={`/rounds/${roundId}/joint/assign`} novalidate>
        <CsrfField token={page.csrfToken} />
        <TextField m={m} id="joint-name" name="name" label={t.assignName} value={form.values.name} error={form.errors['joint-name']} autocomplete="off" />
        <TextField m={m} id="joint-email" name="email" type="email" label={t.assignEmail} value={form.values.email} error={form.errors['joint-email']} autocomplete="off" />
        <Button>{t.assignButton}</Button>
      </form>
    </Layout>
  );
}

function Recommendations({ m, locale, recommendations }: { m: Messages; locale: PageContext['locale']; recommendations: Recommendation[] }) {
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

/** What every joint results page shows around its own content. */
interface ResultsContext {
  page: PageContext;
  instrument: Instrument;
  organisationName: string;
  roundId: string;
  roundName: string;
  submittedAt: string | null;
  compareHref: string | null;
}

interface ResultsFrameProps extends ResultsContext {
  charts: boolean;
  children: ComponentChildren;
}

function ResultsFrame({ page, instrument, organisationName, roundId, roundName, submittedAt, compareHref, charts, children }: ResultsFrameProps) {
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

export function exportLinks(base: string) {
  return (spec: ChartSpec) => (format: 'svg' | 'png') => `${base}/charts/${spec.id}.${format}`;
}

/** Figure 6: every question and the organisation's answer; follow-ups that do not apply are marked so. */
function AnswerTable({ m, locale, instrument, answers }: { m: Messages; locale: PageContext['locale']; instrument: Instrument; answers: AnswerSet }) {
  const r = m.joint.results;
  const withComments = itemsInOrder(instrument).some(({ item }) => item.comment);
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="answers-caption">
      <table class="table" id="answer-table">
        <caption id="answers-caption">{r.answersTable}</caption>
        <thead>
          <tr>
            <th scope="col">{r.question}</th>
            <th scope="col">{r.answer}</th>
            {withComments ? <th scope="col">{r.comment}</th> : null}
          </tr>
        </thead>
        <tbody>
          {itemsInOrder(instrument).map(({ item, scale }) => {
            const answer = answers.get(item.key);
            const shown = isItemShown(item, answers);
            const text = answerInWords(item, scale, answers, { notApplicable: r.notApplicable, notAnswered: r.notAnswered, dontKnow: m.survey.dontKnow }, locale);
            return (
              <tr class={shown ? '' : 'not-applicable'}>
                <th scope="row">{pick(item.text, locale)}</th>
                <td>{text}</td>
                {withComments ? <td>{shown ? answer?.comment ?? '' : ''}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function PracticeResultsPage(props: ResultsContext & {
  answers: AnswerSet | null;
  result: PracticeIndexResult | null;
  recommendations: Recommendation[];
}) {
  const { page, instrument, answers, result } = props;
  const { m, locale } = page;
  const r = m.joint.results;
  const chart = result ? practiceScoreChart(result, m.joint, locale) : null;
  const indexName = instrument.analysis?.kind === 'practice-index' && instrument.analysis.indexName ? pick(instrument.analysis.indexName, locale) : r.index;
  const exportHref = exportLinks(`/rounds/${props.roundId}/joint/${instrument.key}/results`);
  return (
    <ResultsFrame {...props} charts={chart !== null}>
      {!answers || !result ? (
        <p class="notice">{r.notSubmitted}</p>
      ) : (
        <>
          <section aria-labelledby="index-title">
            <h2 id="index-title">{indexName}</h2>
            <div class="stat-row">
              <p class="stat">
                <span class="stat-value" data-testid="practice-index">
                  {result.index === null ? '–' : formatNumber(locale, result.index, 1)}
                </span>
                <span class="stat-label">{indexName} (0–100)</span>
              </p>
              <p class="stat">
                <span class="stat-value" data-testid="practices-established">
                  {result.established} / {result.practices.length}
                </span>
                <span class="stat-label">{r.established(result.established, result.practices.length)}</span>
              </p>
            </div>
            <p>{result.index === null ? r.indexNone : r.indexExplain(result.answered)}</p>
          </section>
          <Recommendations m={m} locale={locale} recommendations={props.recommendations} />
          <h2>{r.answersTable}</h2>
          <AnswerTable m={m} locale={locale} instrument={instrument} answers={answers} />
          {chart ? <ChartFigure spec={chart} locale={locale} exportHref={exportHref(chart)} /> : null}
        </>
      )}
    </ResultsFrame>
  );
}

/** The capability map as tiles: areas → themes → capabilities, level as number and word, colour as a help only. */
export function CapabilityMap({ m, locale, result, scale }: { m: Messages; locale: PageContext['locale']; result: LevelMapResult; scale: AnswerScale }) {
  const areas: Array<{ key: string; name: string; themes: Array<{ key: string; name: string; entries: LevelMapResult['capabilities'] }> }> = [];
  for (const entry of result.capabilities) {
    let area = areas.find((candidate) => candidate.key === entry.area.key);
    if (!area) areas.push((area = { key: entry.area.key, name: pick(entry.area.name, locale), themes: [] }));
    let theme = area.themes.find((candidate) => candidate.key === entry.theme.key);
    if (!theme) area.themes.push((theme = { key: entry.theme.key, name: pick(entry.theme.name, locale), entries: [] }));
    theme.entries.push(entry);
  }
  return (
    <div class="capability-map" id="capability-map">
      <ul class="level-legend" aria-label={m.joint.results.level}>
        {scale.labels.map((label) => {
          const colour = levelColour(label.value, scale.min, scale.max);
          return (
            <li>
              <span class={`level-swatch level-${label.value}`} style={`background:${colour};color:${textOn(colour)}`}>
                {label.value}
              </span>{' '}
              {pick(label.label, locale)}
            </li>
          );
        })}
      </ul>
      {areas.map((area) => (
        <section class="map-area" aria-labelledby={`area-${area.key}`}>
          <h3 id={`area-${area.key}`}>{area.name}</h3>
          <div class="map-themes">
            {area.themes.map((theme) => (
              <section class="map-theme" aria-labelledby={`theme-${theme.key}`}>
                <h4 id={`theme-${theme.key}`}>{theme.name}</h4>
                <ul class="map-tiles">
                  {theme.entries.map((entry) => {
                    const colour = entry.level === null ? '#ffffff' : levelColour(entry.level, scale.min, scale.max);
                    return (
                      <li class={`map-tile${entry.level === null ? ' map-tile-empty' : ` level-${entry.level}`}`} style={`background:${colour};color:${textOn(colour)}`} data-level={entry.level ?? ''}>
                        <span class="map-tile-name">{pick(entry.capability.name, locale)}</span>
                        <span class="map-tile-level">{entry.level === null ? m.joint.results.unanswered : levelWord(scale, entry.level, locale)}</span>
                      </li>
                    );
                  })}
                </ul>
              </section>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

export function LevelMapResultsPage(props: ResultsContext & {
  result: LevelMapResult | null;
  scale: AnswerScale;
  recommendations: Recommendation[];
}) {
  const { page, instrument, result, scale } = props;
  const { m, locale } = page;
  const r = m.joint.results;
  const analysis = instrument.analysis?.kind === 'level-map' ? instrument.analysis : null;
  const exportHref = exportLinks(`/rounds/${props.roundId}/joint/${instrument.key}/results`);
  const counts = result ? levelCountChart(result, scale, m.joint, locale) : null;
  // One heat map per area, the same figures the reports print: the whole map in one is 55 rows tall.
  const heatmaps = result ? capabilityHeatmapChartsByArea(result, scale, m.joint, locale) : [];
  return (
    <ResultsFrame {...props} charts={result !== null}>
      {!result || !counts ? (
        <p class="notice">{r.notSubmitted}</p>
      ) : (
        <>
          <div class="stat-row">
            {[...result.countsByLevel.entries()].map(([level, count]) => (
              <p class="stat">
                <span class="stat-value" data-testid={`level-count-${level}`}>
                  {count}
                </span>
                <span class="stat-label">{levelWord(scale, level, locale)}</span>
              </p>
            ))}
          </div>
          <h2>{r.capabilityMap}</h2>
          <p>{r.capabilityMapIntro}</p>
          <CapabilityMap m={m} locale={locale} result={result} scale={scale} />
          <ChartFigure spec={counts} locale={locale} exportHref={exportHref(counts)} />
          {heatmaps.map((heatmap) => (
            <ChartFigure spec={heatmap} locale={locale} exportHref={exportHref(heatmap)} />
          ))}
          <Recommendations m={m} locale={locale} recommendations={props.recommendations} />

          <section aria-labelledby="weak-title">
            <h2 id="weak-title">{r.weak}</h2>
            <p>{r.weakIntro(analysis?.weakAtMost ?? 1)}</p>
            {result.weak.length === 0 ? (
              <p>{r.noWeak}</p>
            ) : (
              <ul class="weak-list" id="weak-list">
                {result.weak.map((entry) => (
                  <li>
                    <strong>{pick(entry.capability.name, locale)}</strong> – {levelWord(scale, entry.level!, locale)}
                  </li>
                ))}
              </ul>
            )}
            {analysis && analysis.perspectives.length > 0 ? (
              <>
                <h3>{r.perspectives}</h3>
                <dl class="summary-list" id="perspectives">
                  {analysis.perspectives.map((perspective) => (
                    <div>
                      <dt>{pick(perspective.name, locale)}</dt>
                      <dd>{pick(perspective.question, locale)}</dd>
                    </div>
                  ))}
                </dl>
              </>
            ) : null}
          </section>

          <section aria-labelledby="gaps-title">
            <h2 id="gaps-title">{r.gaps}</h2>
            <p>{r.gapsIntro}</p>
            {result.gaps.length === 0 ? (
              <p>{r.noGaps}</p>
            ) : (
              <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="gaps-caption">
                <table class="table">
                  <caption id="gaps-caption">{r.gaps}</caption>
                  <TableHead columns={[r.capability, r.level, r.target, { label: r.gap, numeric: true }]} />
                  <tbody>
                    {result.gaps.map((entry) => (
                      <tr>
                        <th scope="row">{pick(entry.capability.name, locale)}</th>
                        <td>{levelWord(scale, entry.level!, locale)}</td>
                        <td>{levelWord(scale, entry.target!, locale)}</td>
                        <td class="numeric">{entry.gap}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <h2>{r.capabilityTable}</h2>
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="capability-table-caption">
            <table class="table" id="capability-table">
              <caption id="capability-table-caption">{r.capabilityTable}</caption>
              <TableHead columns={[r.capability, r.description, r.level, r.target, r.comment]} />
              <tbody>
                {result.capabilities.map((entry) => (
                  <tr>
                    <th scope="row">{pick(entry.capability.name, locale)}</th>
                    <td>{pick(entry.capability.help, locale)}</td>
                    <td>{entry.level === null ? r.unanswered : levelWord(scale, entry.level, locale)}</td>
                    <td>{entry.target === null ? '' : levelWord(scale, entry.target, locale)}</td>
                    <td>{entry.comment ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </ResultsFrame>
  );
}

export function FederationComparisonPage(props: {
  page: PageContext;
  organisationId: string;
  federationName: string;
  instrument: Instrument;
  year: number | null;
  years: number[];
  memberCount: number;
  matrix: FederationLevelMatrix | null;
  practiceCounts: PracticeFederationCount[] | null;
  scale: AnswerScale | null;
  minWeak: number | null;
}) {
  const { page, instrument, matrix, practiceCounts, scale } = props;
  const { m, locale } = page;
  const f = m.joint.federation;
  const r = m.joint.results;
  const name = pick(instrument.name, locale);
  const base = `/org/${props.organisationId}/compare/${instrument.key}`;
  const chart = matrix && scale && props.memberCount > 0 && props.memberCount <= MAX_MATRIX_CHART_MEMBERS ? federationMatrixChart(matrix, instrument, scale, m.joint, locale) : null;
  const query = `?year=${props.year ?? ''}${props.minWeak !== null ? `&minWeak=${props.minWeak}` : ''}`;
  return (
    <Layout page={page} title={`${f.title(name)} – ${props.federationName}`} scripts={chart ? chartScripts : []}>
      <p class="caption">
        <a href={`/org/${props.organisationId}`}>{props.federationName}</a>
      </p>
      <h1>{f.title(name)}</h1>
      <p class="lead">{f.intro}</p>
      {props.years.length > 0 ? (
        <form method="get" action={base} class="inline-form filter-form">
          <div class="field field-inline">
            <label class="label" for="year">
              {f.year}
            </label>
            <select class="select" id="year" name="year">
              {props.years.map((year) => (
                <option value={String(year)} selected={year === props.year}>
                  {year}
                </option>
              ))}
            </select>
          </div>
          {matrix ? (
            <div class="field field-inline">
              <label class="label" for="minWeak">
                {f.minWeakLabel}
              </label>
              <input class="input input-short" type="number" inputMode="numeric" min="1" max="50" id="minWeak" name="minWeak" value={String(matrix.settings.collaborationMinWeak)} />
            </div>
      ) : null}
        <button type="submit" class="button button-secondary">
          {f.update}
        </button>
      </form>
      ) : null}
      <p>{props.memberCount === 0 ? f.noMembers : f.members(props.memberCount)}</p>

      {practiceCounts && props.memberCount > 0 ? (
        <section aria-labelledby="practice-counts-title">
          <h2 id="practice-counts-title">{r.federationPractices}</h2>
          <p>{r.federationPracticesIntro(props.memberCount)}</p>
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="practice-counts-caption">
            <table class="table" id="practice-counts">
              <caption id="practice-counts-caption">{r.federationPractices}</caption>
              <TableHead columns={[r.practice, { label: r.membersWith, numeric: true }, { label: r.membersWithout, numeric: true }, { label: r.membersUnanswered, numeric: true }, { label: r.meanDegree, numeric: true }]} />
              <tbody>
                {practiceCounts.map((count) => (
                  <tr>
                    <th scope="row">{pick(count.capability.name, locale)}</th>
                    <td class="numeric">{count.established}</td>
                    <td class="numeric">{count.notEstablished}</td>
                    <td class="numeric">{count.unanswered}</td>
                    <td class="numeric">{count.meanDegree === null ? '–' : formatNumber(locale, count.meanDegree, 1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {matrix && scale && props.memberCount > 0 ? (
        <>
          <section aria-labelledby="candidates-title">
            <h2 id="candidates-title">{f.candidates}</h2>
            <p>{f.candidatesIntro(matrix.settings.collaborationMinWeak)}</p>
            {matrix.candidates.length === 0 ? (
              <p>{f.noCandidates}</p>
            ) : (
              <>
                {matrix.candidates.length > TOP_CANDIDATES ? <p>{f.candidatesRanked(TOP_CANDIDATES, matrix.candidates.length)}</p> : null}
                <CandidatesTable rows={matrix.candidates.slice(0, TOP_CANDIDATES)} id="candidates" caption={f.candidates} columns={[r.capability, r.area, { label: f.weakCount, numeric: true }, { label: f.strongCount, numeric: true }]} locale={locale} />
                {matrix.candidates.length > TOP_CANDIDATES ? (
                  <details>
                    <summary>{f.showAllCandidates(matrix.candidates.length)}</summary>
                    <CandidatesTable rows={matrix.candidates} id="candidates-all" caption={f.showAllCandidates(matrix.candidates.length)} columns={[r.capability, r.area, { label: f.weakCount, numeric: true }, { label: f.strongCount, numeric: true }]} locale={locale} />
                  </details>
                ) : null}
              </>
            )}
          </section>
          {chart ? <ChartFigure spec={chart} locale={locale} exportHref={(format) => `${base}/charts/${chart.id}.${format}${query}`} /> : null}
          <h2>{f.matrix}</h2>
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="matrix-caption">
            <table class="table heat-table" id="federation-matrix">
              <caption id="matrix-caption">{f.matrix}</caption>
              <thead>
                <tr>
                  <th scope="col">{r.capability}</th>
                  {matrix.members.map((member) => (
                    <th scope="col" class="numeric">
                      {memberLabelText(m.joint, member.label)}
                      {member.own ? <span class="visually-hidden"> {f.ownMarker}</span> : null}
                    </th>
                  ))}
                  <th scope="col" class="numeric">{f.weakCount}</th>
                </tr>
              </thead>
              <tbody>
                {matrix.rows.map((row) => (
                  <tr class={row.collaborationCandidate ? 'candidate-row' : ''}>
                    <th scope="row">{pick(row.capability.name, locale)}</th>
                    {row.levels.map((level) => {
                      const colour = level === null ? '#ffffff' : levelColour(level, scale.min, scale.max);
                      return (
                        <td class="numeric heat-cell" style={`background:${colour};color:${textOn(colour)}`}>
                          {level === null ? '–' : level}
                        </td>
                      );
                    })}
                    <td class="numeric">{row.weakCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </Layout>
  );
}

function CandidatesTable({ rows, id, caption, columns, locale }: { rows: FederationCapabilityRow[]; id: string; caption: string; columns: Parameters<typeof TableHead>[0]['columns']; locale: Locale }) {
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
      <table class="table" id={id}>
        <caption id={`${id}-caption`}>{caption}</caption>
        <TableHead columns={columns} />
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">{pick(row.capability.name, locale)}</th>
              <td>{pick(row.area.name, locale)}</td>
              <td class="numeric">{row.weakCount}</td>
              <td class="numeric">{row.strongCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
