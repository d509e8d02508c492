// A coordinator's work with a round: create it, open and close it, add or upload respondents,
// send invitations and reminders, follow the response rate, read the outbox. The round has parts,
// each its own page: the overview (/rounds/:roundId), the respondents (…/respondents) and the
// mail (…/mail); a form's redirect lands on the part it was sent from. Each route
// validates (schema.ts), calls a service (which asks the round policy), presents (presenter.ts)
// and renders a page (views/).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import { isAppError } from '../../app/errors.ts';
import { formatDateTime } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/messages.ts';
import { pageContext, redirectWithFlash } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { parseInput, parseParams, validateForm } from '../../web/validate.ts';
import { uploadedFile } from '../../web/multipart-upload.ts';
import {
  emptyRespondentForm,
  emptyRespondentValues,
  instrumentName,
  instrumentOptions,
  newRoundFormStart,
  newRoundFormValues,
  presentOutbox,
  presentRespondentList,
  presentRoundPage,
  roundPartHref,
  uploadProblemMessages,
  type RespondentFormState,
  type RoundPart,
} from './presenter.ts';
import { getOrganisation } from '../organisations/service.ts';
import { isRespondentFileError, type RespondentFileError } from '../respondents/respondent-file-error.ts';
import type { RespondentFileProblem } from '../respondents/respondent-file-parser.ts';
import { resendInvitation } from './invitation-service.ts';
import { registerScheduleRoutes } from './schedule-routes.tsx';
import { addRespondent, removeRespondent } from './respondent-service.ts';
import { closeRound, createRound, getManagedRound, mintOpenLink, openRound, organisationForNewRound, setOpenLinkCap } from './round-service.ts';
import { newRoundBody, newRoundForm, openLinkCapBody, openLinkCapForm, orgParams, outboxQuery, respondentBody, respondentForm, respondentParams, respondentsQuery, roundParams, type NewRoundIssue } from './schema.ts';
import { respondentTemplate, roundOutbox, roundOverview, roundProgressSummary, uploadRespondentFile, type RespondentUploadResult } from './service.ts';
import { sendConfirmedMail } from './mail-confirm-service.ts';
import { sendBody } from './mail-schema.ts';
import { NewRoundPage } from './views/new-round-page.tsx';
import { MailPage } from './views/mail-page.tsx';
import { OutboxPage } from './views/outbox-page.tsx';
import { RespondentsPage } from './views/respondents-page.tsx';
import { RoundPage } from './views/round-page.tsx';

/**
 * Carries a new open link's token to the one page that shows it, in the coordinator's own
 * browser: the server keeps only the token's hash.
 */
const OPEN_LINK_COOKIE = 'mogna_open_link';

function handOverOpenLink(reply: FastifyReply, ctx: AppContext, roundId: string, token: string): void {
  reply.setCookie(OPEN_LINK_COOKIE, token, { path: `/rounds/${roundId}`, httpOnly: true, sameSite: 'strict', maxAge: 300, secure: ctx.config.secureCookies });
}

function newRoundMessage(m: Messages, issue: string): string {
  const key = issue as NewRoundIssue;
  return key === 'smallSampleInvalid' ? m.results.smallSampleInvalid : m.rounds[key];
}

