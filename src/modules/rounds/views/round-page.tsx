// The round's overview: its facts, opening and closing, the joint assessments, the response rate,
// and for coordinators the open link, the mail and the respondents.
import { formatDate } from '../../../i18n/format.ts';
import { Button, CsrfField, ErrorSummary } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import { JointRoundSection } from '../../joint/views/round-section.tsx';
import type { RespondentFormState, RoundPageModel } from '../presenter.ts';
import { CoordinatorSection, uploadProblemId } from './coordinator-section.tsx';
import { OpenLinkSection } from './open-link-section.tsx';
import { ProgressSection } from './progress-section.tsx';
import { ReminderScheduleSection } from './reminder-schedule-section.tsx';

export type RoundPageProps = RoundPageModel & {
  page: PageContext;
  respondentForm: RespondentFormState;
  formatWhen: (iso: string) => string;
  now: Date;
};

/** The form's errors and, for a rejected file, each of its problems, linked to where it is explained. */
function summaryErrors(form: RespondentFormState): Record<string, string> {
  return { ...form.errors, ...Object.fromEntries(form.uploadProblems.map((problem, index) => [uploadProblemId(index), problem])) };
}

export function RoundPage(props: RoundPageProps) {
  const { page, round, organisation, progress, canManage, respondentForm } = props;
  const { m, locale } = page;
  const canReopen = round.status === 'closed' && round.year >= props.now.getUTCFullYear();
  return (
    <Layout page={page} title={round.name}>
      <ErrorSummary m={m} errors={summaryErrors(respondentForm)} />
      <p class="caption">
        <a href={`/org/${organisation.id}`}>{organisation.name}</a>
      </p>
      <h1>{round.name}</h1>
      <dl class="summary-list">
        <div>
          <dt>{m.organisation.status}</dt>
          <dd>
            <span class={`tag tag-${round.status}`}>{m.roundStatus[round.status]}</span>
          </dd>
        </div>
        <div>
          <dt>{m.organisation.year}</dt>
          <dd>{round.year}</dd>
        </div>
        <div>
          <dt>{m.rounds.instrumentsInRound}</dt>
          <dd>{props.instrumentNames.join(', ')}</dd>
        </div>
        <div>
          <dt>{m.rounds.threshold}</dt>
          <dd>{m.rounds.thresholdValue(round.anonymity_threshold)}</dd>
        </div>
        {props.resultsHref ? (
          <div>
            <dt>{m.results.title(round.name)}</dt>
            <dd>
              <a href={props.resultsHref} data-testid="results-link">
                {m.results.linkFromRound}
              </a>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{m.costs.navLink}</dt>
          <dd>
            <a href={`/org/${organisation.id}/costs/${round.year}`}>{m.costs.title(round.year)}</a>
          </dd>
        </div>
      </dl>
      {canManage && props.identityRemoval ? (
        <p class="hint" data-testid="identity-removal">
          {props.identityRemoval.date === null
            ? m.personalData.roundRemovalPending(props.identityRemoval.months)
            : props.identityRemoval.date.getTime() <= props.now.getTime()
              ? m.personalData.roundRemoved
              : m.personalData.roundRemoval(formatDate(locale, props.identityRemoval.date))}
        </p>
      ) : null}

      {canManage ? (
        <div class="actions">
          {round.status === 'draft' || canReopen ? (
            <form method="post" action={`/rounds/${round.id}/open`} class="inline-form">
              <CsrfField token={page.csrfToken} />
              <Button>{round.status === 'draft' ? m.rounds.open : m.rounds.reopen}</Button>
            </form>
          ) : null}
          {round.status === 'open' ? (
            <form method="post" action={`/rounds/${round.id}/close`} class="inline-form">
              <CsrfField token={page.csrfToken} />
              <Button variant="warning">{m.rounds.close}</Button>
            </form>
          ) : null}
        </div>
      ) : null}

      <JointRoundSection m={m} locale={locale} roundId={round.id} roundStatus={round.status} overview={props.joint} canManage={canManage} csrfToken={page.csrfToken} />

      <ProgressSection m={m} locale={locale} round={round} progress={progress} lateRespondents={props.lateRespondents} />

      {round.open_link_hash !== null && canManage ? (
        <OpenLinkSection m={m} csrfToken={page.csrfToken} round={round} progress={progress} openLink={props.openLink} respondentForm={respondentForm} />
      ) : null}

      {canManage ? <CoordinatorSection {...props} /> : null}

      {props.reminderSchedule ? <ReminderScheduleSection m={m} locale={locale} csrfToken={page.csrfToken} schedule={props.reminderSchedule} /> : null}
    </Layout>
  );
}
