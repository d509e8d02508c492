// The IT-cost analysis of an organisation's general ledger (issue 5): importing a ledger for a
// year, choosing the central-IT cost centres, the organisation's own mapping rules, a total cost
// entered by hand, IT-tower staffing and the federation comparison. Every function takes the
// actor first and asks src/access/cost-policy.ts before it reads or writes; every query is in
// repository.ts.
import { createHash } from 'node:crypto';
import type { AppContext } from '../../app/app-context.ts';
import { studyNumbering } from '../../domain/disclosure/member-numbering.ts';
import { AppError } from '../../app/errors.ts';
import type { Actor } from '../../app/actor.ts';
import { authorizeManageCosts, authorizeViewCosts, canManageCosts } from '../../access/cost-policy.ts';
import type { Organisation } from '../../db/schema.ts';
import { tbmV4 } from '../../domain/costs/cost-taxonomy.ts';
import { compareFederation, type FederationComparison, type FederationMemberInput } from '../../domain/costs/federation-comparison.ts';
import type { TowerStaffing } from '../../domain/costs/it-towers.ts';
import type { LedgerAggregate, LedgerFormat } from '../../domain/costs/ledger-aggregate.ts';
import { accountClass, analyseLedger, DEFAULT_COST_CLASSES, type LedgerAnalysis } from '../../domain/costs/ledger-analysis.ts';
import { parseMappingRulesCsv, validateRule, type MappingRule } from '../../domain/costs/mapping-rules.ts';
import type { ColumnMapping } from '../../importers/ledger/column-mapping.ts';
import type { LedgerSource } from '../../importers/ledger/ledger-importer.ts';
import { ledgerFormat } from '../../importers/ledger/registry.ts';
import { kommunBasRules } from '../../catalogues/kommun-bas-rules.ts';
import {
  centralItCentres,
  deleteLedgerById,
  deleteRules,
  federationMembers,
  findColumnMapping,
  findLedger,
  ledgerCentreIds,
  ledgerYears,
  loadAggregate,
  loadTowers,
  ownRules,
  replaceLedger,
  replaceRules,
  replaceTowers,
  saveColumnMapping,
  setCentralItCentres,
  setTotalCost as storeTotalCost,
  type StoredLedger,
} from './repository.ts';
import { federationOfMember, findOrganisation } from '../organisations/repository.ts';
import { isCostYear } from './schema.ts';

/**
 * Other members' figures are shown (anonymised) to a member only when at least this many
 * members have a ledger for the year, so that no single other municipality can be singled out.
 */
export const MIN_COMPARISON_MEMBERS = 3;

interface CostCentreChoice {
  id: string;
  name: string;
  /** Sum of the cost rows (account classes 4–7) booked on the cost centre, öre. */
  costOre: number;
  centralIt: boolean;
}

export interface CostOverview {
  organisation: Organisation;
  year: number;
  /** Years with a stored ledger, newest first. */
  years: number[];
  canManage: boolean;
  ledger: StoredLedger | null;
  centres: CostCentreChoice[];
  analysis: LedgerAnalysis | null;
  rulesSource: 'default' | 'own';
  towers: TowerStaffing | null;
  columnMapping: ColumnMapping | null;
}

async function loadOrganisation(ctx: AppContext, organisationId: string): Promise<Organisation> {
  const organisation = await findOrganisation(ctx.db, organisationId);
  if (!organisation) throw new AppError('not_found');
  return organisation;
}

/** The rules the organisation's analysis uses: its own copy, or the Kommun-Bas defaults. */
async function effectiveRules(ctx: AppContext, organisationId: string): Promise<{ rules: readonly MappingRule[]; source: 'default' | 'own' }> {
  const own = await ownRules(ctx.db, organisationId);
  return own === null ? { rules: kommunBasRules(), source: 'default' } : { rules: own, source: 'own' };
}

interface StoredAnalysis {
  ledger: StoredLedger;
  aggregate: LedgerAggregate;
  centralIt: string[];
  analysis: LedgerAnalysis;
}

async function analyseStored(ctx: AppContext, organisationId: string, year: number, rules: readonly MappingRule[]): Promise<StoredAnalysis | null> {
  const ledger = await findLedger(ctx.db, organisationId, year);
  if (!ledger) return null;
  const [aggregate, centralIt] = await Promise.all([loadAggregate(ctx.db, ledger), centralItCentres(ctx.db, ledger.id)]);
  const analysis = analyseLedger(aggregate, {
    rules,
    centralItCostCentres: centralIt,
    taxonomy: tbmV4,
    organisationTotalCostOre: ledger.totalCostOre,
  });
  return { ledger, aggregate, centralIt, analysis };
}

