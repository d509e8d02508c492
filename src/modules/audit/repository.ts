// Every query of the audit log: writing an entry and reading a page of entries. No access checks
// and no actor here: services record entries (inside their transaction where they have one, so
// an entry exists exactly when the change does) and the audit service reads pages after asking
// src/access/audit-policy.ts; `mogna audit` on the server reads with `readAudit` directly.
// Entries hold ids and a small detail object; never answers, tokens, links or addresses, and an
// IP address only for login events.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AppContext } from '../../app/app-context.ts';
import type { Actor } from '../../app/actor.ts';
import type { AuditLogTable, Database } from '../../db/schema.ts';
import type { AuditAction, AuditSubjectType } from './audit-actions.ts';

/** Counts, formats, roles, statuses: plain values only, so nothing structured slips in. */
export type AuditDetail = Record<string, string | number | boolean | null>;

export interface AuditEntryInput {
  /**
   * A signed-in user (or an account by id, for a login that has just succeeded), or the server
   * itself ('system': the sweep; 'cli': a command run on the server).
   */
  actor: Actor | { userId: string } | 'system' | 'cli';
  organisationId?: string | null;
  action: AuditAction;
  subject?: { type: AuditSubjectType; id: string } | null;
  detail?: AuditDetail;
  /** Kept only for login and failed login; ignored for every other action. */
  ip?: string | null;
}

const IP_ACTIONS: ReadonlySet<AuditAction> = new Set(['login', 'login_failed']);

export async function recordAudit(ctx: AppContext, entry: AuditEntryInput, db: Kysely<Database> | Transaction<Database> = ctx.db): Promise<void> {
  const actor = entry.actor;
  const userId = typeof actor === 'string' ? null : 'kind' in actor ? (actor.kind === 'user' ? actor.userId : null) : actor.userId;
  await db
    .insertInto('audit_log')
    .values({
      id: ctx.ids.id(),
      at: ctx.clock.now().toISOString(),
      actor_kind: typeof actor === 'string' ? actor : 'user',
      actor_user_id: userId,
      organisation_id: entry.organisationId ?? null,
      action: entry.action,
      subject_type: entry.subject?.type ?? null,
      subject_id: entry.subject?.id ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
      ip: IP_ACTIONS.has(entry.action) ? (entry.ip ?? null) : null,
    })
    .execute();
}

/** A login event is about a user account, not an organisation: the actor is known only on success. */
export async function recordLogin(ctx: AppContext, userId: string | undefined, succeeded: boolean, ip: string | null | undefined): Promise<void> {
  await recordAudit(ctx, {
    // A failed attempt has no trustworthy actor: the account tried is its subject.
    actor: succeeded && userId ? { userId } : 'system',
    action: succeeded ? 'login' : 'login_failed',
    subject: userId ? { type: 'user', id: userId } : null,
    ip,
  });
}

export interface AuditEntry {
  id: string;
  at: string;
  actorKind: 'user' | 'system' | 'cli';
  actorUserId: string | null;
  /** The account's name now (blank once the account was erased). */
  actorName: string | null;
  organisationId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  detail: AuditDetail;
  ip: string | null;
}

export interface AuditQuery {
  /** Only entries at or after this day (YYYY-MM-DD, UTC). */
  since?: string | undefined;
  /** Only entries before the end of this day (YYYY-MM-DD, UTC). */
  until?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface AuditPage {
  entries: AuditEntry[];
  page: number;
  pageSize: number;
  total: number;
}

const AUDIT_PAGE_SIZE = 50;

/**
 * Without an access check, for `mogna audit` on the server. An organisation's entries are those
 * recorded for it plus the logins of the accounts that belong to it now.
 */
export async function readAudit(db: Kysely<Database>, organisationId: string | null, query: AuditQuery): Promise<AuditPage> {
  const pageSize = Math.min(Math.max(query.pageSize ?? AUDIT_PAGE_SIZE, 1), 100_000);
  const page = Math.max(query.page ?? 1, 1);
  let base = db.selectFrom('audit_log');
  if (organisationId !== null) {
    base = base.where((eb) =>
      eb.or([
        eb('audit_log.organisation_id', '=', organisationId),
        eb.and([
          eb('audit_log.organisation_id', 'is', null),
          eb('audit_log.subject_type', '=', 'user'),
          eb('audit_log.action', 'in', ['login', 'login_failed']),
          eb('audit_log.subject_id', 'in', eb.selectFrom('memberships').select('memberships.user_id').where('memberships.organisation_id', '=', organisationId)),
        ]),
      ]),
    );
  }
  if (query.since) base = base.where('audit_log.at', '>=', `${query.since}T00:00:00.000Z`);
  if (query.until) base = base.where('audit_log.at', '<', nextDay(query.until));
  const count = await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  const rows = await base
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .selectAll('audit_log')
    .select('users.name as actor_name')
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { entries: rows.map(toEntry), page, pageSize, total: Number(count?.n ?? 0) };
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}

type AuditRow = Selectable<AuditLogTable> & { actor_name: string | null };

export function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorKind: row.actor_kind,
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    organisationId: row.organisation_id,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    detail: parseDetail(row.detail),
    ip: row.ip,
  };
}

function parseDetail(text: string): AuditDetail {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as AuditDetail) : {};
  } catch {
    return {};
  }
}

