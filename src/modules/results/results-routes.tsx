// Routes of a round's results: the page, CSV/XLSX exports, SVG/PNG per chart and the JSON API.
// Each validates its input, calls getRoundResults (which checks access and applies the
// anonymity rule) and presents the answer rounded once by publishedFigures, so every output
// publishes the same figures.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import type { Actor } from '../../access/actor.ts';
import { maturityCharts } from '../../charts/maturity-charts.ts';
import { renderChartPng } from '../../charts/render-png.ts';
import { renderChartSvg } from '../../charts/render-svg.ts';
import { pick } from '../../i18n/messages.ts';
import { pageContext } from '../../web/page-context.ts';
import { renderToString } from 'preact-render-to-string';
import { renderDocument, sendPage } from '../../web/render.ts';
import { registerBenchmarkAdminRoutes } from './benchmark-admin-routes.tsx';
import { publishedFigures } from './published-figures.ts';
import { resultsCsv, resultsJson, resultsXlsx } from './results-export.ts';
import { recordDownload } from '../audit/audit-service.ts';
import { authorizeRoundResults, getRoundResults, resultsPageVersion } from './results-service.ts';
import type { RoundResults } from '../../domain/results/round-results.ts';
import { NoResultsPage } from './views/no-results-page.tsx';
import { ResultsContent, ResultsFrame } from './views/results-page.tsx';
import { respondentsAddedAfterFirstAnswer } from '../rounds/round-service.ts';

const roundParams = z.object({ roundId: z.uuid() });
const chartParams = z.object({ roundId: z.uuid(), file: z.string().regex(/^[a-z0-9-]+\.(svg|png)$/) });
const instrumentQuery = z.object({ instrument: z.string().regex(/^[a-z0-9.-]+$/).optional() });

/** Stands for the main part in the rendered frame; made of characters Preact does not escape. */
const CONTENT_MARK = `mogna-results-content-${randomUUID()}`;

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new AppError('not_found');
  return result.data;
}

/** A file name without characters that break a Content-Disposition header. */
function fileName(name: string, year: number, extension: string): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `resultat-${base || 'matning'}-${year}.${extension}`;
}

/** Exports are audited once their access check (in getRoundResults) has passed. */
function recordExport(ctx: AppContext, actor: Actor, results: RoundResults, format: 'csv' | 'xlsx' | 'json'): Promise<void> {
  const detail = { format, instrument: results.instrument.key };
  return recordDownload(ctx, actor, 'export_downloaded', results.round.organisationId, detail, { type: 'round', id: results.round.id });
}

export function registerResultsRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerBenchmarkAdminRoutes(app, ctx);

  app.get('/rounds/:roundId/results', async (request, reply) => {
    const { roundId } = parse(roundParams, request.params);
    const { instrument } = parse(instrumentQuery, request.query);
    // Access first, on every request: the cache below only ever answers a reader allowed to see the round.
    const access = await authorizeRoundResults(ctx, request.actor, roundId);
    if (access.instruments.length === 0) {
      return sendPage(reply, <NoResultsPage page={pageContext(request, reply)} roundId={roundId} roundName={access.round.name} />);
    }
    const instruments = access.instruments.map((entry) => ({ key: entry.key, name: pick(entry.name, request.locale) }));
    const late = await respondentsAddedAfterFirstAnswer(ctx, request.actor, roundId);
    const shown = instrument ? access.instruments.find((candidate) => candidate.key === instrument) : access.instruments[0];
    // A closed round's page changes only with the data its version covers: reuse its rendered main part.
    const keyOf = async () =>
      shown && access.round.status === 'closed'
        ? [roundId, shown.key, request.locale, instruments.map((entry) => entry.key).join(','), late.added, await resultsPageVersion(ctx, access.round, shown)].join('|')
        : null;
    const cacheKey = await keyOf();
    let content = cacheKey ? ctx.caches.resultsPages.get(cacheKey) : undefined;
    const fresh = content === undefined ? publishedFigures(await getRoundResults(ctx, request.actor, roundId, instrument)) : null;
    const page = pageContext(request, reply);
    if (fresh) {
      const charts = maturityCharts(fresh, request.m.results, request.locale);
      content = renderToString(<ResultsContent page={page} results={fresh} charts={charts} instruments={instruments} addedAfterFirstAnswer={late.added} />);
      // Kept only when nothing changed meanwhile (the first view of a closed round publishes it).
      if (cacheKey && (await keyOf()) === cacheKey) ctx.caches.resultsPages.set(cacheKey, content);
    }
    const html = renderDocument(<ResultsFrame page={page} roundName={access.round.name}>{CONTENT_MARK}</ResultsFrame>);
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html.replace(CONTENT_MARK, () => content ?? ''));
  });

  app.get('/rounds/:roundId/results.csv', async (request, reply) => {
    const { roundId } = parse(roundParams, request.params);
    const { instrument } = parse(instrumentQuery, request.query);
    const results = publishedFigures(await getRoundResults(ctx, request.actor, roundId, instrument));
    await recordExport(ctx, request.actor, results, 'csv');
    return reply
      .header('content-disposition', `attachment; filename="${fileName(results.round.name, results.round.year, 'csv')}"`)
      .header('cache-control', 'no-store')
      .type('text/csv; charset=utf-8')
      .send(resultsCsv(results, request.locale));
  });

  app.get('/rounds/:roundId/results.xlsx', async (request, reply) => {
    const { roundId } = parse(roundParams, request.params);
    const { instrument } = parse(instrumentQuery, request.query);
    const results = publishedFigures(await getRoundResults(ctx, request.actor, roundId, instrument));
    await recordExport(ctx, request.actor, results, 'xlsx');
    return reply
      .header('content-disposition', `attachment; filename="${fileName(results.round.name, results.round.year, 'xlsx')}"`)
      .header('cache-control', 'no-store')
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(await resultsXlsx(results, request.locale));
  });

  app.get('/rounds/:roundId/results/charts/:file', async (request, reply) => {
    const { roundId, file } = parse(chartParams, request.params);
    const { instrument } = parse(instrumentQuery, request.query);
    const [id, format] = file.split('.') as [string, 'svg' | 'png'];
    const results = publishedFigures(await getRoundResults(ctx, request.actor, roundId, instrument));
    const spec = maturityCharts(results, request.m.results, request.locale).find((candidate) => candidate.id === id);
    if (!spec) throw new AppError('not_found');
    reply.header('content-disposition', `attachment; filename="${spec.id}-${results.round.year}.${format}"`).header('cache-control', 'no-store');
    if (format === 'svg') return reply.type('image/svg+xml; charset=utf-8').send(renderChartSvg(spec, request.locale));
    return reply.type('image/png').send(await renderChartPng(spec, 2, request.locale));
  });

  app.get('/api/rounds/:roundId/results', async (request, reply) => {
    const { roundId } = parse(roundParams, request.params);
    const { instrument } = parse(instrumentQuery, request.query);
    const results = publishedFigures(await getRoundResults(ctx, request.actor, roundId, instrument));
    await recordExport(ctx, request.actor, results, 'json');
    return reply.header('cache-control', 'no-store').send(resultsJson(results, request.locale));
  });
}