/**
 * Analyses for the federation comparison, kept in the context's cache (`ctx.caches`) by what they depend on: the stored
 * ledger (a new file gets a new id), the central-IT choice, the entered total and the rules. A
 * change to any of them makes a new key, so the cache is never stale, in one process or many.
 */
function rulesFingerprint(rules: readonly MappingRule[]): string {
  return createHash('sha256')
    .update(JSON.stringify(rules.map((rule) => [rule.from, rule.to, rule.pool, rule.nameContains])))
    .digest('hex');
}

async function cachedAnalysis(ctx: AppContext, organisationId: string, year: number, rules: readonly MappingRule[]): Promise<LedgerAnalysis | null> {
  const ledger = await findLedger(ctx.db, organisationId, year);
  if (!ledger) return null;
  const centralIt = await centralItCentres(ctx.db, ledger.id);
  const key = [ledger.id, ledger.totalCostOre ?? '', centralIt.join(','), rulesFingerprint(rules)].join('|');
  const hit = ctx.caches.ledgerAnalyses.get(key);
  if (hit) return hit;
  const aggregate = await loadAggregate(ctx.db, ledger);
  const analysis = analyseLedger(aggregate, { rules, centralItCostCentres: centralIt, taxonomy: tbmV4, organisationTotalCostOre: ledger.totalCostOre });
  ctx.caches.ledgerAnalyses.set(key, analysis);
  return analysis;
}

export async function getCostOverview(ctx: AppContext, actor: Actor, organisationId: string, year: number): Promise<CostOverview> {
  authorizeViewCosts(actor, organisationId);
  if (!isCostYear(year)) throw new AppError('not_found');
  const organisation = await loadOrganisation(ctx, organisationId);
  const { rules, source } = await effectiveRules(ctx, organisationId);
  const [stored, years, towers, columnMapping] = await Promise.all([
    analyseStored(ctx, organisationId, year, rules),
    ledgerYears(ctx.db, organisationId),
    loadTowers(ctx.db, [organisationId], year),
    findColumnMapping(ctx.db, organisationId),
  ]);
  let centres: CostCentreChoice[] = [];
  if (stored) {
    const cost = new Map<string, number>();
    for (const row of stored.aggregate.rows) {
      const digit = accountClass(row.account);
      if (row.costCentre === null || digit === null || !DEFAULT_COST_CLASSES.includes(digit)) continue;
      cost.set(row.costCentre, (cost.get(row.costCentre) ?? 0) + row.amountOre);
    }
    const central = new Set(stored.centralIt);
    centres = stored.aggregate.costCentres.map((centre) => ({ id: centre.id, name: centre.name, costOre: cost.get(centre.id) ?? 0, centralIt: central.has(centre.id) }));
  }
  return {
    organisation,
    year,
    years,
    canManage: canManageCosts(actor, organisationId),
    ledger: stored?.ledger ?? null,
    centres,
    analysis: stored?.analysis ?? null,
    rulesSource: source,
    towers: towers.get(organisationId) ?? null,
    columnMapping,
  };
}

/** The newest year with a stored ledger, or null. */
export async function latestLedgerYear(ctx: AppContext, actor: Actor, organisationId: string): Promise<number | null> {
  authorizeViewCosts(actor, organisationId);
  return (await ledgerYears(ctx.db, organisationId))[0] ?? null;
}

/** Checked before an upload is read, so a refused request does not stream a large file first. */
export async function authorizeLedgerImport(ctx: AppContext, actor: Actor, organisationId: string, year: number): Promise<void> {
  authorizeManageCosts(actor, organisationId);
  if (!isCostYear(year)) throw new AppError('not_found');
  await loadOrganisation(ctx, organisationId);
}

/** The organisation's saved CSV/XLSX column mapping, for those who import ledgers. */
export async function getSavedColumnMapping(ctx: AppContext, actor: Actor, organisationId: string): Promise<ColumnMapping | null> {
  authorizeManageCosts(actor, organisationId);
  return findColumnMapping(ctx.db, organisationId);
}

export interface LedgerUpload {
  fileName: string;
  format: LedgerFormat;
  source: LedgerSource;
  /** Required for formats with columns to map (CSV, XLSX); saved for the organisation's next import. */
  columns?: ColumnMapping | null;
}

export interface ImportedLedger {
  ledgerId: string;
  rowCount: number;
  costCentreCount: number;
  warnings: LedgerAggregate['warnings'];
}

/**
 * Reads the file to its end and only then writes, in one transaction: a file with an error
 * (LedgerImportError, naming the line) stores nothing and leaves the previous ledger in place.
 */
