// Results of a round of the maturity survey. Every page, export and the JSON API get their
// figures from getRoundResults, which asks the results policy first and applies the anonymity
// rule (src/domain/disclosure) before anything leaves this module: small groups never reach a
// caller, so no caller can show them.
import { createHash } from 'node:crypto';
import { keepWaysOfTakingPart } from '../../domain/disclosure/ways-of-taking-part.ts';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import type { Actor } from '../../app/actor.ts';
import { authorizeViewResults } from '../../access/results-policy.ts';
import { toNumber } from '../../db/numbers.ts';
import type { OrganisationKind, Round, RoundStatus } from '../../db/schema.ts';
import { effectiveThreshold, planDisclosure, type DisclosedGroup } from '../../domain/disclosure/disclosure.ts';
import type { Instrument } from '../../domain/instruments/instrument-schema.ts';
import { computeBenchmark, MIN_BENCHMARK_ORGANISATIONS, nationalComparison, type Benchmark, type NationalComparison, type OrganisationResult } from '../../domain/scoring/benchmarks.ts';
import { differencesFromBenchmark, largestSpread, strengthsAndWeaknesses } from '../../domain/scoring/insights.ts';
import { scoreFromRespondentScores, scoredItems, scoreRespondent, type MaturityResult, type RespondentAnswers } from '../../domain/scoring/maturity-score.ts';
import { computeTrend, type Trend } from '../../domain/scoring/trend.ts';
import { flattenUnitTree } from '../organisations/unit-tree.ts';
import * as repo from './repository.ts';
import { recordDownload } from '../audit/service.ts';
import { respondentsAddedAfterFirstAnswer } from '../rounds/round-service.ts';
import type { BreakdownGroup, FederationBenchmark, ReferenceSeries, RoundResults } from '../../domain/results/round-results.ts';


interface ScoredRespondent extends RespondentAnswers {
  unitId: string | null;
  role: string | null;
  /** Answered through the round's open link (not a personal invitation). */
  viaOpenLink: boolean;
}

/** The instruments of a round that have results (a `results` section), in the round's order. */
async function resultInstruments(ctx: AppContext, roundId: string): Promise<Instrument[]> {
  const rows = await repo.roundInstruments(ctx.db, roundId);
  return rows
    .map((row) => ctx.instruments.get(row.instrument_key, row.instrument_version))
    .filter((instrument): instrument is Instrument => instrument !== undefined && instrument.results !== undefined);
}

async function loadRound(ctx: AppContext, roundId: string): Promise<Round> {
  const round = await repo.findRound(ctx.db, roundId);
  if (!round) throw new AppError('not_found');
  return round;
}

/** Checks access and returns the round's result instruments, for pages that only need to know there are results. */
async function authorizeRoundResults(ctx: AppContext, actor: Actor, roundId: string): Promise<{ round: Round; instruments: Instrument[] }> {
  const round = await loadRound(ctx, roundId);
  authorizeViewResults(actor, round);
  return { round, instruments: await resultInstruments(ctx, roundId) };
}

/** Submitted responses' answers with each respondent's unit and role. */
export async function loadScoredRespondents(ctx: AppContext, roundId: string, instrumentKey: string): Promise<ScoredRespondent[]> {
  const responses = await repo.submittedResponses(ctx.db, roundId, instrumentKey);
  const byResponse = new Map<string, ScoredRespondent>();
  for (const row of responses) {
    byResponse.set(row.response_id, { respondentId: row.respondent_id, unitId: row.unit_id, role: row.role, viaOpenLink: row.via_open_link === 1, answers: new Map() });
  }
  const answers = await repo.submittedAnswers(ctx.db, roundId, instrumentKey);
  for (const answer of answers) {
    (byResponse.get(answer.response_id)?.answers as Map<string, number | null> | undefined)?.set(answer.item_key, answer.value === null ? null : toNumber(answer.value));
  }
  return [...byResponse.values()];
}

interface RoundRef {
  id: string;
  anonymity_threshold: number;
  /** A closed round without a published state is published on first use. */
  status?: RoundStatus;
}

