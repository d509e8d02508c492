// Builds report documents from stored results (issue 6). The figures come through the same
// services the pages use, so access control, the anonymity threshold and the snapshots apply
// unchanged; this module only decides which parts a member took part in, numbers the members
// once for the whole study, and hands plain data to the pure builders in src/reports.
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import type { Actor } from '../../app/actor.ts';
import { authorizeViewOrganisation, canViewOrganisation } from '../../access/organisation-policy.ts';
import { authorizeViewFederationReport, authorizeViewMemberReport } from '../../access/report-policy.ts';
import { studyNumbering } from '../../domain/disclosure/member-numbering.ts';
import type { AnswerSet } from '../../domain/instruments/answer-set.ts';
import type { Instrument } from '../../domain/instruments/instrument-schema.ts';
import { federationLevelMatrix } from '../../domain/joint-results/level-map.ts';
import { practiceFederationCounts, practiceIndex } from '../../domain/joint-results/practice-index.ts';
import { MIN_BENCHMARK_ORGANISATIONS } from '../../domain/scoring/benchmarks.ts';
import { federationOverview } from '../../domain/scoring/federation-overview.ts';
import type { Locale } from '../../i18n/format.ts';
import { buildFederationReport } from '../../reports/federation-report.ts';
import { buildMemberReport } from '../../reports/member-report.ts';
import type { CapabilityMapPart, CostsPart, FederationReportInput, MaturityPart, MemberReportInput, ReportFrame, SecurityPart } from '../../reports/report-input.ts';
import type { ClassificationLevel, ReportDocument, ReportHistoryEntry } from '../../reports/report-model.ts';
import { getCostComparison, getCostOverview } from '../costs/service.ts';
import { maturityInstruments } from '../federation/service.ts';
import { federationComparison, jointResults } from '../joint/service.ts';
import { federationOf, findOrganisationRef } from '../organisations/repository.ts';
import { getRoundResults, nationalBenchmark } from '../results/service.ts';
import {
  closedInstrumentVersions,
  ledgerOrganisationsOf,
  ledgerYearsOf,
  roundYearsOf,
  submittedJointAnswersOf,
  submittedRoundsOf,
  listReportIssues,
  organisationName,
  readMemberTexts,
  readPublishedFigures,
  readStudyLogo,
  readStudySettings,
  type AnonymousJointAnswers,
  type PublishedFigures,
} from './repository.ts';
import { tbmV4 } from '../../domain/costs/cost-taxonomy.ts';
import { compareFederation, type FederationMemberInput } from '../../domain/costs/federation-comparison.ts';
import { analyseLedger } from '../../domain/costs/ledger-analysis.ts';
import { kommunBasRules } from '../../catalogues/kommun-bas-rules.ts';
import { isCostYear } from '../costs/schema.ts';
import type { ReportKind } from './report-types.ts';

export interface StudyMember {
  id: string;
  name: string;
  /** The member's number in every anonymised figure of this study ("Kommun 3"). */
  number: number;
  /** The parts of the study the member took part in this year; a sub-report has only these. */
  parts: { maturity: boolean; security: boolean; capabilityMap: boolean; costs: boolean };
}

export interface Study {
  /** The federation, or the organisation itself when it belongs to none. */
  organisation: { id: string; name: string };
  year: number;
  isFederation: boolean;
  members: StudyMember[];
}

const SECURITY_ANALYSIS = 'practice-index';
const MAP_ANALYSIS = 'level-map';

/** Where each part of a member's year lives: the round of a maturity instrument, the joint answers, the ledger. */
interface MemberSources {
  maturity: { roundId: string; instrumentKey: string } | null;
  security: { roundId: string; instrumentKey: string } | null;
  capabilityMap: { roundId: string; instrumentKey: string } | null;
  costs: boolean;
}

