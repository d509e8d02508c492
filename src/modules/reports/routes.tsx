// Routes of the reports: the year page, downloads (DOCX, PDF, HTML) and the preview of a
// member's sub-report or the federation report, issuing a version, the study's texts, and the
// batch of every report as a ZIP with its progress page. Thin: validate with zod, call a report
// service (which asks src/access/report-policy.ts), present, render one page of views/.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import { getOrganisation } from '../organisations/service.ts';
import { ReportArticle } from '../../reports/html-renderer.tsx';
import { reportContentType } from '../../reports/render-report.ts';
import { pageContext, redirectWithFlash } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { parseParams } from '../../web/validate.ts';
import { uploadedFile } from '../../web/multipart-upload.ts';
import { isMemberTextKey, MEMBER_TEXT_KEYS } from '../../reports/member-drafts.ts';
import {
  acceptMemberDraft,
  emptyStudySettings,
  getMemberTexts,
  getReportOverview,
  getStudySettings,
  removeStudyLogo,
  updateStudyLogo,
  issuedReportDownload,
  issueReport,
  MEMBER_TEXT_MAX_LENGTH,
  nameKeyText,
  REASON_MAX_LENGTH,
  SETTINGS_TEXT_MAX_LENGTH,
  updateMemberTexts,
  updateStudySettings,
} from './report-admin-service.ts';
import { findBatchJob, startBatchJob } from './batch-job-service.ts';
import { isClassificationLevel } from '../../reports/classification.ts';
import { attachmentHeader, reportFileName } from '../../reports/report-file-name.ts';
import { recordDownload } from '../audit/service.ts';
import { defaultReportYear, readerReport } from './report-service.ts';
import type { ReportFormat, ReportKind, StudySettings } from './report-types.ts';
import { LOGO_MAX_BYTES } from '../../reports/logo-image.ts';
import { UploadTooLargeError, watchedUpload } from '../costs/cost-upload.ts';
import { batchPath, batchStatusJson, LOGO_MAX_MB_TEXT, memberTextsPath, reportsPath, settingsFormValues, type IssueFormState, type SettingsFormState } from './presenter.ts';
import { fileParams, goalPictureFromText, issueBody, jobParams, memberTextsBody, orgParams, settingsBody, versionParams, yearParams } from './schema.ts';
import { BatchJobPage } from './views/batch-page.tsx';
import { MemberTextsPage } from './views/member-texts-page.tsx';
import { NoReportsPage } from './views/no-reports-page.tsx';
import { ReportPreviewPage } from './views/preview-page.tsx';
import { ReportYearPage } from './views/year-page.tsx';

/** A form body our own pages post; anything else is a bad request. */
function parseBody<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new AppError('validation');
  return result.data;
}

