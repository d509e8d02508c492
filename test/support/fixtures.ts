// Small, explicit worlds for tests: a federation with two members, accounts with each role.
import type { AppContext } from '../../src/app/app-context.ts';
import { createUser } from '../../src/modules/auth/repository.ts';
import { insertOrganisation } from '../../src/modules/organisations/repository.ts';

export const PASSWORD = 'correct horse battery staple';

export interface SmallWorld {
  federationId: string;
  orgA: string;
  orgB: string;
  units: { social: string; homeCare: string; school: string };
  users: { coordinatorA: string; viewerA: string; coordinatorB: string; analyst: string; operator: string };
}

export async function createSmallWorld(ctx: AppContext): Promise<SmallWorld> {
  const federationId = await insertOrganisation(ctx, { name: 'Testförbundet', kind: 'kommunalforbund' });
  const orgA = await insertOrganisation(ctx, { name: 'Alfa kommun', kind: 'kommun', size: 12000, federationId });
  const orgB = await insertOrganisation(ctx, { name: 'Beta kommun', kind: 'kommun', size: 8000, federationId });
  const unit = async (name: string, parent: string | null) => {
    const id = ctx.ids.id();
    await ctx.db.insertInto('units').values({ id, organisation_id: orgA, parent_id: parent, name }).execute();
    return id;
  };
  const social = await unit('Socialförvaltningen', null);
  const homeCare = await unit('Hemtjänst', social);
  const school = await unit('Skolförvaltningen', null);
  const users = {
    coordinatorA: 'samordnare@alfa.example',
    viewerA: 'lasare@alfa.example',
    coordinatorB: 'samordnare@beta.example',
    analyst: 'analytiker@forbundet.example',
    operator: 'drift@mogna.example',
  };
  await createUser(ctx, { email: users.coordinatorA, name: 'Sam Ordnare', password: PASSWORD, memberships: [{ organisationId: orgA, role: 'coordinator' }] });
  await createUser(ctx, { email: users.viewerA, name: 'Lisa Läsare', password: PASSWORD, memberships: [{ organisationId: orgA, role: 'viewer' }] });
  await createUser(ctx, { email: users.coordinatorB, name: 'Bo Beta', password: PASSWORD, memberships: [{ organisationId: orgB, role: 'coordinator' }] });
  await createUser(ctx, { email: users.analyst, name: 'Ana Lytiker', password: PASSWORD, memberships: [{ organisationId: federationId, role: 'analyst' }] });
  await createUser(ctx, { email: users.operator, name: 'Dag Drift', password: PASSWORD, isOperator: true });
  return { federationId, orgA, orgB, units: { social, homeCare, school }, users };
}