async function memberSources(ctx: AppContext, organisationIds: readonly string[], year: number): Promise<Map<string, MemberSources>> {
  const sources = new Map<string, MemberSources>(organisationIds.map((id) => [id, { maturity: null, security: null, capabilityMap: null, costs: false }]));
  if (organisationIds.length === 0) return sources;
  const maturityKeys = new Set(maturityInstruments(ctx).map((instrument) => instrument.key));
  const rounds = await submittedRoundsOf(ctx.db, organisationIds, year);
  for (const row of rounds) {
    if (!maturityKeys.has(row.instrument_key)) continue;
    const entry = sources.get(row.organisation_id)!;
    // A closed round is the finished measurement; an open one is used only when there is no other.
    if (!entry.maturity || row.status === 'closed') entry.maturity = { roundId: row.id, instrumentKey: row.instrument_key };
  }
  const joint = await submittedJointAnswersOf(ctx.db, organisationIds, year);
  for (const row of joint) {
    const kind = ctx.instruments.get(row.instrument_key)?.analysis?.kind;
    const entry = sources.get(row.organisation_id)!;
    if (kind === SECURITY_ANALYSIS) entry.security = { roundId: row.id, instrumentKey: row.instrument_key };
    if (kind === MAP_ANALYSIS) entry.capabilityMap = { roundId: row.id, instrumentKey: row.instrument_key };
  }
  const ledgers = await ledgerOrganisationsOf(ctx.db, organisationIds, year);
  for (const row of ledgers) sources.get(row.organisation_id)!.costs = true;
  return sources;
}

function partsOf(sources: MemberSources): StudyMember['parts'] {
  return { maturity: sources.maturity !== null, security: sources.security !== null, capabilityMap: sources.capabilityMap !== null, costs: sources.costs };
}

async function loadStudy(ctx: AppContext, organisationId: string, year: number): Promise<{ study: Study; sources: Map<string, MemberSources> }> {
  const found = await federationOf(ctx.db, organisationId);
  const organisation = found?.federation ?? (await findOrganisationRef(ctx.db, organisationId));
  if (!organisation) throw new AppError('not_found');
  const members = found ? found.members : [{ id: organisation.id, name: organisation.name }];
  const numbering = studyNumbering(members.map((member) => member.id));
  const sources = await memberSources(ctx, members.map((member) => member.id), year);
  const study: Study = {
    organisation: { id: organisation.id, name: organisation.name },
    year,
    isFederation: found !== null,
    members: members
      .map((member) => ({ id: member.id, name: member.name, number: numbering.get(member.id)!, parts: partsOf(sources.get(member.id)!) }))
      .sort((a, b) => a.number - b.number),
  };
  return { study, sources };
}

/** The study an organisation's report for a year belongs to. Access: anyone who may view the organisation. */
export async function studyOf(ctx: AppContext, actor: Actor, organisationId: string, year: number): Promise<Study> {
  authorizeViewOrganisation(actor, organisationId);
  return (await loadStudy(ctx, organisationId, year)).study;
}

async function yearsWithData(ctx: AppContext, organisationId: string): Promise<{ all: number[]; finished: number[] }> {
  const found = await federationOf(ctx.db, organisationId);
  const ids = found && found.federation.id === organisationId ? found.members.map((member) => member.id) : [organisationId];
  const [rounds, ledgers] = await Promise.all([roundYearsOf(ctx.db, ids), ledgerYearsOf(ctx.db, ids)]);
  const newestFirst = (years: Array<number | string>) => [...new Set(years.map(Number))].sort((a, b) => b - a);
  return {
    all: newestFirst([...rounds.map((row) => row.year), ...ledgers.map((row) => row.year)]),
    finished: newestFirst([...rounds.filter((row) => row.status === 'closed').map((row) => row.year), ...ledgers.map((row) => row.year)]),
  };
}

