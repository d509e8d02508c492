// Texts of the round's parts (issue 15): the sub-navigation between the overview, the
// respondents and the mail, the respondents' search and pages, and the short summaries that lead
// from the overview to the other parts.
import { icu } from './icu.ts';

export const roundPageSv = {
  navLabel: 'Delar av mätningen',
  overview: 'Översikt',
  respondents: 'Respondenter',
  mail: 'E-post',
  results: 'Resultat',
  pageTitle: icu<[part: string, round: string]>('{part} – {round}', 'part', 'round'),
  overviewRespondents: icu<[n: number]>('{n, plural, =0 {Inga respondenter än.} one {1 respondent.} other {# respondenter.}}', 'n'),
  manageRespondents: 'Lägg till, ladda upp och ta bort respondenter',
  overviewMail: icu<[invite: number, remind: number]>(
    '{invite, plural, =0 {Ingen väntar på inbjudan} one {1 väntar på inbjudan} other {# väntar på inbjudan}} och {remind, plural, =0 {ingen kan påminnas} one {1 kan påminnas} other {# kan påminnas}}.',
    'invite',
    'remind',
  ),
  manageMail: 'Skicka inbjudningar och påminnelser',
  addTitle: 'Lägg till respondenter',
  listTitle: 'Alla respondenter',
  filterTitle: 'Sök bland respondenterna',
  search: 'Namn, e-postadress, roll eller enhet',
  statusFilter: 'Status',
  anyStatus: 'Alla',
  filterButton: 'Visa',
  clearFilter: 'Visa alla',
  shown: icu<[first: number, last: number, total: number]>('{first}–{last} av {total, plural, one {# respondent} other {# respondenter}}', 'first', 'last', 'total'),
  noMatch: 'Ingen respondent matchar sökningen.',
  pagination: 'Sidor med respondenter',
  previous: 'Föregående sida',
  next: 'Nästa sida',
  respondentColumn: 'Respondent',
  sendTitle: 'Skicka',
  resendTitle: 'Skicka en inbjudan igen',
  resendText: 'Har någon tappat bort sin inbjudan? Du skickar en ny länk från raden i listan över respondenter. Den gamla länken fortsätter att fungera.',
  resendLink: 'Visa dem som är inbjudna men inte har svarat',
  outboxTitle: 'Utkorgen',
  outboxText: 'I utkorgen ser du varje meddelande som tjänsten har skapat och om det gick fram.',
};
