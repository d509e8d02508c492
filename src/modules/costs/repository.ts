// Every query of the IT-cost analysis: ledgers, central-IT choice, rules, column mapping, towers
// and the organisations and federation links the comparison reads. No access checks and no actor
// here: only the cost service (which asks src/access/cost-policy.ts first), the demo seeder and
// the bench call these functions. Plain rows in and out; bigint columns come back as strings from
// PostgreSQL, so every amount passes through toNumber.
import type { Kysely, Transaction } from 'kysely';
import type { CostTowersTable, Database } from '../../db/schema.ts';
import { toNumber } from '../../db/numbers.ts';
import type { LedgerAggregate, LedgerWarning } from '../../domain/costs/ledger-aggregate.ts';
import type { MappingRule } from '../../domain/costs/mapping-rules.ts';
import { IT_TOWER_KEYS, type TowerStaffing } from '../../domain/costs/it-towers.ts';
import type { ColumnMapping } from '../../importers/ledger/column-mapping.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Rows per INSERT: far below PostgreSQL's 65 535 bind parameters, few round trips. */
const BATCH = 2000;

export interface StoredLedger {
  id: string;
  organisationId: string;
  year: number;
  fileName: string;
  fileHash: string;
  format: LedgerAggregate['format'];
  sieType: number | null;
  encoding: string | null;
  fileYear: number | null;
  rowCount: number;
  byteCount: number;
  warnings: LedgerWarning[];
  totalCostOre: number | null;
  importedAt: string;
}

export interface FederationMemberRow {
  id: string;
  benchmarkOptOut: boolean;
}

export async function federationMembers(db: Db, federationId: string): Promise<FederationMemberRow[]> {
  const rows = await db
    .selectFrom('organisations')
    .innerJoin('federation_members', 'federation_members.member_id', 'organisations.id')
    .select(['organisations.id', 'organisations.benchmark_opt_out'])
    .where('federation_members.federation_id', '=', federationId)
    .execute();
  return rows.map((row) => ({ id: row.id, benchmarkOptOut: row.benchmark_opt_out !== 0 }));
}

export async function findLedger(db: Db, organisationId: string, year: number): Promise<StoredLedger | undefined> {
  const row = await db.selectFrom('cost_ledgers').selectAll().where('organisation_id', '=', organisationId).where('year', '=', year).executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    organisationId: row.organisation_id,
    year: row.year,
    fileName: row.file_name,
    fileHash: row.file_hash,
    format: row.format,
    sieType: row.sie_type,
    encoding: row.encoding,
    fileYear: row.file_year,
    rowCount: toNumber(row.row_count),
    byteCount: toNumber(row.byte_count),
    warnings: JSON.parse(row.warnings) as LedgerWarning[],
    totalCostOre: row.total_cost_ore === null ? null : toNumber(row.total_cost_ore),
    importedAt: row.imported_at,
  };
}

/** Years with a stored ledger, newest first. */
export async function ledgerYears(db: Db, organisationId: string): Promise<number[]> {
  const rows = await db.selectFrom('cost_ledgers').select('year').where('organisation_id', '=', organisationId).orderBy('year', 'desc').execute();
  return rows.map((row) => row.year);
}

/** The stored aggregate in the importer's shape, ready for analyseLedger. */
export async function loadAggregate(db: Db, ledger: StoredLedger): Promise<LedgerAggregate> {
  const [rows, accounts, centres] = await Promise.all([
    db.selectFrom('cost_ledger_rows').select(['account', 'cost_centre', 'amount_ore']).where('ledger_id', '=', ledger.id).orderBy('account').orderBy('cost_centre').execute(),
    db.selectFrom('cost_ledger_accounts').select(['account', 'name']).where('ledger_id', '=', ledger.id).orderBy('account').execute(),
    db.selectFrom('cost_ledger_centres').select(['cost_centre', 'name']).where('ledger_id', '=', ledger.id).orderBy('cost_centre').execute(),
  ]);
  const accountNames = Object.create(null) as Record<string, string>;
  for (const account of accounts) accountNames[account.account] = account.name;
  return {
    format: ledger.format,
    year: ledger.fileYear,
    fiscalYear: null,
    sieType: ledger.sieType,
    encoding: null,
    accounts: accountNames,
    costCentres: centres.map((centre) => ({ id: centre.cost_centre, name: centre.name })),
    rows: rows.map((row) => ({ account: row.account, costCentre: row.cost_centre === '' ? null : row.cost_centre, amountOre: toNumber(row.amount_ore) })),
    rowCount: ledger.rowCount,
    fileHash: ledger.fileHash,
    byteCount: ledger.byteCount,
    warnings: ledger.warnings,
  };
}

