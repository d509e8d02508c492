// Routes of the action plan (issue 16): the plan of a year, a new action (a capability may be
// preselected from a results page), an action with its history, its edit form and status form,
// and the plan's CSV and XLSX export. Access is decided by the service.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import { pageContext, redirectWithFlash } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { parseInput, parseParams, stringList, validateForm } from '../../web/validate.ts';
import { actionPath, actionsCsv, actionsXlsx, fieldMessage, fileName, formValues } from './presenter.ts';
import { actionBody, actionForm, actionParams, newActionQuery, orgParams, planQuery, statusBody, statusForm, type ActionBody } from './schema.ts';
import {
  actionDetail,
  actionPlan,
  actionsForExport,
  capabilityChoices,
  changeActionStatus,
  createAction,
  defaultYear,
  editAction,
  findCapability,
  planForm,
} from './service.ts';
import { ActionFormPage, type ActionFormModel } from './views/action-form-page.tsx';
import { ActionPage } from './views/action-page.tsx';
import { PlanPage } from './views/plan-page.tsx';
import { importActions } from './import-service.ts';
import { uploadedFile } from '../../web/multipart-upload.ts';

function participantsOf(body: unknown): string[] {
  return stringList.parse((body as { participants?: unknown } | undefined)?.participants);
}

