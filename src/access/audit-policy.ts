// Who may read the audit log: an organisation's coordinators see their organisation's entries,
// the operator sees everything. Others who can see the organisation get "forbidden"; those who
// cannot see it at all get "not found", as everywhere else.
import { AppError } from '../app/errors.ts';
import type { Actor } from '../app/actor.ts';
import { authorizeViewOrganisation, canManageOrganisation, canOperatePlatform } from './organisation-policy.ts';

export function authorizeViewOrganisationAudit(actor: Actor, organisationId: string): void {
  if (canOperatePlatform(actor)) return;
  authorizeViewOrganisation(actor, organisationId);
  if (!canManageOrganisation(actor, organisationId)) throw new AppError('forbidden');
}

/** The whole log, across organisations and events without one (logins): the operator only. */
export function authorizeViewPlatformAudit(actor: Actor): void {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (!canOperatePlatform(actor)) throw new AppError('forbidden');
}
