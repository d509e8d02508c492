// The platform operator's use cases: the list of every organisation, adding organisations and
// accounts, and giving or taking a role. Each asks the organisation policy that the actor
// operates the platform before anything else (the organisation and account services ask again).
import type { AppContext } from '../../app/app-context.ts';
import type { Actor } from '../../app/actor.ts';
import { authorizeOperatePlatform } from '../../access/organisation-policy.ts';
import type { MembershipRole } from '../../db/schema.ts';
import { createOrganisation, listVisibleOrganisations, type NewOrganisation, type OrganisationSummary } from '../organisations/service.ts';
import { createAccount, findAccountId, setRole } from '../auth/service.ts';

/** The operator pages are the operator's only: asked before a posted form is read. */
export function ensureOperator(actor: Actor): void {
  authorizeOperatePlatform(actor);
}

export async function operatorOrganisations(ctx: AppContext, actor: Actor): Promise<OrganisationSummary[]> {
  authorizeOperatePlatform(actor);
  return listVisibleOrganisations(ctx, actor);
}

export async function addOrganisation(ctx: AppContext, actor: Actor, input: NewOrganisation): Promise<string> {
  authorizeOperatePlatform(actor);
  return createOrganisation(ctx, actor, input);
}

/** Adds an account, with a role in one organisation if one is chosen. An e-mail already in use is a `conflict`. */
export async function addAccount(
  ctx: AppContext,
  actor: Actor,
  input: { email: string; name: string; password: string; membership: { organisationId: string; role: MembershipRole } | null },
): Promise<string> {
  authorizeOperatePlatform(actor);
  return createAccount(ctx, actor, { email: input.email, name: input.name, password: input.password, memberships: input.membership ? [input.membership] : [] });
}

export type RoleProblem = 'noSuchUser' | 'chooseOrganisation';

/**
 * Gives the account with the e-mail a role in the organisation (replacing any earlier one), or
 * takes it away (role null). Returns the problems per field instead when there is no such
 * account or the organisation is not one of the platform's.
 */
export async function giveRole(
  ctx: AppContext,
  actor: Actor,
  input: { email: string; organisationId: string; role: MembershipRole | null },
): Promise<{ roleEmail?: RoleProblem; roleOrganisation?: RoleProblem } | null> {
  authorizeOperatePlatform(actor);
  const problems: { roleEmail?: RoleProblem; roleOrganisation?: RoleProblem } = {};
  const userId = await findAccountId(ctx, actor, input.email);
  if (!userId) problems.roleEmail = 'noSuchUser';
  const organisations = await listVisibleOrganisations(ctx, actor);
  if (!organisations.some((organisation) => organisation.id === input.organisationId)) problems.roleOrganisation = 'chooseOrganisation';
  if (Object.keys(problems).length > 0 || !userId) return problems;
  await setRole(ctx, actor, userId, input.organisationId, input.role);
  return null;
}
