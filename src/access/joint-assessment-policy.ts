// Who may fill in and read an organisation's joint assessments (information security, capability
// map) and compare them across a federation. A joint answer belongs to the organisation, not to
// a person: everyone who sees the round reads its results; only the organisation's coordinators
// fill it in or name someone to do so. Across a federation, members see the others only
// anonymised ("Kommun 1…n"); the presenters name just the viewer's own organisations.
import type { Actor } from '../app/actor.ts';
import { authorizeViewOrganisation } from './organisation-policy.ts';
import { authorizeManageRound, authorizeViewRound } from './round-policy.ts';

interface RoundRef {
  organisation_id: string;
}

export function authorizeViewJointResults(actor: Actor, round: RoundRef): void {
  authorizeViewRound(actor, round);
}

export function authorizeAnswerJoint(actor: Actor, round: RoundRef): void {
  authorizeManageRound(actor, round);
}

/**
 * A federation comparison is opened from an organisation the actor sees: the federation itself
 * (its analysts, coordinators and viewers) or one of its members (that member's own users).
 */
export function authorizeViewFederationComparison(actor: Actor, organisationId: string): void {
  authorizeViewOrganisation(actor, organisationId);
}

/** Organisations shown by name in a federation comparison: only those the actor belongs to. */
export function ownOrganisations(actor: Actor): Set<string> {
  return actor.kind === 'user' ? new Set(actor.roles.keys()) : new Set();
}
