// A coordinator's work with a round: create it, open and close it, add or upload respondents,
// send invitations and reminders, follow the response rate, read the outbox.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.ts';
import { AppError, isAppError } from '../../app/errors.ts';
import { canManageRound } from '../../access/round-policy.ts';
import { canViewResults } from '../../access/results-policy.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { pick } from '../../i18n/messages.ts';
import type { FieldErrors } from '../../ui/forms.tsx';
import { pageContext, redirectWithFlash } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { jointOverview } from '../joint/service.ts';
import { JointRoundSection } from '../joint/views/round-section.tsx';
import { loadUnitTree } from '../organisations/repository.ts';
import { getOrganisation } from '../organisations/service.ts';
import { parseRespondentFile, respondentFileTemplate, respondentProblemMessage } from '../respondents/respondent-file-parser.ts';
import { listOutbox, mailRecipients, openSurveyLink, sendMail } from './invitation-service.ts';
import { addRespondent, existingEmails, importRespondents, isValidEmail, listRespondents, removeRespondent, roundProgress } from './respondent-service.ts';
import { getManagedRound, isOpenLinkOf, listRespondentChanges, MAX_OPEN_LINK_CAP, mintOpenLink, respondentsAddedAfterFirstAnswer, setOpenLinkCap } from './round-service.ts';
import { closeRound, createRound, getRound, openRound, MIN_ANONYMITY_THRESHOLD, DEFAULT_ANONYMITY_THRESHOLD, DEFAULT_SMALL_SAMPLE_THRESHOLD } from './round-service.ts';
import { respondentDataRemovalDate } from '../gdpr/service.ts';
import { NewRoundPage, OutboxPage, RoundPage, type RespondentFormState } from './round-views.tsx';

const roundParams = z.object({ roundId: z.uuid() });

/**
 * Carries a new open link's token to the one page that shows it, in the coordinator's own
 * browser: the server keeps only the token's hash.
 */
const OPEN_LINK_COOKIE = 'mogna_open_link';

function handOverOpenLink(reply: FastifyReply, ctx: AppContext, roundId: string, token: string): void {
  reply.setCookie(OPEN_LINK_COOKIE, token, { path: `/rounds/${roundId}`, httpOnly: true, sameSite: 'strict', maxAge: 300, secure: ctx.config.secureCookies });
}
const orgParams = z.object({ orgId: z.uuid() });

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('not_found');
  return result.data;
}

const newRoundSchema = z.object({
  name: z.string().trim().max(200).default(''),
  year: z.string().trim().default(''),
  instruments: z.union([z.string(), z.array(z.string())]).optional(),
  openLink: z.string().optional(),
  threshold: z.string().trim().default(String(DEFAULT_ANONYMITY_THRESHOLD)),
  smallSample: z.string().trim().default(String(DEFAULT_SMALL_SAMPLE_THRESHOLD)),
});

const respondentSchema = z.object({
  email: z.string().trim().max(254).default(''),
  name: z.string().trim().max(200).default(''),
  role: z.string().trim().max(200).default(''),
  unitId: z.string().default(''),
});

