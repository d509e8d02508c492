// Routes of the reports: the year page, downloads (DOCX, PDF, HTML) and the preview of a
// member's sub-report or the federation report, issuing a version, the study's texts, and the
// batch of every report as a ZIP with its progress page. Thin: validate with zod, call a report
// service (which asks src/access/report-policy.ts), render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import { getOrganisation } from '../organisations/organisation-service.ts';
import { ReportArticle } from '../../reports/html-renderer.tsx';
import { reportContentType } from '../../reports/render-report.ts';
import type { ReportDocument } from '../../reports/report-model.ts';
import { pageContext, redirectWithFlash } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { isMemberTextKey, MEMBER_TEXT_KEYS } from '../../reports/member-drafts.ts';
import {
  acceptMemberDraft,
  emptyStudySettings,
  getMemberTexts,
  getReportOverview,
  getStudySettings,
  removeStudyLogo,
  updateStudyLogo,
  issuedReportFile,
  issueReport,
  MEMBER_TEXT_MAX_LENGTH,
  nameKeyText,
  REASON_MAX_LENGTH,
  SETTINGS_TEXT_MAX_LENGTH,
  updateMemberTexts,
  updateStudySettings,
} from './report-admin-service.ts';
import { MemberTextsPage, memberTextsPath } from './member-texts-views.tsx';
import { findBatchJob, startBatchJob, type BatchJob } from './report-batch-jobs.ts';
import { isClassificationLevel } from './classification.ts';
import { attachmentHeader, reportFileName } from './report-file-name.ts';
import { recordDownload } from '../audit/audit-service.ts';
import { organisationName, goalPictureFromText } from './repository.ts';
import { defaultReportYear, federationReportDocument, memberReportDocument } from './report-service.ts';
import type { ReportFormat, ReportKind, StudySettings } from './report-types.ts';
import { LOGO_MAX_BYTES } from '../../reports/logo-image.ts';
import { UploadTooLargeError, watchedUpload } from '../costs/cost-upload.ts';
import { BatchJobPage, LOGO_MAX_MB_TEXT, batchPath, NoReportsPage, ReportPreviewPage, reportsPath, ReportYearPage, settingsFormValues, type IssueFormState, type SettingsFormState } from './report-views.tsx';

const orgParams = z.object({ orgId: z.uuid() });
const yearParams = orgParams.extend({ year: z.coerce.number().int().min(2000).max(2100) });
const fileParams = yearParams.extend({ file: z.string().regex(/^(member|federation)(\.(docx|pdf|html))?$/) });
const versionParams = yearParams.extend({ version: z.string().regex(/^1\.\d{1,4}$/), file: z.string().regex(/^(member|federation)\.(docx|pdf)$/) });
const jobParams = yearParams.extend({ job: z.string().regex(/^[0-9a-f]{32}(\.(json|zip))?$/) });

const issueBody = z.object({
  kind: z.enum(['member', 'federation']),
  reason: z.string().default(''),
  classification: z.string().default('0'),
});

const settingsBody = z.object({
  background: z.string().default(''),
  purpose: z.string().default(''),
  goal: z.string().default(''),
  scope: z.string().default(''),
  goalPicture: z.string().default(''),
  author: z.string().default(''),
  title: z.string().default(''),
  subtitle: z.string().default(''),
});

const memberTextsBody = z.object({
  summary: z.string().optional(),
  maturity: z.string().optional(),
  security: z.string().optional(),
  costs: z.string().optional(),
  capabilityMap: z.string().optional(),
  recommendations: z.string().optional(),
  accept: z.string().optional(),
});

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new AppError('not_found');
  return result.data;
}

