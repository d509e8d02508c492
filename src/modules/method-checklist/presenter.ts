// The method checklist as its views show it: the service's checklist plus where the tick forms
// post and return to, and the links to each member's own list.
import type { StudyChecklist } from './service.ts';

/** The standalone page of an organisation's checklist (a federation's study list, or a member's own). */
export function checklistPath(organisationId: string, year: number): string {
  return `/org/${organisationId}/studies/${year}/checklist`;
}

function tickPath(studyId: string): string {
  return `/studies/${studyId}/checklist`;
}

export interface MethodChecklistModel extends StudyChecklist {
  /** Where each step's form posts. */
  action: string;
  /** The page the form returns to after a tick (the page that shows the list). */
  returnTo: string;
  /** Each member's own list, for the study's summary table. */
  memberHref: (memberId: string) => string;
}

/** `returnTo` defaults to the standalone page; a study page that includes the list passes its own path. */
export function presentChecklist(view: StudyChecklist, returnTo?: string): MethodChecklistModel {
  return {
    ...view,
    action: tickPath(view.study.id),
    returnTo: returnTo ?? checklistPath(view.organisation.id, view.study.year),
    memberHref: (memberId) => checklistPath(memberId, view.study.year),
  };
}
