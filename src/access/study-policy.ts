// Who may run a federation's yearly study and who may decline a member's part (issue 15). Those
// who run the study are the federation's coordinators and analysts, and the operator (the same
// rule as the study's reports, canRunStudy in report-policy.ts); they set it up, follow it on the
// dashboard with members named, and close it. A member's own coordinator may decline (and take
// back) the member's part, and sees the member's part on the member's page.
import { AppError } from '../app/errors.ts';
import type { Actor } from '../app/actor.ts';
import { authorizeViewOrganisation, canManageOrganisation } from './organisation-policy.ts';
import { authorizeRunStudy, canRunStudy } from './report-policy.ts';

export { canRunStudy };

/** Create, follow and close the federation's studies. */
export function authorizeManageStudy(actor: Actor, federationId: string): void {
  authorizeRunStudy(actor, federationId);
}

/** Decline a part for the member, or take the decline back: the study's runners or the member's coordinator. */
export function authorizeDeclinePart(actor: Actor, federationId: string, memberId: string): void {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (canRunStudy(actor, federationId) || canManageOrganisation(actor, memberId)) return;
  authorizeViewOrganisation(actor, memberId);
  throw new AppError('forbidden');
}

export function canDeclinePart(actor: Actor, federationId: string, memberId: string): boolean {
  return canRunStudy(actor, federationId) || canManageOrganisation(actor, memberId);
}

/** See the member's part in a study on the member's page: whoever sees the member. */
export function authorizeViewMemberPart(actor: Actor, memberId: string): void {
  authorizeViewOrganisation(actor, memberId);
}
