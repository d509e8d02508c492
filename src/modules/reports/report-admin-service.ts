// What users change about reports: the study's texts and the issued versions. Actor first,
// policy first (src/access/report-policy.ts); the study a report belongs to comes from the
// report service's studyOf, so a member's settings are always its federation's.
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import type { Actor } from '../../app/actor.ts';
import { authorizeIssueMemberReport, authorizeRunStudy, authorizeViewFederationReport, authorizeViewMemberReport, canRunStudy } from '../../access/report-policy.ts';
import type { ClassificationLevel } from '../../reports/report-model.ts';
import type { Locale } from '../../i18n/format.ts';
import { messages } from '../../i18n/messages.ts';
import { buildFederationReport, visibleParts } from '../../reports/federation-report.ts';
import { federationDrafts } from '../../reports/federation-drafts.ts';
import { effectiveMemberTexts, MEMBER_TEXT_KEYS, memberDrafts, type MemberTextKey, type MemberTexts } from '../../reports/member-drafts.ts';
import { buildMemberReport } from '../../reports/member-report.ts';
import { changedKeys, federationReportDigests, memberReportDigests, type ReportDigests } from '../../reports/report-digests.ts';
import type { ReportDocument } from '../../reports/report-model.ts';
import {
  insertIssueDigests,
  insertIssueFiles,
  insertReportIssue,
  listReportIssues,
  nextVersionNumber,
  organisationName,
  readIssueDigests,
  readIssueFile,
  deleteStudyLogo,
  readStudyLogo,
  readStudySettings,
  saveMemberTexts,
  saveStudyLogo,
  saveStudySettings,
  versionLabel,
  type IssuedFormat,
  type StoredLogo,
} from './repository.ts';
import { fitLogo, inspectLogo, logoMediaType, type LogoProblem } from '../../reports/logo-image.ts';
import { authorizeFederationReportReader, federationReportInput, memberReportInput, reportYears, studyOf, type PendingIssue, type Study } from './report-service.ts';
import type { IssueChanges, IssuedReport, ReportKind, StudySettings } from './report-types.ts';

export const REASON_MAX_LENGTH = 300;
export const SETTINGS_TEXT_MAX_LENGTH = 4000;

export const emptyStudySettings: StudySettings = { background: '', purpose: '', goal: '', scope: '', goalPicture: [], author: '', title: '', subtitle: '' };

/** The study's texts (empty strings where nothing is written yet). Only for those who run the study. */
export async function getStudySettings(ctx: AppContext, actor: Actor, organisationId: string, year: number): Promise<{ study: Study; settings: StudySettings }> {
  const study = await studyOf(ctx, actor, organisationId, year);
  authorizeRunStudy(actor, study.organisation.id);
  return { study, settings: (await readStudySettings(ctx.db, study.organisation.id, year)) ?? emptyStudySettings };
}

export async function updateStudySettings(ctx: AppContext, actor: Actor, organisationId: string, year: number, settings: StudySettings): Promise<void> {
  const study = await studyOf(ctx, actor, organisationId, year);
  authorizeRunStudy(actor, study.organisation.id);
  const texts = [settings.background, settings.purpose, settings.goal, settings.scope, settings.author, settings.title, settings.subtitle, settings.goalPicture.join('\n')];
  if (texts.some((text) => text.length > SETTINGS_TEXT_MAX_LENGTH)) throw new AppError('validation', 'study text too long');
  const userId = actor.kind === 'user' ? actor.userId : null;
  await saveStudySettings(ctx.db, study.organisation.id, year, settings, userId, ctx.clock.now().toISOString());
}

/**
 * Stores the study's logo (issue 13) after checking its bytes (PNG or JPEG by magic bytes, its
 * dimensions readable, at most LOGO_MAX_BYTES). Returns the problem instead of storing a file
 * that is not fit; only those who run the study may change it.
 */
