// The reminder schedule on a page of its own: where a coordinator lands after typing days the
// form does not accept, with the error summary at the top and the message at the field.
import { ErrorSummary } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { ReminderScheduleModel } from '../schedule-presenter.ts';
import { PlannedReminders, REMINDER_DAYS_FIELD, ReminderScheduleForm } from './reminder-schedule-section.tsx';

export function ReminderSchedulePage({ page, schedule, error }: { page: PageContext; schedule: ReminderScheduleModel; error?: string | undefined }) {
  const { m, locale } = page;
  return (
    <Layout page={page} title={m.mailSchedule.editTitle}>
      <ErrorSummary m={m} errors={error ? { [REMINDER_DAYS_FIELD]: error } : {}} />
      <p class="caption">
        <a href={`/rounds/${schedule.roundId}/mail`}>{schedule.roundName}</a>
      </p>
      <h1>{m.mailSchedule.editTitle}</h1>
      <p>{m.mailSchedule.intro(schedule.afterDays)}</p>
      <PlannedReminders m={m} locale={locale} schedule={schedule} />
      {schedule.canChange ? <ReminderScheduleForm m={m} csrfToken={page.csrfToken} roundId={schedule.roundId} value={schedule.typed} error={error} /> : null}
      <p>
        <a href={`/rounds/${schedule.roundId}/mail`}>{m.mailSchedule.backToRound}</a>
      </p>
    </Layout>
  );
}
