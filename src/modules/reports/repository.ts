// Reads and writes the reports' stored data: the study texts and the history of issued versions.
// No access checks here: the report services (which ask src/access/report-policy.ts first), the
// report builders and the demo seeder call these functions.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ClassificationLevel } from '../../reports/report-model.ts';
import { createHash } from 'node:crypto';
import { AppError } from '../../app/errors.ts';
import { isClassificationLevel } from '../../reports/classification.ts';
import { goalPictureFromText } from './schema.ts';
import type { IssuedReport, ReportKind, StudySettings } from './report-types.ts';
import type { LogoImageType } from '../../reports/logo-image.ts';
import type { ItemAnswer } from '../../domain/instruments/answer-set.ts';
import type { LedgerAggregate } from '../../domain/costs/ledger-aggregate.ts';
import type { TowerStaffing } from '../../domain/costs/it-towers.ts';
import type { MappingRule } from '../../domain/costs/mapping-rules.ts';
import { answersOfResponses, submittedJointResponsesOf } from '../joint/repository.ts';
import { centralItCentres, federationMembers, findLedger, loadAggregate, loadTowers, ownRules } from '../costs/repository.ts';
import { findOrganisation } from '../organisations/repository.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function readStudySettings(db: Db, studyOrganisationId: string, year: number): Promise<StudySettings | null> {
  const row = await db.selectFrom('report_settings').selectAll().where('study_organisation_id', '=', studyOrganisationId).where('year', '=', year).executeTakeFirst();
  if (!row) return null;
  return {
    background: row.background,
    purpose: row.purpose,
    goal: row.goal,
    scope: row.scope,
    goalPicture: goalPictureFromText(row.goal_picture),
    author: row.author,
    title: row.title,
    subtitle: row.subtitle,
  };
}

/** Inserts or replaces the study's texts (one row per study organisation and year). */
export async function saveStudySettings(db: Db, studyOrganisationId: string, year: number, settings: StudySettings, updatedBy: string | null, updatedAt: string): Promise<void> {
  const values = {
    background: settings.background,
    purpose: settings.purpose,
    goal: settings.goal,
    scope: settings.scope,
    goal_picture: settings.goalPicture.join('\n'),
    author: settings.author,
    title: settings.title,
    subtitle: settings.subtitle,
    updated_at: updatedAt,
    updated_by: updatedBy,
  };
  await db
    .insertInto('report_settings')
    .values({ study_organisation_id: studyOrganisationId, year, ...values })
    .onConflict((conflict) => conflict.columns(['study_organisation_id', 'year']).doUpdateSet(values))
    .execute();
}

/** The first issue is 1.0, then 1.1, 1.2 … (issue 13). */
export function versionLabel(versionNumber: number): string {
  return `1.${versionNumber - 1}`;
}

function classificationOf(value: number): ClassificationLevel {
  return isClassificationLevel(value) ? value : 0;
}

/** Every issued version of one report, oldest first. */
export async function listReportIssues(db: Db, subjectOrganisationId: string, year: number, kind: ReportKind): Promise<IssuedReport[]> {
  const rows = await db
    .selectFrom('report_issues')
    .selectAll()
    .where('subject_organisation_id', '=', subjectOrganisationId)
    .where('year', '=', year)
    .where('kind', '=', kind)
    .orderBy('version_number', 'asc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    version: versionLabel(row.version_number),
    date: row.issued_at.slice(0, 10),
    by: row.issued_by,
    reason: row.reason,
    classification: classificationOf(row.classification),
  }));
}

export interface NewReportIssue {
  id: string;
  subjectOrganisationId: string;
  year: number;
  kind: ReportKind;
  issuedAt: string;
  issuedBy: string;
  reason: string;
  classification: ClassificationLevel;
  /** The number the caller built the document for; another issue in between makes this a conflict. */
  expectedVersionNumber?: number;
}

/** The number the next issue of a report gets (1 for the first). */
export async function nextVersionNumber(db: Db, subjectOrganisationId: string, year: number, kind: ReportKind): Promise<number> {
  const latest = await db
    .selectFrom('report_issues')
    .select((eb) => eb.fn.max('version_number').as('latest'))
    .where('subject_organisation_id', '=', subjectOrganisationId)
    .where('year', '=', year)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return Number(latest?.latest ?? 0) + 1;
}

