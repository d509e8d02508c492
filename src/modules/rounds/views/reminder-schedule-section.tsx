// The round page's scheduled reminders (issue 15, coordinators only): the rule, the planned
// days with their dates and whether each went out, and the form that sets the days. The same
// form, with its error, is the page of its own (reminder-schedule-page.tsx) after a bad entry.
import { formatDate } from '../../../i18n/format.ts';
import type { Locale } from '../../../i18n/locales.ts';
import type { Messages } from '../../../i18n/messages.ts';
import { Button, CsrfField, TextField } from '../../../ui/forms.tsx';
import { TableHead } from '../../../ui/table-head.tsx';
import type { ReminderScheduleModel } from '../schedule-presenter.ts';

/** The id of the days field, which the error summary links to. */
export const REMINDER_DAYS_FIELD = 'reminder-days';

export function ReminderScheduleForm(props: { m: Messages; csrfToken: string; roundId: string; value: string; error?: string | undefined }) {
  const { m } = props;
  return (
    <form method="post" action={`/rounds/${props.roundId}/reminder-schedule`} class="panel" novalidate>
      <CsrfField token={props.csrfToken} />
      <TextField m={m} id={REMINDER_DAYS_FIELD} name="reminderDays" label={m.mailSchedule.daysLabel} hint={m.mailSchedule.daysHint} value={props.value} error={props.error} width="short" />
      <Button>{m.mailSchedule.save}</Button>
    </form>
  );
}

export function PlannedReminders({ m, locale, schedule }: { m: Messages; locale: Locale; schedule: ReminderScheduleModel }) {
  if (schedule.closesOn === null) return <p data-testid="reminder-schedule-no-date">{m.mailSchedule.noClosingDate}</p>;
  if (schedule.planned.length === 0) return <p>{m.mailSchedule.noneSet}</p>;
  return (
    <table class="table" data-testid="reminder-schedule">
      <caption>{m.mailSchedule.plannedCaption}</caption>
      <TableHead columns={[m.mailSchedule.dayColumn, m.mailSchedule.dateColumn, m.mailSchedule.stateColumn]} />
      <tbody>
        {schedule.planned.map((row) => (
          <tr>
            <td>{m.mailSchedule.daysBefore(row.daysBefore)}</td>
            <td>{formatDate(locale, `${row.date}T12:00:00Z`)}</td>
            <td>{row.state === 'sent' ? m.mailSchedule.states.sent(row.sentCount) : m.mailSchedule.states[row.state]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReminderScheduleSection(props: { m: Messages; locale: Locale; csrfToken: string; schedule: ReminderScheduleModel }) {
  const { m, schedule } = props;
  return (
    <section aria-labelledby="reminder-schedule-title">
      <h2 id="reminder-schedule-title">{m.mailSchedule.title}</h2>
      <p>{m.mailSchedule.intro(schedule.afterDays)}</p>
      <PlannedReminders m={m} locale={props.locale} schedule={schedule} />
      {schedule.canChange ? <ReminderScheduleForm m={m} csrfToken={props.csrfToken} roundId={schedule.roundId} value={schedule.typed} /> : null}
    </section>
  );
}
