// English texts of the open link's start page; the shape follows open-link-sv.ts.
import type { Translation } from './icu.ts';
import type { openLinkSv } from './open-link-sv.ts';

export const openLinkEn: Translation<typeof openLinkSv> = {
  aboutYouTitle: 'About you (optional)',
  aboutYouIntro: 'If you give your unit and role, the results can be shown per unit and role. A group is shown only when enough people in it have answered, so nobody can see what you in particular answered.',
  unitLabel: 'Which unit do you work in?',
  unitHint: 'Choose the unit closest to your work. A sub-unit is listed after its department, for example “Department › Unit”.',
  roleLabel: 'What is your role?',
  roleHint: 'These are the roles the survey uses.',
  notGiven: 'Prefer not to say',
  notGivenMeans: 'If you choose “Prefer not to say”, your answers count in the whole organisation’s results, but in no unit or role.',
  unitUnknown: 'Choose a unit from the list, or “Prefer not to say”',
  roleUnknown: 'Choose a role from the list, or “Prefer not to say”',
};
