// The round page's part for coordinators: invitations and reminders, the log of changes to the
// respondents, the respondent list, and the forms that add one respondent or upload a file.
import type { Messages } from '../../../i18n/messages.ts';
import { Button, CsrfField, SelectField, TextField } from '../../../ui/forms.tsx';
import { TableHead } from '../../../ui/table-head.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { RespondentFormState, RespondentStatus, RoundPageModel } from '../presenter.ts';
import { MailNotConfigured } from './mail-notices.tsx';
import { MailSettingsSection } from './mail-settings-section.tsx';

const statusLabel = (m: Messages, status: RespondentStatus) =>
  ({
    not_invited: m.rounds.statusNotInvited,
    invited: m.rounds.statusInvited,
    started: m.rounds.statusStarted,
    submitted: m.rounds.statusSubmitted,
  })[status];

/** The anchor of a rejected file's problem, which the error summary at the top links to. */
export const uploadProblemId = (index: number) => `upload-problem-${index + 1}`;

export function CoordinatorSection(props: Pick<RoundPageModel, 'round' | 'counts' | 'reminderAfterDays' | 'mailNotConfigured' | 'changes' | 'respondents' | 'units'> & {
  page: PageContext;
  respondentForm: RespondentFormState;
  formatWhen: (iso: string) => string;
}) {
  const { page, round, respondentForm } = props;
  const { m } = page;
  const unitName = new Map(props.units.map((unit) => [unit.id, unit.path.join(' / ')]));
  return (
    <>
      <h2 id="invitations">{m.rounds.invitations}</h2>
      {round.status === 'open' ? (
        <div class="actions">
          {props.counts.toInvite > 0 ? (
            <a href={`/rounds/${round.id}/invitations/confirm`} class="button button-primary">
              {m.rounds.sendInvitations(props.counts.toInvite)}
            </a>
          ) : null}
          {props.counts.toRemind > 0 ? (
            <a href={`/rounds/${round.id}/reminders/confirm`} class="button button-secondary">
              {m.rounds.sendReminders(props.counts.toRemind)}
            </a>
          ) : null}
          {props.counts.toInvite === 0 && props.counts.toRemind === 0 ? <p>{m.rounds.nothingToSend}</p> : null}
        </div>
      ) : null}
      {round.status === 'open' ? (
        <p class="hint">{m.rounds.reminderRule(props.reminderAfterDays)}</p>
      ) : (
        <p>{m.rounds.mustBeOpenToInvite}</p>
      )}
      {props.mailNotConfigured ? <MailNotConfigured m={m} /> : null}
      <MailSettingsSection m={m} csrfToken={page.csrfToken} round={round} />
      <p>
        <a href={`/rounds/${round.id}/outbox`}>{m.rounds.outbox}</a>
      </p>

      <h2 id="respondent-changes">{m.privacy.changesTitle}</h2>
      {props.changes.length === 0 ? (
        <p>{m.privacy.changesNone}</p>
      ) : (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={m.privacy.changesTitle}>
          <table class="table" data-testid="respondent-changes">
            <caption class="visually-hidden">{m.privacy.changesTitle}</caption>
            <TableHead columns={[m.privacy.changeWhen, m.privacy.changeWho, m.privacy.changeWhat]} />
            <tbody>
              {props.changes.map((change) => (
                <tr>
                  <td>{props.formatWhen(change.changed_at)}</td>
                  <td>{change.changed_by_name}</td>
                  <td>
                    {change.kind === 'imported'
                      ? m.privacy.changeImported(change.respondent_count)
                      : change.kind === 'added'
                        ? m.privacy.changeAdded(change.detail ?? '')
                        : m.privacy.changeRemoved(change.detail ?? '')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="respondents">{m.rounds.respondents}</h2>
      <p>{m.rounds.respondentsIntro}</p>
      {props.respondents.length === 0 ? (
        <p>{m.rounds.noRespondents}</p>
      ) : (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={m.rounds.respondents}>
          <table class="table">
            <caption class="visually-hidden">{m.rounds.respondents}</caption>
            <TableHead columns={[m.rounds.email, m.rounds.respondentName, m.rounds.role, m.rounds.unit, m.rounds.respondentStatus, m.rounds.actions]} />
            <tbody>
              {props.respondents.map((respondent) => (
                <tr>
                  <td>{respondent.email ?? m.rounds.openLink}</td>
                  <td>{respondent.name ?? ''}</td>
                  <td>{respondent.role ?? ''}</td>
                  <td>{respondent.unitId ? unitName.get(respondent.unitId) ?? '' : ''}</td>
                  <td>
                    <span class={`tag tag-${respondent.status}`}>{statusLabel(m, respondent.status)}</span>
                  </td>
                  <td>
                    {round.status === 'open' && respondent.email && respondent.invitedAt && respondent.status !== 'submitted' ? (
                      <form method="post" action={`/rounds/${round.id}/respondents/${respondent.id}/resend`} class="inline-form">
                        <CsrfField token={page.csrfToken} />
                        <button type="submit" class="link-button" aria-label={m.rounds.resendLabel(respondent.email)}>
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div class="two-columns">
        <form method="post" action={`/rounds/${round.id}/respondents`} class="panel" novalidate>
          <h3>{m.rounds.addRespondent}</h3>
          <CsrfField token={page.csrfToken} />
          <TextField m={m} id="respondent-email" name="email" type="email" label={m.rounds.email} value={respondentForm.values.email} error={respondentForm.errors['respondent-email']} />
          <TextField m={m} id="respondent-name" name="name" label={`${m.rounds.respondentName} ${m.common.optional}`} value={respondentForm.values.name} />
          <TextField m={m} id="respondent-role" name="role" label={`${m.rounds.role} ${m.common.optional}`} value={respondentForm.values.role} />
          <SelectField
            m={m}
            id="respondent-unit"
            name="unitId"
            label={`${m.rounds.unit} ${m.common.optional}`}
            value={respondentForm.values.unitId}
            options={[{ value: '', label: m.rounds.noUnit }, ...props.units.map((unit) => ({ value: unit.id, label: unit.path.join(' / ') }))]}
          />
          <Button variant="secondary">{m.rounds.addRespondentSubmit}</Button>
        </form>

        <form
          method="post"
          action={`/rounds/${round.id}/respondents/upload`}
          enctype="multipart/form-data"
          class="panel"
        >
          <CsrfField token={page.csrfToken} />
          <h3>{m.rounds.upload}</h3>
          <div class={`field${respondentForm.errors['respondent-file'] ? ' field-has-error' : ''}`}>
            <label class="label" for="respondent-file">
              {m.rounds.uploadFile}
            </label>
            <p class="hint" id="respondent-file-hint">
              {m.rounds.uploadHint}
            </p>
            {respondentForm.errors['respondent-file'] ? (
              <div class="field-error" id="respondent-file-error">
                <p>
                  <span class="visually-hidden">{m.common.errorPrefix} </span>
                  {respondentForm.errors['respondent-file']}
                </p>
                {respondentForm.uploadProblems.length > 0 ? (
                  <ul data-testid="upload-problems">
                    {respondentForm.uploadProblems.map((problem, index) => (
                      <li id={uploadProblemId(index)}>{problem}</li>
                    ))}
                  </ul>
                ) : null}
              </div>
            ) : null}
            <input
              class="file-input"
              id="respondent-file"
              name="file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={respondentForm.errors['respondent-file'] ? 'respondent-file-hint respondent-file-error' : 'respondent-file-hint'}
            />
          </div>
          <p>
            <a href={`/rounds/${round.id}/respondents/template.csv`} download>
              {m.rounds.uploadTemplate}
            </a>
          </p>
          <Button variant="secondary">{m.rounds.uploadSubmit}</Button>
        </form>
      </div>
    </>
  );
}