export async function updateStudyLogo(ctx: AppContext, actor: Actor, organisationId: string, year: number, bytes: Buffer): Promise<{ ok: true } | { ok: false; problem: LogoProblem }> {
  const study = await studyOf(ctx, actor, organisationId, year);
  authorizeRunStudy(actor, study.organisation.id);
  const inspected = inspectLogo(bytes);
  if (!inspected.ok) return inspected;
  const userId = actor.kind === 'user' ? actor.userId : null;
  await ctx.db.transaction().execute((trx) => saveStudyLogo(trx, study.organisation.id, year, { data: bytes, ...inspected.info }, userId, ctx.clock.now().toISOString()));
  return { ok: true };
}

/** Removes the study's logo of the year; issued versions keep the one they were issued with. */
export async function removeStudyLogo(ctx: AppContext, actor: Actor, organisationId: string, year: number): Promise<void> {
  const study = await studyOf(ctx, actor, organisationId, year);
  authorizeRunStudy(actor, study.organisation.id);
  await deleteStudyLogo(ctx.db, study.organisation.id, year);
}

function federationRef(study: Study) {
  return { id: study.organisation.id, memberIds: study.members.map((member) => member.id) };
}

/** Who may issue which report of the study; the pages show the form only to them. */
function canIssueReport(actor: Actor, study: Study, kind: ReportKind, subjectOrganisationId: string): boolean {
  try {
    if (kind === 'federation') authorizeRunStudy(actor, study.organisation.id);
    else authorizeIssueMemberReport(actor, subjectOrganisationId, study.organisation.id);
    return true;
  } catch {
    return false;
  }
}

