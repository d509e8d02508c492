// Routes of the method's checklist: the standalone page of an organisation's study of a year,
// and the tick form of a study's step (which goes back to the page it came from with a notice).
// Access is decided by the service.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import { shippedMethod } from '../../catalogues/method-catalog.ts';
import { pick } from '../../i18n/messages.ts';
import { pageContext, redirectWithFlash } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { parseInput, parseParams } from '../../web/validate.ts';
import { checklistPath, presentChecklist } from './presenter.ts';
import { checklistPageParams, studyParams, tickBody } from './schema.ts';
import { checklistForOrganisation, setChecklistStep } from './service.ts';
import { ChecklistPage } from './views/checklist-page.tsx';

export function registerMethodChecklistRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Read the method file now, so a broken one stops start-up rather than the first page.
  shippedMethod();

  app.get('/org/:orgId/studies/:year/checklist', async (request, reply) => {
    const { orgId, year } = parseParams(checklistPageParams, request.params);
    const view = await checklistForOrganisation(ctx, request.actor, orgId, year);
    return sendPage(reply, <ChecklistPage page={pageContext(request, reply)} model={presentChecklist(view)} />);
  });

  app.post('/studies/:studyId/checklist', async (request, reply) => {
    const { studyId } = parseParams(studyParams, request.params);
    const body = parseInput(tickBody, request.body);
    const change = await setChecklistStep(ctx, request.actor, { studyId, memberId: body.memberId, stepKey: body.step, done: body.done });
    const t = request.m.methodChecklist;
    const title = pick(change.title, request.locale);
    const back = `${(body.returnTo ?? checklistPath(change.organisationId, change.year)).split('#')[0]}#step-${body.memberId || 'study'}-${body.step}`;
    return redirectWithFlash(reply, back, change.done ? t.stepDone(title) : t.stepUndone(title));
  });
}
