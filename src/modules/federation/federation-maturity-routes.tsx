// Routes of the federation's maturity overview: the page and SVG/PNG per chart. Access and the
// anonymity rule are applied by federationMaturity (and the results service beneath it).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import { federationMaturityCharts } from '../../charts/federation-maturity-charts.ts';
import { chartFile, sendChart } from '../../web/send-chart.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { federationMaturity } from './federation-maturity-service.ts';
import { FederationMaturityPage } from './federation-maturity-views.tsx';

const params = z.object({ orgId: z.uuid(), key: z.string().regex(/^[a-z0-9-]+$/) });
const chartParams = params.extend({ file: z.string().max(80) });
const query = z.object({ year: z.coerce.number().int().min(1900).max(2999).optional() });

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new AppError('not_found');
  return result.data;
}

export function registerFederationMaturityRoutes(app: FastifyInstance, ctx: AppContext): void {
  const load = async (request: FastifyRequest, orgId: string, key: string) => {
    const { year } = query.safeParse(request.query ?? {}).data ?? {};
    const view = await federationMaturity(ctx, request.actor, orgId, key, year);
    const charts = view.overview ? federationMaturityCharts({ instrument: view.instrument, overview: view.overview, national: view.national }, request.m.federation, request.locale) : [];
    return { view, charts };
  };

  app.get('/org/:orgId/maturity/:key', async (request, reply) => {
    const { orgId, key } = parse(params, request.params);
    const { view, charts } = await load(request, orgId, key);
    return sendPage(reply, <FederationMaturityPage page={pageContext(request, reply)} organisationId={orgId} view={view} charts={charts} />);
  });

  app.get('/org/:orgId/maturity/:key/charts/:file', async (request, reply) => {
    const { orgId, key, file } = parse(chartParams, request.params);
    const { id, format } = chartFile(file);
    const { view, charts } = await load(request, orgId, key);
    return sendChart(reply, charts.find((spec) => spec.id === id), format, `${id}-${view.year ?? ''}`);
  });
}