/** One published state of a round's results for an instrument (table published_results). */
interface PublishedState {
  seq: number;
  publishedAt: string;
  respondents: string[];
  groups: string[][];
  result: MaturityResult;
  breakdown: Pick<RoundResults['breakdown'], 'units' | 'roles' | 'suppressedForSubtraction'>;
}

/** The latest published state's sequence number per round. */
async function latestSeqs(ctx: AppContext, roundIds: string[], instrumentKey: string): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  for (let i = 0; i < roundIds.length; i += 1000) {
    const rows = await repo.latestSeqRows(ctx.db, roundIds.slice(i, i + 1000), instrumentKey);
    for (const row of rows) result.set(row.round_id, toNumber(row.seq));
  }
  return result;
}

/**
 * Each round's published organisation result (the latest published state). A round that was
 * never published (open, or fewer respondents than its threshold) is absent from the map; a
 * closed round without a state is published first. Benchmarks, trends, the federation overview
 * and reports read only this, never the answers themselves.
 */
async function organisationResults(ctx: AppContext, rounds: RoundRef[], instrument: Instrument): Promise<Map<string, MaturityResult>> {
  const results = new Map<string, MaturityResult>();
  if (rounds.length === 0) return results;
  let seqs = await latestSeqs(ctx, rounds.map((round) => round.id), instrument.key);
  const unpublished = rounds.filter((round) => !seqs.has(round.id) && round.status === 'closed');
  if (unpublished.length > 0) {
    for (const round of unpublished) await publishRoundResults(ctx, round.id, [instrument]);
    seqs = await latestSeqs(ctx, rounds.map((round) => round.id), instrument.key);
  }
  // Parsed once per context, so a warm benchmark does not parse hundreds of JSON documents.
  const memory = ctx.caches.publishedResults;
  const memoryKey = (roundId: string) => `${roundId}|${instrument.key}`;
  const missing: Array<{ id: string; seq: number }> = [];
  for (const round of rounds) {
    const seq = seqs.get(round.id);
    if (seq === undefined) continue;
    const cached = memory.get(memoryKey(round.id));
    if (cached && cached.seq === seq) results.set(round.id, cached.result);
    else missing.push({ id: round.id, seq });
  }
  for (let i = 0; i < missing.length; i += 500) {
    const chunk = missing.slice(i, i + 500);
    const rows = await repo.publishedResultRows(ctx.db, instrument.key, chunk);
    for (const row of rows) {
      const result = JSON.parse(row.result_json) as MaturityResult;
      memory.set(memoryKey(row.round_id), { seq: toNumber(row.seq), result });
      results.set(row.round_id, result);
    }
  }
  return results;
}

async function readPublishedState(ctx: AppContext, roundId: string, instrumentKey: string): Promise<PublishedState | null> {
  const row = await repo.latestPublishedState(ctx.db, roundId, instrumentKey);
  if (!row) return null;
  return {
    seq: toNumber(row.seq),
    publishedAt: row.published_at,
    respondents: JSON.parse(row.respondents_json) as string[],
    groups: JSON.parse(row.groups_json) as string[][],
    result: JSON.parse(row.result_json) as MaturityResult,
    breakdown: JSON.parse(row.breakdown_json) as PublishedState['breakdown'],
  };
}

/** What closing a round did to its published results for one instrument. */
export type PublishOutcome = 'published' | 'unchanged' | 'too-few' | 'kept-previous' | 'not-closed';

/**
 * Publishes the results of a closed round (docs/method.md, "Results only from closed rounds").
 * The new state is the round's submitted answers now, planned by the anonymity rule together
 * with every group published before about the round: when even the whole organisation's new
 * figures would, next to the earlier ones, isolate fewer respondents than the threshold (for
 * example one more answer after a reopening), the previous state stays published. Written in
 * one transaction per instrument.
 */
