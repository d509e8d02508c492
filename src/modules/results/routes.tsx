// Routes of a round's results: the page, CSV/XLSX exports, SVG/PNG per chart and the JSON API.
// Each validates its input, calls getRoundResults (which checks access and applies the
// anonymity rule) and presents the answer rounded once by publishedFigures, so every output
// publishes the same figures.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import { parseParams } from '../../web/validate.ts';
import { chartParams, instrumentQuery, roundParams } from './schema.ts';
import { maturityCharts } from '../../charts/maturity-charts.ts';
import { renderChartPng } from '../../charts/render-png.ts';
import { renderChartSvg } from '../../charts/render-svg.ts';
import { pick } from '../../i18n/messages.ts';
import { pageContext } from '../../web/page-context.ts';
import { renderToString } from 'preact-render-to-string';
import { renderDocument, sendPage } from '../../web/render.ts';
import { registerBenchmarkAdminRoutes } from './benchmark-admin-routes.tsx';
import { publishedFigures } from './published-figures.ts';
import { resultsCsv, resultsJson, resultsXlsx } from './presenter.ts';
import { getRoundResults, openResultsPage, recordResultsExport } from './service.ts';
import { NoResultsPage } from './views/no-results-page.tsx';
import { ResultsContent, ResultsFrame } from './views/results-page.tsx';

/** Stands for the main part in the rendered frame; made of characters Preact does not escape. */
const CONTENT_MARK = `mogna-results-content-${randomUUID()}`;

/** The path, and the query as a path part: anything the schema rejects is not found. */
const parse = parseParams;

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

export function registerResultsRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerBenchmarkAdminRoutes(app, ctx);

  app.get('/rounds/:roundId/results', async (request, reply) => {
    const { roundId } = parse(roundParams, request.params);
    const { instrument } = parse(instrumentQuery, request.query);
    // Access first, on every request: the cache below only ever answers a reader allowed to see the round.
    const opened = await openResultsPage(ctx, request.actor, roundId, instrument);
    if (opened.instruments.length === 0) {
      return sendPage(reply, <NoResultsPage page={pageContext(request, reply)} roundId={roundId} roundName={opened.round.name} />);
    }
    const instruments = opened.instruments.map((entry) => ({ key: entry.key, name: pick(entry.name, request.locale) }));
    const late = opened.addedAfterFirstAnswer;
    // A closed round's page changes only with the data its version covers: reuse its rendered main part.
    const keyOf = (version: string | null) => (version === null ? null : [roundId, opened.shown?.key, request.locale, instruments.map((entry) => entry.key).join(','), late, version].join('|'));
    const cacheKey = keyOf(opened.version);
    let content = cacheKey ? ctx.caches.resultsPages.get(cacheKey) : undefined;
    const fresh = content === undefined ? publishedFigures(await getRoundResults(ctx, request.actor, roundId, instrument)) : null;
    const page = pageContext(request, reply);
    if (fresh) {
      const charts = maturityCharts(fresh, request.m.results, request.locale);
      content = renderToString(<ResultsContent page={page} results={fresh} charts={charts} instruments={instruments} addedAfterFirstAnswer={late} />);
      // Kept only when nothing changed meanwhile (the first view of a closed round publishes it).
      if (cacheKey && keyOf(await opened.currentVersion()) === cacheKey) ctx.caches.resultsPages.set(cacheKey, content);
    }
    const html = renderDocument(<ResultsFrame page={page} roundName={opened.round.name}>{CONTENT_MARK}</ResultsFrame>);
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html.replace(CONTENT_MARK, () => content ?? ''));
  });

  app.get('/rounds/:roundId/results.csv', async (request, reply) => {
    const { roundId } = parse(roundParams, request.params);
    const { instrument } = parse(instrumentQuery, request.query);
    const results = publishedFigures(await getRoundResults(ctx, request.actor, roundId, instrument));
    await recordResultsExport(ctx, request.actor, results, 'csv');
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
    await recordResultsExport(ctx, request.actor, results, 'xlsx');
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
    await recordResultsExport(ctx, request.actor, results, 'json');
    return reply.header('cache-control', 'no-store').send(resultsJson(results, request.locale));
  });
}
