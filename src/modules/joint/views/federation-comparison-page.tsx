// The comparison of one joint instrument across a federation's members: the year and threshold
// filter, the practice counts or the collaboration candidates, the heat map and the anonymised
// matrix (members by number, the reader's own organisation marked).
import { levelColour, memberLabelText } from '../../../charts/joint-charts.ts';
import { textOn } from '../../../charts/chart-theme.ts';
import { TOP_CANDIDATES, type FederationCapabilityRow } from '../../../domain/joint-results/level-map.ts';
import { formatNumber, type Locale } from '../../../i18n/format.ts';
import { pick } from '../../../i18n/messages.ts';
import { ChartFigure, chartScripts } from '../../../ui/chart-figure.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { TableHead } from '../../../ui/table-head.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { FederationComparisonView } from '../presenter.ts';

export function FederationComparisonPage({ page, view }: { page: PageContext; view: FederationComparisonView }) {
  const { instrument, matrix, practiceCounts, scale, chart } = view;
  const { m, locale } = page;
  const f = m.joint.federation;
  const r = m.joint.results;
  const name = pick(instrument.name, locale);
  const base = `/org/${view.organisationId}/compare/${instrument.key}`;
  const query = `?year=${view.year ?? ''}${view.minWeak !== null ? `&minWeak=${view.minWeak}` : ''}`;
  return (
    <Layout page={page} title={`${f.title(name)} – ${view.federationName}`} scripts={chart ? chartScripts : []}>
      <p class="caption">
        <a href={`/org/${view.organisationId}`}>{view.federationName}</a>
      </p>
      <h1>{f.title(name)}</h1>
      <p class="lead">{f.intro}</p>
      {view.years.length > 0 ? (
        <form method="get" action={base} class="inline-form filter-form">
          <div class="field field-inline">
            <label class="label" for="year">
              {f.year}
            </label>
            <select class="select" id="year" name="year">
              {view.years.map((year) => (
                <option value={String(year)} selected={year === view.year}>
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
      <p>{view.memberCount === 0 ? f.noMembers : f.members(view.memberCount)}</p>

      {practiceCounts && view.memberCount > 0 ? (
        <section aria-labelledby="practice-counts-title">
          <h2 id="practice-counts-title">{r.federationPractices}</h2>
          <p>{r.federationPracticesIntro(view.memberCount)}</p>
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

      {matrix && scale && view.memberCount > 0 ? (
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
