// The results of a level-map instrument (the capability map): counts per level, the map, its
// heat maps, recommendations, weak capabilities with the perspectives to discuss, gaps to the
// target levels and the whole table (the seed's figure 17).
import { levelWord } from '../../../charts/joint-charts.ts';
import { pick } from '../../../i18n/messages.ts';
import { ChartFigure } from '../../../ui/chart-figure.tsx';
import { TableHead } from '../../../ui/table-head.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { LevelMapResultsView } from '../presenter.ts';
import { CapabilityMap } from './capability-map.tsx';
import { exportLinks, Recommendations, ResultsFrame } from './results-frame.tsx';

export function LevelMapResultsPage({ page, view }: { page: PageContext; view: LevelMapResultsView }) {
  const { instrument, result, scale, counts, heatmaps } = view;
  const { m, locale } = page;
  const r = m.joint.results;
  const analysis = instrument.analysis?.kind === 'level-map' ? instrument.analysis : null;
  const exportHref = exportLinks(`/rounds/${view.roundId}/joint/${instrument.key}/results`);
  return (
    <ResultsFrame page={page} {...view} charts={result !== null}>
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
          <Recommendations m={m} locale={locale} recommendations={view.recommendations} />

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
