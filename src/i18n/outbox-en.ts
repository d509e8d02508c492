// English texts of a round's outbox; the shape follows outbox-sv.ts.
import type { Translation } from './icu.ts';
import type { outboxSv } from './outbox-sv.ts';

export const outboxEn: Translation<typeof outboxSv> = {
  caption: 'Mail in the round, newest first',
  kindColumn: 'Type',
  recipientColumn: 'Recipient',
  timeColumn: 'Time',
  statusColumn: 'Status',
  kinds: {
    invitation: 'Invitation',
    reminder: 'Reminder',
    joint_assessment: 'Joint assessment',
    study_created: 'New study',
  },
  search: 'Search by recipient or type',
  searchHint: 'For example an e-mail address, “invitation” or “reminder”.',
  searchButton: 'Search',
  showAll: 'Show all mail',
  noMatch: 'No mail matches “{q}”.',
  count: '{first}–{last} of {total, plural, one {# message} other {# messages}}',
  pagination: 'Pages of the outbox',
  previous: 'Previous page',
  next: 'Next page',
  openedTitle: 'The message',
  openedFor: 'To {recipient}',
  openHint: 'Choose a recipient in the table to read the message.',
  failedBecause: 'The server answered: {error}',
  invitationsNotSent:
    '{n, plural, one {1 invitation is in the outbox but has not been sent, because e-mail is not set up.} other {{n} invitations are in the outbox but have not been sent, because e-mail is not set up.}}',
  remindersNotSent:
    '{n, plural, one {1 reminder is in the outbox but has not been sent, because e-mail is not set up.} other {{n} reminders are in the outbox but have not been sent, because e-mail is not set up.}}',
  notDeliveredYet:
    'No one has received them yet, and the copies in the outbox lack the personal links. They must be delivered another way: once e-mail (SMTP) is set up, a reminder reaches everyone who has not answered.',
  openOutbox: 'Open the outbox',
};
