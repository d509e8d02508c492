// Who is asking. Loaded once per request from the session (src/web/plugins/session-plugin.ts), then
// handed to services, which ask the policies in src/access before they read or change anything.
import type { Kysely } from 'kysely';
import type { Database, MembershipRole } from '../db/schema.ts';

export interface UserActor {
  kind: 'user';
  userId: string;
  name: string;
  email: string;
  locale: string;
  isOperator: boolean;
  /** The user's own role in each organisation they belong to. */
  roles: ReadonlyMap<string, MembershipRole>;
  /** Member organisation id → the user's role in a federation that organisation belongs to. */
  viaFederation: ReadonlyMap<string, MembershipRole>;
}

export type Actor = UserActor | { kind: 'anonymous' };

export const anonymous: Actor = { kind: 'anonymous' };

export async function loadUserActor(db: Kysely<Database>, userId: string): Promise<UserActor | undefined> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user || user.deactivated_at !== null) return undefined;
  const memberships = await db
    .selectFrom('memberships')
    .select(['organisation_id', 'role'])
    .where('user_id', '=', userId)
    .execute();
  const roles = new Map(memberships.map((m) => [m.organisation_id, m.role]));
  const viaFederation = new Map<string, MembershipRole>();
  if (roles.size > 0) {
    const members = await db
      .selectFrom('federation_members')
      .select(['federation_id', 'member_id'])
      .where('federation_id', 'in', [...roles.keys()])
      .execute();
    for (const { federation_id, member_id } of members) {
      const role = roles.get(federation_id);
      if (role) viaFederation.set(member_id, role);
    }
  }
  return {
    kind: 'user',
    userId: user.id,
    name: user.name,
    email: user.email,
    locale: user.locale,
    isOperator: user.is_operator === 1,
    roles,
    viaFederation,
  };
}
