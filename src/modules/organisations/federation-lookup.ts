// Which federation a comparison is about: the organisation itself when it has members, or else
// the federation it belongs to (the first, if it belongs to several).
import type { AppContext } from '../../app/app-context.ts';

export interface FederationWithMembers {
  federation: { id: string; name: string };
  members: Array<{ id: string; name: string; kind: string }>;
}

export async function federationOf(ctx: AppContext, organisationId: string): Promise<FederationWithMembers | null> {
  const ownMembers = await ctx.db.selectFrom('federation_members').select('member_id').where('federation_id', '=', organisationId).executeTakeFirst();
  let federationId = organisationId;
  if (!ownMembers) {
    const parent = await ctx.db.selectFrom('federation_members').select('federation_id').where('member_id', '=', organisationId).orderBy('federation_id').executeTakeFirst();
    if (!parent) return null;
    federationId = parent.federation_id;
  }
  const federation = await ctx.db.selectFrom('organisations').select(['id', 'name']).where('id', '=', federationId).executeTakeFirstOrThrow();
  const members = await ctx.db
    .selectFrom('federation_members')
    .innerJoin('organisations', 'organisations.id', 'federation_members.member_id')
    .select(['organisations.id', 'organisations.name', 'organisations.kind'])
    .where('federation_members.federation_id', '=', federationId)
    .orderBy('organisations.name')
    .execute();
  return { federation, members };
}
