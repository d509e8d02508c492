// One action (/org/:orgId/actions/:actionId): what it is, what it addresses, who owns it, when it
// is due, its status and its history of status changes with their notes; the members taking part
// in a shared action; for those who may write, the status form and the way to edit.
import { Button, CsrfField, ErrorSummary, SelectField, TextField, type FieldErrors } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { formatDate, formatDateTime } from '../../../i18n/format.ts';
import type { PageContext } from '../../../web/page-context.ts';
import { actionPath, addressesText, planPath } from '../presenter.ts';
import { ACTION_STATUSES } from '../schema.ts';
import type { ActionDetail } from '../service.ts';

export function ActionPage({ page, detail, errors, values }: { page: PageContext; detail: ActionDetail; errors: FieldErrors; values: { status: string; note: string } }) {
  const { m, locale } = page;
  const t = m.actions;
  const { action, organisation } = detail;
  const path = actionPath(organisation.id, action.id);
  return (
    <Layout page={page} title={action.title}>
      <p class="caption">
        <a href={planPath(organisation.id, action.year)}>{t.planTitle(organisation.name, action.year)}</a>
      </p>
      <h1>{action.title}</h1>
      <ErrorSummary m={m} errors={errors} />
      {action.description ? <p>{action.description}</p> : null}
      <dl class="summary-list" data-testid="action-summary">
        <div>
          <dt>{t.columns.addresses}</dt>
          <dd>{addressesText(t, action, locale)}</dd>
        </div>
        <div>
          <dt>{t.columns.owner}</dt>
          <dd>{action.owner}</dd>
        </div>
        <div>
          <dt>{t.columns.due}</dt>
          <dd>{action.due_on ? formatDate(locale, action.due_on) : t.noDue}</dd>
        </div>
        <div>
          <dt>{t.columns.status}</dt>
          <dd>{t.status[action.status]}</dd>
        </div>
      </dl>
      {detail.canWrite ? (
        <p>
          <a href={`${path}/edit`}>{t.edit}</a>
        </p>
      ) : null}
      {detail.participants.length > 0 || detail.members.length > 0 ? (
        <section aria-labelledby="participants-heading">
          <h2 id="participants-heading">{t.participantsHeading}</h2>
          {detail.participants.length === 0 ? (
            <p>{t.noParticipants}</p>
          ) : (
            <ul>
              {detail.participants.map((p) => (
                <li>{p.name}</li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {detail.canWrite ? (
        <section aria-labelledby="status-heading">
          <h2 id="status-heading">{t.statusHeading}</h2>
          <form method="post" action={`${path}/status`} novalidate>
            <CsrfField token={page.csrfToken} />
            <SelectField m={m} id="status" label={t.fields.status} error={errors.status} value={values.status} options={ACTION_STATUSES.map((s) => ({ value: s, label: t.status[s] ?? s }))} />
            <TextField m={m} id="note" label={t.note} hint={t.noteHint} error={errors.note} value={values.note} />
            <Button>{t.changeStatus}</Button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t.historyHeading}</h2>
        {detail.history.length === 0 ? (
          <p>{t.noHistory}</p>
        ) : (
          <ol data-testid="action-history">
            {detail.history.map((update) => (
              <li>
                {t.historyEntry(formatDateTime(locale, update.at), t.status[update.status] ?? update.status)}
                {update.note ? <> — {update.note}</> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </Layout>
  );
}
