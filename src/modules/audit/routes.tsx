// The audit log pages: /org/:orgId/audit for an organisation's coordinators and /operator/audit
// for the operator. Each validates the path and query (schema.ts), calls the audit service
// (which asks src/access/audit-policy.ts) and renders the page (views/).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import type { FieldErrors } from '../../ui/forms.tsx';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { parseParams, validateForm } from '../../web/validate.ts';
import { getOrganisation } from '../organisations/service.ts';
import type { AuditPage, AuditQuery } from './repository.ts';
import { auditFilterForm, auditQuery, orgParams } from './schema.ts';
import { listOrganisationAudit, listPlatformAudit } from './service.ts';
import { AuditLogPage, type AuditFilter } from './views/audit-log-page.tsx';

/** The filter as typed, the query for the service, and a message per date that is not a date. */
function readQuery(request: FastifyRequest): { filter: AuditFilter; query: AuditQuery; errors: FieldErrors } {
  // A malformed query (not a page number, too long a text) is the client's mistake, without field messages.
  const parsed = auditQuery.safeParse(request.query ?? {});
  if (!parsed.success) throw new AppError('validation');
  const { from, to, page } = parsed.data;
  const t = request.m.personalData.audit;
  const form = validateForm(auditFilterForm, { from, to }, (issue) => t.dateInvalid(issue.path[0] === 'from' ? t.from : t.to));
  const errors: FieldErrors = form.ok ? {} : form.errors;
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
    const { orgId } = parseParams(orgParams, request.params);
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
