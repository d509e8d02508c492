// Every page's answers as a list, on the review page (with links to change a page) and on the
// receipt (without).
import { pick, type Messages } from '../../../i18n/messages.ts';
import type { AnswerScale } from '../../../domain/instruments/instrument-schema.ts';
import { valueText } from '../../../ui/answer-words.ts';
import type { PageContext } from '../../../web/page-context.ts';
import { shownItems, type AnswerValue, type SurveySession } from '../presenter.ts';
import { scaleOf } from './statement.tsx';

function answerText(m: Messages, scale: AnswerScale, answer: AnswerValue | undefined, locale: PageContext['locale']): string {
  if (!answer) return m.survey.notAnswered;
  if (answer.value === null) return scale.dontKnow ? pick(scale.dontKnow, locale) : m.survey.dontKnow;
  return valueText(scale, answer.value, locale);
}

export function AnswerList({ page, session, withChangeLinks }: { page: PageContext; session: SurveySession; withChangeLinks: boolean }) {
  const { m, locale } = page;
  const base = page.url.split('?')[0]!.replace(/\/(review|receipt)$/, '');
  return (
    <>
      {session.pages.map((surveyPage) => (
        <section class="review-section" aria-labelledby={`review-${surveyPage.globalNumber}`}>
          <div class="review-heading">
            <h2 id={`review-${surveyPage.globalNumber}`}>{pick(surveyPage.category.name, locale)}</h2>
            {withChangeLinks ? (
              <a href={`${base}/page/${surveyPage.globalNumber}?return=review`}>
                {m.survey.change}
                <span class="visually-hidden"> {m.survey.changeOnPage(pick(surveyPage.category.name, locale))}</span>
              </a>
            ) : null}
          </div>
          <dl class="summary-list answers">
            {shownItems(surveyPage, session.answers).map(({ item }) => {
              const answer = session.answers.get(item.key);
              const scale = scaleOf(surveyPage, item);
              return (
                <div class={answer ? '' : 'unanswered'}>
                  <dt>{pick(item.text, locale)}</dt>
                  <dd>
                    {answerText(m, scale, answer, locale)}
                    {answer?.target !== undefined && answer.target !== null ? (
                      <span class="answer-extra">
                        {m.joint.survey.targetLabel}: {valueText(scale, answer.target, locale)}
                      </span>
                    ) : null}
                    {answer?.comment ? (
                      <span class="answer-extra">
                        {m.joint.survey.commentLabel}: {answer.comment}
                      </span>
                    ) : null}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </>
  );
}