/** Ids of every cost centre in the ledger. */
export async function ledgerCentreIds(db: Db, ledgerId: string): Promise<string[]> {
  const rows = await db.selectFrom('cost_ledger_centres').select('cost_centre').where('ledger_id', '=', ledgerId).execute();
  return rows.map((row) => row.cost_centre);
}

export async function centralItCentres(db: Db, ledgerId: string): Promise<string[]> {
  const rows = await db.selectFrom('cost_ledger_centres').select('cost_centre').where('ledger_id', '=', ledgerId).where('central_it', '=', 1).orderBy('cost_centre').execute();
  return rows.map((row) => row.cost_centre);
}

export interface LedgerToStore {
  id: string;
  organisationId: string;
  year: number;
  fileName: string;
  aggregate: LedgerAggregate;
  importedAt: string;
  importedBy: string | null;
}

/**
 * Replaces the organisation's ledger for the year inside the caller's transaction. The central-IT
 * choice and a hand-entered total cost carry over to the new file for cost centres that still exist.
 */
export async function replaceLedger(trx: Transaction<Database>, input: LedgerToStore): Promise<void> {
  const previous = await findLedger(trx, input.organisationId, input.year);
  let keepCentral = new Set<string>();
  if (previous) {
    keepCentral = new Set(await centralItCentres(trx, previous.id));
    await deleteLedgerById(trx, previous.id);
  }
  const { aggregate } = input;
  await trx
    .insertInto('cost_ledgers')
    .values({
      id: input.id,
      organisation_id: input.organisationId,
      year: input.year,
      file_name: input.fileName,
      file_hash: aggregate.fileHash ?? '',
      format: aggregate.format,
      sie_type: aggregate.sieType,
      encoding: aggregate.encoding,
      file_year: aggregate.year,
      row_count: aggregate.rowCount,
      byte_count: aggregate.byteCount,
      warnings: JSON.stringify(aggregate.warnings),
      total_cost_ore: previous?.totalCostOre ?? null,
      imported_at: input.importedAt,
      imported_by: input.importedBy,
    })
    .execute();
  const rows = aggregate.rows.map((row) => ({ ledger_id: input.id, account: row.account, cost_centre: row.costCentre ?? '', amount_ore: row.amountOre }));
  for (let at = 0; at < rows.length; at += BATCH) await trx.insertInto('cost_ledger_rows').values(rows.slice(at, at + BATCH)).execute();
  const accounts = Object.entries(aggregate.accounts).map(([account, name]) => ({ ledger_id: input.id, account, name }));
  for (let at = 0; at < accounts.length; at += BATCH) await trx.insertInto('cost_ledger_accounts').values(accounts.slice(at, at + BATCH)).execute();
  const centres = aggregate.costCentres.map((centre) => ({ ledger_id: input.id, cost_centre: centre.id, name: centre.name, central_it: keepCentral.has(centre.id) ? 1 : 0 }));
  for (let at = 0; at < centres.length; at += BATCH) await trx.insertInto('cost_ledger_centres').values(centres.slice(at, at + BATCH)).execute();
}

/** Removes a ledger with its aggregate and central-IT choice, inside the caller's transaction. */
export async function deleteLedgerById(trx: Transaction<Database>, ledgerId: string): Promise<void> {
  await trx.deleteFrom('cost_ledger_rows').where('ledger_id', '=', ledgerId).execute();
  await trx.deleteFrom('cost_ledger_accounts').where('ledger_id', '=', ledgerId).execute();
  await trx.deleteFrom('cost_ledger_centres').where('ledger_id', '=', ledgerId).execute();
  await trx.deleteFrom('cost_ledgers').where('id', '=', ledgerId).execute();
}

export async function setCentralItCentres(trx: Transaction<Database>, ledgerId: string, ids: readonly string[]): Promise<void> {
  await trx.updateTable('cost_ledger_centres').set({ central_it: 0 }).where('ledger_id', '=', ledgerId).execute();
  if (ids.length > 0) await trx.updateTable('cost_ledger_centres').set({ central_it: 1 }).where('ledger_id', '=', ledgerId).where('cost_centre', 'in', [...ids]).execute();
}

