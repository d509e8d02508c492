// The receipt once the survey is submitted: when, and the answers only to the browser that has
// just submitted them.
import { formatDateTime } from '../../../i18n/format.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { SurveySession } from '../presenter.ts';
import { AnswerList } from './answer-list.tsx';

/** `showAnswers` only in the browser that has just submitted (see routes.tsx' receipt cookie). */
export function SurveyReceiptPage({ page, session, showAnswers }: { page: PageContext; session: SurveySession; showAnswers: boolean }) {
  const { m, locale } = page;
  return (
    <Layout page={page} title={m.survey.receiptTitle} variant="survey">
      <div class="panel panel-confirmation" role="status">
        <h1>{m.survey.receiptTitle}</h1>
        <p>{m.survey.receiptBody}</p>
        {session.submittedAt ? <p>{m.survey.receiptSubmittedAt(formatDateTime(locale, session.submittedAt))}</p> : null}
      </div>
      {showAnswers ? (
        <details class="help">
          <summary>{m.survey.receiptYourAnswers}</summary>
          <AnswerList page={page} session={session} withChangeLinks={false} />
        </details>
      ) : (
        <p>{m.privacy.receiptAnswersLater}</p>
      )}
    </Layout>
  );
}
