// The mail pages (issue 15): a round's own invitation and reminder texts and a study's default
// texts, each with a preview (from the server, and as JSON for public/mail-preview.js); the
// round's contact person and last day; and the confirmation before invitations or reminders
// go. Validate (mail-schema.ts) → service (which asks the policy) → presenter → view.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { MailTemplate } from '../../domain/mail/mail-template.ts';
import { pageContext, redirectWithFlash } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { parseInput, parseParams, validateForm } from '../../web/validate.ts';
import { mailConfirmation } from './mail-confirm-service.ts';
import { presentConfirmation, presentMailTextsPage, presentPreview, typedTexts } from './mail-page-presenter.ts';
import { confirmQuery, mailSettingsBody, mailSettingsForm, mailTextsBody, mailTextsQuery, studyParams, type MailSettingsBody, type MailSettingsIssue } from './mail-schema.ts';
import {
  resetRoundMailTexts,
  resetStudyMailTexts,
  roundMailSettings,
  roundMailTexts,
  saveRoundMailTexts,
  saveStudyMailTexts,
  setRoundMailSettings,
  studyMailTexts,
  type MailTextsEditor,
  type SaveMailTextsResult,
} from './mail-text-service.ts';
import type { MailKind } from './mail-text-repository.ts';
import { roundParams } from './schema.ts';
import { MailNotConfigured } from './views/mail-notices.tsx';
import { MailSettingsPage } from './views/mail-settings-page.tsx';
import { MailTextsPage } from './views/mail-texts-page.tsx';
import { SendConfirmPage } from './views/send-confirm-page.tsx';

/** The use cases of one page of texts: a round's own or a study's defaults. */
interface TextsScope {
  read: (request: FastifyRequest, kind: MailKind) => Promise<MailTextsEditor>;
  save: (request: FastifyRequest, kind: MailKind, texts: Record<Locale, MailTemplate>) => Promise<SaveMailTextsResult>;
  reset: (request: FastifyRequest, kind: MailKind) => Promise<void>;
}

function registerTextsPages(app: FastifyInstance, ctx: AppContext, path: string, scope: TextsScope): void {
  const show = (request: FastifyRequest, reply: FastifyReply, editor: MailTextsEditor, typed?: Record<Locale, MailTemplate>) => {
    const model = presentMailTextsPage(ctx, editor, request.m, typed);
    return sendPage(reply, <MailTextsPage page={pageContext(request, reply)} model={model} />, Object.keys(model.errors).length > 0 ? 400 : 200);
  };

  app.get(path, async (request, reply) => {
    const { kind } = parseInput(mailTextsQuery, request.query);
    return show(request, reply, await scope.read(request, kind));
  });

  app.post(path, async (request, reply) => {
    const body = parseInput(mailTextsBody, request.body);
    const texts = typedTexts(body);
    const back = `${request.url.split('?')[0]}?kind=${body.kind}`;
    if (body.action === 'reset') {
      await scope.reset(request, body.kind);
      return redirectWithFlash(reply, back, request.m.mailTexts.resetDone);
    }
    if (body.action === 'save') {
      const result = await scope.save(request, body.kind, texts);
      if (result.ok) return redirectWithFlash(reply, back, request.m.mailTexts.saved);
    }
    return show(request, reply, await scope.read(request, body.kind), texts);
  });

  // The preview script's question: the mail as typed, or each problem with its field.
  app.post(`${path}/preview`, async (request) => {
    const body = parseInput(mailTextsBody, request.body);
    const { preview, errors } = presentPreview(ctx, await scope.read(request, body.kind), typedTexts(body), request.m);
    return { preview, subjectLabel: `${request.m.mailTexts.previewSubject} `, message: preview ? null : request.m.mailTexts.previewHasErrors, errors: Object.entries(errors).map(([field, message]) => ({ field, message })) };
  });
}

function settingsMessage(request: FastifyRequest, issue: string): string {
  return request.m.mailTexts[issue as MailSettingsIssue];
}

export function registerMailRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerTextsPages(app, ctx, '/rounds/:roundId/mail-texts', {
    read: (request, kind) => roundMailTexts(ctx, request.actor, parseParams(roundParams, request.params).roundId, kind),
    save: (request, kind, texts) => saveRoundMailTexts(ctx, request.actor, parseParams(roundParams, request.params).roundId, kind, texts),
    reset: (request, kind) => resetRoundMailTexts(ctx, request.actor, parseParams(roundParams, request.params).roundId, kind),
  });
  registerTextsPages(app, ctx, '/studies/:studyId/mail-texts', {
    read: (request, kind) => studyMailTexts(ctx, request.actor, parseParams(studyParams, request.params).studyId, kind),
    save: (request, kind, texts) => saveStudyMailTexts(ctx, request.actor, parseParams(studyParams, request.params).studyId, kind, texts),
    reset: (request, kind) => resetStudyMailTexts(ctx, request.actor, parseParams(studyParams, request.params).studyId, kind),
  });

  const showSettings = async (request: FastifyRequest, reply: FastifyReply, roundId: string, values?: MailSettingsBody, errors: Record<string, string> = {}) => {
    const settings = await roundMailSettings(ctx, request.actor, roundId);
    const shown = values ?? { contactName: settings.contactName ?? '', contactEmail: settings.contactEmail ?? '', closesOn: settings.closesOn ?? '' };
    const model = { roundId, roundName: settings.roundName, values: shown, errors };
    return sendPage(reply, <MailSettingsPage page={pageContext(request, reply)} model={model} />, Object.keys(errors).length > 0 ? 400 : 200);
  };

  app.get('/rounds/:roundId/mail-settings', async (request, reply) => {
    const { roundId } = parseParams(roundParams, request.params);
    return showSettings(request, reply, roundId);
  });

  app.post('/rounds/:roundId/mail-settings', async (request, reply) => {
    const { roundId } = parseParams(roundParams, request.params);
    const values = parseInput(mailSettingsBody, request.body);
    const form = validateForm(mailSettingsForm, values, (issue) => settingsMessage(request, issue.message));
    if (!form.ok) return showSettings(request, reply, roundId, values, form.errors);
    const result = await setRoundMailSettings(ctx, request.actor, roundId, form.value);
    if (!result.ok) return showSettings(request, reply, roundId, values, { closesOn: settingsMessage(request, result.issue) });
    return redirectWithFlash(reply, `/rounds/${roundId}/mail#invitations`, request.m.mailTexts.settingsSaved);
  });

  for (const kind of ['invitation', 'reminder'] as const) {
    app.get(`/rounds/:roundId/${kind}s/confirm`, async (request, reply) => {
      const { roundId } = parseParams(roundParams, request.params);
      const { page } = parseInput(confirmQuery, request.query);
      const model = presentConfirmation(ctx, await mailConfirmation(ctx, request.actor, roundId, kind, page));
      const notice = ctx.mail.mode !== 'smtp' && !ctx.config.DEMO_MODE ? <MailNotConfigured m={request.m} /> : null;
      return sendPage(reply, <SendConfirmPage page={pageContext(request, reply)} model={model} mailNotice={notice} />);
    });
  }
}
