// Every query of a round's results: the rounds and instruments, submitted answers, published
// states (table published_results) and their copy in result_snapshots, the rounds a benchmark
// compares, federations, reference values, and the version of a results page's data. No access
// checks and no actor here: only the results service (which asks src/access/results-policy.ts
// first) and the bench call these functions. Plain rows in and out.
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, Organisation, PublishedResultsTable, Round } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export function findRound(db: Db, roundId: string): Promise<Round | undefined> {
  return db.selectFrom('rounds').selectAll().where('id', '=', roundId).executeTakeFirst();
}

export async function findOrganisation(db: Db, organisationId: string): Promise<Organisation> {
  return (await db.selectFrom('organisations').selectAll().where('id', '=', organisationId).executeTakeFirstOrThrow()) as Organisation;
}

/** The instruments of a round, by key. */
export function roundInstruments(db: Db, roundId: string) {
  return db.selectFrom('round_instruments').select(['instrument_key', 'instrument_version']).where('round_id', '=', roundId).orderBy('instrument_key').execute();
}

/** Submitted responses of a round and instrument, with each respondent's unit, role and way of taking part. */
export function submittedResponses(db: Db, roundId: string, instrumentKey: string) {
  return db
    .selectFrom('responses')
    .innerJoin('respondents', 'respondents.id', 'responses.respondent_id')
    .select(['responses.id as response_id', 'respondents.id as respondent_id', 'respondents.unit_id', 'respondents.role', 'respondents.via_open_link'])
    .where('responses.round_id', '=', roundId)
    .where('responses.instrument_key', '=', instrumentKey)
    .where('responses.status', '=', 'submitted')
    .orderBy('respondents.id')
    .execute();
}

/** The answers of the submitted responses of a round and instrument. */
export function submittedAnswers(db: Db, roundId: string, instrumentKey: string) {
  return db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .select(['answers.response_id', 'answers.item_key', 'answers.value'])
    .where('responses.round_id', '=', roundId)
    .where('responses.instrument_key', '=', instrumentKey)
    .where('responses.status', '=', 'submitted')
    .execute();
}

export async function countSubmitted(db: Db, roundId: string, instrumentKey: string): Promise<number | string> {
  const row = await db
    .selectFrom('responses')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('round_id', '=', roundId)
    .where('instrument_key', '=', instrumentKey)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  return row?.count ?? 0;
}

/** The latest published state's seq per round (at most 1000 rounds per call). */
export function latestSeqRows(db: Db, roundIds: string[], instrumentKey: string) {
  return db
    .selectFrom('published_results')
    .select((eb) => ['round_id', eb.fn.max('seq').as('seq')])
    .where('round_id', 'in', roundIds)
    .where('instrument_key', '=', instrumentKey)
    .groupBy('round_id')
    .execute();
}

/** The published results of the given states (round and seq). */
export function publishedResultRows(db: Db, instrumentKey: string, states: Array<{ id: string; seq: number }>) {
  return db
    .selectFrom('published_results')
    .select(['round_id', 'seq', 'result_json'])
    .where('instrument_key', '=', instrumentKey)
    .where((eb) => eb.or(states.map((entry) => eb.and([eb('round_id', '=', entry.id), eb('seq', '=', entry.seq)]))))
    .execute();
}