/**
 * Adds the next version (1.0, 1.1 …). Call inside a transaction: the number is read and written
 * together, and the unique key turns a concurrent issue of the same number into an error
 * instead of two versions with one number.
 */
export async function insertReportIssue(trx: Db, issue: NewReportIssue): Promise<IssuedReport> {
  const versionNumber = await nextVersionNumber(trx, issue.subjectOrganisationId, issue.year, issue.kind);
  if (issue.expectedVersionNumber !== undefined && issue.expectedVersionNumber !== versionNumber) throw new AppError('conflict', 'another version was issued meanwhile');
  await trx
    .insertInto('report_issues')
    .values({
      id: issue.id,
      subject_organisation_id: issue.subjectOrganisationId,
      year: issue.year,
      kind: issue.kind,
      version_number: versionNumber,
      issued_at: issue.issuedAt,
      issued_by: issue.issuedBy,
      reason: issue.reason,
      classification: issue.classification,
    })
    .execute();
  return { id: issue.id, version: versionLabel(versionNumber), date: issue.issuedAt.slice(0, 10), by: issue.issuedBy, reason: issue.reason, classification: issue.classification };
}

/** An organisation's name for file names, after the caller has passed the report's access check. */
export async function organisationName(db: Db, organisationId: string): Promise<string | null> {
  const row = await db.selectFrom('organisations').select('name').where('id', '=', organisationId).executeTakeFirst();
  return row?.name ?? null;
}

// ---- The analyst's texts per member and year (issue 13) ----

/** The member's written texts by key; a key without a row has no text (the draft is used). */
export async function readMemberTexts(db: Db, organisationId: string, year: number): Promise<Record<string, string>> {
  const rows = await db.selectFrom('report_member_texts').select(['text_key', 'body']).where('organisation_id', '=', organisationId).where('year', '=', year).execute();
  return Object.fromEntries(rows.map((row) => [row.text_key, row.body]));
}

/** Writes the given texts (an empty one removes the row, so the draft is used again). */
export async function saveMemberTexts(db: Db, organisationId: string, year: number, texts: Record<string, string>, updatedBy: string | null, updatedAt: string): Promise<void> {
  for (const [key, body] of Object.entries(texts)) {
    if (body.trim() === '') {
      await db.deleteFrom('report_member_texts').where('organisation_id', '=', organisationId).where('year', '=', year).where('text_key', '=', key).execute();
      continue;
    }
    await db
      .insertInto('report_member_texts')
      .values({ organisation_id: organisationId, year, text_key: key, body, updated_at: updatedAt, updated_by: updatedBy })
      .onConflict((conflict) => conflict.columns(['organisation_id', 'year', 'text_key']).doUpdateSet({ body, updated_at: updatedAt, updated_by: updatedBy }))
      .execute();
  }
}

// ---- What an issued version holds: its files, exactly as issued, and its digests ----

export type IssuedFormat = 'docx' | 'pdf';

function sha256Hex(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex');
}

export async function insertIssueFiles(trx: Db, issueId: string, files: Record<IssuedFormat, Buffer>): Promise<void> {
  for (const [format, content] of Object.entries(files)) {
    await trx.insertInto('report_issue_files').values({ issue_id: issueId, format, content_base64: content.toString('base64'), sha256: sha256Hex(content) }).execute();
  }
}

/** The stored bytes of an issued version; null when that version has no stored file (issued before 0009). */
export async function readIssueFile(db: Db, issueId: string, format: IssuedFormat): Promise<Buffer | null> {
  const row = await db.selectFrom('report_issue_files').select(['content_base64', 'sha256']).where('issue_id', '=', issueId).where('format', '=', format).executeTakeFirst();
  if (!row) return null;
  const content = Buffer.from(row.content_base64, 'base64');
  if (sha256Hex(content) !== row.sha256) throw new Error(`stored ${format} of issue ${issueId} does not match its digest`);
  return content;
}

export interface IssueDigests {
  parts: Record<string, string>;
  texts: Record<string, string>;
}

export async function insertIssueDigests(trx: Db, issueId: string, digests: IssueDigests): Promise<void> {
  const rows = [
    ...Object.entries(digests.parts).map(([key, digest]) => ({ issue_id: issueId, scope: 'part', item_key: key, digest })),
    ...Object.entries(digests.texts).map(([key, digest]) => ({ issue_id: issueId, scope: 'text', item_key: key, digest })),
  ];
  if (rows.length > 0) await trx.insertInto('report_issue_digests').values(rows).execute();
}