export async function publishRoundResults(ctx: AppContext, roundId: string, only?: Instrument[]): Promise<Map<string, PublishOutcome>> {
  const round = await loadRound(ctx, roundId);
  const outcomes = new Map<string, PublishOutcome>();
  for (const instrument of only ?? (await resultInstruments(ctx, roundId))) {
    if (round.status !== 'closed') {
      outcomes.set(instrument.key, 'not-closed');
      continue;
    }
    const before = (await latestSeqs(ctx, [round.id], instrument.key)).get(round.id) ?? 0;
    try {
      outcomes.set(instrument.key, await ctx.db.transaction().execute((trx) => publishInstrument({ ...ctx, db: trx }, round, instrument)));
    } catch (error) {
      // Two requests publishing the same closing at once (PostgreSQL): the other one's state stands.
      const after = (await latestSeqs(ctx, [round.id], instrument.key)).get(round.id) ?? 0;
      if (after <= before) throw error;
      outcomes.set(instrument.key, 'unchanged');
    }
  }
  return outcomes;
}

async function publishInstrument(ctx: AppContext, round: Round, instrument: Instrument): Promise<PublishOutcome> {
  const states = await repo.publishedStates(ctx.db, round.id, instrument.key);
  const threshold = effectiveThreshold(round.anonymity_threshold);
  // Invited and open-link respondents are each held to the threshold (made-up respondents).
  const respondents = keepWaysOfTakingPart(await loadScoredRespondents(ctx, round.id, instrument.key), threshold).kept;
  const ids = respondents.map((respondent) => respondent.respondentId).sort();
  const latest = states.at(-1);
  if (latest && latest.respondents_json === JSON.stringify(ids)) return 'unchanged';
  if (ids.length < threshold) return latest ? 'kept-previous' : 'too-few';

  const units = await repo.organisationUnits(ctx.db, round.organisation_id);
  const tree = flattenUnitTree(units);
  const paths = new Map(tree.map((unit) => [unit.id, unit.path.join(' › ')]));
  const plan = planDisclosure(
    respondents.map((respondent) => ({ id: respondent.respondentId, unitId: respondent.unitId, role: respondent.role, viaOpenLink: respondent.viaOpenLink })),
    tree.map((unit) => ({ id: unit.id, parentId: unit.parent_id })),
    threshold,
    { published: states.flatMap((state) => JSON.parse(state.groups_json) as string[][]) },
  );
  if (plan.blocked) return 'kept-previous';

  const items = scoredItems(instrument);
  const scores = new Map(respondents.map((respondent) => [respondent.respondentId, scoreRespondent(items, respondent.answers)]));
  const result = scoreFromRespondentScores(instrument, [...scores.values()], { minN: threshold });
  const nameOf = (group: DisclosedGroup) => (group.kind === 'role' ? group.ref : group.ref === null ? null : (paths.get(group.ref) ?? null));
  const breakdown: PublishedState['breakdown'] = {
    units: plan.units.map((group) => summariseGroup(instrument, group, nameOf(group), scores, threshold)),
    roles: plan.roles.map((group) => summariseGroup(instrument, group, nameOf(group), scores, threshold)),
    suppressedForSubtraction: plan.suppressedForSubtraction,
  };
  const seq = (latest?.seq ?? 0) + 1;
  const now = ctx.clock.now().toISOString();
  await repo.insertPublishedState(ctx.db, {
    round_id: round.id,
    instrument_key: instrument.key,
    seq,
    instrument_version: instrument.version,
    published_at: now,
    respondents_json: JSON.stringify(ids),
    groups_json: JSON.stringify([ids, ...[...plan.units, ...plan.roles].map((group) => group.members)]),
    result_json: JSON.stringify(result),
    breakdown_json: JSON.stringify(breakdown),
  });
  await storeSnapshot(ctx, round.id, instrument, `published|${seq}`, result);
  return 'published';
}

/** A copy of the published organisation result in result_snapshots (what `mogna results refresh` reports on). */
async function storeSnapshot(ctx: AppContext, roundId: string, instrument: Instrument, fingerprint: string, result: MaturityResult): Promise<void> {
  const values = {
    round_id: roundId,
    instrument_key: instrument.key,
    instrument_version: instrument.version,
    fingerprint,
    result_json: JSON.stringify(result),
    computed_at: ctx.clock.now().toISOString(),
  };
  await repo.upsertResultSnapshot(ctx.db, values);
}

