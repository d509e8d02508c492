// Reading the audit log (coordinators their organisation's entries, the operator everything) and
// recording a download. Each use case takes the actor and asks src/access/audit-policy.ts; every
// query is in repository.ts, where services also find `recordAudit` to record their changes.
import type { AppContext } from '../../app/app-context.ts';
import type { Actor } from '../../app/actor.ts';
import { authorizeViewOrganisationAudit, authorizeViewPlatformAudit } from '../../access/audit-policy.ts';
import { readAudit, recordAudit, type AuditDetail, type AuditEntryInput, type AuditPage, type AuditQuery } from './repository.ts';

/** A file that left the platform (an export or a report), recorded after its access check passed. */
export async function recordDownload(
  ctx: AppContext,
  actor: Actor,
  action: 'export_downloaded' | 'report_downloaded',
  organisationId: string,
  detail: AuditDetail,
  subject: AuditEntryInput['subject'] = { type: 'organisation', id: organisationId },
): Promise<void> {
  await recordAudit(ctx, { actor, organisationId, action, subject, detail });
}

/** An organisation's entries plus the logins of the accounts that belong to it now. */
export async function listOrganisationAudit(ctx: AppContext, actor: Actor, organisationId: string, query: AuditQuery): Promise<AuditPage> {
  authorizeViewOrganisationAudit(actor, organisationId);
  return readAudit(ctx.db, organisationId, query);
}

export async function listPlatformAudit(ctx: AppContext, actor: Actor, query: AuditQuery): Promise<AuditPage> {
  authorizeViewPlatformAudit(actor);
  return readAudit(ctx.db, null, query);
}