export async function importLedger(ctx: AppContext, actor: Actor, organisationId: string, year: number, upload: LedgerUpload): Promise<ImportedLedger> {
  authorizeManageCosts(actor, organisationId);
  if (!isCostYear(year)) throw new AppError('not_found');
  await loadOrganisation(ctx, organisationId);
  const format = ledgerFormat(upload.format);
  if (format.needsColumns && !upload.columns) throw new AppError('validation', 'columns');
  const aggregate = await format.read(upload.source, { columns: format.needsColumns ? upload.columns : undefined });
  const ledgerId = ctx.ids.id();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await replaceLedger(trx, {
      id: ledgerId,
      organisationId,
      year,
      fileName: upload.fileName.slice(0, 255),
      aggregate,
      importedAt: now,
      importedBy: actor.kind === 'user' ? actor.userId : null,
    });
    if (format.needsColumns && upload.columns) await saveColumnMapping(trx, organisationId, upload.columns, now);
  });
  return { ledgerId, rowCount: aggregate.rowCount, costCentreCount: aggregate.costCentres.length, warnings: aggregate.warnings };
}

/** Removes the year's ledger (its aggregate and central-IT choice); rules, mapping and towers stay. */
export async function deleteLedger(ctx: AppContext, actor: Actor, organisationId: string, year: number): Promise<void> {
  authorizeManageCosts(actor, organisationId);
  const ledger = await requireLedger(ctx, organisationId, year);
  await ctx.db.transaction().execute((trx) => deleteLedgerById(trx, ledger.id));
}

async function requireLedger(ctx: AppContext, organisationId: string, year: number): Promise<StoredLedger> {
  if (!isCostYear(year)) throw new AppError('not_found');
  const ledger = await findLedger(ctx.db, organisationId, year);
  if (!ledger) throw new AppError('not_found');
  return ledger;
}

/** The central-IT choice page: for those who manage costs, and only when the year has a ledger. */
export async function getCentreChoice(ctx: AppContext, actor: Actor, organisationId: string, year: number): Promise<CostOverview> {
  const overview = await getCostOverview(ctx, actor, organisationId, year);
  if (!overview.ledger) throw new AppError('not_found');
  if (!overview.canManage) throw new AppError('forbidden');
  return overview;
}