/** Years with anything to report for the organisation (or, for a federation, any member), newest first. */
export async function reportYears(ctx: AppContext, actor: Actor, organisationId: string): Promise<number[]> {
  authorizeViewOrganisation(actor, organisationId);
  return (await yearsWithData(ctx, organisationId)).all;
}

/**
 * The year a reader most likely wants: the newest with a closed round or a ledger (a finished
 * measurement), else the newest with an open round; null when there is nothing to report.
 */
export async function defaultReportYear(ctx: AppContext, actor: Actor, organisationId: string): Promise<number | null> {
  authorizeViewOrganisation(actor, organisationId);
  const { all, finished } = await yearsWithData(ctx, organisationId);
  return finished[0] ?? all[0] ?? null;
}

/** The version being issued, printed in its own document history before it is stored. */
export interface PendingIssue {
  entry: ReportHistoryEntry;
  classification: ClassificationLevel;
}

async function reportFrame(ctx: AppContext, study: Study, subjectId: string, kind: ReportKind, pending?: PendingIssue): Promise<ReportFrame> {
  const [settings, stored, logo] = await Promise.all([
    readStudySettings(ctx.db, study.organisation.id, study.year),
    listReportIssues(ctx.db, subjectId, study.year, kind),
    readStudyLogo(ctx.db, study.organisation.id, study.year),
  ]);
  const issues = pending ? [...stored, { ...pending.entry, id: '', classification: pending.classification }] : stored;
  return {
    studyName: study.organisation.name,
    isFederation: study.isFederation,
    year: study.year,
    memberCount: study.members.length,
    texts: settings ?? { background: '', purpose: '', goal: '', scope: '', goalPicture: [], author: '' },
    history: issues.map(({ date, version, by, reason }) => ({ date, version, by, reason })),
    classification: issues.at(-1)?.classification ?? 0,
    today: ctx.clock.now().toISOString().slice(0, 10),
    ...(logo ? { logo } : {}),
  };
}

function requireAnswers(answers: AnswerSet | null): AnswerSet {
  if (!answers) throw new Error('a submitted joint answer has no answers');
  return answers;
}

/** The member's sub-report (authorizeViewMemberReport). */
export async function memberReportDocument(ctx: AppContext, actor: Actor, organisationId: string, year: number, locale: Locale): Promise<ReportDocument> {
  return buildMemberReport(await memberReportInput(ctx, actor, organisationId, year), locale);
}

/** What the member's sub-report is built from, with the analyst's texts (authorizeViewMemberReport). */
export async function memberReportInput(ctx: AppContext, actor: Actor, organisationId: string, year: number, pending?: PendingIssue): Promise<MemberReportInput> {
  authorizeViewMemberReport(actor, organisationId);
  const { study, sources } = await loadStudy(ctx, organisationId, year);
  const member = study.members.find((candidate) => candidate.id === organisationId);
  const source = sources.get(organisationId);
  if (!member || !source || !Object.values(member.parts).some(Boolean)) throw new AppError('not_found');
  const numbering = new Map(study.members.map((entry) => [entry.id, entry.number]));
  const own = new Set([organisationId]);

  const maturity = source.maturity ? await memberMaturity(ctx, actor, source.maturity, study, numbering, own) : null;
  const earlier = source.security || source.capabilityMap ? (await memberSources(ctx, [organisationId], year - 1)).get(organisationId) : undefined;
  const security = source.security ? await memberSecurity(ctx, actor, source.security, earlier?.security ?? null) : null;
  const capabilityMap = source.capabilityMap ? await memberCapabilityMap(ctx, actor, organisationId, source.capabilityMap, earlier?.capabilityMap ?? null, study, numbering, own) : null;
  const costs = source.costs ? await memberCosts(ctx, actor, organisationId, year, study, numbering) : null;

  return {
    frame: await reportFrame(ctx, study, organisationId, 'member', pending),
    member: { name: member.name, number: study.isFederation ? member.number : null },
    maturity,
    security,
    capabilityMap,
    costs,
    analystTexts: await readMemberTexts(ctx.db, organisationId, year),
  };
}

