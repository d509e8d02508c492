// The reminder schedule's page and form (issue 15): validate (schedule-schema.ts) → the schedule
// service (which asks the round policy) → present (schedule-presenter.ts) → render.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import { formatDate } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/messages.ts';
import { pageContext, redirectWithFlash } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { parseInput, parseParams, validateForm } from '../../web/validate.ts';
import { presentReminderSchedule } from './schedule-presenter.ts';
import { roundParams } from './schema.ts';
import { reminderScheduleBody, reminderScheduleForm, type ReminderScheduleIssue } from './schedule-schema.ts';
import { reminderSchedule, setReminderSchedule, type ReminderScheduleProblem } from './schedule-service.ts';
import { ReminderSchedulePage } from './views/reminder-schedule-page.tsx';

function problemMessage(m: Messages, locale: Parameters<typeof formatDate>[0], problem: ReminderScheduleProblem): string {
  return problem.kind === 'noClosingDate' ? m.mailSchedule.errors.noClosingDate : m.mailSchedule.errors.datePassed(problem.daysBefore, formatDate(locale, `${problem.date}T12:00:00Z`));
}

export function registerScheduleRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/rounds/:roundId/reminder-schedule', async (request, reply) => {
    const { roundId } = parseParams(roundParams, request.params);
    const schedule = presentReminderSchedule(await reminderSchedule(ctx, request.actor, roundId));
    return sendPage(reply, <ReminderSchedulePage page={pageContext(request, reply)} schedule={schedule} />);
  });

  app.post('/rounds/:roundId/reminder-schedule', async (request, reply) => {
    const { roundId } = parseParams(roundParams, request.params);
    const body = parseInput(reminderScheduleBody, request.body);
    const m = request.m;
    const form = validateForm(reminderScheduleForm, body, (issue) => m.mailSchedule.errors[issue.message as ReminderScheduleIssue]);
    const problem = form.ok ? await setReminderSchedule(ctx, request.actor, roundId, form.value.reminderDays) : null;
    const error = form.ok ? (problem ? problemMessage(m, request.locale, problem) : undefined) : form.errors.reminderDays;
    if (error === undefined) return redirectWithFlash(reply, `/rounds/${roundId}/mail#reminder-schedule-title`, m.mailSchedule.saved);
    const schedule = presentReminderSchedule(await reminderSchedule(ctx, request.actor, roundId), body.reminderDays);
    return sendPage(reply, <ReminderSchedulePage page={pageContext(request, reply)} schedule={schedule} error={error} />, 400);
  });
}