/** Marks exactly these cost centres as central IT; ids not in the ledger are a validation error. */
export async function chooseCentralIt(ctx: AppContext, actor: Actor, organisationId: string, year: number, ids: readonly string[]): Promise<void> {
  authorizeManageCosts(actor, organisationId);
  const ledger = await requireLedger(ctx, organisationId, year);
  const known = new Set(await ledgerCentreIds(ctx.db, ledger.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new AppError('validation', `unknown cost centre ${unknown.join(', ')}`);
  await ctx.db.transaction().execute((trx) => setCentralItCentres(trx, ledger.id, [...new Set(ids)]));
}

/** The organisation's total cost entered by hand (öre), or null to use the ledger's own sum. */
export async function setTotalCost(ctx: AppContext, actor: Actor, organisationId: string, year: number, ore: number | null): Promise<void> {
  authorizeManageCosts(actor, organisationId);
  const ledger = await requireLedger(ctx, organisationId, year);
  if (ore !== null && (!Number.isSafeInteger(ore) || ore <= 0)) throw new AppError('validation', 'total cost');
  await storeTotalCost(ctx.db, ledger.id, ore);
}

export interface RuleSet {
  organisation: Organisation;
  rules: readonly MappingRule[];
  source: 'default' | 'own';
  canManage: boolean;
}

export async function getRuleSet(ctx: AppContext, actor: Actor, organisationId: string): Promise<RuleSet> {
  authorizeViewCosts(actor, organisationId);
  const organisation = await loadOrganisation(ctx, organisationId);
  const { rules, source } = await effectiveRules(ctx, organisationId);
  return { organisation, rules, source, canManage: canManageCosts(actor, organisationId) };
}

/** Replaces the organisation's rules with a rules file's text; throws MappingRulesError naming the line. */
export async function saveRulesCsv(ctx: AppContext, actor: Actor, organisationId: string, text: string): Promise<number> {
  authorizeManageCosts(actor, organisationId);
  const rules = parseMappingRulesCsv(text, tbmV4);
  await ctx.db.transaction().execute((trx) => replaceRules(trx, organisationId, rules));
  return rules.length;
}

/**
 * Adds a rule for one account in front of the others (so it wins over broader ranges), copying
 * the Kommun-Bas defaults first when the organisation has no rules of its own.
 */
export async function addAccountRule(ctx: AppContext, actor: Actor, organisationId: string, account: string, pool: string, comment: string | null): Promise<void> {
  authorizeManageCosts(actor, organisationId);
  const rule: MappingRule = { from: account.trim(), to: account.trim(), pool, nameContains: null };
  if (comment) rule.comment = comment;
  try {
    validateRule(rule, tbmV4);
  } catch {
    throw new AppError('validation', 'rule');
  }
  await ctx.db.transaction().execute(async (trx) => {
    const current = (await ownRules(trx, organisationId)) ?? [...kommunBasRules()];
    await replaceRules(trx, organisationId, [rule, ...current]);
  });
}

/** Drops the organisation's own rules: the analysis uses the Kommun-Bas defaults again. */
export async function resetRules(ctx: AppContext, actor: Actor, organisationId: string): Promise<void> {
  authorizeManageCosts(actor, organisationId);
  await deleteRules(ctx.db, organisationId);
}

export async function saveTowers(ctx: AppContext, actor: Actor, organisationId: string, year: number, staffing: TowerStaffing): Promise<void> {
  authorizeManageCosts(actor, organisationId);
  if (!isCostYear(year)) throw new AppError('not_found');
  await loadOrganisation(ctx, organisationId);
  for (const entry of Object.values(staffing)) {
    const fte = entry?.fte ?? null;
    const cost = entry?.costOre ?? null;
    if (fte !== null && (!Number.isFinite(fte) || fte < 0 || fte > 100_000)) throw new AppError('validation', 'fte');
    if (cost !== null && (!Number.isSafeInteger(cost) || cost < 0)) throw new AppError('validation', 'cost');
  }
  await ctx.db.transaction().execute((trx) => replaceTowers(trx, organisationId, year, staffing));
}

export interface CostComparisonView {
  federation: Organisation;
  year: number;
  /** The organisation whose page this is, when it is a member (its bars are highlighted). */
  viewerMemberId: string | null;
  memberCount: number;
  membersWithLedger: number;
  /** True when the viewer is a member and too few members have figures to show others. */
  tooFew: boolean;
  comparison: FederationComparison | null;
  towerBasis: 'fte' | 'cost';
}

/**
 * The federation comparison seen from an organisation: for a member, its federation with the
 * member's own figures highlighted; for a federation, all its members. Members that opted out
 * of benchmarks are left out (except the viewer's own organisation). Null when the organisation
 * belongs to no federation.
 */
export async function getCostComparison(
  ctx: AppContext,
  actor: Actor,
  organisationId: string,
  year: number,
  towerBasis: 'fte' | 'cost' = 'fte',
  /** Member numbers; by default one per federation member (studyNumbering), as in every comparison and report. */
  numbering?: ReadonlyMap<string, number>,
): Promise<CostComparisonView | null> {
  authorizeViewCosts(actor, organisationId);
  if (!isCostYear(year)) throw new AppError('not_found');
  const organisation = await loadOrganisation(ctx, organisationId);
  let federation: Organisation;
  let viewerMemberId: string | null = null;
  if (organisation.kind === 'kommunalforbund') {
    federation = organisation;
  } else {
    const federationId = await federationOfMember(ctx.db, organisationId);
    if (federationId === undefined) return null;
    federation = await loadOrganisation(ctx, federationId);
    viewerMemberId = organisationId;
  }
  const members = await federationMembers(ctx.db, federation.id);
  const included = members.filter((member) => !member.benchmarkOptOut || member.id === viewerMemberId).map((member) => member.id);
  const towers = await loadTowers(ctx.db, included, year);
  const inputs: FederationMemberInput[] = [];
  // One member at a time, so at most one aggregate is loaded at once.
  for (const memberId of included) {
    const { rules } = await effectiveRules(ctx, memberId);
    const analysis = await cachedAnalysis(ctx, memberId, year, rules);
    if (!analysis) continue;
    inputs.push({ memberId, analysis, towers: towers.get(memberId) ?? null });
  }
  // A member's own staff may see its federation's members anyway; others see them only in numbers.
  const seesMembersAnyway = actor.kind === 'user' && (actor.isOperator || actor.roles.has(federation.id));
  const tooFew = viewerMemberId !== null && !seesMembersAnyway && inputs.length < MIN_COMPARISON_MEMBERS;
  return {
    federation,
    year,
    viewerMemberId,
    memberCount: members.length,
    membersWithLedger: inputs.length,
    tooFew,
    comparison: tooFew || inputs.length === 0 ? null : compareFederation(inputs, { viewerMemberId, towerBasis, taxonomy: tbmV4, numbering: numbering ?? studyNumbering(members.map((member) => member.id)) }),
    towerBasis,
  };
}
