// Reads and writes the reports' stored data: the study texts and the history of issued versions.
// No access checks here: the report services (which ask src/access/report-policy.ts first), the
// report builders and the demo seeder call these functions.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ClassificationLevel } from '../../reports/report-model.ts';
import { isClassificationLevel } from './classification.ts';
import type { IssuedReport, ReportKind, StudySettings } from './report-types.ts';

type Db = Kysely<Database> | Transaction<Database>;

export function goalPictureFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[-•*]\s*/, '').trim())
    .filter((line) => line !== '');
}

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
    updated_at: updatedAt,
    updated_by: updatedBy,
  };
  await db
    .insertInto('report_settings')
    .values({ study_organisation_id: studyOrganisationId, year, ...values })
    .onConflict((conflict) => conflict.columns(['study_organisation_id', 'year']).doUpdateSet(values))
    .execute();
}

function versionLabel(versionNumber: number): string {
  return `${versionNumber}.0`;
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
}

/**
 * Adds the next version (1.0, 2.0 …). Call inside a transaction: the number is read and written
 * together, and the unique key turns a concurrent issue of the same number into an error
 * instead of two versions with one number.
 */
export async function insertReportIssue(trx: Db, issue: NewReportIssue): Promise<IssuedReport> {
  const latest = await trx
    .selectFrom('report_issues')
    .select((eb) => eb.fn.max('version_number').as('latest'))
    .where('subject_organisation_id', '=', issue.subjectOrganisationId)
    .where('year', '=', issue.year)
    .where('kind', '=', issue.kind)
    .executeTakeFirst();
  const versionNumber = Number(latest?.latest ?? 0) + 1;
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
  return { version: versionLabel(versionNumber), date: issue.issuedAt.slice(0, 10), by: issue.issuedBy, reason: issue.reason, classification: issue.classification };
}

/** An organisation's name for file names, after the caller has passed the report's access check. */
export async function organisationName(db: Db, organisationId: string): Promise<string | null> {
  const row = await db.selectFrom('organisations').select('name').where('id', '=', organisationId).executeTakeFirst();
  return row?.name ?? null;
}