export async function readIssueDigests(db: Db, issueIds: readonly string[]): Promise<Map<string, IssueDigests>> {
  const result = new Map<string, IssueDigests>(issueIds.map((id) => [id, { parts: {}, texts: {} }]));
  if (issueIds.length === 0) return result;
  const rows = await db.selectFrom('report_issue_digests').selectAll().where('issue_id', 'in', [...issueIds]).execute();
  for (const row of rows) {
    const entry = result.get(row.issue_id)!;
    if (row.scope === 'part') entry.parts[row.item_key] = row.digest;
    else entry.texts[row.item_key] = row.digest;
  }
  return result;
}

// ---- The study's logo (issue 13) ----

export interface StoredLogo {
  data: Buffer;
  type: LogoImageType;
  width: number;
  height: number;
}

/** The study's logo of a year, or null when none is uploaded. */
export async function readStudyLogo(db: Db, studyOrganisationId: string, year: number): Promise<StoredLogo | null> {
  const row = await db.selectFrom('report_study_logos').selectAll().where('study_organisation_id', '=', studyOrganisationId).where('year', '=', year).executeTakeFirst();
  if (!row) return null;
  const data = Buffer.from(row.content_base64, 'base64');
  if (sha256Hex(data) !== row.sha256) throw new Error(`stored logo of study ${studyOrganisationId} ${year} does not match its digest`);
  return { data, type: row.image_type === 'png' ? 'png' : 'jpeg', width: Number(row.width), height: Number(row.height) };
}

/** Inserts or replaces the study's logo of a year (already checked by inspectLogo). */
export async function saveStudyLogo(db: Db, studyOrganisationId: string, year: number, logo: StoredLogo, updatedBy: string | null, updatedAt: string): Promise<void> {
  const values = { image_type: logo.type, width: logo.width, height: logo.height, content_base64: logo.data.toString('base64'), sha256: sha256Hex(logo.data), updated_at: updatedAt, updated_by: updatedBy };
  await db
    .insertInto('report_study_logos')
    .values({ study_organisation_id: studyOrganisationId, year, ...values })
    .onConflict((conflict) => conflict.columns(['study_organisation_id', 'year']).doUpdateSet(values))
    .execute();
}

export async function deleteStudyLogo(db: Db, studyOrganisationId: string, year: number): Promise<void> {
  await db.deleteFrom('report_study_logos').where('study_organisation_id', '=', studyOrganisationId).where('year', '=', year).execute();
}

// ---- Who took part in a study's year, for the report services ----

/** The organisations' rounds of the year that are past draft, one row per instrument of a round. */
export async function submittedRoundsOf(db: Db, organisationIds: readonly string[], year: number) {
  return db
    .selectFrom('round_instruments')
    .innerJoin('rounds', 'rounds.id', 'round_instruments.round_id')
    .select(['rounds.id', 'rounds.organisation_id', 'rounds.status', 'round_instruments.instrument_key'])
    .where('round_instruments.organisation_id', 'in', [...organisationIds])
    .where('round_instruments.year', '=', year)
    .where('rounds.status', '!=', 'draft')
    .execute();
}

/** The organisations' submitted joint answers of the year: the round and the instrument of each. */
export async function submittedJointAnswersOf(db: Db, organisationIds: readonly string[], year: number) {
  return db
    .selectFrom('responses')
    .innerJoin('respondents', 'respondents.id', 'responses.respondent_id')
    .innerJoin('rounds', 'rounds.id', 'responses.round_id')
    .select(['rounds.id', 'rounds.organisation_id', 'responses.instrument_key'])
    .where('rounds.organisation_id', 'in', [...organisationIds])
    .where('rounds.year', '=', year)
    .where('respondents.joint', '=', 1)
    .where('responses.status', '=', 'submitted')
    .execute();
}

/** The organisations with a stored ledger of the year. */
export async function ledgerOrganisationsOf(db: Db, organisationIds: readonly string[], year: number) {
  return db.selectFrom('cost_ledgers').select('organisation_id').where('organisation_id', 'in', [...organisationIds]).where('year', '=', year).execute();
}

