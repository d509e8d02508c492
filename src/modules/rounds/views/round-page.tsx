// The round's overview (/rounds/:roundId): its facts, opening and closing, the joint
// assessments and the response rate; for coordinators the open link and a line each leading to
// the respondents and the mail, which are parts of their own (respondents-page.tsx, mail-page.tsx).
import { formatDate } from '../../../i18n/format.ts';
import { Button, CsrfField } from '../../../ui/forms.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import { JointRoundSection } from '../../joint/views/round-section.tsx';
import { roundPartHref, type RespondentFormState, type RoundPageModel } from '../presenter.ts';
import { OpenLinkSection } from './open-link-section.tsx';
import { ProgressSection } from './progress-section.tsx';
import { RoundFrame } from './round-frame.tsx';

export type RoundPageProps = RoundPageModel & {
  page: PageContext;
  respondentForm: RespondentFormState;
  formatWhen: (iso: string) => string;
  now: Date;
};

export function RoundPage(props: RoundPageProps) {
  const { page, round, organisation, progress, canManage, respondentForm } = props;
  const { m, locale } = page;
  return (
    <RoundFrame page={page} round={round} organisation={organisation} current="overview" canManage={canManage} resultsHref={props.resultsHref} errors={respondentForm.errors}>
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
          {round.status === 'draft' || props.canReopen ? (
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

      {canManage ? (
        <div class="two-columns">
          <section class="panel" aria-labelledby="overview-respondents">
            <h2 id="overview-respondents">{m.roundPage.respondents}</h2>
            <p data-testid="overview-respondent-count">{m.roundPage.overviewRespondents(props.respondents.length)}</p>
            <p>
              <a href={roundPartHref(round.id, 'respondents')}>{m.roundPage.manageRespondents}</a>
            </p>
          </section>
          <section class="panel" aria-labelledby="overview-mail">
            <h2 id="overview-mail">{m.roundPage.mail}</h2>
            <p>{round.status === 'open' ? m.roundPage.overviewMail(props.counts.toInvite, props.counts.toRemind) : m.rounds.mustBeOpenToInvite}</p>
            <p>
              <a href={roundPartHref(round.id, 'mail')}>{m.roundPage.manageMail}</a>
            </p>
          </section>
        </div>
      ) : null}
    </RoundFrame>
  );
}
