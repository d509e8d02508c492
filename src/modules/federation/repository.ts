// The queries of the federation maturity overview: which years and versions the members have
// closed rounds of. No actor and no access check here: only the service (which asks
// src/access/joint-assessment-policy.ts first) calls it. Members' results come from the results
// service (published states), never from here.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Year and instrument version of every closed round of the instrument among the members. */
export function closedMemberRounds(db: Db, instrumentKey: string, memberIds: string[]) {
  return db
    .selectFrom('round_instruments')
    .innerJoin('rounds', 'rounds.id', 'round_instruments.round_id')
    .select(['round_instruments.year', 'round_instruments.instrument_version'])
    .where('round_instruments.instrument_key', '=', instrumentKey)
    .where('rounds.organisation_id', 'in', memberIds)
    .where('rounds.status', '=', 'closed')
    .execute();
}
