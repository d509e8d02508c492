// Texts of the method's checklist (issue 15): the steps of a federation's yearly study on the
// study's and the members' pages, the toggle per step, progress, and the catalogue's errors
// `errors.checklist_*`. The steps' own titles and help texts are data (method/dimios-steps/).
import { icu } from './icu.ts';

export const methodChecklistSv = {
  heading: 'Metodens steg',
  federationTitle: icu<[year: number]>('Metodens steg i studien {year}', 'year'),
  memberTitle: icu<[organisation: string, year: number]>('Metodens steg för {organisation} {year}', 'organisation', 'year'),
  federationIntro:
    'Stegen följer en mätning från förankring till analys, och från andra studieåret också uppföljning. Förbundets egna steg bockas av här, och varje medlem bockar av sina steg på sin sida.',
  memberIntro: 'De här stegen gör ni i er organisation. Bocka av ett steg när det är gjort, så ser både ni och förbundet hur långt ni har kommit.',
  firstYearNote: 'Uppföljningen kommer med från förbundets andra studieår, när det finns en tidigare studie att följa upp.',
  studySteps: 'Förbundets steg',
  progress: icu<[done: number, total: number]>('{done} av {total} steg klara', 'done', 'total'),
  phaseProgress: icu<[done: number, total: number]>('{done} av {total} klara', 'done', 'total'),
  next: 'Nästa steg',
  allDone: 'Alla steg är klara.',
  doneOn: icu<[date: string]>('Klart {date}', 'date'),
  toggle: 'Klart',
  statusDone: 'Klart',
  statusOpen: 'Inte klart än',
  toggleHint: 'Knappen är nedtryckt när steget är klart. Tryck igen för att ångra.',
  readOnly: 'Du kan se stegen men inte bocka av dem.',
  checklistTitle: 'Tänk på',
  membersHeading: 'Medlemmarnas steg',
  membersCaption: 'Hur långt varje medlem har kommit med sina steg',
  memberColumn: 'Medlem',
  progressColumn: 'Klart',
  nextColumn: 'Nästa steg',
  noMembers: 'Studien har inga medlemmar ännu.',
  stepDone: icu<[step: string]>('”{step}” är markerat som klart.', 'step'),
  stepUndone: icu<[step: string]>('”{step}” är inte längre markerat som klart.', 'step'),
  studyLink: icu<[year: number]>('Metodens steg i studien {year}', 'year'),
};

export const methodChecklistErrorsSv = {
  checklist_step_unknown: { title: 'Steget finns inte', body: 'Metoden har inget steg med det namnet här. Ladda om sidan och försök igen.' },
  checklist_step_follow_up_only: {
    title: 'Uppföljningen har inte börjat',
    body: 'Stegen för uppföljning gäller från förbundets andra studieår, när det finns förra årets studie att följa upp.',
  },
};
