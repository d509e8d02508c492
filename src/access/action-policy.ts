// Who may read and write an organisation's action plan (issue 16). The plan is the organisation's
// own: its coordinators, analysts and viewers read it, its coordinators and analysts write it.
// A federation's roles do not read a member's plan (they see only the anonymised counts of the
// federation's overview); the operator reads every plan (the CLI). Anyone else meets "not found",
// so a plan's existence does not leak; a viewer who tries to write gets "forbidden".
import { AppError } from '../app/errors.ts';
import type { Actor } from '../app/actor.ts';

export function canReadActionPlan(actor: Actor, organisationId: string): boolean {
  if (actor.kind !== 'user') return false;
  return actor.isOperator || actor.roles.has(organisationId);
}

export function canWriteActionPlan(actor: Actor, organisationId: string): boolean {
  if (actor.kind !== 'user') return false;
  const role = actor.roles.get(organisationId);
  return role === 'coordinator' || role === 'analyst';
}

export function authorizeReadActionPlan(actor: Actor, organisationId: string): void {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (!canReadActionPlan(actor, organisationId)) throw new AppError('not_found');
}

export function authorizeWriteActionPlan(actor: Actor, organisationId: string): void {
  authorizeReadActionPlan(actor, organisationId);
  if (!canWriteActionPlan(actor, organisationId)) throw new AppError('forbidden');
}