/**
 * Publishes a closed round's results for every instrument with results (see
 * publishRoundResults), so that benchmarks including it never read its answers on a page
 * request. Called when a round closes and by `mogna results refresh`.
 */
export async function refreshRoundSnapshots(ctx: AppContext, roundId: string): Promise<void> {
  await publishRoundResults(ctx, roundId);
}

interface BenchmarkRound extends RoundRef {
  organisation_id: string;
  kind: OrganisationKind;
  benchmark_opt_out: number;
}

/** Closed rounds of the same instrument version and year, with their organisation. */
async function benchmarkRounds(ctx: AppContext, instrument: Instrument, year: number): Promise<BenchmarkRound[]> {
  return repo.closedRoundsOf(ctx.db, instrument.key, instrument.version, year);
}

export interface NationalBenchmark {
  /**
   * The national comparison's benchmark: with federation members given, only the organisations
   * outside them, and only when enough of them compare (see nationalComparison); null otherwise.
   */
  national: Benchmark | null;
  nationalOrganisations: number;
  /** Which organisations the national figure comes from, its year and how many. */
  nationalSource: NationalComparison | null;
  byKind: Map<string, { benchmark: Benchmark | null; organisations: number }>;
  /** Every closed round's result, opted-out organisations included (for federation benchmarks). */
  all: OrganisationResult[];
}

/**
 * The national and same-kind benchmarks for an instrument version and year. Given the members of
 * the federation(s) being compared, both count only organisations outside them, so "Riket" never
 * repeats the federation (docs/method.md, "Benchmarks").
 */
export async function nationalBenchmark(ctx: AppContext, instrument: Instrument, year: number, federationMembers: ReadonlySet<string> | null = null): Promise<NationalBenchmark> {
  const rounds = await benchmarkRounds(ctx, instrument, year);
  const results = await organisationResults(ctx, rounds, instrument);
  const all: OrganisationResult[] = [];
  const participating: OrganisationResult[] = [];
  for (const round of rounds) {
    const result = results.get(round.id);
    if (!result) continue;
    const entry = { organisationId: round.organisation_id, kind: round.kind, result };
    all.push(entry);
    if (round.benchmark_opt_out !== 1) participating.push(entry);
  }
  const minimumOutside = ctx.config.NATIONAL_MIN_OUTSIDE ?? MIN_BENCHMARK_ORGANISATIONS;
  const members = federationMembers && federationMembers.size > 0 ? federationMembers : null;
  const outside = members ? participating.filter((entry) => !members.has(entry.organisationId)) : participating;
  const byKind = new Map<string, { benchmark: Benchmark | null; organisations: number }>();
  for (const kind of new Set(outside.map((entry) => entry.kind))) {
    const group = outside.filter((entry) => entry.kind === kind);
    byKind.set(kind, { benchmark: group.length >= minimumOutside || !members ? computeBenchmark(instrument, group) : null, organisations: group.length });
  }
  const source = nationalComparison(instrument, participating, members, year, minimumOutside);
  return { national: source?.benchmark ?? null, nationalOrganisations: outside.length, nationalSource: source, byKind, all };
}

/** Every member of every federation the organisation belongs to. */
async function federationMemberIds(ctx: AppContext, organisationId: string): Promise<Set<string>> {
  return new Set(await repo.federationMemberIds(ctx.db, organisationId));
}

async function referenceSeries(ctx: AppContext, instrument: Instrument, year: number): Promise<ReferenceSeries[]> {
  const rows = await repo.referenceValues(ctx.db, instrument.key, instrument.version, year);
  const bySource = new Map<string, ReferenceSeries>();
  for (const row of rows) {
    const series = bySource.get(row.source) ?? { source: row.source, year, organisations: row.organisations === null ? null : toNumber(row.organisations), values: {} };
    series.values[row.measure] = toNumber(row.value_milli) / 1000;
    bySource.set(row.source, series);
  }
  return [...bySource.values()];
}