function canRunStudyOf(actor: Actor, study: Study): boolean {
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

/**
 * Records a new version (1.0, 1.1 …) with the issuer's name, the reason and the classification,
 * and freezes it: the DOCX and PDF are drawn once (with this version in their history) and stored
 * with a digest per part and text, in the same transaction as the version. Later changes to the
 * data never change what an issued version downloads as.
 */
export async function issueReport(ctx: AppContext, actor: Actor, request: IssueRequest, locale: Locale = 'sv'): Promise<IssuedReport> {
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
  const issuedAt = ctx.clock.now().toISOString();
  const versionNumber = await nextVersionNumber(ctx.db, request.subjectOrganisationId, request.year, request.kind);
  const pending = { entry: { date: issuedAt.slice(0, 10), version: versionLabel(versionNumber), by: actor.name, reason }, classification: request.classification };
  const frozen = await freeze(ctx, actor, request, pending, locale);
  const id = ctx.ids.id();
  return ctx.db.transaction().execute(async (trx) => {
    const issued = await insertReportIssue(trx, {
      id,
      subjectOrganisationId: request.subjectOrganisationId,
      year: request.year,
      kind: request.kind,
      issuedAt,
      issuedBy: actor.name,
      reason,
      classification: request.classification,
      expectedVersionNumber: versionNumber,
    });
    await insertIssueFiles(trx, id, frozen.files);
    await insertIssueDigests(trx, id, frozen.digests);
    return issued;
  });
}

/** Draws the report to be issued in DOCX and PDF and takes its digests. */
async function freeze(ctx: AppContext, actor: Actor, request: IssueRequest, pending: PendingIssue, locale: Locale): Promise<{ files: Record<IssuedFormat, Buffer>; digests: ReportDigests }> {
  let document: ReportDocument;
  let digests: ReportDigests;
  if (request.kind === 'federation') {
    const input = await federationReportInput(ctx, actor, request.subjectOrganisationId, request.year, pending);
    document = buildFederationReport(input, locale);
    digests = federationReportDigests(input);
  } else {
    const input = await memberReportInput(ctx, actor, request.subjectOrganisationId, request.year, pending);
    document = buildMemberReport(input, locale);
    digests = memberReportDigests(input, effectiveMemberTexts(input, locale));
  }
  const [docx, pdf] = (await ctx.reports.renderFormats(document, ['docx', 'pdf'])) as [Buffer, Buffer];
  return { files: { docx, pdf }, digests };
}

/** The bytes of an issued version exactly as they were issued (for whoever may read the report). */
/** An issued version's stored file with the subject's name for the file name (issuedReportFile's access check). */
export async function issuedReportDownload(ctx: AppContext, actor: Actor, subjectOrganisationId: string, year: number, kind: ReportKind, version: string, format: IssuedFormat): Promise<{ content: Buffer; organisationName: string }> {
  const content = await issuedReportFile(ctx, actor, subjectOrganisationId, year, kind, version, format);
  return { content, organisationName: (await organisationName(ctx.db, subjectOrganisationId)) ?? 'rapport' };
}

async function issuedReportFile(ctx: AppContext, actor: Actor, subjectOrganisationId: string, year: number, kind: ReportKind, version: string, format: IssuedFormat): Promise<Buffer> {
  // The federation report is readable by its members' users, who cannot open the federation's pages.
  if (kind === 'federation') await authorizeFederationReportReader(ctx, actor, subjectOrganisationId, year);
  const history = kind === 'federation' ? await listReportIssues(ctx.db, subjectOrganisationId, year, kind) : await reportHistory(ctx, actor, subjectOrganisationId, year, kind);
  const issue = history.find((entry) => entry.version === version);
  if (!issue) throw new AppError('not_found');
  const content = await readIssueFile(ctx.db, issue.id, format);
  if (!content) throw new AppError('not_found');
  return content;
}

/** What changed in each version since the one before it, by issue id (the first has none). */
async function issueChanges(ctx: AppContext, history: readonly IssuedReport[]): Promise<Map<string, IssueChanges>> {
  const digests = await readIssueDigests(ctx.db, history.map((entry) => entry.id));
  const changes = new Map<string, IssueChanges>();
  for (let index = 1; index < history.length; index += 1) {
    const before = digests.get(history[index - 1]!.id)!;
    const after = digests.get(history[index]!.id)!;
    if (Object.keys(before.parts).length === 0 || Object.keys(after.parts).length === 0) continue;
    changes.set(history[index]!.id, { parts: changedKeys(before.parts, after.parts), texts: changedKeys(before.texts, after.texts) });
  }
  return changes;
}

/** The version history shown on the pages (oldest first), for whoever may read the report. */
async function reportHistory(ctx: AppContext, actor: Actor, subjectOrganisationId: string, year: number, kind: ReportKind): Promise<IssuedReport[]> {
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
  /** What changed in each version since the one before it, by issue id. */
  changes: Map<string, IssueChanges>;
  canIssue: boolean;
  /** Edit the study's texts and run the batch. */
  canRunStudy: boolean;
  /** The study's texts, for those who may edit them. */
  settings: StudySettings | null;
  /** The study's logo as a data: URL for the preview, for those who may change it; null when none. */
  logo: { dataUrl: string; width: number; height: number } | null;
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
    changes: await issueChanges(ctx, history),
    canIssue: canIssueReport(actor, study, kind, organisationId),
    canRunStudy: mayRunStudy,
    settings: mayRunStudy ? ((await readStudySettings(ctx.db, study.organisation.id, year)) ?? emptyStudySettings) : null,
    logo: mayRunStudy ? logoPreview(await readStudyLogo(ctx.db, study.organisation.id, year)) : null,
  };
}

function logoPreview(logo: StoredLogo | null): ReportOverview['logo'] {
  if (!logo) return null;
  const size = fitLogo(logo, 240, 120);
  return { dataUrl: `data:${logoMediaType(logo.type)};base64,${logo.data.toString('base64')}`, ...size };
}

/**
 * The name key of the anonymised federation report: each member's number beside its name. Only
 * for those who run the study (authorizeRunStudy); it is never put in the batch's ZIP, which is
 * meant for sharing.
 */
export async function nameKeyText(ctx: AppContext, actor: Actor, organisationId: string, year: number, locale: Locale): Promise<{ study: Study; text: string }> {
  const study = await studyOf(ctx, actor, organisationId, year);
  authorizeRunStudy(actor, study.organisation.id);
  const t = messages(locale).reportPages.batch;
  const lines = [t.readmeTitle(study.organisation.name, study.year), '', t.readmeMembers];
  for (const member of [...study.members].sort((a, b) => a.number - b.number)) lines.push(`  ${t.memberLabel(member.number)}: ${member.name}`);
  lines.push('');
  return { study, text: lines.join('\r\n') };
}

