// Routes of the federation's maturity overview: the page and SVG/PNG per chart. Access and the
// anonymity rule are applied by federationMaturity (and the results service beneath it); the
// year in the query is optional, and a bad one means the default year.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import { federationMaturityCharts } from '../../charts/federation-maturity-charts.ts';
import { chartFile, sendChart } from '../../web/send-chart.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { parseParams } from '../../web/validate.ts';
import { presentFederationMaturity } from './presenter.ts';
import { chartParams, overviewParams, yearQuery } from './schema.ts';
import { federationMaturity } from './service.ts';
import { FederationMaturityPage } from './views/maturity-page.tsx';

export function registerFederationMaturityRoutes(app: FastifyInstance, ctx: AppContext): void {
  const load = async (request: FastifyRequest, orgId: string, key: string) => {
    const { year } = yearQuery.safeParse(request.query ?? {}).data ?? {};
    const view = await federationMaturity(ctx, request.actor, orgId, key, year);
    const charts = view.overview ? federationMaturityCharts({ instrument: view.instrument, overview: view.overview, national: view.national }, request.m.federation, request.locale) : [];
    return { view, charts };
  };

  app.get('/org/:orgId/maturity/:key', async (request, reply) => {
    const { orgId, key } = parseParams(overviewParams, request.params);
    const { view, charts } = await load(request, orgId, key);
    return sendPage(reply, <FederationMaturityPage page={pageContext(request, reply)} organisationId={orgId} view={presentFederationMaturity(view, request.actor)} charts={charts} />);
  });

  app.get('/org/:orgId/maturity/:key/charts/:file', async (request, reply) => {
    const { orgId, key, file } = parseParams(chartParams, request.params);
    const { id, format } = chartFile(file);
    const { view, charts } = await load(request, orgId, key);
    return sendChart(reply, charts.find((spec) => spec.id === id), format, `${id}-${view.year ?? ''}`);
  });
}
