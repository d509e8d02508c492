// A federation's yearly study (issue 15): the new-study form, the dashboard, declining a part and
// closing. Each route validates (schema.ts), calls the study service (which asks the study
// policy), presents (presenter.ts) and renders a page (views/).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import { isAppError } from '../../app/errors.ts';
import type { Messages } from '../../i18n/messages.ts';
import type { FieldErrors } from '../../ui/forms.tsx';
import { pageContext, redirectWithFlash } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { parseInput, parseParams, validateForm } from '../../web/validate.ts';
import { newStudyFormStart, presentDashboard } from './presenter.ts';
import { declineBody, federationParams, newStudyBody, newStudyForm, partParams, studyParams, type NewStudyBody, type NewStudyIssue } from './schema.ts';
import { closeStudy, createStudy, declinePart, newStudyChoices, restorePart, studyDashboard, type StudyCreated } from './service.ts';
import { StudyDashboardPage } from './views/dashboard-page.tsx';
import { NewStudyPage } from './views/new-study-page.tsx';
import { presentChecklist } from '../method-checklist/presenter.ts';
import { checklistForStudy } from '../method-checklist/service.ts';

/** What the notice after creating says: the study, and where its mail went. */
function createdNotice(m: Messages, created: StudyCreated): string {
  const lines = [m.studies.created(created.members)];
  if (created.mail.sent > 0) lines.push(m.studies.mailSent(created.mail.sent));
  if (created.mail.outbox > 0) lines.push(m.studies.mailInOutbox(created.mail.outbox));
  if (created.mail.failed > 0) lines.push(m.studies.mailFailed(created.mail.failed));
  return lines.join(' ');
}

export function registerStudyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const showForm = async (request: FastifyRequest, reply: FastifyReply, federationId: string, form: NewStudyBody | null, errors: FieldErrors, status: number) => {
    const { federation, members } = await newStudyChoices(ctx, request.actor, federationId);
    const start = form ?? newStudyFormStart(ctx.clock.now().getUTCFullYear() + 1, members.map((member) => member.id));
    return sendPage(reply, <NewStudyPage page={pageContext(request, reply)} federation={federation} members={members} form={start} errors={errors} />, status);
  };

  app.get('/org/:federationId/studies/new', async (request, reply) => {
    const { federationId } = parseParams(federationParams, request.params);
    return showForm(request, reply, federationId, null, {}, 200);
  });

  app.post('/org/:federationId/studies', async (request, reply) => {
    const { federationId } = parseParams(federationParams, request.params);
    // Asks the policy before anything is read from the body.
    await newStudyChoices(ctx, request.actor, federationId);
    const body = parseInput(newStudyBody, request.body);
    const m = request.m;
    const form = validateForm(newStudyForm, body, (issue) => m.studies.issues[issue.message as NewStudyIssue] ?? issue.message);
    const errors = form.ok ? {} : form.errors;
    if (form.ok) {
      const input = form.value;
      try {
        const created = await createStudy(ctx, request.actor, federationId, {
          year: input.year,
          parts: input.parts,
          members: input.members,
          closesOn: input.closesOn,
          anonymityThreshold: input.threshold,
          contactName: input.contactName,
          contactEmail: input.contactEmail,
        });
        return redirectWithFlash(reply, `/org/${federationId}/studies/${input.year}`, createdNotice(m, created));
      } catch (error) {
        if (!isAppError(error)) throw error;
        if (error.code === 'study_exists') errors.year = m.studies.issues.studyExists(input.year);
        else if (error.code === 'validation' && error.detail === 'closesOnPast') errors.closesOn = m.studies.issues.closesOnPast;
        else if (error.code === 'validation' && error.detail === 'members') errors.members = m.studies.issues.membersRequired;
        else throw error;
      }
    }
    return showForm(request, reply, federationId, body, errors, 400);
  });

  app.get('/org/:federationId/studies/:year', async (request, reply) => {
    const { federationId, year } = parseParams(studyParams, request.params);
    const overview = await studyDashboard(ctx, request.actor, federationId, year);
    // The method's steps are part of the study's working view; ticking one comes back here.
    const checklist = presentChecklist(await checklistForStudy(ctx, request.actor, overview.study.id), `/org/${federationId}/studies/${year}`);
    return sendPage(reply, <StudyDashboardPage page={pageContext(request, reply)} model={presentDashboard(request.m, request.locale, overview)} checklist={checklist} />);
  });

  app.post('/org/:federationId/studies/:year/close', async (request, reply) => {
    const { federationId, year } = parseParams(studyParams, request.params);
    const rounds = await closeStudy(ctx, request.actor, federationId, year);
    return redirectWithFlash(reply, `/org/${federationId}/studies/${year}`, request.m.studies.closedNotice(rounds));
  });

  for (const change of ['decline', 'undecline'] as const) {
    app.post(`/org/:federationId/studies/:year/members/:memberId/parts/:part/${change}`, async (request, reply) => {
      const ref = parseParams(partParams, request.params);
      const { back } = parseInput(declineBody, request.body);
      const part = { federationId: ref.federationId, year: ref.year, memberId: ref.memberId, part: ref.part };
      if (change === 'decline') await declinePart(ctx, request.actor, part);
      else await restorePart(ctx, request.actor, part);
      const location = back === 'dashboard' ? `/org/${ref.federationId}/studies/${ref.year}` : `/org/${ref.memberId}`;
      return redirectWithFlash(reply, location, change === 'decline' ? request.m.studies.declined : request.m.studies.undeclined);
    });
  }
}