async function memberMaturity(
  ctx: AppContext,
  actor: Actor,
  source: { roundId: string; instrumentKey: string },
  study: Study,
  numbering: ReadonlyMap<string, number>,
  own: ReadonlySet<string>,
): Promise<MaturityPart> {
  const results = await getRoundResults(ctx, actor, source.roundId, source.instrumentKey);
  if (!study.isFederation) return { results, federation: null, national: results.benchmarks.national, nationalSource: results.benchmarks.nationalSource ?? null };
  const { overview, national, nationalSource } = await federationMaturityOf(ctx, study, results.instrument, numbering, own);
  return { results, federation: overview, national, nationalSource };
}

/**
 * Every member's stored result of the instrument version and year, numbered for the study.
 * nationalBenchmark reads only closed rounds' snapshots and leaves out rounds under their
 * anonymity threshold, as the federation overview page does.
 */
async function federationMaturityOf(ctx: AppContext, study: Study, instrument: Instrument, numbering: ReadonlyMap<string, number>, own: ReadonlySet<string>) {
  const benchmark = await nationalBenchmark(ctx, instrument, study.year, new Set(study.members.map((member) => member.id)));
  const names = new Map(study.members.map((member) => [member.id, member.name]));
  const members = benchmark.all.filter((entry) => names.has(entry.organisationId)).map((entry) => ({ ...entry, name: names.get(entry.organisationId)! }));
  return { overview: members.length > 0 ? federationOverview(instrument, members, own, numbering) : null, national: benchmark.national, nationalSource: benchmark.nationalSource };
}

type JointSource = { roundId: string; instrumentKey: string };

/** A joint assessment with last year's answers, when the member took part then too. */
async function memberSecurity(ctx: AppContext, actor: Actor, source: JointSource, earlier: JointSource | null): Promise<SecurityPart> {
  const current = await jointResults(ctx, actor, { roundId: source.roundId, key: source.instrumentKey });
  const previous = earlier ? (await jointResults(ctx, actor, { roundId: earlier.roundId, key: earlier.instrumentKey })).answers : null;
  return { instrument: current.instrument, answers: requireAnswers(current.answers), previous };
}

async function memberCapabilityMap(
  ctx: AppContext,
  actor: Actor,
  organisationId: string,
  source: JointSource,
  earlier: JointSource | null,
  study: Study,
  numbering: ReadonlyMap<string, number>,
  own: ReadonlySet<string>,
): Promise<CapabilityMapPart> {
  const current = await jointResults(ctx, actor, { roundId: source.roundId, key: source.instrumentKey });
  const previous = earlier ? (await jointResults(ctx, actor, { roundId: earlier.roundId, key: earlier.instrumentKey })).answers : null;
  let federation = null;
  if (study.isFederation) {
    const comparison = await federationComparison(ctx, actor, { organisationId, key: source.instrumentKey, year: study.year });
    if (comparison.year === study.year && comparison.members.length >= MIN_BENCHMARK_ORGANISATIONS) {
      federation = federationLevelMatrix(comparison.instrument, comparison.members, own, undefined, numbering);
    }
  }
  return { instrument: current.instrument, answers: requireAnswers(current.answers), previous, federation };
}

async function memberCosts(ctx: AppContext, actor: Actor, organisationId: string, year: number, study: Study, numbering: ReadonlyMap<string, number>): Promise<CostsPart | null> {
  const overview = await getCostOverview(ctx, actor, organisationId, year);
  if (!overview.analysis) return null;
  const previousYear = overview.years.includes(year - 1) ? await getCostOverview(ctx, actor, organisationId, year - 1) : null;
  const comparison = study.isFederation ? await getCostComparison(ctx, actor, organisationId, year, 'fte', numbering) : null;
  return {
    analysis: overview.analysis,
    towers: overview.towers,
    comparison: comparison?.comparison ?? null,
    previousTotalItOre: previousYear?.analysis?.totalItOre ?? null,
  };
}

