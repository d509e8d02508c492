// The respondent's journey under /s/:token (personal link) and /o/:token (open link):
// start → one page per category → review → submit → receipt. Every POST saves first, then
// redirects (post/redirect/get), so a reload never sends answers twice. Each route: validate →
// service → presenter → view.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { parseInput, parseParams, validateForm } from '../../web/validate.ts';
import { openLinkErrors, resumePage, surveyTitle } from './presenter.ts';
import { openLinkForm, pageAction, pageParams, pageQuery, tokenParams } from './schema.ts';
import { answerPage, openOpenLink, openPage, openReview, openSaved, openStart, RECEIPT_MINUTES, startOpenLinkResponse, submit } from './service.ts';
import { OpenLinkPage } from './views/open-link-page.tsx';
import { SurveyQuestionPage } from './views/question-page.tsx';
import { SurveyReceiptPage } from './views/receipt-page.tsx';
import { SurveyReviewPage } from './views/review-page.tsx';
import { SurveySavedPage } from './views/saved-page.tsx';
import { SurveyStartPage } from './views/start-page.tsx';

/** Holds the key that lets the submitting browser read its answers for a short while. */
const RECEIPT_COOKIE = 'mogna_receipt';

export function registerSurveyRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Survey pages are personal: keep them out of shared caches and search engines.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/s/') || request.url.startsWith('/o/')) {
      reply.header('x-robots-tag', 'noindex, nofollow');
    }
  });

  app.get('/s/:token', async (request, reply) => {
    const { token } = parseInput(tokenParams, request.params);
    const opened = await openStart(ctx, token, { receiptKey: request.cookies[RECEIPT_COOKIE] });
    if (opened.kind === 'receipt') return sendPage(reply, <SurveyReceiptPage page={pageContext(request, reply)} session={opened.session} showAnswers={opened.showAnswers} />);
    const { session } = opened;
    return sendPage(reply, <SurveyStartPage page={pageContext(request, reply)} session={session} resumePage={resumePage(session)} identityMonths={ctx.config.RESPONDENT_DATA_MONTHS} />);
  });

  app.get('/s/:token/page/:page', async (request, reply) => {
    const { token, page } = parseParams(pageParams, request.params);
    const opened = await openPage(ctx, token, { page });
    if (opened.submitted) return reply.redirect(`/s/${token}`, 303);
    const { session, current } = opened;
    const { return: returnTo } = parseInput(pageQuery, request.query ?? {});
    return sendPage(reply, <SurveyQuestionPage page={pageContext(request, reply)} session={session} current={current} errors={[]} formAnswers={session.answers} returnTo={returnTo} />);
  });

  // The page's script saves each choice as it is made (the same save as the page's buttons), so a
  // closed browser loses nothing. 204 when saved; 422 when a field is wrong (nothing is saved:
  // the page's own button then shows what to fix).
  app.post('/s/:token/page/:page/autosave', async (request, reply) => {
    const { token, page } = parseParams(pageParams, request.params);
    const answered = await answerPage(ctx, token, { page, form: (request.body ?? {}) as Record<string, unknown> });
    if (!answered.saved) return reply.code(422).send({ saved: false, fields: answered.errors.map((error) => error.itemKey) });
    return reply.code(204).send();
  });

  app.post('/s/:token/page/:page', async (request, reply) => {
    const { token, page } = parseParams(pageParams, request.params);
    const form = (request.body ?? {}) as Record<string, unknown>;
    const { action, return: returnTo } = parseInput(pageAction, form);
    const answered = await answerPage(ctx, token, { page, form });
    if (!answered.saved) {
      const { session, current, errors, formAnswers } = answered;
      return sendPage(reply, <SurveyQuestionPage page={pageContext(request, reply)} session={session} current={current} errors={errors} formAnswers={formAnswers} returnTo={returnTo} />, 400);
    }
    const { current, pageCount } = answered;
    if (action === 'leave') return reply.redirect(`/s/${token}/saved`, 303);
    if (action === 'previous') return reply.redirect(`/s/${token}/page/${Math.max(1, current.globalNumber - 1)}`, 303);
    if (returnTo === 'review' || current.globalNumber >= pageCount) return reply.redirect(`/s/${token}/review`, 303);
    return reply.redirect(`/s/${token}/page/${current.globalNumber + 1}`, 303);
  });

  app.get('/s/:token/saved', async (request, reply) => {
    const { token } = parseInput(tokenParams, request.params);
    const { link, viaOpenLink } = await openSaved(ctx, token);
    return sendPage(reply, <SurveySavedPage page={pageContext(request, reply)} link={link} viaOpenLink={viaOpenLink} />);
  });

  app.get('/s/:token/review', async (request, reply) => {
    const { token } = parseInput(tokenParams, request.params);
    const opened = await openReview(ctx, token);
    if (opened.submitted) return reply.redirect(`/s/${token}`, 303);
    return sendPage(reply, <SurveyReviewPage page={pageContext(request, reply)} session={opened.session} />);
  });

  app.post('/s/:token/submit', async (request, reply) => {
    const { token } = parseInput(tokenParams, request.params);
    const receiptKey = await submit(ctx, token);
    if (receiptKey) {
      reply.setCookie(RECEIPT_COOKIE, receiptKey, { path: `/s/${token}`, httpOnly: true, sameSite: 'strict', maxAge: RECEIPT_MINUTES * 60, secure: ctx.config.secureCookies });
    }
    return reply.redirect(`/s/${token}`, 303);
  });

  app.get('/o/:token', async (request, reply) => {
    const { token } = parseInput(tokenParams, request.params);
    const view = await openOpenLink(ctx, token);
    return sendPage(reply, <OpenLinkPage page={pageContext(request, reply)} view={view} title={surveyTitle(view.instruments, request.locale)} token={token} />);
  });

  // Made-up respondents must be costly: each address may start only so many responses an
  // hour (a page says so, 429), and startOpenLinkResponse refuses past the round's cap.
  const openLinkLimit = {
    max: ctx.config.OPEN_LINK_RATE_LIMIT,
    timeWindow: '1 hour',
    errorResponseBuilder: () => new AppError('open_link_rate_limited'),
  };
  app.post('/o/:token', { config: { rateLimit: openLinkLimit } }, async (request, reply) => {
    const { token } = parseInput(tokenParams, request.params);
    // A field of the wrong shape (too long, sent twice) is as unknown as a unit that does not exist.
    const form = validateForm(openLinkForm, request.body, () => 'unknown');
    const choice = form.ok ? form.value : { unitId: '', role: '' };
    const started = form.ok ? await startOpenLinkResponse(ctx, token, choice) : { started: false as const, view: await openOpenLink(ctx, token), errors: { unitId: form.errors.unitId, role: form.errors.role } };
    if (started.started) return reply.redirect(`/s/${started.token}/page/1`, 303);
    const page = pageContext(request, reply);
    const values = { unitId: choice.unitId, role: choice.role };
    const title = surveyTitle(started.view.instruments, request.locale);
    return sendPage(reply, <OpenLinkPage page={page} view={started.view} title={title} token={token} values={values} errors={openLinkErrors(page.m, started.errors)} />, 400);
  });
}
