// Who may read, issue and batch the reports (issue 6). A member's sub-report holds the same
// figures as its results pages, so it follows the results rule. The federation report is
// anonymised, so every member's users may read it, as the federation's own users may. The
// study's texts (assignment, goal picture) and the whole-federation batch belong to those who
// run the study: the federation's coordinators and analysts (or, for an organisation outside any
// federation, its own), and the operator.
import { AppError } from '../app/errors.ts';
import type { Actor } from '../app/actor.ts';
import { authorizeViewOrganisation } from './organisation-policy.ts';
import { authorizeViewResults } from './results-policy.ts';

export interface FederationRef {
  id: string;
  memberIds: readonly string[];
}

export function authorizeViewMemberReport(actor: Actor, organisationId: string): void {
  authorizeViewResults(actor, { organisation_id: organisationId });
}

export function canRunStudy(actor: Actor, studyOrganisationId: string): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.isOperator) return true;
  const role = actor.roles.get(studyOrganisationId);
  return role === 'coordinator' || role === 'analyst';
}

export function authorizeViewFederationReport(actor: Actor, federation: FederationRef): void {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (actor.isOperator || actor.roles.has(federation.id)) return;
  if (federation.memberIds.some((memberId) => actor.roles.has(memberId))) return;
  throw new AppError('not_found');
}

/** Edit the study's texts, issue the federation report, and run the batch of every member's report. */
export function authorizeRunStudy(actor: Actor, studyOrganisationId: string): void {
  authorizeViewOrganisation(actor, studyOrganisationId);
  if (!canRunStudy(actor, studyOrganisationId)) throw new AppError('forbidden');
}

/** Issue a new version of a member's sub-report: whoever runs the study, or the member's own coordinators and analysts. */
export function authorizeIssueMemberReport(actor: Actor, organisationId: string, studyOrganisationId: string): void {
  authorizeViewMemberReport(actor, organisationId);
  if (canRunStudy(actor, studyOrganisationId) || canRunStudy(actor, organisationId)) return;
  throw new AppError('forbidden');
}
