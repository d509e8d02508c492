// Routes of the joint assessments. The coordinator fills in a joint instrument under
// /rounds/:roundId/joint/:key (the survey's own pages, review and submit, with this base URL),
// names a respondent (POST …/joint/assign), reads results (…/results) and compares across the
// federation (/org/:orgId/compare/:key). Each route: validate → service → presenter → view.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import { AppError, isAppError } from '../../app/errors.ts';
import type { FieldErrors } from '../../ui/forms.tsx';
import { pageContext, redirectWithFlash } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { chartFile, sendChart } from '../../web/send-chart.ts';
import { parseInput, parseParams, validateForm } from '../../web/validate.ts';
import { SurveyQuestionPage } from '../survey/views/question-page.tsx';
import { SurveyReviewPage } from '../survey/views/review-page.tsx';
import { jointResultCharts, presentFederationComparison, presentJointResults, resumePageNumber } from './presenter.ts';
import { jointResultsTable, tableCsv } from './results-table.ts';
import { assignBody, assignForm, compareChartParams, compareParams, compareQuery, instrumentParams, pageAction, pageParams, pageQuery, resultChartParams, roundParams } from './schema.ts';
import {
  answerJointPage,
  assignFormRound,
  assignJointRespondent,
  federationComparison,
  jointResults,
  openAssignForm,
  openJointPage,
  openJointSession,
  reopenJointAnswer,
  submitJointAnswer,
} from './service.ts';
import { JointAssignPage } from './views/assign-page.tsx';
import { FederationComparisonPage } from './views/federation-comparison-page.tsx';
import { LevelMapResultsPage } from './views/level-map-results-page.tsx';
import { PracticeResultsPage } from './views/practice-results-page.tsx';

const base = (roundId: string, key: string) => `/rounds/${roundId}/joint/${key}`;

