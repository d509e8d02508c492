// Shapes shared by the report storage, the builders and the pages (issue 6).
import type { ClassificationLevel } from '../../reports/report-model.ts';

export type ReportKind = 'member' | 'federation';
export type ReportFormat = 'docx' | 'pdf' | 'html';
export const reportFormats: readonly ReportFormat[] = ['docx', 'pdf', 'html'];

/**
 * The texts an analyst writes once per study (a federation and a year; or an organisation outside
 * any federation and a year). Empty strings mean "use the default text".
 */
export interface StudySettings {
  background: string;
  purpose: string;
  goal: string;
  scope: string;
  /** The common goal picture ("målbild") of the federation report: one bullet per entry. */
  goalPicture: string[];
  /** Shown as the reports' author; empty means the study organisation's name. */
  author: string;
}

/** One issued version of a report, as the version history table shows it. */
export interface IssuedReport {
  /** "1.0", "2.0" … */
  version: string;
  /** ISO date. */
  date: string;
  by: string;
  reason: string;
  classification: ClassificationLevel;
}
