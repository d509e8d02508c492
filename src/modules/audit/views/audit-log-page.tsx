// An audit log page (/org/:orgId/audit or /operator/audit): the date filter, a page of entries
// and the links to the previous and next pages.
import { formatDateTime } from '../../../i18n/format.ts';
import { ErrorSummary, TextField, type FieldErrors } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { TableHead } from '../../../ui/table-head.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { AuditEntry, AuditPage } from '../repository.ts';

export type AuditFilter = { from: string; to: string };

function pageHref(path: string, filter: AuditFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export function AuditLogPage(props: { page: PageContext; title: string; path: string; filter: AuditFilter; errors: FieldErrors; result: AuditPage }) {
  const { page, title, path, filter, errors, result } = props;
  const m = page.m;
  const t = m.personalData.audit;
  const first = (result.page - 1) * result.pageSize + 1;
  const last = Math.min(result.total, result.page * result.pageSize);
  return (
    <Layout page={page} title={title}>
      <ErrorSummary m={m} errors={errors} />
      <h1>{title}</h1>
      <p class="lead">{t.intro}</p>
      <form method="get" action={path} novalidate>
        <fieldset class="fieldset">
          <legend>{t.filterLegend}</legend>
          <TextField m={m} id="from" label={t.from} hint={t.dateHint} error={errors.from} value={filter.from} width="medium" />
          <TextField m={m} id="to" label={t.to} hint={t.dateHint} error={errors.to} value={filter.to} width="medium" />
        </fieldset>
        <button type="submit" class="button button-secondary">
          {t.show}
        </button>
      </form>
      {result.entries.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <>
          <p role="status">{t.count(first, last, result.total)}</p>
          <div class="table-scroll" role="region" aria-label={title} tabIndex={0}>
            <table class="table">
              <caption class="visually-hidden">{title}</caption>
              <TableHead columns={[t.columns.at, t.columns.actor, t.columns.action, t.columns.subject, t.columns.detail]} />
              <tbody>
                {result.entries.map((entry) => (
                  <AuditRow page={page} entry={entry} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {result.page > 1 || last < result.total ? (
        <nav aria-label={t.pagination}>
          <ul class="list">
            {result.page > 1 ? (
              <li>
                <a href={pageHref(path, filter, result.page - 1)}>{t.previous}</a>
              </li>
            ) : null}
            {last < result.total ? (
              <li>
                <a href={pageHref(path, filter, result.page + 1)}>{t.next}</a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </Layout>
  );
}

function AuditRow({ page, entry }: { page: PageContext; entry: AuditEntry }) {
  const t = page.m.personalData.audit;
  const actor =
    entry.actorKind === 'system' ? t.system : entry.actorKind === 'cli' ? t.cli : entry.actorName === null ? t.unknownAccount : entry.actorName || t.erasedAccount;
  const detail = Object.entries(entry.detail).map(([key, value]) => `${key}: ${value === null ? '–' : String(value)}`);
  if (entry.ip) detail.push(`IP: ${entry.ip}`);
  return (
    <tr>
      <td>
        <time dateTime={entry.at}>{formatDateTime(page.locale, entry.at)}</time>
      </td>
      <td>{actor}</td>
      <td>{t.actions[entry.action] ?? entry.action}</td>
      <td>{entry.subjectType ? `${t.subjects[entry.subjectType] ?? entry.subjectType} ${entry.subjectId?.slice(0, 8) ?? ''}` : '–'}</td>
      <td>{detail.join(', ') || '–'}</td>
    </tr>
  );
}
