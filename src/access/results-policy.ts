// Who may read a round's results: the organisation's own coordinators, analysts and viewers,
// the analysts of a federation the organisation belongs to, and the operator. Others who can
// see the organisation (e.g. a federation's viewer) are refused; those who cannot see it get
// "not found". Reference values and benchmark opt-outs are the operator's.
import { AppError } from '../app/errors.ts';
import type { Actor } from '../app/actor.ts';
import { authorizeOperatePlatform, authorizeViewOrganisation } from './organisation-policy.ts';

interface RoundRef {
  organisation_id: string;
}

export function canViewResults(actor: Actor, round: RoundRef): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.isOperator) return true;
  if (actor.roles.has(round.organisation_id)) return true;
  return actor.viaFederation.get(round.organisation_id) === 'analyst';
}

export function authorizeViewResults(actor: Actor, round: RoundRef): void {
  authorizeViewOrganisation(actor, round.organisation_id);
  if (!canViewResults(actor, round)) throw new AppError('forbidden');
}

export function authorizeManageBenchmarks(actor: Actor): void {
  authorizeOperatePlatform(actor);
}
