// The federation's maturity overview: every member's closed-round result for one year of an
// instrument with maturity results, numbered rather than named, and the national benchmark of
// the same instrument version and year. Results come from the results service (published states of closed rounds),
// which already leaves out any round with fewer respondents than its anonymity threshold.
import { authorizeViewFederationComparison, ownOrganisations } from '../../access/joint-assessment-policy.ts';
import type { Actor } from '../../app/actor.ts';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import type { Instrument } from '../../domain/instruments/instrument-schema.ts';
import type { Benchmark, NationalComparison } from '../../domain/scoring/benchmarks.ts';
import { studyNumbering } from '../../domain/disclosure/member-numbering.ts';
import { federationOverview, type FederationOverview } from '../../domain/scoring/federation-overview.ts';
import { compareVersions } from '../../catalogues/instrument-catalog.ts';
import { federationOf } from '../organisations/repository.ts';
import { nationalBenchmark } from '../results/service.ts';
import { closedMemberRounds } from './repository.ts';

export interface FederationMaturity {
  federation: { id: string; name: string };
  instrument: Instrument;
  /** Years with closed rounds among the members, newest first. */
  years: number[];
  year: number | null;
  memberCount: number;
  overview: FederationOverview | null;
  national: Benchmark | null;
  /** Where the national figure comes from (organisations outside the federation), or null when there is none. */
  nationalSource?: NationalComparison | null;
}

/** Instruments whose results are maturity scores (they have a `results` section). */
export function maturityInstruments(ctx: AppContext): Instrument[] {
  const latest = new Map<string, Instrument>();
  for (const instrument of ctx.instruments.list()) {
    if (!instrument.results) continue;
    const known = latest.get(instrument.key);
    if (!known || compareVersions(instrument.version, known.version) > 0) latest.set(instrument.key, instrument);
  }
  return [...latest.values()];
}

export async function federationMaturity(ctx: AppContext, actor: Actor, organisationId: string, instrumentKey: string, year?: number): Promise<FederationMaturity> {
  authorizeViewFederationComparison(actor, organisationId);
  const found = await federationOf(ctx.db, organisationId);
  const latest = ctx.instruments.get(instrumentKey);
  if (!found || !latest?.results) throw new AppError('not_found');
  const memberIds = found.members.map((member) => member.id);
  const closed = memberIds.length === 0
    ? []
    : await closedMemberRounds(ctx.db, instrumentKey, memberIds);
  const years = [...new Set(closed.map((row) => Number(row.year)))].sort((a, b) => b - a);
  const chosen = year !== undefined && years.includes(year) ? year : (years[0] ?? null);
  const base = { federation: found.federation, years, year: chosen, memberCount: found.members.length };
  if (chosen === null) return { ...base, instrument: latest, overview: null, national: null, nationalSource: null };
  // Most members answer the same version in a year; where versions differ, the newest is shown
  // (results of different versions are never mixed in one comparison).
  const versions = closed.filter((row) => Number(row.year) === chosen).map((row) => row.instrument_version);
  const version = versions.sort(compareVersions).at(-1)!;
  const instrument = ctx.instruments.get(instrumentKey, version) ?? latest;
  const benchmark = await nationalBenchmark(ctx, instrument, chosen, new Set(memberIds));
  const names = new Map(found.members.map((member) => [member.id, member.name]));
  const members = benchmark.all
    .filter((entry) => names.has(entry.organisationId))
    .map((entry) => ({ ...entry, name: names.get(entry.organisationId)! }));
  return {
    ...base,
    instrument,
    overview: members.length > 0 ? federationOverview(instrument, members, ownOrganisations(actor), studyNumbering(memberIds)) : null,
    national: benchmark.national,
    nationalSource: benchmark.nationalSource,
  };
}
