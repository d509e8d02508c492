// Turns the report services' results into what the report pages show: the pages' paths, the
// forms' starting values, the batch's progress as JSON. The permission flags (canIssue,
// canRunStudy, canOpenOrganisation) come from the services, which ask src/access/report-policy.ts.
import type { Messages } from '../../i18n/messages.ts';
import { LOGO_MAX_BYTES } from '../../reports/logo-image.ts';
import type { ClassificationLevel } from '../../reports/report-model.ts';
import type { FieldErrors } from '../../ui/forms.tsx';
import type { MemberTextsView, ReportOverview } from './report-admin-service.ts';
import type { BatchJob } from './batch-job-service.ts';
import type { StudyMember } from './report-service.ts';
import type { IssueChanges, ReportKind, StudySettings } from './report-types.ts';

export type { BatchJob, IssueChanges, MemberTextsView, ReportKind, ReportOverview, StudyMember };

export const reportsPath = (organisationId: string, year?: number) => (year === undefined ? `/org/${organisationId}/reports` : `/org/${organisationId}/reports/${year}`);
export const batchPath = (organisationId: string, year: number, jobId: string) => `${reportsPath(organisationId, year)}/batch/${jobId}`;

export interface IssueFormState {
  reason: string;
  classification: ClassificationLevel;
  errors: FieldErrors;
}

export interface SettingsFormState {
  values: Record<keyof StudySettings, string>;
  errors: FieldErrors;
}

export function settingsFormValues(settings: StudySettings): Record<keyof StudySettings, string> {
  return { ...settings, goalPicture: settings.goalPicture.join('\n') };
}
export const versionPath = (organisationId: string, year: number, version: string) => `${reportsPath(organisationId, year)}/versions/${version}`;
/** "1 MB": the logo's size limit as the forms and messages say it. */
export const LOGO_MAX_MB_TEXT = `${LOGO_MAX_BYTES / (1024 * 1024)} MB`;
export const memberTextsPath = (organisationId: string, year: number) => `${reportsPath(organisationId, year)}/texts`;

/** The batch's progress as the progress page's script reads it. */
export function batchStatusJson(m: Messages, job: BatchJob) {
  const t = m.reportPages.batch;
  const progressText = t.progress(job.done, job.total);
  const statusText = job.status === 'done' ? `${progressText}. ${t.done}` : job.status === 'failed' ? t.failed : job.current === '' || job.done >= job.total ? progressText : `${progressText}. ${t.current(job.current)}`;
  return {
    status: job.status,
    done: job.done,
    total: job.total,
    progressText,
    statusText,
    errorText: job.status === 'failed' ? (job.error && job.error !== 'internal' ? m.errors[job.error].body : t.failedHint) : null,
    download: job.status === 'done' ? `${batchPath(job.studyOrganisationId, job.year, job.id)}.zip` : null,
  };
}
