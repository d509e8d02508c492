// The mail part's sending (coordinators only): invitations and reminders with the reminder rule,
// how to send one invitation again, the warning when no e-mail server is set up, and the outbox.
// Other pieces of the mail part (the mail's texts, a reminder schedule) are sections of their own
// in mail-page.tsx.
import type { PageContext } from '../../../web/page-context.ts';
import type { RoundPageModel } from '../presenter.ts';
import { MailNotConfigured } from './mail-notices.tsx';
import { MailSettingsSection } from './mail-settings-section.tsx';

export type MailPartProps = Pick<RoundPageModel, 'round' | 'counts' | 'reminderAfterDays' | 'mailNotConfigured'> & { page: PageContext };

export function MailPart({ page, round, counts, reminderAfterDays, mailNotConfigured }: MailPartProps) {
  const { m } = page;
  const t = m.roundPage;
  return (
    <>
      <section aria-labelledby="invitations">
        <h2 id="invitations">{m.rounds.invitations}</h2>
        {mailNotConfigured ? <MailNotConfigured m={m} /> : null}
        {round.status === 'open' ? (
          <>
            <div class="actions">
              {counts.toInvite > 0 ? (
                <a href={`/rounds/${round.id}/invitations/confirm`} class="button button-primary">
                  {m.rounds.sendInvitations(counts.toInvite)}
                </a>
              ) : null}
              {counts.toRemind > 0 ? (
                <a href={`/rounds/${round.id}/reminders/confirm`} class="button button-secondary">
                  {m.rounds.sendReminders(counts.toRemind)}
                </a>
              ) : null}
              {counts.toInvite === 0 && counts.toRemind === 0 ? <p>{m.rounds.nothingToSend}</p> : null}
            </div>
            <p class="hint" data-testid="reminder-rule">{m.rounds.reminderRule(reminderAfterDays)}</p>
          </>
        ) : (
          <p>{m.rounds.mustBeOpenToInvite}</p>
        )}
      </section>

      <MailSettingsSection m={m} csrfToken={page.csrfToken} round={round} />

      <section aria-labelledby="resend">
        <h2 id="resend">{t.resendTitle}</h2>
        <p>{t.resendText}</p>
        <p>
          <a href={`/rounds/${round.id}/respondents?status=invited#respondent-list`}>{t.resendLink}</a>
        </p>
      </section>

      <section aria-labelledby="outbox">
        <h2 id="outbox">{t.outboxTitle}</h2>
        <p>{t.outboxText}</p>
        <p>
          <a href={`/rounds/${round.id}/outbox`}>{m.rounds.outbox}</a>
        </p>
      </section>
    </>
  );
}
