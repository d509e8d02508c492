// Routes of the joint assessments. The coordinator fills in a joint instrument under
// /rounds/:roundId/joint/:key (the survey's own pages, review and submit, with this base URL),
// names a respondent (POST …/joint/assign), reads results (…/results) and compares across the
// federation (/org/:orgId/compare/:key). Thin: validate → service → view.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { chartFile, sendChart } from '../../web/send-chart.ts';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.ts';
import { AppError, isAppError } from '../../app/errors.ts';
import type { ChartSpec } from '../../charts/chart-spec.ts';
import { capabilityHeatmapChartsByArea, federationMatrixChart, levelCountChart, MAX_MATRIX_CHART_MEMBERS, practiceScoreChart } from '../../charts/joint-charts.ts';
import type { AnswerScale, Instrument } from '../../domain/instruments/instrument-schema.ts';
import { federationLevelMatrix, levelMap } from '../../domain/joint-results/level-map.ts';
import { practiceFederationCounts, practiceIndex } from '../../domain/joint-results/practice-index.ts';
import { selectRecommendations } from '../../domain/recommendations/evaluate-recommendations.ts';
import { isItemShown } from '../../domain/instruments/answer-set.ts';
import { allCapabilities } from '../../domain/instruments/instrument-structure.ts';
import type { Locale, Messages } from '../../i18n/messages.ts';
import { pageContext, redirectWithFlash } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { pageItems, readPageAnswers, savePage, submitSurvey, type SurveySession } from '../survey/survey-service.ts';
import { SurveyQuestionPage, SurveyReviewPage } from '../survey/survey-views.tsx';
import { getManagedRound } from '../rounds/round-service.ts';
import { jointResultsTable, tableCsv } from './joint-export.ts';
import { assignJointRespondent, federationComparison, jointInstruments, jointResults, openJointSession, reopenJointAnswer } from './joint-service.ts';
import { FederationComparisonPage, JointAssignPage, LevelMapResultsPage, PracticeResultsPage } from './joint-views.tsx';

const keySchema = z.string().regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/).max(100);
const instrumentParams = z.object({ roundId: z.uuid(), key: keySchema });
const pageParams = instrumentParams.extend({ page: z.string().regex(/^\d{1,3}$/) });
const chartParams = instrumentParams.extend({ file: z.string().regex(/^[a-z0-9-]+\.(svg|png)$/) });
const compareParams = z.object({ orgId: z.uuid(), key: keySchema });
const compareChartParams = compareParams.extend({ file: z.string().regex(/^[a-z0-9-]+\.(svg|png)$/) });
const compareQuery = z.object({
  year: z.string().regex(/^\d{4}$/).transform(Number).optional().catch(undefined),
  minWeak: z.string().regex(/^\d{1,2}$/).transform(Number).pipe(z.number().int().min(1).max(50)).optional().catch(undefined),
});
const actionSchema = z.object({ action: z.enum(['next', 'previous', 'leave']).default('next') }).loose();
const assignSchema = z.object({ name: z.string().trim().max(200).default(''), email: z.string().trim().max(254).default('') });

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('not_found');
  return result.data;
}

function levelScale(instrument: Instrument): AnswerScale {
  const item = allCapabilities(instrument)[0]!.capability.items[0]!;
  return instrument.scales[item.scale ?? instrument.defaultScale]!;
}

/** Every chart of a joint instrument's results page, for the page and its exports alike. */
export function jointResultCharts(instrument: Instrument, answers: Map<string, { value: number | null }> | null, m: Messages, locale: Locale): ChartSpec[] {
  if (!answers) return [];
  if (instrument.analysis?.kind === 'practice-index') return [practiceScoreChart(practiceIndex(instrument, answers), m.joint, locale)];
  if (instrument.analysis?.kind === 'level-map') {
    const result = levelMap(instrument, answers);
    const scale = levelScale(instrument);
    return [levelCountChart(result, scale, m.joint, locale), ...capabilityHeatmapChartsByArea(result, scale, m.joint, locale)];
  }
  return [];
}

