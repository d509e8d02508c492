// The mail part (/rounds/:roundId/mail, coordinators only). Its pieces are sections in their own
// files, one after the other: sending, resending and the outbox (mail-part.tsx) first; the
// mail's texts and a reminder schedule belong below it.
import type { PageContext } from '../../../web/page-context.ts';
import type { RoundPageModel } from '../presenter.ts';
import { MailPart } from './mail-part.tsx';
import { ReminderScheduleSection } from './reminder-schedule-section.tsx';
import { RoundFrame } from './round-frame.tsx';

export type MailPageProps = Pick<RoundPageModel, 'round' | 'organisation' | 'canManage' | 'resultsHref' | 'counts' | 'reminderAfterDays' | 'mailNotConfigured' | 'reminderSchedule'> & {
  page: PageContext;
};

export function MailPage(props: MailPageProps) {
  const { page, round } = props;
  return (
    <RoundFrame page={page} round={round} organisation={props.organisation} current="mail" canManage={props.canManage} resultsHref={props.resultsHref}>
      <MailPart page={page} round={round} counts={props.counts} reminderAfterDays={props.reminderAfterDays} mailNotConfigured={props.mailNotConfigured} />
      {props.reminderSchedule ? <ReminderScheduleSection m={page.m} locale={page.locale} csrfToken={page.csrfToken} schedule={props.reminderSchedule} /> : null}
    </RoundFrame>
  );
}