export function registerReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const emptyIssue = (): IssueFormState => ({ reason: '', classification: 0, errors: {} });

  async function showYear(
    request: FastifyRequest,
    reply: FastifyReply,
    orgId: string,
    year: number,
    state: { issue?: IssueFormState; settings?: SettingsFormState; logoError?: string } = {},
    status = 200,
  ): Promise<FastifyReply> {
    const overview = await getReportOverview(ctx, request.actor, orgId, year);
    const logoErrors: Record<string, string> = state.logoError ? { 'logo-file': state.logoError } : {};
    const settingsForm = state.settings ?? (overview.settings ? { values: settingsFormValues(overview.settings), errors: logoErrors } : null);
    return sendPage(reply, <ReportYearPage page={pageContext(request, reply)} overview={overview} issueForm={state.issue ?? emptyIssue()} settingsForm={settingsForm} />, status);
  }

  app.get('/org/:orgId/reports', async (request, reply) => {
    const { orgId } = parseParams(orgParams, request.params);
    const year = await defaultReportYear(ctx, request.actor, orgId);
    if (year !== null) return reply.redirect(reportsPath(orgId, year), 303);
    const organisation = await getOrganisation(ctx, request.actor, orgId);
    return sendPage(reply, <NoReportsPage page={pageContext(request, reply)} organisationId={orgId} organisationName={organisation.name} />);
  });

  app.get('/org/:orgId/reports/:year', async (request, reply) => {
    const { orgId, year } = parseParams(yearParams, request.params);
    return showYear(request, reply, orgId, year);
  });

  // member.docx|pdf|html and federation.docx|pdf|html are downloads; member and federation the preview.
  app.get('/org/:orgId/reports/:year/:file', async (request, reply) => {
    const { orgId, year, file } = parseParams(fileParams, request.params);
    const [kindText, format] = file.split('.') as [ReportKind, ReportFormat | undefined];
    const { document, organisationName: name, canOpenOrganisation } = await readerReport(ctx, request.actor, kindText, orgId, year, request.locale);
    if (format === undefined) {
      return sendPage(
        reply,
        <ReportPreviewPage page={pageContext(request, reply)} organisationId={orgId} organisationName={name} canOpenOrganisation={canOpenOrganisation} year={year} title={document.title}>
          <ReportArticle document={document} />
        </ReportPreviewPage>,
      );
    }
    const content = await ctx.reports.render(document, format);
    await recordDownload(ctx, request.actor, 'report_downloaded', orgId, { kind: kindText, year, format });
    const asciiName = reportFileName(name, year, format);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', attachmentHeader(asciiName, `Mogna ${name} ${year}.${format}`))
      .type(reportContentType(format))
      .send(content);
  });

  app.post('/org/:orgId/reports/:year/issue', async (request, reply) => {
    const { orgId, year } = parseParams(yearParams, request.params);
    const body = parseBody(issueBody, request.body);
    const t = request.m.reportPages.issue;
    const reason = body.reason.trim();
    const level = Number(body.classification);
    const classification = isClassificationLevel(level) ? level : null;
    const errors: Record<string, string> = {};
    if (reason === '') errors.reason = t.reasonRequired;
    else if (reason.length > REASON_MAX_LENGTH) errors.reason = t.reasonTooLong(REASON_MAX_LENGTH);
    if (classification === null) errors.classification = t.classificationInvalid;
    if (Object.keys(errors).length > 0 || classification === null) {
      return showYear(request, reply, orgId, year, { issue: { reason: body.reason.slice(0, 1000), classification: classification ?? 0, errors } }, 400);
    }
    const issued = await issueReport(ctx, request.actor, { subjectOrganisationId: orgId, year, kind: body.kind, reason, classification }, request.locale);
    return redirectWithFlash(reply, reportsPath(orgId, year), t.issued(issued.version));
  });

  app.post('/org/:orgId/reports/:year/settings', async (request, reply) => {
    const { orgId, year } = parseParams(yearParams, request.params);
    const body = parseBody(settingsBody, request.body);
    const values = body;
    const t = request.m.reportPages.settings;
    const errors: Record<string, string> = {};
    for (const [field, value] of Object.entries(values)) {
      if (value.length > SETTINGS_TEXT_MAX_LENGTH) errors[field] = t.tooLong(SETTINGS_TEXT_MAX_LENGTH);
    }
    if (Object.keys(errors).length > 0) {
      const clipped = Object.fromEntries(Object.entries(values).map(([field, value]) => [field, value.slice(0, SETTINGS_TEXT_MAX_LENGTH * 2)])) as SettingsFormState['values'];
      return showYear(request, reply, orgId, year, { settings: { values: clipped, errors } }, 400);
    }
    const settings: StudySettings = {
      ...emptyStudySettings,
      background: values.background.trim(),
      purpose: values.purpose.trim(),
      goal: values.goal.trim(),
      scope: values.scope.trim(),
      goalPicture: goalPictureFromText(values.goalPicture),
      author: values.author.trim(),
      title: values.title.trim(),
      subtitle: values.subtitle.trim(),
    };
    await updateStudySettings(ctx, request.actor, orgId, year, settings);
    return redirectWithFlash(reply, `${reportsPath(orgId, year)}#settings-heading`, t.saved);
  });

  // The study's logo: a multipart upload (the CSRF token is its first field, checked before the file is read).
  app.post('/org/:orgId/reports/:year/logo', { config: { uploadLimits: { fileSize: LOGO_MAX_BYTES, files: 1 } } }, async (request, reply) => {
    const { orgId, year } = parseParams(yearParams, request.params);
    // Only those who run the study get as far as sending a file.
    await getStudySettings(ctx, request.actor, orgId, year);
    const t = request.m.reportPages.studyLogo;
    const fail = (message: string, status: number) => showYear(request, reply, orgId, year, { logoError: message }, status);
    if (!request.isMultipart()) return fail(t.noFile, 400);
    const file = uploadedFile(request);
    if (!file || !file.filename) {
      file?.file.resume();
      return fail(t.noFile, 400);
    }
    const upload = watchedUpload(file.file);
    const chunks: Uint8Array[] = [];
    try {
      for await (const chunk of upload.source) chunks.push(chunk);
    } catch (error) {
      if (error instanceof UploadTooLargeError) return fail(t.tooLarge(LOGO_MAX_MB_TEXT), 413);
      throw error;
    }
    const stored = await updateStudyLogo(ctx, request.actor, orgId, year, Buffer.concat(chunks));
    if (!stored.ok) {
      const message = { empty: t.empty, tooLarge: t.tooLarge(LOGO_MAX_MB_TEXT), type: t.wrongType, dimensions: t.badDimensions }[stored.problem];
      return fail(message, stored.problem === 'tooLarge' ? 413 : 400);
    }
    return redirectWithFlash(reply, `${reportsPath(orgId, year)}#logo-heading`, t.uploaded);
  });

  app.post('/org/:orgId/reports/:year/logo/remove', async (request, reply) => {
    const { orgId, year } = parseParams(yearParams, request.params);
    await removeStudyLogo(ctx, request.actor, orgId, year);
    return redirectWithFlash(reply, `${reportsPath(orgId, year)}#logo-heading`, request.m.reportPages.studyLogo.removed);
  });

  // An issued version, exactly the bytes stored when it was issued.
  app.get('/org/:orgId/reports/:year/versions/:version/:file', async (request, reply) => {
    const { orgId, year, version, file } = parseParams(versionParams, request.params);
    const [kind, format] = file.split('.') as [ReportKind, 'docx' | 'pdf'];
    const { content, organisationName: name } = await issuedReportDownload(ctx, request.actor, orgId, year, kind, version, format);
    const asciiName = reportFileName(name, year, format).replace(new RegExp(`\\.${format}$`), `-v${version}.${format}`);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', attachmentHeader(asciiName, `Mogna ${name} ${year} version ${version}.${format}`))
      .type(reportContentType(format))
      .send(content);
  });

  // The name key of the anonymised federation report, never inside the batch ZIP.
  app.get('/org/:orgId/reports/:year/name-key.txt', async (request, reply) => {
    const { orgId, year } = parseParams(yearParams, request.params);
    const { text } = await nameKeyText(ctx, request.actor, orgId, year, request.locale);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', attachmentHeader(request.m.reportPages.nameKey.fileName(year)))
      .type('text/plain; charset=utf-8')
      .send(text);
  });

  async function showMemberTexts(request: FastifyRequest, reply: FastifyReply, orgId: string, year: number, values?: Record<string, string>, errors: Record<string, string> = {}, status = 200) {
    const view = await getMemberTexts(ctx, request.actor, orgId, year, request.locale);
    return sendPage(reply, <MemberTextsPage page={pageContext(request, reply)} view={view} values={values ?? view.written} errors={errors} />, status);
  }

  app.get('/org/:orgId/reports/:year/texts', async (request, reply) => {
    const { orgId, year } = parseParams(yearParams, request.params);
    return showMemberTexts(request, reply, orgId, year);
  });

  app.post('/org/:orgId/reports/:year/texts', async (request, reply) => {
    const { orgId, year } = parseParams(yearParams, request.params);
    const body = parseBody(memberTextsBody, request.body);
    const t = request.m.reportPages.memberTexts;
    const { accept, ...fields } = body;
    if (accept !== undefined) {
      if (!isMemberTextKey(accept)) throw new AppError('validation', 'accept');
      await acceptMemberDraft(ctx, request.actor, orgId, year, accept, request.locale);
      return redirectWithFlash(reply, memberTextsPath(orgId, year), t.draftUsed(t.labels[accept] ?? accept));
    }
    const texts: Record<string, string> = {};
    const errors: Record<string, string> = {};
    for (const key of MEMBER_TEXT_KEYS) {
      const value = fields[key];
      if (value === undefined) continue;
      texts[key] = value;
      if (value.length > MEMBER_TEXT_MAX_LENGTH) errors[key] = t.tooLong(MEMBER_TEXT_MAX_LENGTH);
    }
    if (Object.keys(errors).length > 0) {
      const clipped = Object.fromEntries(Object.entries(texts).map(([key, value]) => [key, value.slice(0, MEMBER_TEXT_MAX_LENGTH * 2)]));
      return showMemberTexts(request, reply, orgId, year, clipped, errors, 400);
    }
    await updateMemberTexts(ctx, request.actor, orgId, year, texts);
    return redirectWithFlash(reply, memberTextsPath(orgId, year), t.saved);
  });

  app.post('/org/:orgId/reports/:year/batch', async (request, reply) => {
    const { orgId, year } = parseParams(yearParams, request.params);
    const job = await startBatchJob(ctx, request.actor, orgId, year, request.locale);
    return reply.redirect(batchPath(job.studyOrganisationId, year, job.id), 303);
  });

  app.get('/org/:orgId/reports/:year/batch/:job', async (request, reply) => {
    const { orgId, year, job: jobFile } = parseParams(jobParams, request.params);
    const [jobId, suffix] = jobFile.split('.') as [string, 'json' | 'zip' | undefined];
    const job = findBatchJob(ctx, request.actor, orgId, year, jobId);
    if (suffix === 'json') return reply.header('cache-control', 'no-store').send(batchStatusJson(request.m, job));
    if (suffix === 'zip') {
      if (job.status !== 'done') throw new AppError('not_found');
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', attachmentHeader(job.fileName))
        .type('application/zip')
        .send(ctx.files.createReadStream(job.filePath));
    }
    return sendPage(reply, <BatchJobPage page={pageContext(request, reply)} organisationId={orgId} job={job} />);
  });
}