export function registerActionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const form = actionForm((instrument, capability) => findCapability(ctx, instrument, capability) !== undefined);

  const sendForm = (request: FastifyRequest, reply: FastifyReply, model: Omit<ActionFormModel, 'capabilities'>, status = 200) =>
    sendPage(reply, <ActionFormPage page={pageContext(request, reply)} model={{ ...model, capabilities: capabilityChoices(ctx) }} />, status);

  app.get('/org/:orgId/actions', async (request, reply) => {
    const { orgId } = parseParams(orgParams, request.params);
    const { year } = parseInput(planQuery, request.query);
    const plan = await actionPlan(ctx, request.actor, orgId, year);
    return sendPage(reply, <PlanPage page={pageContext(request, reply)} plan={plan} />);
  });

  for (const extension of ['csv', 'xlsx'] as const) {
    app.get(`/org/:orgId/actions.${extension}`, async (request, reply) => {
      const { orgId } = parseParams(orgParams, request.params);
      const { year } = parseInput(planQuery, request.query);
      const { organisation, actions } = await actionsForExport(ctx, request.actor, orgId, year);
      reply.header('content-disposition', `attachment; filename="${fileName(organisation.name, year, extension)}"`).header('cache-control', 'no-store');
      if (extension === 'csv') return reply.type('text/csv; charset=utf-8').send(actionsCsv(actions, request.locale));
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await actionsXlsx(actions, request.locale));
    });
  }

  app.post('/org/:orgId/actions/import', { config: { uploadLimits: { files: 1, fileSize: 5 * 1024 * 1024 } } }, async (request, reply) => {
    const { orgId } = parseParams(orgParams, request.params);
    const file = request.isMultipart() ? uploadedFile(request) : undefined;
    const data = file?.filename ? await file.toBuffer() : Buffer.alloc(0);
    const result = await importActions(ctx, request.actor, orgId, data);
    if (result.ok) return redirectWithFlash(reply, `/org/${orgId}/actions`, request.m.actions.imported(result.count));
    const plan = await actionPlan(ctx, request.actor, orgId, undefined);
    return sendPage(reply, <PlanPage page={pageContext(request, reply)} plan={plan} importProblems={result.problems} />, 422);
  });

  app.get('/org/:orgId/actions/new', async (request, reply) => {
    const { orgId } = parseParams(orgParams, request.params);
    const query = parseInput(newActionQuery, request.query);
    const { organisation, members } = await planForm(ctx, request.actor, orgId);
    const preselected = query.instrument && query.capability && findCapability(ctx, query.instrument, query.capability) ? `${query.instrument}:${query.capability}` : '';
    const fromWorkshop = !preselected && query.source === 'workshop' && query.topic !== undefined;
    const values: ActionBody = {
      ...actionBody.parse({}),
      year: String(query.year ?? defaultYear(ctx)),
      sourceKind: preselected ? 'capability' : fromWorkshop ? 'workshop' : 'free',
      capability: preselected,
      sourceRef: fromWorkshop ? (query.topic ?? '') : '',
      title: query.title?.trim() ?? '',
    };
    return sendForm(request, reply, { organisation, action: `/org/${orgId}/actions`, editing: false, values, participants: [], members, errors: {} });
  });

  app.post('/org/:orgId/actions', async (request, reply) => {
    const { orgId } = parseParams(orgParams, request.params);
    const { organisation, members } = await planForm(ctx, request.actor, orgId);
    const body = parseInput(actionBody, request.body);
    const participants = participantsOf(request.body);
    const result = validateForm(form, body, (issue) => fieldMessage(request.m.actions, issue.message));
    if (result.ok) {
      const id = await createAction(ctx, request.actor, orgId, result.value, participants);
      return redirectWithFlash(reply, actionPath(orgId, id), request.m.actions.created);
    }
    return sendForm(request, reply, { organisation, action: `/org/${orgId}/actions`, editing: false, values: body, participants, members, errors: result.errors }, 400);
  });

  app.get('/org/:orgId/actions/:actionId', async (request, reply) => {
    const { orgId, actionId } = parseParams(actionParams, request.params);
    const detail = await actionDetail(ctx, request.actor, orgId, actionId);
    return sendPage(reply, <ActionPage page={pageContext(request, reply)} detail={detail} errors={{}} values={{ status: detail.action.status, note: '' }} />);
  });

  app.get('/org/:orgId/actions/:actionId/edit', async (request, reply) => {
    const { orgId, actionId } = parseParams(actionParams, request.params);
    const { organisation, members } = await planForm(ctx, request.actor, orgId);
    const detail = await actionDetail(ctx, request.actor, orgId, actionId);
    if (!detail.canWrite) throw new AppError('not_found');
    return sendForm(request, reply, {
      organisation,
      action: `${actionPath(orgId, actionId)}/edit`,
      editing: true,
      values: formValues(detail.action),
      participants: detail.participants.map((p) => p.id),
      members,
      errors: {},
    });
  });

  app.post('/org/:orgId/actions/:actionId/edit', async (request, reply) => {
    const { orgId, actionId } = parseParams(actionParams, request.params);
    const { organisation, members } = await planForm(ctx, request.actor, orgId);
    const body = parseInput(actionBody, request.body);
    const participants = participantsOf(request.body);
    const result = validateForm(form, body, (issue) => fieldMessage(request.m.actions, issue.message));
    if (result.ok) {
      await editAction(ctx, request.actor, orgId, actionId, result.value, participants);
      return redirectWithFlash(reply, actionPath(orgId, actionId), request.m.actions.updated);
    }
    return sendForm(request, reply, { organisation, action: `${actionPath(orgId, actionId)}/edit`, editing: true, values: body, participants, members, errors: result.errors }, 400);
  });

  app.post('/org/:orgId/actions/:actionId/status', async (request, reply) => {
    const { orgId, actionId } = parseParams(actionParams, request.params);
    const body = parseInput(statusBody, request.body);
    const t = request.m.actions;
    const result = validateForm(statusForm, body, (issue) => fieldMessage(t, issue.message));
    if (result.ok) {
      await changeActionStatus(ctx, request.actor, orgId, actionId, result.value);
      return redirectWithFlash(reply, actionPath(orgId, actionId), t.statusChanged(t.status[result.value.status] ?? result.value.status));
    }
    const detail = await actionDetail(ctx, request.actor, orgId, actionId);
    return sendPage(reply, <ActionPage page={pageContext(request, reply)} detail={detail} errors={result.errors} values={body} />, 400);
  });

}