export function registerJointRoutes(app: FastifyInstance, ctx: AppContext): void {
  const base = (roundId: string, key: string) => `/rounds/${roundId}/joint/${key}`;
  const pageOf = (session: SurveySession, number: string) => {
    const page = session.pages[Number(number) - 1];
    if (!page) throw new AppError('not_found');
    return page;
  };

  app.get('/rounds/:roundId/joint/:key', async (request, reply) => {
    const { roundId, key } = parse(instrumentParams, request.params);
    const session = await openJointSession(ctx, request.actor, roundId, key, 'read');
    const first = session.pages.find((page) => pageItems(page).some(({ item }) => !session.answers.has(item.key) && isItemShown(item, session.answers)));
    return reply.redirect(`${base(roundId, key)}/page/${first?.globalNumber ?? 1}`, 303);
  });

  app.get('/rounds/:roundId/joint/:key/page/:page', async (request, reply) => {
    const { roundId, key, page } = parse(pageParams, request.params);
    const session = await openJointSession(ctx, request.actor, roundId, key, 'read');
    if (session.submittedAt) return reply.redirect(`${base(roundId, key)}/results`, 303);
    const current = pageOf(session, page);
    return sendPage(reply, <SurveyQuestionPage page={pageContext(request, reply)} session={session} current={current} errors={[]} formAnswers={session.answers} />);
  });

  app.post('/rounds/:roundId/joint/:key/page/:page', async (request, reply) => {
    const { roundId, key, page } = parse(pageParams, request.params);
    const session = await openJointSession(ctx, request.actor, roundId, key, 'answer');
    if (session.submittedAt) throw new AppError('survey_already_submitted');
    const current = pageOf(session, page);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const { action } = actionSchema.parse(body);
    const { answers, errors } = readPageAnswers(current, body);
    if (errors.length > 0) {
      const shown = new Map(session.answers);
      for (const [itemKey, answer] of answers) shown.set(itemKey, answer);
      return sendPage(reply, <SurveyQuestionPage page={pageContext(request, reply)} session={session} current={current} errors={errors} formAnswers={shown} />, 400);
    }
    await savePage(ctx, session, current, answers);
    if (action === 'leave') return reply.redirect(`/rounds/${roundId}#joint`, 303);
    if (action === 'previous') return reply.redirect(`${base(roundId, key)}/page/${Math.max(1, current.globalNumber - 1)}`, 303);
    if (current.globalNumber >= session.pages.length) return reply.redirect(`${base(roundId, key)}/review`, 303);
    return reply.redirect(`${base(roundId, key)}/page/${current.globalNumber + 1}`, 303);
  });

  app.get('/rounds/:roundId/joint/:key/review', async (request, reply) => {
    const { roundId, key } = parse(instrumentParams, request.params);
    const session = await openJointSession(ctx, request.actor, roundId, key, 'read');
    if (session.submittedAt) return reply.redirect(`${base(roundId, key)}/results`, 303);
    return sendPage(reply, <SurveyReviewPage page={pageContext(request, reply)} session={session} />);
  });

  app.post('/rounds/:roundId/joint/:key/submit', async (request, reply) => {
    const { roundId, key } = parse(instrumentParams, request.params);
    const session = await openJointSession(ctx, request.actor, roundId, key, 'answer');
    await submitSurvey(ctx, session);
    return reply.redirect(`${base(roundId, key)}/results`, 303);
  });

  app.post('/rounds/:roundId/joint/:key/reopen', async (request, reply) => {
    const { roundId, key } = parse(instrumentParams, request.params);
    await reopenJointAnswer(ctx, request.actor, roundId, key);
    return redirectWithFlash(reply, `${base(roundId, key)}/page/1`, request.m.joint.round.reopened);
  });

  app.post('/rounds/:roundId/joint/assign', async (request, reply) => {
    const { roundId } = parse(z.object({ roundId: z.uuid() }), request.params);
    const input = assignSchema.parse(request.body ?? {});
    const errors: Record<string, string> = {};
    const t = request.m.joint.round;
    if (input.name === '') errors['joint-name'] = t.assignNameRequired;
    try {
      if (Object.keys(errors).length === 0) {
        await assignJointRespondent(ctx, request.actor, roundId, input);
        return redirectWithFlash(reply, `/rounds/${roundId}#joint`, t.assigned(input.name));
      }
    } catch (error) {
      if (!(isAppError(error) && error.code === 'validation')) throw error;
      if (error.detail === 'email') errors['joint-email'] = t.assignEmailInvalid;
      else errors['joint-name'] = t.assignNameRequired;
    }
    const round = await getManagedRound(ctx, request.actor, roundId);
    return sendPage(reply, <JointAssignPage page={pageContext(request, reply)} roundId={roundId} roundName={round.name} form={{ values: input, errors }} />, 400);
  });

  app.get('/rounds/:roundId/joint/assign', async (request, reply) => {
    const { roundId } = parse(z.object({ roundId: z.uuid() }), request.params);
    const round = await getManagedRound(ctx, request.actor, roundId);
    if (jointInstruments(ctx, round).length === 0) throw new AppError('not_found');
    return sendPage(reply, <JointAssignPage page={pageContext(request, reply)} roundId={roundId} roundName={round.name} form={{ values: { name: '', email: '' }, errors: {} }} />);
  });

  app.get('/rounds/:roundId/joint/:key/results', async (request, reply) => {
    const { roundId, key } = parse(instrumentParams, request.params);
    const results = await jointResults(ctx, request.actor, roundId, key);
    const { instrument, answers } = results;
    const common = {
      page: pageContext(request, reply),
      instrument,
      organisationName: results.organisationName,
      roundId,
      roundName: results.round.name,
      submittedAt: results.submittedAt,
      compareHref: results.inFederation ? `/org/${results.round.organisation_id}/compare/${instrument.key}?year=${results.round.year}` : null,
      recommendations: answers ? selectRecommendations(instrument, answers) : [],
    };
    if (instrument.analysis?.kind === 'level-map') {
      return sendPage(reply, <LevelMapResultsPage {...common} result={answers ? levelMap(instrument, answers) : null} scale={levelScale(instrument)} />);
    }
    return sendPage(reply, <PracticeResultsPage {...common} answers={answers} result={answers && instrument.analysis?.kind === 'practice-index' ? practiceIndex(instrument, answers) : null} />);
  });

  app.get('/rounds/:roundId/joint/:key/results.csv', async (request, reply) => {
    const { roundId, key } = parse(instrumentParams, request.params);
    const { instrument, answers, round } = await jointResults(ctx, request.actor, roundId, key);
    if (!answers) throw new AppError('not_found');
    reply.header('content-disposition', `attachment; filename="${instrument.key}-${round.year}.csv"`).header('cache-control', 'no-store');
    return reply.type('text/csv; charset=utf-8').send(tableCsv(jointResultsTable(instrument, answers, request.locale), request.locale));
  });

  app.get('/rounds/:roundId/joint/:key/results/charts/:file', async (request, reply) => {
    const { roundId, key, file } = parse(chartParams, request.params);
    const { id, format } = chartFile(file);
    const { instrument, answers } = await jointResults(ctx, request.actor, roundId, key);
    return sendChart(reply, jointResultCharts(instrument, answers, request.m, request.locale).find((spec) => spec.id === id), format);
  });

  const comparison = async (request: FastifyRequest, orgId: string, key: string) => {
    const query = compareQuery.parse(request.query ?? {});
    const view = await federationComparison(ctx, request.actor, orgId, key, query.year);
    const { instrument } = view;
    const matrix = instrument.analysis?.kind === 'level-map' ? federationLevelMatrix(instrument, view.members, view.ownOrganisationIds, query.minWeak, view.numbering) : null;
    const practiceCounts = instrument.analysis?.kind === 'practice-index' ? practiceFederationCounts(instrument, view.members.map((member) => member.answers)) : null;
    return { view, matrix, practiceCounts, minWeak: query.minWeak ?? null };
  };

  app.get('/org/:orgId/compare/:key', async (request, reply) => {
    const { orgId, key } = parse(compareParams, request.params);
    const { view, matrix, practiceCounts, minWeak } = await comparison(request, orgId, key);
    return sendPage(
      reply,
      <FederationComparisonPage
        page={pageContext(request, reply)}
        organisationId={orgId}
        federationName={view.federation.name}
        instrument={view.instrument}
        year={view.year}
        years={view.years}
        memberCount={view.members.length}
        matrix={matrix}
        practiceCounts={practiceCounts}
        scale={view.instrument.analysis?.kind === 'level-map' ? levelScale(view.instrument) : null}
        minWeak={minWeak}
      />,
    );
  });

  app.get('/org/:orgId/compare/:key/charts/:file', async (request, reply) => {
    const { orgId, key, file } = parse(compareChartParams, request.params);
    const { id, format } = chartFile(file);
    const { view, matrix } = await comparison(request, orgId, key);
    const spec = matrix && view.members.length > 0 && view.members.length <= MAX_MATRIX_CHART_MEMBERS ? federationMatrixChart(matrix, view.instrument, levelScale(view.instrument), request.m.joint, request.locale) : undefined;
    return sendChart(reply, spec?.id === id ? spec : undefined, format);
  });

}
