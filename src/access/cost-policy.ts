// Who may see and change an organisation's IT-cost analysis (ledgers, mapping rules, central-IT
// cost centres, total cost, IT towers). Anyone who sees the organisation reads its figures
// (viewers included); coordinators and analysts of the organisation itself, analysts of a
// federation it belongs to and operators change them. A federation comparison shows the members
// anonymised, so it is open to anyone who sees one member or the federation.
import { AppError } from '../app/errors.ts';
import type { Actor } from '../app/actor.ts';
import { authorizeViewOrganisation, canViewOrganisation } from './organisation-policy.ts';

export function canViewCosts(actor: Actor, organisationId: string): boolean {
  return canViewOrganisation(actor, organisationId);
}

export function canManageCosts(actor: Actor, organisationId: string): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.isOperator) return true;
  const own = actor.roles.get(organisationId);
  if (own === 'coordinator' || own === 'analyst') return true;
  return actor.viaFederation.get(organisationId) === 'analyst';
}

export function authorizeViewCosts(actor: Actor, organisationId: string): void {
  authorizeViewOrganisation(actor, organisationId);
}

/** Not visible → not found; visible but read-only (viewers, federation coordinators) → forbidden. */
export function authorizeManageCosts(actor: Actor, organisationId: string): void {
  authorizeViewOrganisation(actor, organisationId);
  if (!canManageCosts(actor, organisationId)) throw new AppError('forbidden');
}
