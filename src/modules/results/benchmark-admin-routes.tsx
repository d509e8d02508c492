// The operator's page for comparisons: import published reference values from CSV (every
// problem named with its row; nothing is stored unless the whole file is right) and choose
// which organisations take part in national comparisons.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import { authorizeManageBenchmarks } from '../../access/results-policy.ts';
import type { Messages } from '../../i18n/messages.ts';
import { Button, CsrfField, ErrorSummary } from '../../ui/forms.tsx';
import { Layout } from '../../ui/layout.tsx';
import { pageContext, redirectWithFlash, type PageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import {
  importReferenceValues,
  listParticipation,
  listReferenceSources,
  removeReferenceSource,
  setBenchmarkParticipation,
  type ParticipationEntry,
  type ReferenceSourceSummary,
} from './benchmark-admin-service.ts';
import { parseReferenceCsv, type ReferenceProblem } from './reference-values.ts';

const MAX_REFERENCE_FILE_BYTES = 1024 * 1024;
const PATH = '/operator/benchmarks';

const participationForm = z.object({ organisationId: z.uuid(), participates: z.enum(['0', '1']) });
const removeForm = z.object({ instrument: z.string().min(1).max(100), version: z.string().min(1).max(100), year: z.coerce.number().int(), source: z.string().min(1).max(200) });

export function referenceProblemMessage(m: Messages['results']['operator']['problems'], problem: ReferenceProblem): string {
  switch (problem.code) {
    case 'header':
      return m.header;
    case 'empty':
      return m.empty;
    case 'malformed':
      return m.malformed;
    case 'instrument':
      return m.instrument(problem.row, problem.value);
    case 'year':
      return m.year(problem.row, problem.value);
    case 'measure':
      return m.measure(problem.row, problem.value);
    case 'value':
      return m.value(problem.row, problem.value, problem.max);
    case 'source':
      return m.source(problem.row);
    case 'duplicate':
      return m.duplicate(problem.row, problem.first);
    case 'organisations':
      return m.organisations(problem.row, problem.value);
    case 'organisationsDiffer':
      return m.organisationsDiffer(problem.row, problem.first);
  }
}

function BenchmarkAdminPage(props: { page: PageContext; sources: ReferenceSourceSummary[]; organisations: ParticipationEntry[]; error?: string; problems: string[] }) {
  const { page, sources, organisations, problems } = props;
  const { m } = page;
  const t = m.results.operator;
  const errors: Record<string, string> = props.error ? { 'reference-file': props.error } : {};
  return (
    <Layout page={page} title={t.title}>
      <ErrorSummary m={m} errors={errors} />
      <p class="caption">
        <a href="/operator">{m.operator.title}</a>
      </p>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>

      <h2>{t.importHeading}</h2>
      <form method="post" action={`${PATH}/reference-values?_csrf=${encodeURIComponent(page.csrfToken)}`} enctype="multipart/form-data">
        <div class={`field${props.error ? ' field-has-error' : ''}`}>
          <label class="label" for="reference-file">
            {t.fileLabel}
          </label>
          <p class="hint" id="reference-file-hint">
            {t.fileHint}
          </p>
          {props.error ? (
            <div class="field-error" id="reference-file-error">
              <p>
                <span class="visually-hidden">{m.common.errorPrefix} </span>
                {props.error}
              </p>
              {problems.length > 0 ? (
                <ul data-testid="reference-problems">
                  {problems.map((problem) => (
                    <li>{problem}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          <input
            class="file-input"
            id="reference-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={props.error ? 'reference-file-hint reference-file-error' : 'reference-file-hint'}
          />
        </div>
        <Button>{t.importButton}</Button>
      </form>

      <h2>{t.tableCaption}</h2>
      {sources.length === 0 ? (
        <p>{t.noValues}</p>
      ) : (
        <table class="table">
          <caption class="visually-hidden">{t.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.results.columns.source}</th>
              <th scope="col">{m.results.instrumentLabel}</th>
              <th scope="col" class="numeric">
                {m.organisation.year}
              </th>
              <th scope="col" class="numeric">
                {m.results.columns.n}
              </th>
              <th scope="col">
                <span class="visually-hidden">{t.removeSource}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => (
              <tr>
                <th scope="row">{source.source}</th>
                <td>
                  {source.instrumentKey} {source.version}
                </td>
                <td class="numeric">{source.year}</td>
                <td class="numeric">{source.values}</td>
                <td>
                  <form method="post" action={`${PATH}/reference-values/remove`} class="inline-form">
                    <CsrfField token={page.csrfToken} />
                    <input type="hidden" name="instrument" value={source.instrumentKey} />
                    <input type="hidden" name="version" value={source.version} />
                    <input type="hidden" name="year" value={String(source.year)} />
                    <input type="hidden" name="source" value={source.source} />
                    <button type="submit" class="link-button">
                      {t.removeSource}
                      <span class="visually-hidden">
                        {' '}
                        – {source.source} {source.year}
                      </span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t.optOutHeading}</h2>
      <p>{t.optOutIntro}</p>
      <table class="table" data-testid="participation">
        <caption class="visually-hidden">{t.optOutCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.organisation}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">
              <span class="visually-hidden">{t.optOut}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {organisations.map((organisation) => (
            <tr>
              <th scope="row">{organisation.name}</th>
              <td>{organisation.optedOut ? t.optedOut : t.participates}</td>
              <td>
                <form method="post" action={`${PATH}/participation`} class="inline-form">
                  <CsrfField token={page.csrfToken} />
                  <input type="hidden" name="organisationId" value={organisation.id} />
                  <input type="hidden" name="participates" value={organisation.optedOut ? '1' : '0'} />
                  <button type="submit" class="link-button">
                    {organisation.optedOut ? t.optIn : t.optOut}
                    <span class="visually-hidden"> – {organisation.name}</span>
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

export function registerBenchmarkAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  async function show(request: FastifyRequest, reply: FastifyReply, form: { error?: string; problems: string[] } = { problems: [] }, status = 200) {
    const sources = await listReferenceSources(ctx, request.actor);
    const organisations = await listParticipation(ctx, request.actor);
    return sendPage(reply, <BenchmarkAdminPage page={pageContext(request, reply)} sources={sources} organisations={organisations} error={form.error} problems={form.problems} />, status);
  }

  app.get(PATH, async (request, reply) => show(request, reply));

  app.post(`${PATH}/reference-values`, async (request, reply) => {
    authorizeManageBenchmarks(request.actor);
    const t = request.m.results.operator;
    const file = request.isMultipart() ? await request.file({ limits: { fileSize: MAX_REFERENCE_FILE_BYTES } }) : undefined;
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
