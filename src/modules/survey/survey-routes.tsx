// The respondent's journey under /s/:token (personal link) and /o/:token (open link):
// start → one page per category → review → submit → receipt. Every POST saves first, then
// redirects (post/redirect/get), so a reload never sends answers twice.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import { isItemShown } from '../../domain/instruments/answer-set.ts';
import { pick } from '../../i18n/messages.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { surveyLink } from '../rounds/invitation-service.ts';
import {
  openSurvey,
  pageItems,
  RECEIPT_MINUTES,
  receiptKeyValid,
  readPageAnswers,
  resolveOpenLink,
  savePage,
  startOpenLinkResponse,
  submitSurvey,
  surveyState,
  type SurveySession,
} from './survey-service.ts';
import { OpenLinkPage, SurveyQuestionPage, SurveyReceiptPage, SurveyReviewPage, SurveySavedPage, SurveyStartPage } from './survey-views.tsx';

/** Holds the key that lets the submitting browser read its answers for a short while. */
const RECEIPT_COOKIE = 'mogna_receipt';

const tokenParams = z.object({ token: z.string().max(200) });
const pageParams = z.object({ token: z.string().max(200), page: z.string().regex(/^\d{1,3}$/) });
const actionSchema = z.object({ action: z.enum(['next', 'previous', 'leave']).default('next') }).loose();

function firstUnansweredPage(session: SurveySession): number | null {
  if (session.answers.size === 0) return null;
  // A follow-up that does not apply (e.g. "to what degree?" after "no") is not waiting for an answer.
  const page = session.pages.find((candidate) => pageItems(candidate).some(({ item }) => !session.answers.has(item.key) && isItemShown(item, session.answers)));
  return page ? page.globalNumber : session.pages.length;
}

function pageOf(session: SurveySession, number: string) {
  const page = session.pages[Number(number) - 1];
  if (!page) throw new AppError('not_found');
  return page;
}

export function registerSurveyRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Survey pages are personal: keep them out of shared caches and search engines.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/s/') || request.url.startsWith('/o/')) {
      reply.header('x-robots-tag', 'noindex, nofollow');
    }
  });

  // The answers are shown only to the browser that submitted them, for RECEIPT_MINUTES; anyone
  // else with the link (or that browser later) learns only that, and when, they were submitted.
  const receiptOr = async (request: FastifyRequest, reply: FastifyReply, session: SurveySession) => {
    const showAnswers = await receiptKeyValid(ctx, session, request.cookies[RECEIPT_COOKIE]);
    return sendPage(reply, <SurveyReceiptPage page={pageContext(request, reply)} session={session} showAnswers={showAnswers} />);
  };

  app.get('/s/:token', async (request, reply) => {
    const { token } = tokenParams.parse(request.params);
    const session = await openSurvey(ctx, token, 'read');
    if (surveyState(session) === 'submitted') return receiptOr(request, reply, session);
    return sendPage(reply, <SurveyStartPage page={pageContext(request, reply)} session={session} resumePage={firstUnansweredPage(session)} identityMonths={ctx.config.RESPONDENT_DATA_MONTHS} />);
  });

  app.get('/s/:token/page/:page', async (request, reply) => {
    const params = pageParams.safeParse(request.params);
    if (!params.success) throw new AppError('not_found');
    const session = await openSurvey(ctx, params.data.token, 'read');
    if (session.submittedAt) return reply.redirect(`/s/${params.data.token}`, 303);
    const current = pageOf(session, params.data.page);
    return sendPage(reply, <SurveyQuestionPage page={pageContext(request, reply)} session={session} current={current} errors={[]} formAnswers={session.answers} />);
  });

  app.post('/s/:token/page/:page', async (request, reply) => {
    const params = pageParams.safeParse(request.params);
    if (!params.success) throw new AppError('not_found');
    const { token } = params.data;
    const session = await openSurvey(ctx, token);
    if (session.submittedAt) throw new AppError('survey_already_submitted');
    const current = pageOf(session, params.data.page);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const { action } = actionSchema.parse(body);
    const { answers, errors } = readPageAnswers(current, body);
    if (errors.length > 0) {
      const shown = new Map(session.answers);
      for (const [key, answer] of answers) shown.set(key, answer);
      return sendPage(
        reply,
        <SurveyQuestionPage page={pageContext(request, reply)} session={session} current={current} errors={errors} formAnswers={shown} />,
        400,
      );
    }
    await savePage(ctx, session, current, answers);
    if (action === 'leave') return reply.redirect(`/s/${token}/saved`, 303);
    if (action === 'previous') return reply.redirect(`/s/${token}/page/${Math.max(1, current.globalNumber - 1)}`, 303);
    if (current.globalNumber >= session.pages.length) return reply.redirect(`/s/${token}/review`, 303);
    return reply.redirect(`/s/${token}/page/${current.globalNumber + 1}`, 303);
  });

  app.get('/s/:token/saved', async (request, reply) => {
    const { token } = tokenParams.parse(request.params);
    const session = await openSurvey(ctx, token, 'read');
    return sendPage(reply, <SurveySavedPage page={pageContext(request, reply)} link={surveyLink(ctx, token)} viaOpenLink={session.viaOpenLink} />);
  });

  app.get('/s/:token/review', async (request, reply) => {
    const { token } = tokenParams.parse(request.params);
    const session = await openSurvey(ctx, token, 'read');
    if (session.submittedAt) return reply.redirect(`/s/${token}`, 303);
    return sendPage(reply, <SurveyReviewPage page={pageContext(request, reply)} session={session} />);
  });

  app.post('/s/:token/submit', async (request, reply) => {
    const { token } = tokenParams.parse(request.params);
    const session = await openSurvey(ctx, token, 'read');
    if (session.round.status !== 'open' && !session.submittedAt) throw new AppError('survey_round_closed');
    const receiptKey = await submitSurvey(ctx, session);
    if (receiptKey) {
      reply.setCookie(RECEIPT_COOKIE, receiptKey, { path: `/s/${token}`, httpOnly: true, sameSite: 'strict', maxAge: RECEIPT_MINUTES * 60, secure: ctx.config.secureCookies });
    }
    return reply.redirect(`/s/${token}`, 303);
  });

  app.get('/o/:token', async (request, reply) => {
    const { token } = tokenParams.parse(request.params);
    const { organisationName, instruments } = await resolveOpenLink(ctx, token);
    const title = instruments.map((instrument) => pick(instrument.name, request.locale)).join(', ');
    return sendPage(reply, <OpenLinkPage page={pageContext(request, reply)} organisationName={organisationName} title={title} token={token} />);
  });

  // Made-up respondents must be costly: each address may start only so many responses an
  // hour (a page says so, 429), and startOpenLinkResponse refuses past the round's cap.
  const openLinkLimit = {
    max: ctx.config.OPEN_LINK_RATE_LIMIT,
    timeWindow: '1 hour',
    errorResponseBuilder: () => new AppError('open_link_rate_limited'),
  };
  app.post('/o/:token', { config: { rateLimit: openLinkLimit } }, async (request, reply) => {
    const { token } = tokenParams.parse(request.params);
    const personalToken = await startOpenLinkResponse(ctx, token);
    return reply.redirect(`/s/${personalToken}/page/1`, 303);
  });
}
