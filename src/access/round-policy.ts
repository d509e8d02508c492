// Who may see and run a measurement round. A round belongs to one organisation; its policy
// follows the organisation's, with one addition: only coordinators see who has answered
// (to send reminders). Nobody but the respondent, through their own link, sees answers.
import type { Actor } from '../app/actor.ts';
import { authorizeManageOrganisation, authorizeViewOrganisation, canManageOrganisation } from './organisation-policy.ts';

interface RoundRef {
  organisation_id: string;
}

/** Response counts (overall, per unit and role) are visible to anyone who sees the organisation. */
export function authorizeViewRound(actor: Actor, round: RoundRef): void {
  authorizeViewOrganisation(actor, round.organisation_id);
}

/** Opening, closing, respondents, invitations, the outbox and the list of who has answered. */
export function authorizeManageRound(actor: Actor, round: RoundRef): void {
  authorizeManageOrganisation(actor, round.organisation_id);
}

export function canManageRound(actor: Actor, round: RoundRef): boolean {
  return canManageOrganisation(actor, round.organisation_id);
}
