// The review before submitting: how many questions are answered, every answer with a link to its
// page, and the submit button.
import { CsrfField } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import { shownItems, type SurveySession } from '../presenter.ts';
import { AnswerList } from './answer-list.tsx';
import { SURVEY_SCRIPT } from './question-page.tsx';

export function SurveyReviewPage({ page, session }: { page: PageContext; session: SurveySession }) {
  const { m } = page;
  const totalItems = session.pages.reduce((sum, surveyPage) => sum + shownItems(surveyPage, session.answers).length, 0);
  const unanswered = totalItems - session.pages.reduce((sum, surveyPage) => sum + shownItems(surveyPage, session.answers).filter(({ item }) => session.answers.has(item.key)).length, 0);
  const base = page.url.split('?')[0]!.replace(/\/review$/, '');
  return (
    <Layout page={page} title={m.survey.reviewTitle} variant="survey" scripts={[SURVEY_SCRIPT]}>
      <h1 tabIndex={-1}>{m.survey.reviewTitle}</h1>
      <p class="lead">{m.survey.reviewIntro}</p>
      <p>{m.survey.answeredCount(totalItems - unanswered, totalItems)}</p>
      {unanswered > 0 ? <p class="notice notice-warning">{m.survey.unansweredWarning(unanswered)}</p> : null}
      <AnswerList page={page} session={session} withChangeLinks={true} />
      <form method="post" action={`${base}/submit`} class="submit-form">
        <CsrfField token={page.csrfToken} />
        <p>{m.survey.submitHint}</p>
        <button type="submit" class="button button-primary">
          {m.survey.submit}
        </button>
      </form>
    </Layout>
  );
}