export async function setTotalCost(db: Db, ledgerId: string, ore: number | null): Promise<void> {
  await db.updateTable('cost_ledgers').set({ total_cost_ore: ore }).where('id', '=', ledgerId).execute();
}

/** The organisation's own rules in order, or null when it uses the defaults. */
export async function ownRules(db: Db, organisationId: string): Promise<MappingRule[] | null> {
  const rows = await db.selectFrom('cost_rules').selectAll().where('organisation_id', '=', organisationId).orderBy('position').execute();
  if (rows.length === 0) return null;
  return rows.map((row) => {
    const rule: MappingRule = { from: row.account_from, to: row.account_to, pool: row.pool, nameContains: row.name_contains, line: row.position + 2 };
    if (row.comment !== null) rule.comment = row.comment;
    return rule;
  });
}

export async function replaceRules(trx: Transaction<Database>, organisationId: string, rules: readonly MappingRule[]): Promise<void> {
  await trx.deleteFrom('cost_rules').where('organisation_id', '=', organisationId).execute();
  const rows = rules.map((rule, position) => ({
    organisation_id: organisationId,
    position,
    account_from: rule.from,
    account_to: rule.to,
    pool: rule.pool,
    name_contains: rule.nameContains,
    comment: rule.comment ?? null,
  }));
  for (let at = 0; at < rows.length; at += BATCH) await trx.insertInto('cost_rules').values(rows.slice(at, at + BATCH)).execute();
}

/** Drops the organisation's own rules, so its analysis uses the defaults again. */
export async function deleteRules(db: Db, organisationId: string): Promise<void> {
  await db.deleteFrom('cost_rules').where('organisation_id', '=', organisationId).execute();
}

export async function findColumnMapping(db: Db, organisationId: string): Promise<ColumnMapping | null> {
  const row = await db.selectFrom('cost_column_mappings').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!row) return null;
  return { account: row.account, accountName: row.account_name, costCentre: row.cost_centre, amount: row.amount, date: row.date };
}

export async function saveColumnMapping(db: Db, organisationId: string, mapping: ColumnMapping, now: string): Promise<void> {
  const values = {
    account: mapping.account,
    account_name: mapping.accountName ?? null,
    cost_centre: mapping.costCentre ?? null,
    amount: mapping.amount,
    date: mapping.date ?? null,
    updated_at: now,
  };
  await db
    .insertInto('cost_column_mappings')
    .values({ organisation_id: organisationId, ...values })
    .onConflict((conflict) => conflict.column('organisation_id').doUpdateSet(values))
    .execute();
}

export async function loadTowers(db: Db, organisationIds: readonly string[], year: number): Promise<Map<string, TowerStaffing>> {
  const result = new Map<string, TowerStaffing>();
  if (organisationIds.length === 0) return result;
  const rows = await db.selectFrom('cost_towers').selectAll().where('organisation_id', 'in', [...organisationIds]).where('year', '=', year).execute();
  for (const row of rows) {
    if (!(IT_TOWER_KEYS as readonly string[]).includes(row.tower)) continue;
    const staffing = result.get(row.organisation_id) ?? {};
    staffing[row.tower as (typeof IT_TOWER_KEYS)[number]] = {
      fte: row.fte_hundredths === null ? null : toNumber(row.fte_hundredths) / 100,
      costOre: row.cost_ore === null ? null : toNumber(row.cost_ore),
    };
    result.set(row.organisation_id, staffing);
  }
  return result;
}

export async function replaceTowers(trx: Transaction<Database>, organisationId: string, year: number, staffing: TowerStaffing): Promise<void> {
  await trx.deleteFrom('cost_towers').where('organisation_id', '=', organisationId).where('year', '=', year).execute();
  const rows: CostTowersTable[] = [];
  for (const tower of IT_TOWER_KEYS) {
    const entry = staffing[tower];
    const fte = entry?.fte ?? null;
    const cost = entry?.costOre ?? null;
    if (fte === null && cost === null) continue;
    rows.push({ organisation_id: organisationId, year, tower, fte_hundredths: fte === null ? null : Math.round(fte * 100), cost_ore: cost });
  }
  if (rows.length > 0) await trx.insertInto('cost_towers').values(rows).execute();
}