export function registerJointRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/rounds/:roundId/joint/:key', async (request, reply) => {
    const { roundId, key } = parseParams(instrumentParams, request.params);
    const session = await openJointSession(ctx, request.actor, { roundId, key, purpose: 'read' });
    return reply.redirect(`${base(roundId, key)}/page/${resumePageNumber(session)}`, 303);
  });

  app.get('/rounds/:roundId/joint/:key/page/:page', async (request, reply) => {
    const { roundId, key, page } = parseParams(pageParams, request.params);
    const opened = await openJointPage(ctx, request.actor, { roundId, key, page });
    if (opened.submitted) return reply.redirect(`${base(roundId, key)}/results`, 303);
    const { session, current } = opened;
    const { return: returnTo } = parseInput(pageQuery, request.query ?? {});
    return sendPage(reply, <SurveyQuestionPage page={pageContext(request, reply)} session={session} current={current} errors={[]} formAnswers={session.answers} returnTo={returnTo} />);
  });

  // Each choice saved as it is made, as on the respondents' pages (/static/survey.js).
  app.post('/rounds/:roundId/joint/:key/page/:page/autosave', async (request, reply) => {
    const { roundId, key, page } = parseParams(pageParams, request.params);
    const answered = await answerJointPage(ctx, request.actor, { roundId, key, page, form: (request.body ?? {}) as Record<string, unknown> });
    if (!answered.saved) return reply.code(422).send({ saved: false, fields: answered.errors.map((error) => error.itemKey) });
    return reply.code(204).send();
  });

  app.post('/rounds/:roundId/joint/:key/page/:page', async (request, reply) => {
    const { roundId, key, page } = parseParams(pageParams, request.params);
    const form = (request.body ?? {}) as Record<string, unknown>;
    const { action, return: returnTo } = parseInput(pageAction, form);
    const answered = await answerJointPage(ctx, request.actor, { roundId, key, page, form });
    const { session, current } = answered;
    if (!answered.saved) {
      return sendPage(reply, <SurveyQuestionPage page={pageContext(request, reply)} session={session} current={current} errors={answered.errors} formAnswers={answered.formAnswers} returnTo={returnTo} />, 400);
    }
    if (action === 'leave') return reply.redirect(`/rounds/${roundId}#joint`, 303);
    if (action === 'previous') return reply.redirect(`${base(roundId, key)}/page/${Math.max(1, current.globalNumber - 1)}`, 303);
    if (returnTo === 'review' || current.globalNumber >= session.pages.length) return reply.redirect(`${base(roundId, key)}/review`, 303);
    return reply.redirect(`${base(roundId, key)}/page/${current.globalNumber + 1}`, 303);
  });

  app.get('/rounds/:roundId/joint/:key/review', async (request, reply) => {
    const { roundId, key } = parseParams(instrumentParams, request.params);
    const session = await openJointSession(ctx, request.actor, { roundId, key, purpose: 'read' });
    if (session.submittedAt) return reply.redirect(`${base(roundId, key)}/results`, 303);
    return sendPage(reply, <SurveyReviewPage page={pageContext(request, reply)} session={session} />);
  });

  app.post('/rounds/:roundId/joint/:key/submit', async (request, reply) => {
    const { roundId, key } = parseParams(instrumentParams, request.params);
    await submitJointAnswer(ctx, request.actor, { roundId, key });
    return reply.redirect(`${base(roundId, key)}/results`, 303);
  });

  app.post('/rounds/:roundId/joint/:key/reopen', async (request, reply) => {
    const { roundId, key } = parseParams(instrumentParams, request.params);
    await reopenJointAnswer(ctx, request.actor, { roundId, key });
    return redirectWithFlash(reply, `${base(roundId, key)}/page/1`, request.m.joint.round.reopened);
  });

  app.post('/rounds/:roundId/joint/assign', async (request, reply) => {
    const { roundId } = parseParams(roundParams, request.params);
    const input = parseInput(assignBody, request.body);
    const t = request.m.joint.round;
    const errors: FieldErrors = {};
    const form = validateForm(assignForm, input, () => t.assignNameRequired);
    if (form.ok) {
      try {
        await assignJointRespondent(ctx, request.actor, { roundId, ...form.value });
        return redirectWithFlash(reply, `/rounds/${roundId}#joint`, t.assigned(form.value.name));
      } catch (error) {
        if (!(isAppError(error) && error.code === 'validation')) throw error;
        if (error.detail === 'email') errors['joint-email'] = t.assignEmailInvalid;
        else errors['joint-name'] = t.assignNameRequired;
      }
    } else {
      errors['joint-name'] = form.errors.name ?? t.assignNameRequired;
    }
    const round = await assignFormRound(ctx, request.actor, roundId);
    return sendPage(reply, <JointAssignPage page={pageContext(request, reply)} roundId={roundId} roundName={round.roundName} form={{ values: input, errors }} />, 400);
  });

  app.get('/rounds/:roundId/joint/assign', async (request, reply) => {
    const { roundId } = parseParams(roundParams, request.params);
    const round = await openAssignForm(ctx, request.actor, roundId);
    return sendPage(reply, <JointAssignPage page={pageContext(request, reply)} roundId={roundId} roundName={round.roundName} form={{ values: { name: '', email: '' }, errors: {} }} />);
  });

  app.get('/rounds/:roundId/joint/:key/results', async (request, reply) => {
    const { roundId, key } = parseParams(instrumentParams, request.params);
    const view = presentJointResults(await jointResults(ctx, request.actor, { roundId, key }), request.m, request.locale);
    const page = pageContext(request, reply);
    return sendPage(reply, view.kind === 'level-map' ? <LevelMapResultsPage page={page} view={view} /> : <PracticeResultsPage page={page} view={view} />);
  });

  app.get('/rounds/:roundId/joint/:key/results.csv', async (request, reply) => {
    const { roundId, key } = parseParams(instrumentParams, request.params);
    const { instrument, answers, round } = await jointResults(ctx, request.actor, { roundId, key });
    if (!answers) throw new AppError('not_found');
    reply.header('content-disposition', `attachment; filename="${instrument.key}-${round.year}.csv"`).header('cache-control', 'no-store');
    return reply.type('text/csv; charset=utf-8').send(tableCsv(jointResultsTable(instrument, answers, request.locale), request.locale));
  });

  app.get('/rounds/:roundId/joint/:key/results/charts/:file', async (request, reply) => {
    const { roundId, key, file } = parseParams(resultChartParams, request.params);
    const { id, format } = chartFile(file);
    const view = presentJointResults(await jointResults(ctx, request.actor, { roundId, key }), request.m, request.locale);
    return sendChart(reply, jointResultCharts(view).find((spec) => spec.id === id), format);
  });

  app.get('/org/:orgId/compare/:key', async (request, reply) => {
    const { orgId, key } = parseParams(compareParams, request.params);
    const { year, minWeak } = parseInput(compareQuery, request.query);
    const comparison = await federationComparison(ctx, request.actor, { organisationId: orgId, key, year });
    const view = presentFederationComparison(comparison, { organisationId: orgId, minWeak }, request.m, request.locale);
    return sendPage(reply, <FederationComparisonPage page={pageContext(request, reply)} view={view} />);
  });

  app.get('/org/:orgId/compare/:key/charts/:file', async (request, reply) => {
    const { orgId, key, file } = parseParams(compareChartParams, request.params);
    const { id, format } = chartFile(file);
    const { year, minWeak } = parseInput(compareQuery, request.query);
    const comparison = await federationComparison(ctx, request.actor, { organisationId: orgId, key, year });
    const { chart } = presentFederationComparison(comparison, { organisationId: orgId, minWeak }, request.m, request.locale);
    return sendChart(reply, chart?.id === id ? chart : undefined, format);
  });
}