/** A report as its reader gets it, for the preview or a download. */
export interface ReaderReport {
  document: ReportDocument;
  /** The subject's name, for the page and the file name. */
  organisationName: string;
  /** Whether the reader may open the subject's pages: a member reading the federation report may not. */
  canOpenOrganisation: boolean;
}

/** The member's sub-report or the federation report, with what its page and file need (each report's own access check). */
export async function readerReport(ctx: AppContext, actor: Actor, kind: ReportKind, organisationId: string, year: number, locale: Locale): Promise<ReaderReport> {
  const document = kind === 'member' ? await memberReportDocument(ctx, actor, organisationId, year, locale) : await federationReportDocument(ctx, actor, organisationId, year, locale);
  // The document has passed its access check, so the name may be read directly.
  const name = (await organisationName(ctx.db, organisationId)) ?? 'rapport';
  return { document, organisationName: name, canOpenOrganisation: canViewOrganisation(actor, organisationId) };
}

/** The anonymised federation report (authorizeViewFederationReport). */
export async function federationReportDocument(ctx: AppContext, actor: Actor, federationId: string, year: number, locale: Locale): Promise<ReportDocument> {
  return buildFederationReport(await federationReportInput(ctx, actor, federationId, year), locale);
}

/**
 * Checks that the actor may read the federation report of a study (its members' users may, though
 * they cannot open the federation's own pages), as federationReportDocument does.
 */
export async function authorizeFederationReportReader(ctx: AppContext, actor: Actor, federationId: string, year: number): Promise<void> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const { study } = await loadStudy(ctx, federationId, year);
  if (!study.isFederation || study.organisation.id !== federationId) throw new AppError('not_found');
  authorizeViewFederationReport(actor, { id: federationId, memberIds: study.members.map((member) => member.id) });
}

/**
 * What the federation report is built from (authorizeViewFederationReport, asked once here). A
 * member's own users may read this report but not the other members' pages, so the members'
 * figures are not read through those pages' services: readPublishedFigures returns them under
 * the members' numbers only, and the report applies the anonymity threshold.
 */
export async function federationReportInput(ctx: AppContext, actor: Actor, federationId: string, year: number, pending?: PendingIssue): Promise<FederationReportInput> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const { study, sources } = await loadStudy(ctx, federationId, year);
  if (!study.isFederation || study.organisation.id !== federationId) throw new AppError('not_found');
  authorizeViewFederationReport(actor, { id: federationId, memberIds: study.members.map((member) => member.id) });
  const numbering = new Map(study.members.map((member) => [member.id, member.number]));
  const securityKey = firstJointKey(sources, (source) => source.security);
  const mapKey = firstJointKey(sources, (source) => source.capabilityMap);
  const figures = await readPublishedFigures(ctx.db, { federationId, year, numbering, jointInstrumentKeys: [securityKey, mapKey].filter((key): key is string => key !== null) });
  const input: FederationReportInput = {
    frame: await reportFrame(ctx, study, federationId, 'federation', pending),
    members: study.members.map((member) => ({ number: member.number, parts: member.parts })),
    maturity: await federationMaturityPart(ctx, study, sources, numbering),
    security: federationSecurityPart(ctx, securityKey, figures),
    capabilityMap: federationMapPart(ctx, mapKey, figures),
    costs: federationCostsPart(year, figures),
    anonymityThreshold: MIN_BENCHMARK_ORGANISATIONS,
    // The federation report's own texts, stored like a member's under the federation's id (issue 13).
    analystTexts: await readMemberTexts(ctx.db, federationId, year),
  };
  return input;
}

