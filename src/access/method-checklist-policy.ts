// Who may read and tick the method's checklist of a federation's study (issue 15). The whole
// study's list (its own steps and every member's progress) belongs to those who run the study
// (src/access/report-policy.ts: the federation's coordinators and analysts, and the operator).
// A member's own steps may also be read by the member's own users, and ticked by its
// coordinators. Anyone else meets "not found", so a study's existence does not leak to other
// organisations; a federation viewer who may see the member but not run the study gets "forbidden".
import { AppError } from '../app/errors.ts';
import type { Actor } from '../app/actor.ts';
import { canViewOrganisation } from './organisation-policy.ts';
import { authorizeRunStudy, canRunStudy } from './report-policy.ts';

export interface ChecklistStudyRef {
  federationId: string;
}

/** The study's own steps and the members' progress. */
export function authorizeReadStudyChecklist(actor: Actor, study: ChecklistStudyRef): void {
  authorizeRunStudy(actor, study.federationId);
}

export function authorizeTickStudyStep(actor: Actor, study: ChecklistStudyRef): void {
  authorizeRunStudy(actor, study.federationId);
}

function canReadMemberChecklist(actor: Actor, study: ChecklistStudyRef, memberId: string): boolean {
  if (actor.kind !== 'user') return false;
  return canRunStudy(actor, study.federationId) || actor.roles.has(memberId);
}

export function canTickMemberStep(actor: Actor, study: ChecklistStudyRef, memberId: string): boolean {
  if (actor.kind !== 'user') return false;
  return canRunStudy(actor, study.federationId) || actor.roles.get(memberId) === 'coordinator';
}

export function authorizeReadMemberChecklist(actor: Actor, study: ChecklistStudyRef, memberId: string): void {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (canReadMemberChecklist(actor, study, memberId)) return;
  throw new AppError(canViewOrganisation(actor, memberId) ? 'forbidden' : 'not_found');
}

export function authorizeTickMemberStep(actor: Actor, study: ChecklistStudyRef, memberId: string): void {
  authorizeReadMemberChecklist(actor, study, memberId);
  if (!canTickMemberStep(actor, study, memberId)) throw new AppError('forbidden');
}
