// English texts of the method's checklist; the shape follows method-checklist-sv.ts.
import type { Translation } from './icu.ts';
import type { methodChecklistErrorsSv, methodChecklistSv } from './method-checklist-sv.ts';

export const methodChecklistEn: Translation<typeof methodChecklistSv> = {
  heading: "The method's steps",
  federationTitle: "The method's steps in the {year} study",
  memberTitle: "The method's steps for {organisation} {year}",
  federationIntro:
    "The steps follow a measurement from anchoring to analysis, and from the second study year also follow-up. The federation's own steps are ticked here, and each member ticks its steps on its own page.",
  memberIntro: 'You do these steps in your organisation. Tick a step when it is done, so that both you and the federation can see how far you have come.',
  firstYearNote: "Follow-up is added from the federation's second study year, when there is an earlier study to follow up.",
  studySteps: "The federation's steps",
  progress: '{done} of {total} steps done',
  phaseProgress: '{done} of {total} done',
  next: 'Next step',
  allDone: 'Every step is done.',
  doneOn: 'Done {date}',
  toggle: 'Done',
  statusDone: 'Done',
  statusOpen: 'Not done yet',
  toggleHint: 'The button is pressed when the step is done. Press it again to undo.',
  readOnly: 'You can see the steps but not tick them.',
  checklistTitle: 'Keep in mind',
  membersHeading: "The members' steps",
  membersCaption: 'How far each member has come with its steps',
  memberColumn: 'Member',
  progressColumn: 'Done',
  nextColumn: 'Next step',
  noMembers: 'The study has no members yet.',
  stepDone: '“{step}” is marked as done.',
  stepUndone: '“{step}” is no longer marked as done.',
  studyLink: "The method's steps in the {year} study",
};

export const methodChecklistErrorsEn: Translation<typeof methodChecklistErrorsSv> = {
  checklist_step_unknown: { title: 'No such step', body: 'The method has no step by that name here. Reload the page and try again.' },
  checklist_step_follow_up_only: {
    title: 'Follow-up has not started',
    body: "The follow-up steps apply from the federation's second study year, when there is last year's study to follow up.",
  },
};