export const MEMBER_TEXT_MAX_LENGTH = 4000;

export interface MemberTextsView {
  study: Study;
  /** A member's sub-report, or the federation report (its texts are kept under the federation's id). */
  kind: ReportKind;
  member: { id: string; name: string };
  year: number;
  /** The keys of the texts this member's report has (the parts it took part in, the summary, the recommendations). */
  keys: MemberTextKey[];
  written: Record<MemberTextKey, string>;
  drafts: Record<MemberTextKey, string>;
}

async function memberTextsAccess(ctx: AppContext, actor: Actor, organisationId: string, year: number): Promise<{ study: Study; kind: ReportKind }> {
  const study = await studyOf(ctx, actor, organisationId, year);
  if (study.isFederation && study.organisation.id === organisationId) {
    // The federation report's own texts: only those who run the study write them.
    authorizeRunStudy(actor, study.organisation.id);
    return { study, kind: 'federation' };
  }
  authorizeIssueMemberReport(actor, organisationId, study.organisation.id);
  return { study, kind: 'member' };
}

/**
 * A member's texts and their drafts, for those who may issue its sub-report (authorizeIssueMemberReport);
 * for the federation's own id, the federation report's texts, for those who run the study.
 */
export async function getMemberTexts(ctx: AppContext, actor: Actor, organisationId: string, year: number, locale: Locale): Promise<MemberTextsView> {
  const { study, kind } = await memberTextsAccess(ctx, actor, organisationId, year);
  if (kind === 'federation') {
    const input = await federationReportInput(ctx, actor, organisationId, year);
    const stored = input.analystTexts ?? {};
    const shown = visibleParts(input);
    const has = { summary: true, maturity: shown.maturity !== null, security: shown.security !== null, costs: shown.costs !== null, capabilityMap: shown.capabilityMap !== null, recommendations: true };
    const written = Object.fromEntries(MEMBER_TEXT_KEYS.map((key) => [key, stored[key] ?? ''])) as Record<MemberTextKey, string>;
    return { study, kind, member: { id: organisationId, name: study.organisation.name }, year, keys: MEMBER_TEXT_KEYS.filter((key) => has[key]), written, drafts: federationDrafts(input, locale) };
  }
  const input = await memberReportInput(ctx, actor, organisationId, year);
  const drafts = memberDrafts(input, locale);
  const stored = input.analystTexts ?? {};
  const written = Object.fromEntries(MEMBER_TEXT_KEYS.map((key) => [key, stored[key] ?? ''])) as Record<MemberTextKey, string>;
  const has = { summary: true, maturity: input.maturity !== null, security: input.security !== null, costs: input.costs !== null, capabilityMap: input.capabilityMap !== null, recommendations: true };
  const member = study.members.find((entry) => entry.id === organisationId);
  return { study, kind, member: { id: organisationId, name: member?.name ?? study.organisation.name }, year, keys: MEMBER_TEXT_KEYS.filter((key) => has[key]), written, drafts };
}

/** Saves a member's texts (every given key; an empty text means "use the draft"), in one transaction. */
export async function updateMemberTexts(ctx: AppContext, actor: Actor, organisationId: string, year: number, texts: MemberTexts): Promise<void> {
  await memberTextsAccess(ctx, actor, organisationId, year);
  if (Object.values(texts).some((text) => (text ?? '').length > MEMBER_TEXT_MAX_LENGTH)) throw new AppError('validation', 'member text too long');
  const values = Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, (text ?? '').trim()]));
  const userId = actor.kind === 'user' ? actor.userId : null;
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute((trx) => saveMemberTexts(trx, organisationId, year, values, userId, now));
}

/** Stores the current draft of one text as the member's own text ("Använd förslaget"). */
export async function acceptMemberDraft(ctx: AppContext, actor: Actor, organisationId: string, year: number, key: MemberTextKey, locale: Locale): Promise<void> {
  const view = await getMemberTexts(ctx, actor, organisationId, year, locale);
  await updateMemberTexts(ctx, actor, organisationId, year, { [key]: view.drafts[key] });
}
