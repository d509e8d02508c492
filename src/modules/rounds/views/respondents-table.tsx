// The respondents part's list: a search by name, address, role or unit and by status, then one
// page of rows. The table has five columns so status and actions fit at 1366 px without sideways
// scrolling; under 40rem each row becomes a card whose cells carry their column's name
// (`data-label`, public/mogna.css `.stack-table`), so nothing scrolls sideways on a phone either.
import type { Messages } from '../../../i18n/messages.ts';
import { Button, CsrfField, SelectField, TextField } from '../../../ui/forms.tsx';
import { TableHead } from '../../../ui/table-head.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { RespondentListModel, RespondentRow, RespondentStatus, RoundWithInstruments } from '../presenter.ts';
import { MailProblemNote } from './mail-problem-note.tsx';

const STATUSES: RespondentStatus[] = ['not_invited', 'invited', 'started', 'submitted'];

const statusLabel = (m: Messages, status: RespondentStatus) =>
  ({
    not_invited: m.rounds.statusNotInvited,
    invited: m.rounds.statusInvited,
    started: m.rounds.statusStarted,
    submitted: m.rounds.statusSubmitted,
  })[status];

/** A row's status. Room for more about the row's mail (a bounce) below the tag. */
function StatusCell({ m, respondent, formatWhen }: { m: Messages; respondent: RespondentRow; formatWhen: (iso: string) => string }) {
  return (
    <td data-label={m.rounds.respondentStatus}>
      <span class={`tag tag-${respondent.status}`}>{statusLabel(m, respondent.status)}</span>
      {respondent.mailProblem ? <MailProblemNote m={m} problem={respondent.mailProblem} formatWhen={formatWhen} /> : null}
    </td>
  );
}

function ActionsCell({ page, round, respondent }: { page: PageContext; round: RoundWithInstruments; respondent: RespondentRow }) {
  const { m } = page;
  const canResend = round.status === 'open' && respondent.email && respondent.invitedAt && respondent.status !== 'submitted';
  return (
    <td data-label={m.rounds.actions} class="row-actions">
      {canResend ? (
        <form method="post" action={`/rounds/${round.id}/respondents/${respondent.id}/resend`} class="inline-form">
          <CsrfField token={page.csrfToken} />
          <button type="submit" class="link-button" aria-label={m.rounds.resendLabel(respondent.email ?? '')}>
            {m.rounds.resend}
          </button>
        </form>
      ) : null}
      {respondent.status !== 'submitted' ? (
        <form method="post" action={`/rounds/${round.id}/respondents/${respondent.id}/delete`} class="inline-form">
          <CsrfField token={page.csrfToken} />
          <button type="submit" class="link-button" aria-label={m.rounds.removeRespondentLabel(respondent.email ?? respondent.name ?? m.rounds.openLink)}>
            {m.rounds.removeRespondent}
          </button>
        </form>
      ) : null}
    </td>
  );
}

export function RespondentsTable({ page, round, list, formatWhen }: { page: PageContext; round: RoundWithInstruments; list: RespondentListModel; formatWhen: (iso: string) => string }) {
  const { m } = page;
  const t = m.roundPage;
  const filtered = list.query.q !== '' || list.query.status !== undefined;
  return (
    <section aria-labelledby="respondent-list">
      <h2 id="respondent-list">{t.listTitle}</h2>
      <p>{m.rounds.respondentsIntro}</p>
      {list.total === 0 ? (
        <p>{m.rounds.noRespondents}</p>
      ) : (
        <>
          <form method="get" action={`/rounds/${round.id}/respondents`} class="filter-form" role="search" aria-label={t.filterTitle}>
            <TextField m={m} id="respondent-search" name="q" label={t.search} value={list.query.q} />
            <SelectField
              m={m}
              id="respondent-status-filter"
              name="status"
              label={t.statusFilter}
              value={list.query.status ?? ''}
              options={[{ value: '', label: t.anyStatus }, ...STATUSES.map((status) => ({ value: status, label: statusLabel(m, status) }))]}
            />
            <Button variant="secondary">{t.filterButton}</Button>
            {filtered ? <a href={`/rounds/${round.id}/respondents#respondent-list`}>{t.clearFilter}</a> : null}
          </form>
          <p data-testid="respondent-count">{list.matching === 0 ? t.noMatch : t.shown(list.first, list.last, list.matching)}</p>
        </>
      )}
      {list.rows.length > 0 ? (
        <table class="table stack-table" data-testid="respondents">
          <caption class="visually-hidden">{m.rounds.respondents}</caption>
          <TableHead columns={[t.respondentColumn, m.rounds.role, m.rounds.unit, m.rounds.respondentStatus, m.rounds.actions]} />
          <tbody>
            {list.rows.map((respondent) => (
              <tr>
                <td data-label={t.respondentColumn} class="respondent-cell">
                  <span class="respondent-email">{respondent.email ?? m.rounds.openLink}</span>
                  {respondent.name ? <> <span class="respondent-name">{respondent.name}</span></> : null}
                </td>
                <td data-label={m.rounds.role}>{respondent.role ?? ''}</td>
                <td data-label={m.rounds.unit}>{respondent.unitName}</td>
                <StatusCell m={m} respondent={respondent} formatWhen={formatWhen} />
                <ActionsCell page={page} round={round} respondent={respondent} />
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {list.pageCount > 1 ? (
        <nav aria-label={t.pagination} class="pagination">
          <ul>
            {list.query.page > 1 ? (
              <li>
                <a href={list.href(list.query.page - 1)} rel="prev">{t.previous}</a>
              </li>
            ) : null}
            {Array.from({ length: list.pageCount }, (_, index) => index + 1).map((number) => (
              <li>
                <a href={list.href(number)} aria-current={number === list.query.page ? 'page' : undefined}>{number}</a>
              </li>
            ))}
            {list.query.page < list.pageCount ? (
              <li>
                <a href={list.href(list.query.page + 1)} rel="next">{t.next}</a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </section>
  );
}
