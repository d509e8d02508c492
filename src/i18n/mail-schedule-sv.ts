// Texts of scheduled reminders and delivery problems (issue 15): the round page's schedule of
// reminders and its form, and what a respondent's row says when a mail to them failed or bounced.
import { icu } from './icu.ts';

export const mailScheduleSv = {
  title: 'Schemalagda påminnelser',
  intro: icu<[afterDays: number]>(
    'Påminnelserna går ut av sig själva de dagar du väljer, räknat bakåt från slutdatumet. De går bara till dem som inte har svarat, som fick inbjudan för minst {afterDays, plural, one {# dag} other {# dagar}} sedan och som inte redan fått en påminnelse samma dag.',
    'afterDays',
  ),
  noClosingDate: 'Mätningen har inget slutdatum. Schemalagda påminnelser går först när slutdatumet är satt.',
  noneSet: 'Inga schemalagda påminnelser är valda.',
  plannedCaption: 'Planerade påminnelser',
  dayColumn: 'Dagar före slutdatum',
  dateColumn: 'Datum',
  stateColumn: 'Status',
  daysBefore: icu<[days: number]>('{days, plural, one {# dag} other {# dagar}}', 'days'),
  states: {
    sent: icu<[n: number]>('Skickad till {n, plural, one {# person} other {# personer}}', 'n'),
    due: 'Skickas inom kort',
    planned: 'Planerad',
    missed: 'Skickades inte (mätningen stängde först)',
  },
  daysLabel: 'Dagar före slutdatum',
  daysHint: 'Skriv upp till 4 heltal mellan 1 och 60, åtskilda med kommatecken, till exempel 7, 2. Lämna tomt för att inte skicka några påminnelser av sig själva.',
  save: 'Spara påminnelserna',
  saved: 'Påminnelserna är sparade.',
  editTitle: 'Ändra schemalagda påminnelser',
  backToRound: 'Tillbaka till mätningen',
  errors: {
    daysNotNumbers: 'Skriv dagarna som heltal med kommatecken emellan, till exempel 7, 2.',
    daysOutOfRange: 'Varje dag måste vara mellan 1 och 60 dagar före slutdatumet.',
    daysRepeated: 'Samma dag står mer än en gång. Skriv varje dag bara en gång.',
    daysTooMany: 'Du kan välja högst 4 påminnelser. Ta bort någon av dagarna.',
    noClosingDate: 'Sätt ett slutdatum för mätningen först. Utan det vet vi inte när påminnelserna ska gå.',
    datePassed: icu<[days: number, date: string]>(
      '{days, plural, one {# dag} other {# dagar}} före slutdatumet var {date}, och den dagen har redan varit. Välj en dag som ligger framför oss.',
      'days',
      'date',
    ),
  },
  // A respondent's row.
  problemTitle: {
    failed: 'E-posten kunde inte skickas',
    bounced: 'E-posten kom inte fram',
  },
  problems: {
    no_such_address: 'Adressen finns inte hos mottagarens e-postserver.',
    no_such_domain: 'Domänen i adressen (delen efter @) finns inte.',
    mailbox_full: 'Mottagarens brevlåda är full.',
    refused: 'Mottagarens e-postserver tog inte emot mailet, till exempel för att den såg det som skräppost.',
    temporary: 'Mottagarens e-postserver kunde inte ta emot mailet just då.',
    mail_server: 'Tjänstens egen e-postserver gick inte att nå.',
    unknown: 'Mottagarens e-postserver lämnade tillbaka mailet.',
  },
  fixes: {
    address: 'Kontrollera adressen. Om den är fel: ta bort personen och lägg till rätt adress. Skicka sedan inbjudan igen.',
    later: 'Skicka inbjudan igen senare.',
    mailServer: 'Be den som driver tjänsten kontrollera e-postinställningarna och skicka sedan igen.',
  },
  serverWords: 'Vad e-postservern svarade',
};
