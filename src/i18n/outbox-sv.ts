// Texts of a round's outbox (issue 15): the table of mail, its search and paging, the one mail
// opened below it, and what the notice says after sending when no e-mail server is set up.
import { icu } from './icu.ts';

export const outboxSv = {
  caption: 'E-post i mätningen, nyast först',
  kindColumn: 'Typ',
  recipientColumn: 'Mottagare',
  timeColumn: 'Tid',
  statusColumn: 'Status',
  kinds: {
    invitation: 'Inbjudan',
    reminder: 'Påminnelse',
    joint_assessment: 'Gemensam bedömning',
    study_created: 'Ny studie',
  },
  search: 'Sök på mottagare eller typ',
  searchHint: 'Till exempel en e-postadress, ”inbjudan” eller ”påminnelse”.',
  searchButton: 'Sök',
  showAll: 'Visa all e-post',
  noMatch: icu<[q: string]>('Ingen e-post matchar ”{q}”.', 'q'),
  count: icu<[first: number, last: number, total: number]>('{first}–{last} av {total, plural, one {# meddelande} other {# meddelanden}}', 'first', 'last', 'total'),
  pagination: 'Sidor i utkorgen',
  previous: 'Föregående sida',
  next: 'Nästa sida',
  openedTitle: 'Meddelandet',
  openedFor: icu<[recipient: string]>('Till {recipient}', 'recipient'),
  openHint: 'Välj en mottagare i tabellen för att läsa meddelandet.',
  failedBecause: icu<[error: string]>('Servern svarade: {error}', 'error'),
  invitationsNotSent: icu<[n: number]>(
    '{n, plural, one {1 inbjudan ligger i utkorgen men har inte skickats, eftersom e-post inte är inställd.} other {{n} inbjudningar ligger i utkorgen men har inte skickats, eftersom e-post inte är inställd.}}',
    'n',
  ),
  remindersNotSent: icu<[n: number]>(
    '{n, plural, one {1 påminnelse ligger i utkorgen men har inte skickats, eftersom e-post inte är inställd.} other {{n} påminnelser ligger i utkorgen men har inte skickats, eftersom e-post inte är inställd.}}',
    'n',
  ),
  notDeliveredYet:
    'Ingen har fått dem ännu, och kopiorna i utkorgen saknar de personliga länkarna. De måste levereras på annat sätt: när e-post (SMTP) är inställd når en påminnelse alla som inte har svarat.',
  openOutbox: 'Öppna utkorgen',
};
