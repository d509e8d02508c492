// Routes of the results workshop: a topic per screen, the notes form (a plain POST, or the
// script's fetch with the CSRF token in a header, answered with JSON) and the printable handout.
// Access lives in the service (results policy for reading; own coordinators/analysts write).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import { maturityCharts } from '../../charts/maturity-charts.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { parseInput, parseParams } from '../../web/validate.ts';
import { topicsOf, workshopPath } from './presenter.ts';
import { notesForm, topicParams, workshopParams } from './schema.ts';
import { openWorkshop, saveWorkshopNotes } from './service.ts';
import { HandoutPage } from './views/handout-page.tsx';
import { WorkshopPage } from './views/workshop-page.tsx';

const wantsJson = (request: FastifyRequest) => (request.headers.accept ?? '').includes('application/json');

export function registerWorkshopRoutes(app: FastifyInstance, ctx: AppContext): void {
  const showTopic = async (request: FastifyRequest, orgId: string, year: number, index: number) => {
    const workshop = await openWorkshop(ctx, request.actor, orgId, year);
    const topics = topicsOf(workshop, request.locale);
    if (topics.length > 0 && index > topics.length) throw new AppError('not_found');
    const topic = topics[index - 1];
    const chart = topic?.chartId && workshop.results ? maturityCharts(workshop.results, request.m.results, request.locale).find((spec) => spec.id === topic.chartId) : undefined;
    return { workshop, topics, topic, chart };
  };

  app.get('/org/:orgId/workshop/:year', async (request, reply) => {
    const { orgId, year } = parseParams(workshopParams, request.params);
    const { workshop, topics, topic, chart } = await showTopic(request, orgId, year, 1);
    const page = pageContext(request, reply);
    return sendPage(reply, <WorkshopPage page={page} organisation={workshop.organisation} year={year} topics={topics} index={1} chart={chart} notes={topic ? workshop.notes.get(topic.key) : undefined} canWrite={workshop.canWrite} />);
  });

  app.get('/org/:orgId/workshop/:year/handout', async (request, reply) => {
    const { orgId, year } = parseParams(workshopParams, request.params);
    const workshop = await openWorkshop(ctx, request.actor, orgId, year);
    return sendPage(reply, <HandoutPage page={pageContext(request, reply)} organisation={workshop.organisation} year={year} topics={topicsOf(workshop, request.locale)} />);
  });

  app.get('/org/:orgId/workshop/:year/:topicIndex', async (request, reply) => {
    const { orgId, year, topicIndex } = parseParams(topicParams, request.params);
    const { workshop, topics, topic, chart } = await showTopic(request, orgId, year, topicIndex);
    const page = pageContext(request, reply);
    return sendPage(reply, <WorkshopPage page={page} organisation={workshop.organisation} year={year} topics={topics} index={topicIndex} chart={chart} notes={topic ? workshop.notes.get(topic.key) : undefined} canWrite={workshop.canWrite} />);
  });

  app.post('/org/:orgId/workshop/:year/notes', async (request, reply) => {
    const { orgId, year } = parseParams(workshopParams, request.params);
    const input = parseInput(notesForm, request.body);
    await saveWorkshopNotes(ctx, request.actor, orgId, year, input);
    if (wantsJson(request)) return reply.header('cache-control', 'no-store').send({ saved: true });
    return reply.redirect(`${workshopPath(orgId, year)}/${input.index}`, 303);
  });
}