async function federationBenchmarks(ctx: AppContext, organisationId: string, instrument: Instrument, all: OrganisationResult[]): Promise<FederationBenchmark[]> {
  const federations = await repo.federationsOf(ctx.db, organisationId);
  const result: FederationBenchmark[] = [];
  for (const federation of federations) {
    const members = new Set(await repo.membersOf(ctx.db, federation.id));
    const group = all.filter((entry) => members.has(entry.organisationId));
    result.push({ id: federation.id, name: federation.name, benchmark: computeBenchmark(instrument, group), organisations: group.length });
  }
  return result;
}

async function previousResult(ctx: AppContext, round: Round, instrument: Instrument): Promise<{ instrument: Instrument; result: MaturityResult; year: number } | null> {
  const previous = await repo.previousRound(ctx.db, round.organisation_id, instrument.key, round.year);
  if (!previous) return null;
  const previousInstrument = ctx.instruments.get(instrument.key, previous.instrument_version);
  if (!previousInstrument) return null;
  const result = (await organisationResults(ctx, [previous], previousInstrument)).get(previous.id);
  return result ? { instrument: previousInstrument, result, year: previous.year } : null;
}

function summariseGroup(instrument: Instrument, group: DisclosedGroup, name: string | null, scores: Map<string, Map<string, number>>, threshold: number): BreakdownGroup {
  const members = group.members.map((id) => scores.get(id)).filter((entry): entry is Map<string, number> => entry !== undefined);
  const result = scoreFromRespondentScores(instrument, members, { minN: threshold });
  return {
    key: group.key,
    kind: group.kind,
    name,
    depth: group.depth,
    n: members.length,
    maturityPercent: result.maturityPercent,
    quadrant: result.quadrant,
    dimensions: result.dimensions,
    categories: result.categories,
  };
}

async function countSubmitted(ctx: AppContext, roundId: string, instrumentKey: string): Promise<number> {
  return toNumber(await repo.countSubmitted(ctx.db, roundId, instrumentKey));
}

/** Everything the results page, the exports and the API show for one round and instrument. */
export async function getRoundResults(ctx: AppContext, actor: Actor, roundId: string, instrumentKey?: string): Promise<RoundResults> {
  const round = await loadRound(ctx, roundId);
  authorizeViewResults(actor, round);
  const instruments = await resultInstruments(ctx, roundId);
  const instrument = instrumentKey ? instruments.find((candidate) => candidate.key === instrumentKey) : instruments[0];
  if (!instrument) throw new AppError('not_found');
  const organisation = await repo.findOrganisation(ctx.db, round.organisation_id);
  const threshold = effectiveThreshold(round.anonymity_threshold);

  // Only a published state of a closed round is ever shown (docs/method.md): an open round
  // shows its previous published state if it had one, else nothing but the count of answers.
  let state = await readPublishedState(ctx, round.id, instrument.key);
  if (!state && round.status === 'closed') {
    await publishRoundResults(ctx, round.id, [instrument]);
    state = await readPublishedState(ctx, round.id, instrument.key);
  }
  const submitted = await countSubmitted(ctx, round.id, instrument.key);
  const result = state?.result ?? null;
  const publication: NonNullable<RoundResults['publication']> = state
    ? { status: 'published', publishedAt: state.publishedAt, submittedNow: submitted }
    : { status: round.status === 'closed' ? 'too-few' : 'not-closed', publishedAt: null, submittedNow: submitted };
  const respondentCount = state ? state.respondents.length : submitted;

  const national = await nationalBenchmark(ctx, instrument, round.year, await federationMemberIds(ctx, organisation.id));
  const federations = await federationBenchmarks(ctx, organisation.id, instrument, national.all);
  const sameKind = national.byKind.get(organisation.kind) ?? { benchmark: null, organisations: 0 };
  const firstFederation = federations.find((federation) => federation.benchmark !== null)?.benchmark ?? null;

  let trend: Trend | null = null;
  if (result) {
    const previous = await previousResult(ctx, round, instrument);
    if (previous) trend = computeTrend({ instrument, result }, previous);
  }

  const breakdown: RoundResults['breakdown'] = { threshold, units: [], roles: [], suppressedForSubtraction: 0, ...(state?.breakdown ?? {}) };

  const emptyDifferences = { below: [], above: [] };
  return {
    round: {
      id: round.id,
      name: round.name,
      year: round.year,
      status: round.status,
      organisationId: organisation.id,
      anonymityThreshold: threshold,
      smallSampleThreshold: round.small_sample_threshold,
    },
    organisation: { id: organisation.id, name: organisation.name, kind: organisation.kind },
    instrument,
    respondents: respondentCount,
    publication,
    result,
    smallSample: respondentCount < round.small_sample_threshold,
    benchmarks: {
      federations,
      national: national.national,
      nationalOrganisations: national.nationalOrganisations,
      nationalSource: national.nationalSource,
      sameKind: sameKind.benchmark,
      sameKindOrganisations: sameKind.organisations,
    },
    references: await referenceSeries(ctx, instrument, round.year),
    trend,
    strengths: result ? strengthsAndWeaknesses(instrument, result) : { strongest: [], weakest: [] },
    differences: {
      federation: result ? differencesFromBenchmark(instrument, result, firstFederation) : emptyDifferences,
      national: result ? differencesFromBenchmark(instrument, result, national.national) : emptyDifferences,
    },
    spread: result ? largestSpread(instrument, result) : [],
    breakdown,
  };
}

