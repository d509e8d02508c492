// Who may see and change an organisation. Every service that touches an organisation's data
// asks here first; routes never decide access themselves.
import { AppError } from '../app/errors.ts';
import type { Actor } from '../app/actor.ts';

/** Members see their own organisation; federation roles see the federation's members; operators see all. */
export function canViewOrganisation(actor: Actor, organisationId: string): boolean {
  if (actor.kind !== 'user') return false;
  return actor.isOperator || actor.roles.has(organisationId) || actor.viaFederation.has(organisationId);
}

/** Only the organisation's own coordinators set up units and measurement rounds. */
export function canManageOrganisation(actor: Actor, organisationId: string): boolean {
  return actor.kind === 'user' && actor.roles.get(organisationId) === 'coordinator';
}

export function canOperatePlatform(actor: Actor): boolean {
  return actor.kind === 'user' && actor.isOperator;
}

/**
 * Throws unless the actor may view the organisation. Not visible → "not found", so that the
 * existence of other organisations' pages is not revealed.
 */
export function authorizeViewOrganisation(actor: Actor, organisationId: string): void {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (!canViewOrganisation(actor, organisationId)) throw new AppError('not_found');
}

export function authorizeManageOrganisation(actor: Actor, organisationId: string): void {
  authorizeViewOrganisation(actor, organisationId);
  if (!canManageOrganisation(actor, organisationId)) throw new AppError('forbidden');
}

export function authorizeOperatePlatform(actor: Actor): void {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (!canOperatePlatform(actor)) throw new AppError('forbidden');
}