export function registerRoundRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerScheduleRoutes(app, ctx);
  app.get('/org/:orgId/rounds/new', async (request, reply) => {
    const { orgId } = parseParams(orgParams, request.params);
    const organisation = await organisationForNewRound(ctx, request.actor, orgId);
    return sendPage(
      reply,
      <NewRoundPage
        page={pageContext(request, reply)}
        organisation={organisation}
        instruments={instrumentOptions(ctx, request.locale)}
        form={newRoundFormStart(ctx.clock.now().getUTCFullYear())}
        errors={{}}
      />,
    );
  });

  app.post('/org/:orgId/rounds', async (request, reply) => {
    const { orgId } = parseParams(orgParams, request.params);
    const organisation = await getOrganisation(ctx, request.actor, orgId);
    const body = parseInput(newRoundBody, request.body);
    const m = request.m;
    const form = validateForm(newRoundForm((key) => ctx.instruments.get(key) !== undefined), body, (issue) => newRoundMessage(m, issue.message));
    const errors = form.ok ? {} : form.errors;
    if (form.ok) {
      const input = form.value;
      try {
        const roundId = await createRound(ctx, request.actor, orgId, {
          name: input.name,
          year: input.year,
          instrumentKeys: input.instruments,
          openLink: input.openLink,
          anonymityThreshold: input.threshold,
          smallSampleThreshold: input.smallSample,
        });
        if (input.openLink) handOverOpenLink(reply, ctx, roundId, await mintOpenLink(ctx, request.actor, roundId));
        return redirectWithFlash(reply, `/rounds/${roundId}`, m.rounds.created);
      } catch (error) {
        if (!isAppError(error) || error.code !== 'round_exists') throw error;
        errors.instruments = m.rounds.alreadyExists(instrumentName(ctx, error.detail ?? '', request.locale), input.year);
      }
    }
    return sendPage(
      reply,
      <NewRoundPage page={pageContext(request, reply)} organisation={organisation} instruments={instrumentOptions(ctx, request.locale)} form={newRoundFormValues(body)} errors={errors} />,
      400,
    );
  });

  /**
   * One part of the round: the overview for every reader, the respondents and the mail for its
   * coordinators (the service refuses others). Forms re-render their own part with errors.
   */
  const showPart = async (request: FastifyRequest, reply: FastifyReply, roundId: string, part: RoundPart, respondentForm?: RespondentFormState, status = 200) => {
    // The open link is shown once, on the overview, to the browser that created it; then the cookie is gone.
    const handedOver = part === 'overview' ? request.cookies[OPEN_LINK_COOKIE] : undefined;
    const overview = await roundOverview(ctx, request.actor, roundId, handedOver, part !== 'overview');
    if (handedOver) reply.clearCookie(OPEN_LINK_COOKIE, { path: `/rounds/${roundId}` });
    const model = presentRoundPage(ctx, overview, request.locale);
    const page = pageContext(request, reply);
    const formatWhen = (iso: string) => formatDateTime(request.locale, iso);
    const form = respondentForm ?? emptyRespondentForm();
    if (part === 'respondents') {
      const query = parseInput(respondentsQuery, respondentForm ? {} : request.query);
      const list = presentRespondentList(roundId, model.respondents, model.units, query);
      return sendPage(reply, <RespondentsPage page={page} {...model} list={list} respondentForm={form} formatWhen={formatWhen} />, status);
    }
    if (part === 'mail') return sendPage(reply, <MailPage page={page} {...model} />, status);
    return sendPage(reply, <RoundPage page={page} {...model} formatWhen={formatWhen} respondentForm={form} now={ctx.clock.now()} />, status);
  };
  const showRound = (request: FastifyRequest, reply: FastifyReply, roundId: string, respondentForm?: RespondentFormState, status = 200) =>
    showPart(request, reply, roundId, 'overview', respondentForm, status);
  const showRespondents = (request: FastifyRequest, reply: FastifyReply, roundId: string, respondentForm?: RespondentFormState, status = 200) =>
    showPart(request, reply, roundId, 'respondents', respondentForm, status);
  const respondentsHref = (roundId: string) => roundPartHref(roundId, 'respondents');

  app.get('/rounds/:roundId', async (request, reply) => {
    const { roundId } = parseParams(roundParams, request.params);
    return showRound(request, reply, roundId);
  });

  app.get('/rounds/:roundId/respondents', async (request, reply) => {
    const { roundId } = parseParams(roundParams, request.params);
    return showRespondents(request, reply, roundId);
  });

  app.get('/rounds/:roundId/mail', async (request, reply) => {
    const { roundId } = parseParams(roundParams, request.params);
    return showPart(request, reply, roundId, 'mail');
  });

  app.post('/rounds/:roundId/open', async (request, reply) => {
    const { roundId } = parseParams(roundParams, request.params);
    await openRound(ctx, request.actor, roundId);
    return redirectWithFlash(reply, `/rounds/${roundId}`, request.m.rounds.opened);
  });

  app.post('/rounds/:roundId/open-link', async (request, reply) => {
    const { roundId } = parseParams(roundParams, request.params);
    handOverOpenLink(reply, ctx, roundId, await mintOpenLink(ctx, request.actor, roundId));
    return reply.redirect(`/rounds/${roundId}#open-link`, 303);
  });

  app.post('/rounds/:roundId/open-link-cap', async (request, reply) => {
    const { roundId } = parseParams(roundParams, request.params);
    const { cap } = parseInput(openLinkCapBody, request.body);
    const form = validateForm(openLinkCapForm, { cap }, () => request.m.privacy.openLinkCapInvalid);
    if (!form.ok) {
      await getManagedRound(ctx, request.actor, roundId);
      const values = { ...emptyRespondentValues(), openLinkCap: cap };
      return showRound(request, reply, roundId, { values, errors: { 'open-link-cap': request.m.privacy.openLinkCapInvalid }, uploadProblems: [] }, 400);
    }
    await setOpenLinkCap(ctx, request.actor, roundId, form.value.cap);
    return redirectWithFlash(reply, `/rounds/${roundId}#open-link`, request.m.privacy.openLinkCapSaved);
  });

  app.post('/rounds/:roundId/close', async (request, reply) => {
    const { roundId } = parseParams(roundParams, request.params);
    await closeRound(ctx, request.actor, roundId);
    return redirectWithFlash(reply, `/rounds/${roundId}`, request.m.rounds.closed);
  });

  app.post('/rounds/:roundId/respondents', async (request, reply) => {
    const { roundId } = parseParams(roundParams, request.params);
    const values = parseInput(respondentBody, request.body);
    const m = request.m;
    const form = validateForm(respondentForm, values, () => m.rounds.emailInvalid);
    if (!form.ok) return showRespondents(request, reply, roundId, { values, errors: { 'respondent-email': m.rounds.emailInvalid }, uploadProblems: [] }, 400);
    try {
      await addRespondent(ctx, request.actor, roundId, form.value);
      return redirectWithFlash(reply, respondentsHref(roundId), m.rounds.respondentAdded);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'conflict') throw error;
      return showRespondents(request, reply, roundId, { values, errors: { 'respondent-email': m.rounds.emailDuplicate }, uploadProblems: [] }, 400);
    }
  });

  app.post('/rounds/:roundId/respondents/:respondentId/delete', async (request, reply) => {
    const { roundId, respondentId } = parseParams(respondentParams, request.params);
    try {
      await removeRespondent(ctx, request.actor, roundId, respondentId);
    } catch (error) {
      if (isAppError(error) && error.code === 'conflict') return redirectWithFlash(reply, respondentsHref(roundId), request.m.rounds.respondentSubmittedKept);
      throw error;
    }
    return redirectWithFlash(reply, respondentsHref(roundId), request.m.rounds.respondentRemoved);
  });

  app.post('/rounds/:roundId/respondents/upload', { config: { uploadLimits: { files: 1 } } }, async (request, reply) => {
    const { roundId } = parseParams(roundParams, request.params);
    const m = request.m;
    const rejected = (problems: RespondentFileProblem[], status: number) =>
      showRespondents(request, reply, roundId, { values: emptyRespondentValues(), errors: { 'respondent-file': m.rounds.uploadRejected }, uploadProblems: uploadProblemMessages(problems, request.locale) }, status);
    let drain: (() => void) | undefined;
    let result: RespondentUploadResult | RespondentFileError;
    try {
      result = await uploadRespondentFile(ctx, request.actor, roundId, async () => {
        if (!request.isMultipart()) return null;
        const file = uploadedFile(request);
        if (!file || !file.filename) return null;
        drain = () => file.file.resume();
        return { fileName: file.filename, data: file.file };
      });
    } catch (error) {
      // A file that is not a readable list at all: the form shows why, like any rejected file.
      if (!isRespondentFileError(error)) throw error;
      result = error;
    } finally {
      // Whatever the parser stopped at, drain the rest so the connection ends cleanly.
      drain?.();
    }
    if (isRespondentFileError(result)) return rejected(result.problems, result.status);
    if (result.kind === 'no_file') {
      return showRespondents(request, reply, roundId, { values: emptyRespondentValues(), errors: { 'respondent-file': m.rounds.uploadNoFile }, uploadProblems: [] }, 400);
    }
    if (result.kind === 'rejected') return rejected(result.problems, 422);
    return redirectWithFlash(reply, respondentsHref(roundId), m.rounds.uploadImported(result.count));
  });

  app.get('/rounds/:roundId/respondents/template.csv', async (request, reply) => {
    const { roundId } = parseParams(roundParams, request.params);
    const template = await respondentTemplate(ctx, request.actor, roundId, request.locale);
    return reply
      .header('content-disposition', `attachment; filename="${template.fileName}"`)
      .type(template.contentType)
      .send(template.data);
  });

  // Say what happened: without SMTP nothing left the building (the demo says so too), so the
  // notice never says "sent" then, and links to the outbox the mail waits in.
  const mailNotice = (request: FastifyRequest, reply: FastifyReply, roundId: string, back: RoundPart, kind: 'invitation' | 'reminder', sent: number, failed: number, sentText: string) => {
    const m = request.m;
    const parts = [];
    const keptInOutbox = sent > 0 && ctx.mail.mode !== 'smtp';
    if (sent > 0 && ctx.mail.mode === 'smtp') parts.push(sentText);
    else if (sent > 0 && ctx.config.DEMO_MODE) parts.push(kind === 'invitation' ? m.privacy.invitationsInDemoOutbox(sent) : m.privacy.remindersInDemoOutbox(sent));
    else if (sent > 0) parts.push(kind === 'invitation' ? m.outbox.invitationsNotSent(sent) : m.outbox.remindersNotSent(sent), m.outbox.notDeliveredYet);
    if (failed > 0) parts.push(m.rounds.mailFailed(failed));
    const message = parts.length > 0 ? parts.join(' ') : m.rounds.nothingToSend;
    // Mail left undelivered is a warning, not a success, and the notice leads to the outbox.
    const undelivered = keptInOutbox || failed > 0;
    const extra = undelivered ? { link: { href: `/rounds/${roundId}/outbox`, text: m.outbox.openOutbox }, tone: 'warning' as const } : undefined;
    return redirectWithFlash(reply, roundPartHref(roundId, back), message, extra);
  };

  for (const kind of ['invitation', 'reminder'] as const) {
    app.post(`/rounds/:roundId/${kind}s`, async (request, reply) => {
      const { roundId } = parseParams(roundParams, request.params);
      const m = request.m;
      // The confirmation page posts the fingerprint of the list it showed (mail-confirm-service.ts).
      const { recipients } = parseInput(sendBody, request.body);
      const result = await sendConfirmedMail(ctx, request.actor, roundId, kind, recipients);
      if (result.kind === 'changed') return redirectWithFlash(reply, `/rounds/${roundId}/${kind}s/confirm`, m.mailTexts.recipientsChanged, { tone: 'warning' });
      if (result.kind === 'not_open') return redirectWithFlash(reply, roundPartHref(roundId, 'mail'), m.rounds.mustBeOpenToInvite);
      const { sent, failed } = result;
      return mailNotice(request, reply, roundId, 'mail', kind, sent, failed, kind === 'invitation' ? m.rounds.invitationsSent(sent) : m.rounds.remindersSent(sent));
    });
  }

  app.post('/rounds/:roundId/respondents/:respondentId/resend', async (request, reply) => {
    const { roundId, respondentId } = parseParams(respondentParams, request.params);
    try {
      const { sent, failed, email } = await resendInvitation(ctx, request.actor, roundId, respondentId);
      return mailNotice(request, reply, roundId, 'respondents', 'invitation', sent, failed, request.m.rounds.invitationResent(email));
    } catch (error) {
      if (isAppError(error) && error.code === 'conflict') return redirectWithFlash(reply, respondentsHref(roundId), request.m.rounds.cannotResend);
      throw error;
    }
  });

  // JSON for integrations (e.g. an intranet dashboard): counts only, through the same policy.
  app.get('/api/rounds/:roundId/progress', async (request) => {
    const { roundId } = parseParams(roundParams, request.params);
    return roundProgressSummary(ctx, request.actor, roundId);
  });

  app.get('/rounds/:roundId/outbox', async (request, reply) => {
    const { roundId } = parseParams(roundParams, request.params);
    const { q, page, mail } = parseInput(outboxQuery, request.query);
    const model = presentOutbox(ctx, await roundOutbox(ctx, request.actor, roundId, { q, page }, mail));
    return sendPage(reply, <OutboxPage page={pageContext(request, reply)} model={model} formatWhen={(iso) => formatDateTime(request.locale, iso)} />);
  });
}