export function registerRoundRoutes(app: FastifyInstance, ctx: AppContext): void {
  const instrumentOptions = (locale: 'sv' | 'en') =>
    ctx.instruments.list()
      .filter((instrument, index, all) => all.findLastIndex((other) => other.key === instrument.key) === index)
      .map((instrument) => ({ value: instrument.key, label: pick(instrument.name, locale), hint: pick(instrument.description, locale) }));

  app.get('/org/:orgId/rounds/new', async (request, reply) => {
    const { orgId } = parse(orgParams, request.params);
    const organisation = await getOrganisation(ctx, request.actor, orgId);
    if (!canManageRoundOf(request, orgId)) throw new AppError('forbidden');
    const year = ctx.clock.now().getUTCFullYear();
    return sendPage(
      reply,
      <NewRoundPage
        page={pageContext(request, reply)}
        organisation={organisation}
        instruments={instrumentOptions(request.locale)}
        form={{ name: '', year: String(year), instruments: ['digital-mognad'], openLink: false, threshold: String(DEFAULT_ANONYMITY_THRESHOLD), smallSample: String(DEFAULT_SMALL_SAMPLE_THRESHOLD) }}
        errors={{}}
      />,
    );
  });

  app.post('/org/:orgId/rounds', async (request, reply) => {
    const { orgId } = parse(orgParams, request.params);
    const organisation = await getOrganisation(ctx, request.actor, orgId);
    const raw = newRoundSchema.parse(request.body ?? {});
    const m = request.m;
    const form = {
      name: raw.name,
      year: raw.year,
      instruments: raw.instruments === undefined ? [] : Array.isArray(raw.instruments) ? raw.instruments : [raw.instruments],
      openLink: raw.openLink === 'on' || raw.openLink === 'true',
      threshold: raw.threshold,
      smallSample: raw.smallSample,
    };
    const errors: FieldErrors = {};
    if (!form.name) errors.name = m.rounds.nameRequired;
    const year = /^\d{4}$/.test(form.year) ? Number(form.year) : Number.NaN;
    if (!Number.isInteger(year) || year < 2000 || year > 2100) errors.year = m.rounds.yearInvalid;
    if (form.instruments.length === 0 || form.instruments.some((key) => !ctx.instruments.get(key))) errors.instruments = m.rounds.instrumentsRequired;
    const threshold = /^\d{1,2}$/.test(form.threshold) ? Number(form.threshold) : Number.NaN;
    if (!Number.isInteger(threshold) || threshold < MIN_ANONYMITY_THRESHOLD || threshold > 50) errors.threshold = m.rounds.thresholdInvalid;
    const smallSample = /^\d{1,3}$/.test(form.smallSample) ? Number(form.smallSample) : Number.NaN;
    if (!Number.isInteger(smallSample) || smallSample < 1 || smallSample > 500) errors.smallSample = m.results.smallSampleInvalid;
    if (Object.keys(errors).length === 0) {
      try {
        const roundId = await createRound(ctx, request.actor, orgId, {
          name: form.name,
          year,
          instrumentKeys: form.instruments,
          openLink: form.openLink,
          anonymityThreshold: threshold,
          smallSampleThreshold: smallSample,
        });
        if (form.openLink) handOverOpenLink(reply, ctx, roundId, await mintOpenLink(ctx, request.actor, roundId));
        return redirectWithFlash(reply, `/rounds/${roundId}`, m.rounds.created);
      } catch (error) {
        if (!isAppError(error) || error.code !== 'round_exists') throw error;
        const instrument = ctx.instruments.get(error.detail ?? '');
        errors.instruments = m.rounds.alreadyExists(instrument ? pick(instrument.name, request.locale) : String(error.detail), year);
      }
    }
    return sendPage(
      reply,
      <NewRoundPage page={pageContext(request, reply)} organisation={organisation} instruments={instrumentOptions(request.locale)} form={form} errors={errors} />,
      400,
    );
  });

  const showRound = async (request: FastifyRequest, reply: FastifyReply, roundId: string, respondentForm?: RespondentFormState, status = 200) => {
    const round = await getRound(ctx, request.actor, roundId);
    const organisation = await getOrganisation(ctx, request.actor, round.organisation_id);
    const manage = canManageRound(request.actor, round);
    // The open link is shown once, to the browser that created it; then the cookie is gone.
    const handedOver = request.cookies[OPEN_LINK_COOKIE];
    if (handedOver) reply.clearCookie(OPEN_LINK_COOKIE, { path: `/rounds/${roundId}` });
    const freshOpenLink = manage && handedOver && isOpenLinkOf(round, handedOver) ? openSurveyLink(ctx, handedOver) : null;
    const [progress, respondents, units, toInvite, toRemind, joint, changes, lateRespondents] = await Promise.all([
      roundProgress(ctx, request.actor, roundId),
      manage ? listRespondents(ctx, request.actor, roundId) : Promise.resolve([]),
      loadUnitTree(ctx.db, round.organisation_id),
      manage ? mailRecipients(ctx, request.actor, roundId, 'invitation') : Promise.resolve([]),
      manage ? mailRecipients(ctx, request.actor, roundId, 'reminder') : Promise.resolve([]),
      jointOverview(ctx, request.actor, roundId),
      manage ? listRespondentChanges(ctx, request.actor, roundId) : Promise.resolve([]),
      respondentsAddedAfterFirstAnswer(ctx, request.actor, roundId),
    ]);
    return sendPage(
      reply,
      <RoundPage
        page={pageContext(request, reply)}
        round={round}
        organisation={organisation}
        progress={progress}
        respondents={respondents}
        units={units}
        canManage={manage}
        counts={{ toInvite: toInvite.length, toRemind: toRemind.length }}
        openLink={freshOpenLink}
        mailNotConfigured={ctx.mail.mode !== 'smtp' && !ctx.config.DEMO_MODE}
        changes={changes}
        lateRespondents={lateRespondents}
        formatWhen={(iso) => formatDateTime(request.locale, iso)}
        resultsHref={
          round.status !== 'draft' && canViewResults(request.actor, round) && round.instruments.some((ref) => ctx.instruments.get(ref.key, ref.version)?.results)
            ? `/rounds/${round.id}/results`
            : null
        }
        instrumentNames={round.instruments.map((ref) => {
          const instrument = ctx.instruments.get(ref.key, ref.version);
          return instrument ? `${pick(instrument.name, request.locale)} (${ref.version})` : ref.key;
        })}
        identityRemoval={{ date: respondentDataRemovalDate(ctx, round), months: ctx.config.RESPONDENT_DATA_MONTHS }}
        respondentForm={respondentForm ?? { values: { email: '', name: '', role: '', unitId: '' }, errors: {}, uploadProblems: [] }}
        now={ctx.clock.now()}
        jointSection={(page) => (
          <JointRoundSection m={page.m} locale={page.locale} roundId={round.id} roundStatus={round.status} overview={joint} canManage={manage} csrfToken={page.csrfToken} />
        )}
      />,
      status,
    );
  };

  app.get('/rounds/:roundId', async (request, reply) => {
    const { roundId } = parse(roundParams, request.params);
    return showRound(request, reply, roundId);
  });

  app.post('/rounds/:roundId/open', async (request, reply) => {
    const { roundId } = parse(roundParams, request.params);
    await openRound(ctx, request.actor, roundId);
    return redirectWithFlash(reply, `/rounds/${roundId}`, request.m.rounds.opened);
  });

  app.post('/rounds/:roundId/open-link', async (request, reply) => {
    const { roundId } = parse(roundParams, request.params);
    handOverOpenLink(reply, ctx, roundId, await mintOpenLink(ctx, request.actor, roundId));
    return reply.redirect(`/rounds/${roundId}#open-link`, 303);
  });

  app.post('/rounds/:roundId/open-link-cap', async (request, reply) => {
    const { roundId } = parse(roundParams, request.params);
    const { cap } = z.object({ cap: z.string().trim().max(20).default('') }).parse(request.body ?? {});
    const value = /^\d{1,5}$/.test(cap) ? Number(cap) : Number.NaN;
    if (!Number.isInteger(value) || value < 1 || value > MAX_OPEN_LINK_CAP) {
      await getManagedRound(ctx, request.actor, roundId);
      const values = { email: '', name: '', role: '', unitId: '', openLinkCap: cap };
      return showRound(request, reply, roundId, { values, errors: { 'open-link-cap': request.m.privacy.openLinkCapInvalid }, uploadProblems: [] }, 400);
    }
    await setOpenLinkCap(ctx, request.actor, roundId, value);
    return redirectWithFlash(reply, `/rounds/${roundId}#open-link`, request.m.privacy.openLinkCapSaved);
  });

  app.post('/rounds/:roundId/close', async (request, reply) => {
    const { roundId } = parse(roundParams, request.params);
    await closeRound(ctx, request.actor, roundId);
    return redirectWithFlash(reply, `/rounds/${roundId}`, request.m.rounds.closed);
  });

  app.post('/rounds/:roundId/respondents', async (request, reply) => {
    const { roundId } = parse(roundParams, request.params);
    const values = respondentSchema.parse(request.body ?? {});
    const m = request.m;
    const errors: FieldErrors = {};
    if (!isValidEmail(values.email.toLowerCase())) errors['respondent-email'] = m.rounds.emailInvalid;
    if (Object.keys(errors).length === 0) {
      try {
        await addRespondent(ctx, request.actor, roundId, {
          email: values.email,
          name: values.name || null,
          role: values.role || null,
          unitId: values.unitId || null,
        });
        return redirectWithFlash(reply, `/rounds/${roundId}#respondents`, m.rounds.respondentAdded);
      } catch (error) {
        if (!isAppError(error) || error.code !== 'conflict') throw error;
        errors['respondent-email'] = m.rounds.emailDuplicate;
      }
    }
    return showRound(request, reply, roundId, { values, errors, uploadProblems: [] }, 400);
  });

  app.post('/rounds/:roundId/respondents/:respondentId/delete', async (request, reply) => {
    const { roundId, respondentId } = parse(z.object({ roundId: z.uuid(), respondentId: z.uuid() }), request.params);
    try {
      await removeRespondent(ctx, request.actor, roundId, respondentId);
    } catch (error) {
      if (isAppError(error) && error.code === 'conflict') return redirectWithFlash(reply, `/rounds/${roundId}#respondents`, request.m.rounds.respondentSubmittedKept);
      throw error;
    }
    return redirectWithFlash(reply, `/rounds/${roundId}#respondents`, request.m.rounds.respondentRemoved);
  });

  app.post('/rounds/:roundId/respondents/upload', async (request, reply) => {
    const { roundId } = parse(roundParams, request.params);
    const round = await getRound(ctx, request.actor, roundId);
    const emails = await existingEmails(ctx, request.actor, roundId);
    const m = request.m;
    const emptyValues = { email: '', name: '', role: '', unitId: '' };
    if (!request.isMultipart()) {
      return showRound(request, reply, roundId, { values: emptyValues, errors: { 'respondent-file': m.rounds.uploadNoFile }, uploadProblems: [] }, 400);
    }
    const file = await request.file();
    if (!file || !file.filename) {
      return showRound(request, reply, roundId, { values: emptyValues, errors: { 'respondent-file': m.rounds.uploadNoFile }, uploadProblems: [] }, 400);
    }
    const units = await loadUnitTree(ctx.db, round.organisation_id);
    const result = await parseRespondentFile(
      { fileName: file.filename, data: file.file },
      { existingEmails: emails, units: units.map((unit) => ({ id: unit.id, path: unit.path })) },
    );
    // Whatever the parser stopped at, drain the rest so the connection ends cleanly.
    file.file.resume();
    if (!result.ok) {
      const problems = result.problems.map((problem) => respondentProblemMessage(problem, request.locale));
      return showRound(request, reply, roundId, { values: emptyValues, errors: { 'respondent-file': m.rounds.uploadRejected }, uploadProblems: problems }, 422);
    }
    const count = await importRespondents(
      ctx,
      request.actor,
      roundId,
      result.rows.map((row) => ({ email: row.email, name: row.name, role: row.role, unitId: row.unitId })),
    );
    return redirectWithFlash(reply, `/rounds/${roundId}#respondents`, m.rounds.uploadImported(count));
  });

  app.get('/rounds/:roundId/respondents/template.csv', async (request, reply) => {
    const { roundId } = parse(roundParams, request.params);
    const round = await getRound(ctx, request.actor, roundId);
    if (!canManageRound(request.actor, round)) throw new AppError('forbidden');
    const units = await loadUnitTree(ctx.db, round.organisation_id);
    const deepest = [...units].sort((a, b) => b.depth - a.depth)[0];
    const template = respondentFileTemplate(request.locale, deepest ? { exampleUnitPath: deepest.path } : {});
    return reply
      .header('content-disposition', `attachment; filename="${template.fileName}"`)
      .type(template.contentType)
      .send(template.data);
  });

  for (const kind of ['invitation', 'reminder'] as const) {
    app.post(`/rounds/:roundId/${kind}s`, async (request, reply) => {
      const { roundId } = parse(roundParams, request.params);
      const round = await getRound(ctx, request.actor, roundId);
      const m = request.m;
      if (round.status !== 'open' && canManageRound(request.actor, round)) {
        return redirectWithFlash(reply, `/rounds/${roundId}`, m.rounds.mustBeOpenToInvite);
      }
      const { sent, failed } = await sendMail(ctx, request.actor, roundId, kind);
      const parts = [];
      // Say what happened: without SMTP nothing left the building (the demo says so too).
      if (sent > 0 && ctx.mail.mode === 'smtp') parts.push(kind === 'invitation' ? m.rounds.invitationsSent(sent) : m.rounds.remindersSent(sent));
      else if (sent > 0 && ctx.config.DEMO_MODE) parts.push(kind === 'invitation' ? m.privacy.invitationsInDemoOutbox(sent) : m.privacy.remindersInDemoOutbox(sent));
      else if (sent > 0) parts.push(kind === 'invitation' ? m.privacy.invitationsNotSent(sent) : m.privacy.remindersNotSent(sent));
      if (failed > 0) parts.push(m.rounds.mailFailed(failed));
      const message = parts.length > 0 ? parts.join(' ') : m.rounds.nothingToSend;
      return redirectWithFlash(reply, `/rounds/${roundId}`, message);
    });
  }

  // JSON for integrations (e.g. an intranet dashboard): counts only, through the same policy.
  app.get('/api/rounds/:roundId/progress', async (request) => {
    const { roundId } = parse(roundParams, request.params);
    const round = await getRound(ctx, request.actor, roundId);
    const progress = await roundProgress(ctx, request.actor, roundId);
    return { round: { id: round.id, name: round.name, year: round.year, status: round.status }, ...progress };
  });

  app.get('/rounds/:roundId/outbox', async (request, reply) => {
    const { roundId } = parse(roundParams, request.params);
    const round = await getRound(ctx, request.actor, roundId);
    const messages = await listOutbox(ctx, request.actor, roundId);
    return sendPage(
      reply,
      <OutboxPage page={pageContext(request, reply)} round={round} messages={messages} smtp={ctx.mail.mode === 'smtp'} demo={ctx.config.DEMO_MODE} formatWhen={(iso) => formatDateTime(request.locale, iso)} />,
    );
  });

  function canManageRoundOf(request: FastifyRequest, organisationId: string): boolean {
    return canManageRound(request.actor, { organisation_id: organisationId });
  }
}
