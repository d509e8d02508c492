// The federation maturity overview as its page shows it: the service's view plus the flags the
// page needs (whether the reader may open the federation's own page), asked of the policy here.
import type { Actor } from '../../app/actor.ts';
import { canViewOrganisation } from '../../access/organisation-policy.ts';
import type { FederationMaturity } from './service.ts';

export interface FederationMaturityModel extends FederationMaturity {
  /** The federation's name links to its page only for a reader who may see it. */
  canViewFederation: boolean;
}

export function presentFederationMaturity(view: FederationMaturity, actor: Actor): FederationMaturityModel {
  return { ...view, canViewFederation: canViewOrganisation(actor, view.federation.id) };
}
