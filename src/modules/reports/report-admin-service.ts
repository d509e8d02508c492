// What users change about reports: the study's texts and the issued versions. Actor first,
// policy first (src/access/report-policy.ts); the study a report belongs to comes from the
// report service's studyOf, so a member's settings are always its federation's.
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import type { Actor } from '../../access/actor.ts';
import { authorizeIssueMemberReport, authorizeRunStudy, authorizeViewFederationReport, authorizeViewMemberReport, canRunStudy } from '../../access/report-policy.ts';
import type { ClassificationLevel } from '../../reports/report-model.ts';
import { insertReportIssue, listReportIssues, readStudySettings, saveStudySettings } from './report-repository.ts';
import { reportYears, studyOf, type Study } from './report-service.ts';
import type { IssuedReport, ReportKind, StudySettings } from './report-types.ts';

export const REASON_MAX_LENGTH = 300;
export const SETTINGS_TEXT_MAX_LENGTH = 4000;

export const emptyStudySettings: StudySettings = { background: '', purpose: '', goal: '', scope: '', goalPicture: [], author: '' };

/** The study's texts (empty strings where nothing is written yet). Only for those who run the study. */
export async function getStudySettings(ctx: AppContext, actor: Actor, organisationId: string, year: number): Promise<{ study: Study; settings: StudySettings }> {
  const study = await studyOf(ctx, actor, organisationId, year);
  authorizeRunStudy(actor, study.organisation.id);
  return { study, settings: (await readStudySettings(ctx.db, study.organisation.id, year)) ?? emptyStudySettings };
}

export async function updateStudySettings(ctx: AppContext, actor: Actor, organisationId: string, year: number, settings: StudySettings): Promise<void> {
  const study = await studyOf(ctx, actor, organisationId, year);
  authorizeRunStudy(actor, study.organisation.id);
  const texts = [settings.background, settings.purpose, settings.goal, settings.scope, settings.author, settings.goalPicture.join('\n')];
  if (texts.some((text) => text.length > SETTINGS_TEXT_MAX_LENGTH)) throw new AppError('validation', 'study text too long');
  const userId = actor.kind === 'user' ? actor.userId : null;
  await saveStudySettings(ctx.db, study.organisation.id, year, settings, userId, ctx.clock.now().toISOString());
}

function federationRef(study: Study) {
  return { id: study.organisation.id, memberIds: study.members.map((member) => member.id) };
}

/** Who may issue which report of the study; the pages show the form only to them. */
export function canIssueReport(actor: Actor, study: Study, kind: ReportKind, subjectOrganisationId: string): boolean {
  try {
    if (kind === 'federation') authorizeRunStudy(actor, study.organisation.id);
    else authorizeIssueMemberReport(actor, subjectOrganisationId, study.organisation.id);
    return true;
  } catch {
    return false;
  }
}

export function canRunStudyOf(actor: Actor, study: Study): boolean {
  return canRunStudy(actor, study.organisation.id);
}

export interface IssueRequest {
  /** The member for a sub-report; the study organisation for the federation report. */
  subjectOrganisationId: string;
  year: number;
  kind: ReportKind;
  reason: string;
  classification: ClassificationLevel;
}

/** Records a new version (1.0, 2.0 …) with the issuer's name, the reason and the classification. */
export async function issueReport(ctx: AppContext, actor: Actor, request: IssueRequest): Promise<IssuedReport> {
  const study = await studyOf(ctx, actor, request.subjectOrganisationId, request.year);
  if (request.kind === 'federation') {
    if (study.organisation.id !== request.subjectOrganisationId) throw new AppError('not_found');
    authorizeRunStudy(actor, study.organisation.id);
  } else {
    authorizeIssueMemberReport(actor, request.subjectOrganisationId, study.organisation.id);
  }
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const reason = request.reason.trim();
  if (reason === '' || reason.length > REASON_MAX_LENGTH) throw new AppError('validation', 'reason');
  return ctx.db.transaction().execute((trx) =>
    insertReportIssue(trx, {
      id: ctx.ids.id(),
      subjectOrganisationId: request.subjectOrganisationId,
      year: request.year,
      kind: request.kind,
      issuedAt: ctx.clock.now().toISOString(),
      issuedBy: actor.name,
      reason,
      classification: request.classification,
    }),
  );
}

/** The version history shown on the pages (oldest first), for whoever may read the report. */
export async function reportHistory(ctx: AppContext, actor: Actor, subjectOrganisationId: string, year: number, kind: ReportKind): Promise<IssuedReport[]> {
  const study = await studyOf(ctx, actor, subjectOrganisationId, year);
  if (kind === 'federation') authorizeViewFederationReport(actor, federationRef(study));
  else authorizeViewMemberReport(actor, subjectOrganisationId);
  return listReportIssues(ctx.db, subjectOrganisationId, year, kind);
}

/** What the reports page of an organisation and year shows, and what the reader may do there. */
export interface ReportOverview {
  study: Study;
  year: number;
  /** The federation page (the study organisation of a federation) or a member's page. */
  kind: ReportKind;
  subject: { id: string; name: string };
  /** The subject's number in the federation report, for a member of a federation. */
  memberNumber: number | null;
  years: number[];
  history: IssuedReport[];
  canIssue: boolean;
  /** Edit the study's texts and run the batch. */
  canRunStudy: boolean;
  /** The study's texts, for those who may edit them. */
  settings: StudySettings | null;
}

export async function getReportOverview(ctx: AppContext, actor: Actor, organisationId: string, year: number): Promise<ReportOverview> {
  const study = await studyOf(ctx, actor, organisationId, year);
  const kind: ReportKind = study.isFederation && study.organisation.id === organisationId ? 'federation' : 'member';
  const member = study.members.find((candidate) => candidate.id === organisationId);
  if (kind === 'member' && !member && study.organisation.id !== organisationId) throw new AppError('not_found');
  const subjectName = member?.name ?? study.organisation.name;
  const history = await reportHistory(ctx, actor, organisationId, year, kind);
  const mayRunStudy = canRunStudyOf(actor, study);
  return {
    study,
    year,
    kind,
    subject: { id: organisationId, name: subjectName },
    memberNumber: kind === 'member' && study.isFederation ? (member?.number ?? null) : null,
    years: await reportYears(ctx, actor, organisationId),
    history,
    canIssue: canIssueReport(actor, study, kind, organisationId),
    canRunStudy: mayRunStudy,
    settings: mayRunStudy ? ((await readStudySettings(ctx.db, study.organisation.id, year)) ?? emptyStudySettings) : null,
  };
}