/** The years and statuses of the organisations' rounds past draft. */
export async function roundYearsOf(db: Db, organisationIds: readonly string[]) {
  return db.selectFrom('rounds').select(['year', 'status']).distinct().where('organisation_id', 'in', [...organisationIds]).where('status', '!=', 'draft').execute();
}

/** The years of the organisations' stored ledgers. */
export async function ledgerYearsOf(db: Db, organisationIds: readonly string[]) {
  return db.selectFrom('cost_ledgers').select('year').distinct().where('organisation_id', 'in', [...organisationIds]).execute();
}

/** The versions of an instrument the organisations' closed rounds of the year used. */
export async function closedInstrumentVersions(db: Db, instrumentKey: string, year: number, organisationIds: readonly string[]) {
  return db
    .selectFrom('round_instruments')
    .innerJoin('rounds', 'rounds.id', 'round_instruments.round_id')
    .select('round_instruments.instrument_version')
    .where('round_instruments.instrument_key', '=', instrumentKey)
    .where('round_instruments.year', '=', year)
    .where('rounds.organisation_id', 'in', [...organisationIds])
    .where('rounds.status', '=', 'closed')
    .execute();
}

// ---- The members' published figures for the anonymised federation report ----

/** One member's submitted joint answers, known only by its number in the study. */
export interface AnonymousJointAnswers {
  number: number;
  answers: Map<string, ItemAnswer>;
}

/** One member's stored ledger of the year with what its analysis depends on, known only by its number. */
interface AnonymousLedger {
  number: number;
  aggregate: LedgerAggregate;
  centralItCentres: string[];
  totalCostOre: number | null;
  /** The member's own mapping rules; null means the defaults. */
  ownRules: MappingRule[] | null;
  towers: TowerStaffing | null;
}

export interface PublishedFiguresQuery {
  federationId: string;
  year: number;
  /** The study's members and their numbers: the only members read, and all that is returned of them. */
  numbering: ReadonlyMap<string, number>;
  /** The joint instruments whose submitted answers are wanted. */
  jointInstrumentKeys: readonly string[];
}

export interface PublishedFigures {
  /** Per instrument key: the members that submitted a joint answer in the year, in the order of their ids (a stable order that names no one). */
  joint: Map<string, AnonymousJointAnswers[]>;
  /** The ledgers of the members that take part in the cost comparison; null when the study is no federation of municipalities. */
  ledgers: AnonymousLedger[] | null;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * What the anonymised federation report is built from: the members' submitted joint answers and
 * stored ledgers of a year, each under the member's number and never its id or name. No actor
 * and no threshold: the report service checks the reader's right first, and the federation
 * report applies the anonymity threshold (visibleParts) to what this returns.
 */
export async function readPublishedFigures(db: Db, query: PublishedFiguresQuery): Promise<PublishedFigures> {
  const memberIds = [...query.numbering.keys()];
  const numberOf = (id: string) => query.numbering.get(id)!;
  const joint = new Map<string, AnonymousJointAnswers[]>();
  for (const key of query.jointInstrumentKeys) {
    const responses = (await submittedJointResponsesOf(db, memberIds, key)).filter((row) => row.year === query.year);
    const answers = await answersOfResponses(db, responses.map((row) => row.id));
    const ordered = responses.map((row) => ({ id: row.organisation_id, answers: answers.get(row.id)! })).sort(byId);
    joint.set(key, ordered.map((row) => ({ number: numberOf(row.id), answers: row.answers })));
  }
  const federation = await findOrganisation(db, query.federationId);
  if (federation?.kind !== 'kommunalforbund') return { joint, ledgers: null };
  const included = (await federationMembers(db, query.federationId)).filter((member) => !member.benchmarkOptOut && query.numbering.has(member.id)).map((member) => member.id);
  const towers = await loadTowers(db, included, query.year);
  const ledgers: AnonymousLedger[] = [];
  for (const memberId of included) {
    const ledger = await findLedger(db, memberId, query.year);
    if (!ledger) continue;
    const [aggregate, centralIt, rules] = await Promise.all([loadAggregate(db, ledger), centralItCentres(db, ledger.id), ownRules(db, memberId)]);
    ledgers.push({ number: numberOf(memberId), aggregate, centralItCentres: centralIt, totalCostOre: ledger.totalCostOre, ownRules: rules, towers: towers.get(memberId) ?? null });
  }
  return { joint, ledgers };
}
