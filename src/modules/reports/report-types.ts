// Shapes shared by the report storage, the builders and the pages (issue 6).
import type { ClassificationLevel } from '../../reports/report-model.ts';

export type ReportKind = 'member' | 'federation';
export {  type ReportFormat } from '../../reports/report-formats.ts';

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
  /** The study's title on every report's title page; empty means the default title. */
  title: string;
  /** The federation report's subtitle; empty means the default. */
  subtitle: string;
}

/** One issued version of a report, as the version history table shows it. */
export interface IssuedReport {
  id: string;
  /** "1.0", "1.1" … */
  version: string;
  /** ISO date. */
  date: string;
  by: string;
  reason: string;
  classification: ClassificationLevel;
}

/** What changed since the version before (null for the first, or when either has no digests). */
export interface IssueChanges {
  /** Keys of the parts whose figures changed ('maturity', 'security', 'costs', 'capabilityMap', 'participation'). */
  parts: string[];
  /** Keys of the texts that changed (the member's texts, or the study's). */
  texts: string[];
}