async function federationMaturityPart(ctx: AppContext, study: Study, sources: Map<string, MemberSources>, numbering: ReadonlyMap<string, number>): Promise<FederationReportInput['maturity']> {
  const key = [...sources.values()].find((source) => source.maturity)?.maturity?.instrumentKey;
  if (!key) return null;
  const versions = await closedInstrumentVersions(ctx.db, key, study.year, study.members.map((member) => member.id));
  const version = versions.map((row) => row.instrument_version).sort().at(-1);
  const instrument = version ? ctx.instruments.get(key, version) : undefined;
  if (!instrument) return null;
  const { overview, national, nationalSource } = await federationMaturityOf(ctx, study, instrument, numbering, new Set());
  return overview ? { instrument, overview, national, nationalSource } : null;
}

/** The joint instrument the members answered for a part (the first member's, as every member answers the same one). */
function firstJointKey(sources: Map<string, MemberSources>, pick: (source: MemberSources) => MemberSources['security']): string | null {
  return [...sources.values()].map(pick).find((source) => source !== null)?.instrumentKey ?? null;
}

/** The joint instrument and the members' answers of the study's year; null when no member answered. */
function jointAnswersOfMembers(ctx: AppContext, key: string | null, figures: PublishedFigures): { instrument: Instrument; members: AnonymousJointAnswers[] } | null {
  if (key === null) return null;
  const instrument = ctx.instruments.get(key);
  if (!instrument || instrument.respondentMode !== 'joint' || !instrument.analysis) throw new AppError('not_found');
  const members = figures.joint.get(key) ?? [];
  return members.length > 0 ? { instrument, members } : null;
}

function federationSecurityPart(ctx: AppContext, key: string | null, figures: PublishedFigures): FederationReportInput['security'] {
  const comparison = jointAnswersOfMembers(ctx, key, figures);
  if (!comparison) return null;
  const answers = comparison.members.map((member) => member.answers);
  return {
    instrument: comparison.instrument,
    counts: practiceFederationCounts(comparison.instrument, answers),
    members: answers.length,
    indexes: answers.map((entry) => practiceIndex(comparison.instrument, entry).index).filter((index): index is number => index !== null),
  };
}

function federationMapPart(ctx: AppContext, key: string | null, figures: PublishedFigures): FederationReportInput['capabilityMap'] {
  const comparison = jointAnswersOfMembers(ctx, key, figures);
  if (!comparison) return null;
  // The matrix orders its columns by a member key: keys made from the repository's order keep
  // that order, and every member is shown by its number (none is the reader's own).
  const keyed = comparison.members.map((member, index) => ({ organisationId: String(index).padStart(6, '0'), name: '', answers: member.answers, number: member.number }));
  const numbering = new Map(keyed.map((member) => [member.organisationId, member.number]));
  return { instrument: comparison.instrument, matrix: federationLevelMatrix(comparison.instrument, keyed, new Set(), undefined, numbering) };
}

/** The cost comparison of the members with a ledger, each analysed with its own rules (or the defaults). */
function federationCostsPart(year: number, figures: PublishedFigures): FederationReportInput['costs'] {
  if (!isCostYear(year)) throw new AppError('not_found');
  if (!figures.ledgers || figures.ledgers.length === 0) return null;
  const inputs: FederationMemberInput[] = figures.ledgers.map((ledger) => ({
    memberId: String(ledger.number),
    analysis: analyseLedger(ledger.aggregate, { rules: ledger.ownRules ?? kommunBasRules(), centralItCostCentres: ledger.centralItCentres, taxonomy: tbmV4, organisationTotalCostOre: ledger.totalCostOre }),
    towers: ledger.towers,
  }));
  const numbering = new Map(figures.ledgers.map((ledger) => [String(ledger.number), ledger.number]));
  return { comparison: compareFederation(inputs, { viewerMemberId: null, towerBasis: 'fte', taxonomy: tbmV4, numbering }), membersWithLedger: inputs.length };
}
