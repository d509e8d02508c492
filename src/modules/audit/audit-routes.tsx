// The audit log pages: /org/:orgId/audit for an organisation's coordinators and /operator/audit
// for the operator. Thin: validate the query, call the audit service (which asks
// src/access/audit-policy.ts), render a table with a date filter and paging.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { ErrorSummary, TextField, type FieldErrors } from '../../ui/forms.tsx';
import { Layout } from '../../ui/layout.tsx';
import { TableHead } from '../../ui/table-head.tsx';
import { pageContext, type PageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { getOrganisation } from '../organisations/service.ts';
import { isIsoDay, listOrganisationAudit, listPlatformAudit, type AuditEntry, type AuditPage, type AuditQuery } from './audit-service.ts';

const orgParams = z.object({ orgId: z.uuid() });
const auditQuery = z.object({
  from: z.string().trim().max(20).optional().default(''),
  to: z.string().trim().max(20).optional().default(''),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
});

type Filter = { from: string; to: string };

/** The filter as typed, the query for the service, and a message per date that is not a date. */
function readQuery(request: FastifyRequest): { filter: Filter; query: AuditQuery; errors: FieldErrors } {
  const parsed = auditQuery.safeParse(request.query ?? {});
  if (!parsed.success) throw new AppError('validation');
  const { from, to, page } = parsed.data;
  const t = request.m.personalData.audit;
  const errors: FieldErrors = {};
  if (from && !isIsoDay(from)) errors.from = t.dateInvalid(t.from);
  if (to && !isIsoDay(to)) errors.to = t.dateInvalid(t.to);
  const query: AuditQuery = { page, since: from && !errors.from ? from : undefined, until: to && !errors.to ? to : undefined };
  return { filter: { from, to }, query, errors };
}

export function registerAuditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const show = async (request: FastifyRequest, reply: FastifyReply, title: string, path: string, load: (query: AuditQuery) => Promise<AuditPage>) => {
    const { filter, query, errors } = readQuery(request);
    const result = await load(Object.keys(errors).length > 0 ? { page: 1 } : query);
    const page = pageContext(request, reply);
    return sendPage(reply, <AuditLogPage page={page} title={title} path={path} filter={filter} errors={errors} result={result} />, Object.keys(errors).length > 0 ? 400 : 200);
  };

  app.get('/org/:orgId/audit', async (request, reply) => {
    const parsed = orgParams.safeParse(request.params);
    if (!parsed.success) throw new AppError('not_found');
    const { orgId } = parsed.data;
    // getOrganisation asks the organisation policy (a stranger gets "not found"); the audit
    // service then asks the audit policy (a member who is not a coordinator gets "forbidden").
    const organisation = await getOrganisation(ctx, request.actor, orgId);
    return show(request, reply, request.m.personalData.audit.organisationTitle(organisation.name), `/org/${orgId}/audit`, (query) =>
      listOrganisationAudit(ctx, request.actor, orgId, query),
    );
  });

  app.get('/operator/audit', async (request, reply) =>
    show(request, reply, request.m.personalData.audit.platformTitle, '/operator/audit', (query) => listPlatformAudit(ctx, request.actor, query)),
  );
}

function pageHref(path: string, filter: Filter, page: number): string {
  const params = new URLSearchParams();
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

function AuditLogPage(props: { page: PageContext; title: string; path: string; filter: Filter; errors: FieldErrors; result: AuditPage }) {
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
