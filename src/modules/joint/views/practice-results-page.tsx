// The results of a practice-index instrument (information security): the index, the
// recommendations, every question with the organisation's answer (the seed's figure 6) and the
// practices as a chart.
import { isItemShown, type AnswerSet } from '../../../domain/instruments/answer-set.ts';
import type { Instrument } from '../../../domain/instruments/instrument-schema.ts';
import { itemsInOrder } from '../../../domain/instruments/instrument-structure.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { pick, type Messages } from '../../../i18n/messages.ts';
import { ChartFigure } from '../../../ui/chart-figure.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import { answerInWords } from '../../../ui/answer-words.ts';
import type { PracticeResultsView } from '../presenter.ts';
import { exportLinks, Recommendations, ResultsFrame } from './results-frame.tsx';

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

export function PracticeResultsPage({ page, view }: { page: PageContext; view: PracticeResultsView }) {
  const { instrument, answers, result, chart } = view;
  const { m, locale } = page;
  const r = m.joint.results;
  const indexName = instrument.analysis?.kind === 'practice-index' && instrument.analysis.indexName ? pick(instrument.analysis.indexName, locale) : r.index;
  const exportHref = exportLinks(`/rounds/${view.roundId}/joint/${instrument.key}/results`);
  return (
    <ResultsFrame page={page} {...view} charts={chart !== null}>
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
          <Recommendations m={m} locale={locale} recommendations={view.recommendations} />
          <h2>{r.answersTable}</h2>
          <AnswerTable m={m} locale={locale} instrument={instrument} answers={answers} />
          {chart ? <ChartFigure spec={chart} locale={locale} exportHref={exportHref(chart)} /> : null}
        </>
      )}
    </ResultsFrame>
  );
}
