// The dashboard's and an organisation page's view models: the actor's role label per
// organisation, whether each round's results may be opened (asked of the results policy here, so
// the views ask nobody), the instruments' names and the federation comparison links.
import type { Actor } from '../../app/actor.ts';
import { canViewResults } from '../../access/results-policy.ts';
import { canReadActionPlan } from '../../access/action-policy.ts';
import type { AppContext } from '../../app/app-context.ts';
import { pick, type Locale, type Messages } from '../../i18n/messages.ts';
import { maturityInstruments } from '../federation/service.ts';
import { comparableJointInstruments } from '../joint/presenter.ts';
import type { RoundWithInstruments } from '../rounds/round-service.ts';
import type { OrganisationOverview, OrganisationSummary } from './service.ts';

export interface DashboardRow extends OrganisationSummary {
  /** The actor's role in the organisation, as shown. */
  roleLabel: string;
  /** Whether the latest round's results link is shown. */
  canViewLatestResults: boolean;
}

function roleLabel(actor: Actor, m: Messages, organisationId: string): string {
  if (actor.kind !== 'user') return '';
  const own = actor.roles.get(organisationId);
  if (own) return m.roles[own];
  if (actor.viaFederation.has(organisationId)) return m.roles.federationAnalyst;
  return actor.isOperator ? m.roles.operator : '';
}

export function presentDashboard(organisations: OrganisationSummary[], actor: Actor, m: Messages): DashboardRow[] {
  return organisations.map((organisation) => ({
    ...organisation,
    roleLabel: roleLabel(actor, m, organisation.id),
    canViewLatestResults: canViewResults(actor, { organisation_id: organisation.id }),
  }));
}

interface RoundRow extends RoundWithInstruments {
  instrumentNames: string[];
  canViewResults: boolean;
}

export interface OrganisationModel extends Omit<OrganisationOverview, 'rounds'> {
  rounds: RoundRow[];
  /** Joint instruments that can be compared across the federation (issue 4). */
  jointInstruments: Array<{ key: string; name: string }>;
  /** Instruments with maturity results, compared across the federation's members. */
  maturityInstruments: Array<{ key: string; name: string }>;
  /** The plan is the organisation's own: a federation's roles see only its anonymised counts. */
  canReadActionPlan: boolean;
}

export function presentOrganisation(ctx: AppContext, overview: OrganisationOverview, actor: Actor, locale: Locale): OrganisationModel {
  const instrumentName = (key: string) => {
    const instrument = ctx.instruments.get(key);
    return instrument ? pick(instrument.name, locale) : key;
  };
  return {
    ...overview,
    rounds: overview.rounds.map((round) => ({
      ...round,
      instrumentNames: round.instruments.map((instrument) => instrumentName(instrument.key)),
      canViewResults: canViewResults(actor, round),
    })),
    jointInstruments: comparableJointInstruments(ctx, locale),
    maturityInstruments: maturityInstruments(ctx).map((instrument) => ({ key: instrument.key, name: pick(instrument.name, locale) })),
    canReadActionPlan: canReadActionPlan(actor, overview.organisation.id),
  };
}
