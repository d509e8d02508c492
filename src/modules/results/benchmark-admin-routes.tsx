// The operator's page for comparisons: import published reference values from CSV (every
// problem named with its row; nothing is stored unless the whole file is right) and choose
// which organisations take part in national comparisons.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import { pageContext, redirectWithFlash } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { uploadedFile } from '../../web/multipart-upload.ts';
import { assertManagesBenchmarks, importReferenceValues, listParticipation, listReferenceSources, removeReferenceSource, setBenchmarkParticipation } from './benchmark-admin-service.ts';
import { referenceProblemMessage } from './presenter.ts';
import { parseReferenceCsv } from './reference-values.ts';
import { participationForm, removeForm } from './schema.ts';
import { BENCHMARKS_PATH as PATH, BenchmarkAdminPage } from './views/benchmarks-page.tsx';

const MAX_REFERENCE_FILE_BYTES = 1024 * 1024;


export function registerBenchmarkAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  async function show(request: FastifyRequest, reply: FastifyReply, form: { error?: string; problems: string[] } = { problems: [] }, status = 200) {
    const sources = await listReferenceSources(ctx, request.actor);
    const organisations = await listParticipation(ctx, request.actor);
    return sendPage(reply, <BenchmarkAdminPage page={pageContext(request, reply)} sources={sources} organisations={organisations} error={form.error} problems={form.problems} />, status);
  }

  app.get(PATH, async (request, reply) => show(request, reply));

  app.post(`${PATH}/reference-values`, { config: { uploadLimits: { fileSize: MAX_REFERENCE_FILE_BYTES } } }, async (request, reply) => {
    // Asked before the upload is read.
    assertManagesBenchmarks(request.actor);
    const t = request.m.results.operator;
    const file = request.isMultipart() ? uploadedFile(request) : undefined;
    if (!file || !file.filename) return show(request, reply, { error: t.fileRequired, problems: [] }, 400);
    const buffer = await file.toBuffer();
    const result = parseReferenceCsv(buffer.toString('utf8'), (key, version) => ctx.instruments.get(key, version));
    if (!result.ok) {
      const problems = result.problems.map((problem) => referenceProblemMessage(t.problems, problem));
      return show(request, reply, { error: problems[0] ?? t.problems.malformed, problems }, 422);
    }
    const count = await importReferenceValues(ctx, request.actor, result.rows);
    return redirectWithFlash(reply, PATH, t.imported(count));
  });

  app.post(`${PATH}/reference-values/remove`, async (request, reply) => {
    const parsed = removeForm.safeParse(request.body ?? {});
    if (!parsed.success) throw new AppError('validation');
    await removeReferenceSource(ctx, request.actor, { instrumentKey: parsed.data.instrument, version: parsed.data.version, year: parsed.data.year, source: parsed.data.source });
    return redirectWithFlash(reply, PATH, request.m.results.operator.removed);
  });

  app.post(`${PATH}/participation`, async (request, reply) => {
    const parsed = participationForm.safeParse(request.body ?? {});
    if (!parsed.success) throw new AppError('validation');
    const participates = parsed.data.participates === '1';
    const name = await setBenchmarkParticipation(ctx, request.actor, parsed.data.organisationId, participates);
    return redirectWithFlash(reply, PATH, request.m.results.operator.optOutSaved(name, participates));
  });
}