/**
 * A version of everything a closed round's results page shows beyond the round row itself: the
 * published states of every round of the instrument (own figures, benchmarks, trend), the rounds'
 * status, names and thresholds and their organisations' names, kinds and opt-outs, the
 * federations the organisation belongs to, the reference values and the count of submitted
 * answers. Equal versions mean equal pages, so the rendered page can be reused (see
 * src/app/caches.ts). Call it only after the access check.
 */
async function resultsPageVersion(ctx: AppContext, round: Round, instrument: Instrument): Promise<string> {
  const { published, rounds, federations, references } = await repo.resultsVersionRows(ctx.db, round.organisation_id, instrument.key, round.year);
  const submitted = await countSubmitted(ctx, round.id, instrument.key);
  return createHash('sha256')
    .update(JSON.stringify([instrument.version, published ?? null, rounds, federations, references, submitted]))
    .digest('base64url');
}

export interface OpenedResultsPage {
  round: Round;
  instruments: Instrument[];
  /** The instrument shown: the one asked for, else the first; undefined when the key is not the round's. */
  shown: Instrument | undefined;
  /** Respondents added after the first answer came in (issue 12). */
  addedAfterFirstAnswer: number;
  /** For a closed round, the version of the page's data (resultsPageVersion); null otherwise. */
  version: string | null;
  /** The version read again, to tell whether the data changed while the page was made. */
  currentVersion(): Promise<string | null>;
}

/** The results page's first step: access, the round's result instruments and, for a closed round, its data's version. */
export async function openResultsPage(ctx: AppContext, actor: Actor, roundId: string, instrumentKey?: string): Promise<OpenedResultsPage> {
  const { round, instruments } = await authorizeRoundResults(ctx, actor, roundId);
  if (instruments.length === 0) {
    return { round, instruments, shown: undefined, addedAfterFirstAnswer: 0, version: null, currentVersion: async () => null };
  }
  const late = await respondentsAddedAfterFirstAnswer(ctx, actor, roundId);
  const shown = instrumentKey ? instruments.find((candidate) => candidate.key === instrumentKey) : instruments[0];
  const currentVersion = async () => (shown && round.status === 'closed' ? resultsPageVersion(ctx, round, shown) : null);
  return { round, instruments, shown, addedAfterFirstAnswer: late.added, version: await currentVersion(), currentVersion };
}

/** Exports are audited once their access check (in getRoundResults) has passed. */
export function recordResultsExport(ctx: AppContext, actor: Actor, results: RoundResults, format: 'csv' | 'xlsx' | 'json'): Promise<void> {
  const detail = { format, instrument: results.instrument.key };
  return recordDownload(ctx, actor, 'export_downloaded', results.round.organisationId, detail, { type: 'round', id: results.round.id });
}