/** A round's latest published state for an instrument. */
export function latestPublishedState(db: Db, roundId: string, instrumentKey: string) {
  return db.selectFrom('published_results').selectAll().where('round_id', '=', roundId).where('instrument_key', '=', instrumentKey).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

/** Every published state of a round for an instrument, oldest first. */
export function publishedStates(db: Db, roundId: string, instrumentKey: string) {
  return db.selectFrom('published_results').select(['seq', 'respondents_json', 'groups_json']).where('round_id', '=', roundId).where('instrument_key', '=', instrumentKey).orderBy('seq').execute();
}

export async function insertPublishedState(db: Db, values: Insertable<PublishedResultsTable>): Promise<void> {
  await db.insertInto('published_results').values(values).execute();
}

export function organisationUnits(db: Db, organisationId: string) {
  return db.selectFrom('units').selectAll().where('organisation_id', '=', organisationId).execute();
}

export async function upsertResultSnapshot(
  db: Db,
  values: { round_id: string; instrument_key: string; instrument_version: string; fingerprint: string; result_json: string; computed_at: string },
): Promise<void> {
  await db
    .insertInto('result_snapshots')
    .values(values)
    .onConflict((oc) => oc.columns(['round_id', 'instrument_key']).doUpdateSet({ fingerprint: values.fingerprint, result_json: values.result_json, computed_at: values.computed_at, instrument_version: values.instrument_version }))
    .execute();
}

/** Closed rounds of an instrument version and year, with their organisation's kind and opt-out. */
export function closedRoundsOf(db: Db, instrumentKey: string, instrumentVersion: string, year: number) {
  return db
    .selectFrom('round_instruments')
    .innerJoin('rounds', 'rounds.id', 'round_instruments.round_id')
    .innerJoin('organisations', 'organisations.id', 'rounds.organisation_id')
    .select(['rounds.id', 'rounds.anonymity_threshold', 'rounds.status', 'rounds.organisation_id', 'organisations.kind', 'organisations.benchmark_opt_out'])
    .where('round_instruments.instrument_key', '=', instrumentKey)
    .where('round_instruments.instrument_version', '=', instrumentVersion)
    .where('round_instruments.year', '=', year)
    .where('rounds.status', '=', 'closed')
    .execute();
}

/** Every member of every federation the organisation belongs to. */
export async function federationMemberIds(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('federation_members as own')
    .innerJoin('federation_members as other', 'other.federation_id', 'own.federation_id')
    .select('other.member_id')
    .where('own.member_id', '=', organisationId)
    .execute();
  return rows.map((row) => row.member_id);
}

/** The federations an organisation belongs to, by name. */
export function federationsOf(db: Db, organisationId: string) {
  return db
    .selectFrom('federation_members')
    .innerJoin('organisations', 'organisations.id', 'federation_members.federation_id')
    .select(['organisations.id', 'organisations.name'])
    .where('federation_members.member_id', '=', organisationId)
    .orderBy('organisations.name')
    .execute();
}

export async function membersOf(db: Db, federationId: string): Promise<string[]> {
  return (await db.selectFrom('federation_members').select('member_id').where('federation_id', '=', federationId).execute()).map((row) => row.member_id);
}

export function referenceValues(db: Db, instrumentKey: string, instrumentVersion: string, year: number) {
  return db
    .selectFrom('reference_values')
    .select(['source', 'measure', 'value_milli', 'organisations'])
    .where('instrument_key', '=', instrumentKey)
    .where('instrument_version', '=', instrumentVersion)
    .where('year', '=', year)
    .orderBy('source')
    .execute();
}

/** The organisation's latest round of the instrument before the year. */
export function previousRound(db: Db, organisationId: string, instrumentKey: string, year: number) {
  return db
    .selectFrom('round_instruments')
    .innerJoin('rounds', 'rounds.id', 'round_instruments.round_id')
    .select(['rounds.id', 'rounds.year', 'rounds.anonymity_threshold', 'rounds.status', 'round_instruments.instrument_version'])
    .where('round_instruments.organisation_id', '=', organisationId)
    .where('round_instruments.instrument_key', '=', instrumentKey)
    .where('round_instruments.year', '<', year)
    .orderBy('round_instruments.year', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Everything beyond the round row that a results page shows and that can change, as plain rows:
 * the published states of the instrument, every round of it with its organisation, the
 * organisation's federations and members, and the year's reference values.
 */
export async function resultsVersionRows(db: Db, organisationId: string, instrumentKey: string, year: number) {
  const published = await db
    .selectFrom('published_results')
    .select((eb) => [eb.fn.countAll<number>().as('states'), eb.fn.max('published_at').as('latest'), eb.fn.sum<number>('seq').as('seqs')])
    .where('instrument_key', '=', instrumentKey)
    .executeTakeFirst();
  const rounds = await db
    .selectFrom('round_instruments')
    .innerJoin('rounds', 'rounds.id', 'round_instruments.round_id')
    .innerJoin('organisations', 'organisations.id', 'rounds.organisation_id')
    .select([
      'rounds.id',
      'rounds.name',
      'rounds.year',
      'rounds.status',
      'rounds.anonymity_threshold',
      'rounds.small_sample_threshold',
      'round_instruments.instrument_version',
      'organisations.name as organisation_name',
      'organisations.kind',
      'organisations.benchmark_opt_out',
    ])
    .where('round_instruments.instrument_key', '=', instrumentKey)
    .orderBy('rounds.id')
    .execute();
  const federations = await db
    .selectFrom('federation_members as own')
    .innerJoin('federation_members as other', 'other.federation_id', 'own.federation_id')
    .innerJoin('organisations', 'organisations.id', 'own.federation_id')
    .select(['other.federation_id', 'other.member_id', 'organisations.name'])
    .where('own.member_id', '=', organisationId)
    .orderBy('other.federation_id')
    .orderBy('other.member_id')
    .execute();
  const references = await db
    .selectFrom('reference_values')
    .select(['instrument_version', 'source', 'measure', 'value_milli', 'organisations'])
    .where('instrument_key', '=', instrumentKey)
    .where('year', '=', year)
    .orderBy('id')
    .execute();
  return { published: published ?? null, rounds, federations, references };
}
