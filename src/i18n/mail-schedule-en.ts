// English texts of scheduled reminders and delivery problems; the shape follows mail-schedule-sv.ts.
import type { Translation } from './icu.ts';
import type { mailScheduleSv } from './mail-schedule-sv.ts';

export const mailScheduleEn: Translation<typeof mailScheduleSv> = {
  title: 'Scheduled reminders',
  intro:
    'Reminders go out by themselves on the days you choose, counted back from the closing date. They go only to people who have not answered, who were invited at least {afterDays, plural, one {# day} other {# days}} ago and who have not already had a reminder that day.',
  noClosingDate: 'The round has no closing date. Scheduled reminders start once the closing date is set.',
  noneSet: 'No scheduled reminders are chosen.',
  plannedCaption: 'Planned reminders',
  dayColumn: 'Days before closing',
  dateColumn: 'Date',
  stateColumn: 'Status',
  daysBefore: '{days, plural, one {# day} other {# days}}',
  states: {
    sent: 'Sent to {n, plural, one {# person} other {# people}}',
    due: 'Goes out shortly',
    planned: 'Planned',
    missed: 'Not sent (the round closed first)',
  },
  daysLabel: 'Days before the closing date',
  daysHint: 'Write up to 4 whole numbers from 1 to 60, separated by commas, for example 7, 2. Leave it empty to send no reminders by themselves.',
  save: 'Save the reminders',
  saved: 'The reminders are saved.',
  editTitle: 'Change scheduled reminders',
  backToRound: 'Back to the round',
  errors: {
    daysNotNumbers: 'Write the days as whole numbers with commas between them, for example 7, 2.',
    daysOutOfRange: 'Each day must be from 1 to 60 days before the closing date.',
    daysRepeated: 'The same day appears more than once. Write each day only once.',
    daysTooMany: 'You can choose at most 4 reminders. Remove one of the days.',
    noClosingDate: 'Set a closing date for the round first. Without it we cannot know when the reminders should go.',
    datePassed: '{days, plural, one {# day} other {# days}} before the closing date was {date}, which has already passed. Choose a day that is still ahead.',
  },
  problemTitle: {
    failed: 'The mail could not be sent',
    bounced: 'The mail did not arrive',
  },
  problems: {
    no_such_address: "The address does not exist at the recipient's mail server.",
    no_such_domain: 'The domain in the address (the part after @) does not exist.',
    mailbox_full: "The recipient's mailbox is full.",
    refused: "The recipient's mail server refused the mail, for example because it took it for spam.",
    temporary: "The recipient's mail server could not take the mail at that moment.",
    mail_server: "The service's own mail server could not be reached.",
    unknown: "The recipient's mail server returned the mail.",
  },
  fixes: {
    address: 'Check the address. If it is wrong, remove the person and add the right address. Then send the invitation again.',
    later: 'Send the invitation again later.',
    mailServer: 'Ask whoever runs the service to check the mail settings, then send again.',
  },
  serverWords: 'What the mail server said',
};