function reportDocument(ctx: AppContext, request: FastifyRequest, kind: ReportKind, organisationId: string, year: number): Promise<ReportDocument> {
  return kind === 'member'
    ? memberReportDocument(ctx, request.actor, organisationId, year, request.locale)
    : federationReportDocument(ctx, request.actor, organisationId, year, request.locale);
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
    const { orgId } = parse(orgParams, request.params);
    const year = await defaultReportYear(ctx, request.actor, orgId);
    if (year !== null) return reply.redirect(reportsPath(orgId, year), 303);
    const organisation = await getOrganisation(ctx, request.actor, orgId);
    return sendPage(reply, <NoReportsPage page={pageContext(request, reply)} organisationId={orgId} organisationName={organisation.name} />);
  });

  app.get('/org/:orgId/reports/:year', async (request, reply) => {
    const { orgId, year } = parse(yearParams, request.params);
    return showYear(request, reply, orgId, year);
  });

  // member.docx|pdf|html and federation.docx|pdf|html are downloads; member and federation the preview.
  app.get('/org/:orgId/reports/:year/:file', async (request, reply) => {
    const { orgId, year, file } = parse(fileParams, request.params);
    const [kindText, format] = file.split('.') as [ReportKind, ReportFormat | undefined];
    const document = await reportDocument(ctx, request, kindText, orgId, year);
    // The document has passed its access check, so the name may be read directly.
    const name = (await organisationName(ctx.db, orgId)) ?? 'rapport';
    if (format === undefined) {
      return sendPage(
        reply,
        <ReportPreviewPage page={pageContext(request, reply)} organisationId={orgId} organisationName={name} year={year} title={document.title}>
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
    const { orgId, year } = parse(yearParams, request.params);
    const body = issueBody.safeParse(request.body ?? {});
    if (!body.success) throw new AppError('validation');
    const t = request.m.reportPages.issue;
    const reason = body.data.reason.trim();
    const level = Number(body.data.classification);
    const classification = isClassificationLevel(level) ? level : null;
    const errors: Record<string, string> = {};
    if (reason === '') errors.reason = t.reasonRequired;
    else if (reason.length > REASON_MAX_LENGTH) errors.reason = t.reasonTooLong(REASON_MAX_LENGTH);
    if (classification === null) errors.classification = t.classificationInvalid;
    if (Object.keys(errors).length > 0 || classification === null) {
      return showYear(request, reply, orgId, year, { issue: { reason: body.data.reason.slice(0, 1000), classification: classification ?? 0, errors } }, 400);
    }
    const issued = await issueReport(ctx, request.actor, { subjectOrganisationId: orgId, year, kind: body.data.kind, reason, classification }, request.locale);
    return redirectWithFlash(reply, reportsPath(orgId, year), t.issued(issued.version));
  });

  app.post('/org/:orgId/reports/:year/settings', async (request, reply) => {
    const { orgId, year } = parse(yearParams, request.params);
    const body = settingsBody.safeParse(request.body ?? {});
    if (!body.success) throw new AppError('validation');
    const values = body.data;
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

  // The study's logo: a multipart upload (the CSRF token rides in the query string).
  app.post('/org/:orgId/reports/:year/logo', async (request, reply) => {
    const { orgId, year } = parse(yearParams, request.params);
    // Only those who run the study get as far as sending a file.
    await getStudySettings(ctx, request.actor, orgId, year);
    const t = request.m.reportPages.studyLogo;
    const fail = (message: string, status: number) => showYear(request, reply, orgId, year, { logoError: message }, status);
    if (!request.isMultipart()) return fail(t.noFile, 400);
    const file = await request.file({ limits: { fileSize: LOGO_MAX_BYTES, files: 1 } });
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
    const { orgId, year } = parse(yearParams, request.params);
    await removeStudyLogo(ctx, request.actor, orgId, year);
    return redirectWithFlash(reply, `${reportsPath(orgId, year)}#logo-heading`, request.m.reportPages.studyLogo.removed);
  });

  // An issued version, exactly the bytes stored when it was issued.
  app.get('/org/:orgId/reports/:year/versions/:version/:file', async (request, reply) => {
    const { orgId, year, version, file } = parse(versionParams, request.params);
    const [kind, format] = file.split('.') as [ReportKind, 'docx' | 'pdf'];
    const content = await issuedReportFile(ctx, request.actor, orgId, year, kind, version, format);
    const name = (await organisationName(ctx.db, orgId)) ?? 'rapport';
    const asciiName = reportFileName(name, year, format).replace(new RegExp(`\\.${format}$`), `-v${version}.${format}`);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', attachmentHeader(asciiName, `Mogna ${name} ${year} version ${version}.${format}`))
      .type(reportContentType(format))
      .send(content);
  });

  // The name key of the anonymised federation report, never inside the batch ZIP.
  app.get('/org/:orgId/reports/:year/name-key.txt', async (request, reply) => {
    const { orgId, year } = parse(yearParams, request.params);
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
    const { orgId, year } = parse(yearParams, request.params);
    return showMemberTexts(request, reply, orgId, year);
  });

  app.post('/org/:orgId/reports/:year/texts', async (request, reply) => {
    const { orgId, year } = parse(yearParams, request.params);
    const body = memberTextsBody.safeParse(request.body ?? {});
    if (!body.success) throw new AppError('validation');
    const t = request.m.reportPages.memberTexts;
    const { accept, ...fields } = body.data;
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
    const { orgId, year } = parse(yearParams, request.params);
    const job = await startBatchJob(ctx, request.actor, orgId, year, request.locale);
    return reply.redirect(batchPath(job.studyOrganisationId, year, job.id), 303);
  });

  app.get('/org/:orgId/reports/:year/batch/:job', async (request, reply) => {
    const { orgId, year, job: jobFile } = parse(jobParams, request.params);
    const [jobId, suffix] = jobFile.split('.') as [string, 'json' | 'zip' | undefined];
    const job = findBatchJob(ctx, request.actor, orgId, year, jobId);
    if (suffix === 'json') return reply.header('cache-control', 'no-store').send(batchJson(request, job));
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

function batchJson(request: FastifyRequest, job: BatchJob) {
  const t = request.m.reportPages.batch;
  const progressText = t.progress(job.done, job.total);
  const statusText = job.status === 'done' ? `${progressText}. ${t.done}` : job.status === 'failed' ? t.failed : job.current === '' || job.done >= job.total ? progressText : `${progressText}. ${t.current(job.current)}`;
  return {
    status: job.status,
    done: job.done,
    total: job.total,
    progressText,
    statusText,
    errorText: job.status === 'failed' ? (job.error && job.error !== 'internal' ? request.m.errors[job.error].body : t.failedHint) : null,
    download: job.status === 'done' ? `${batchPath(job.studyOrganisationId, job.year, job.id)}.zip` : null,
  };
}
