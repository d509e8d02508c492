// The round pages' use cases, each asking the round policy (through round-service.ts,
// respondent-service.ts and invitation-service.ts, or here) before it reads or writes: the round
// page with what the reader may do on it, the respondent file (template and upload) and the
// invitations and reminders. The routes never decide access themselves.
import { reminderSchedule, type ReminderSchedule } from './schedule-service.ts';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import type { Actor } from '../../app/actor.ts';
import { canViewResults } from '../../access/results-policy.ts';
import { authorizeManageRound, canManageRound } from '../../access/round-policy.ts';
import type { Organisation, OutboxMessage, RespondentChange } from '../../db/schema.ts';
import { respondentDataRemovalDate } from '../gdpr/service.ts';
import { jointOverview, type JointOverview } from '../joint/service.ts';
import { loadUnitTree } from '../organisations/repository.ts';
import { getOrganisation } from '../organisations/service.ts';
import type { UnitNode } from '../organisations/unit-tree.ts';
import type { RespondentFileLocale } from '../respondents/respondent-file-messages.ts';
import { readRespondentFile } from '../respondents/respondent-file-error.ts';
import { respondentFileTemplate, type RespondentFileProblem } from '../respondents/respondent-file-parser.ts';
import { mailRecipients, openSurveyLink, outboxMessage, outboxPage, sendMail, type OutboxQuery } from './invitation-service.ts';
import type { OutboxRow } from './repository.ts';
import { existingEmails, existingRoles, importRespondents, listRespondents, roundProgress, type RespondentListEntry, type RoundProgress } from './respondent-service.ts';
import { getRound, isOpenLinkOf, isStudyOfRoundClosed, listRespondentChanges, respondentsAddedAfterFirstAnswer, type LateRespondents, type RoundWithInstruments } from './round-service.ts';

export interface RoundOverview {
  round: RoundWithInstruments;
  organisation: Organisation;
  progress: RoundProgress;
  /** Coordinators only (empty for other readers), like the counts, the changes and the open link. */
  respondents: RespondentListEntry[];
  units: UnitNode[];
  counts: { toInvite: number; toRemind: number };
  joint: JointOverview;
  changes: RespondentChange[];
  lateRespondents: LateRespondents;
  /** The open link handed over to this browser, when it is the round's current one and the reader manages the round. */
  freshOpenLink: string | null;
  /** When the respondents' names and addresses go (null until the round has closed). */
  identityRemovalDate: Date | null;
  canManage: boolean;
  canViewResults: boolean;
  /** Closed, of this year and not held closed by a closed study: its coordinator may open it again. */
  canReopen: boolean;
  /** The scheduled reminders (coordinators only). */
  reminderSchedule: ReminderSchedule | null;
}

/**
 * Everything the round's parts show, as far as the actor may see it. The overview is for every
 * reader of the round; the respondents and mail parts (`coordinatorsOnly`) for its coordinators.
 */
export async function roundOverview(ctx: AppContext, actor: Actor, roundId: string, handedOverToken: string | undefined, coordinatorsOnly = false): Promise<RoundOverview> {
  const round = await getRound(ctx, actor, roundId);
  if (coordinatorsOnly) authorizeManageRound(actor, round);
  const organisation = await getOrganisation(ctx, actor, round.organisation_id);
  const manage = canManageRound(actor, round);
  const freshOpenLink = manage && handedOverToken && isOpenLinkOf(round, handedOverToken) ? openSurveyLink(ctx, handedOverToken) : null;
  const [progress, respondents, units, toInvite, toRemind, joint, changes, lateRespondents, schedule] = await Promise.all([
    roundProgress(ctx, actor, roundId),
    manage ? listRespondents(ctx, actor, roundId) : Promise.resolve([]),
    loadUnitTree(ctx.db, round.organisation_id),
    manage ? mailRecipients(ctx, actor, roundId, 'invitation') : Promise.resolve([]),
    manage ? mailRecipients(ctx, actor, roundId, 'reminder') : Promise.resolve([]),
    jointOverview(ctx, actor, roundId),
    manage ? listRespondentChanges(ctx, actor, roundId) : Promise.resolve([]),
    respondentsAddedAfterFirstAnswer(ctx, actor, roundId),
    manage ? reminderSchedule(ctx, actor, roundId) : Promise.resolve(null),
  ]);
  const canReopen = round.status === 'closed' && round.year >= ctx.clock.now().getUTCFullYear() && !(await isStudyOfRoundClosed(ctx, round));
  return {
    round,
    organisation,
    progress,
    respondents,
    units,
    counts: { toInvite: toInvite.length, toRemind: toRemind.length },
    joint,
    changes,
    lateRespondents,
    freshOpenLink,
    identityRemovalDate: respondentDataRemovalDate(ctx, round),
    canManage: manage,
    canViewResults: canViewResults(actor, round),
    canReopen,
    reminderSchedule: schedule,
  };
}

/** The CSV template of a respondent file, with the organisation's deepest unit as the example (coordinators only). */
export async function respondentTemplate(ctx: AppContext, actor: Actor, roundId: string, locale: RespondentFileLocale) {
  const round = await getRound(ctx, actor, roundId);
  if (!canManageRound(actor, round)) throw new AppError('forbidden');
  const units = await loadUnitTree(ctx.db, round.organisation_id);
  const deepest = [...units].sort((a, b) => b.depth - a.depth)[0];
  return respondentFileTemplate(locale, deepest ? { exampleUnitPath: deepest.path } : {});
}

export interface UploadedFile {
  fileName: string;
  data: Buffer | AsyncIterable<Buffer>;
}

export type RespondentUploadResult = { kind: 'no_file' } | { kind: 'rejected'; problems: RespondentFileProblem[] } | { kind: 'imported'; count: number };

/**
 * Reads a respondent file into the round: all rows or none. `readFile` is asked for the file only
 * once the actor may manage the round; it returns null when no file came. Problems on rows come
 * back as a list; a file that cannot be read as a list at all throws a RespondentFileError.
 */
export async function uploadRespondentFile(
  ctx: AppContext,
  actor: Actor,
  roundId: string,
  readFile: () => Promise<UploadedFile | null>,
): Promise<RespondentUploadResult> {
  const round = await getRound(ctx, actor, roundId);
  const emails = await existingEmails(ctx, actor, roundId);
  const file = await readFile();
  if (!file) return { kind: 'no_file' };
  const units = await loadUnitTree(ctx.db, round.organisation_id);
  const roles = await existingRoles(ctx, actor, roundId);
  const result = await readRespondentFile(file, { existingEmails: emails, existingRoles: roles, units: units.map((unit) => ({ id: unit.id, path: unit.path })) });
  if (!result.ok) return { kind: 'rejected', problems: result.problems };
  const count = await importRespondents(
    ctx,
    actor,
    roundId,
    result.rows.map((row) => ({ email: row.email, name: row.name, role: row.role, unitId: row.unitId })),
  );
  return { kind: 'imported', count };
}

export type RoundMailResult = { kind: 'not_open' } | { kind: 'done'; sent: number; failed: number };

/** Sends the round's invitations or reminders; a coordinator of a round that is not open is told so. */
export async function sendRoundMail(ctx: AppContext, actor: Actor, roundId: string, kind: 'invitation' | 'reminder'): Promise<RoundMailResult> {
  const round = await getRound(ctx, actor, roundId);
  if (round.status !== 'open' && canManageRound(actor, round)) return { kind: 'not_open' };
  return { kind: 'done', ...(await sendMail(ctx, actor, roundId, kind)) };
}

export interface RoundOutbox {
  round: RoundWithInstruments;
  query: OutboxQuery;
  rows: OutboxRow[];
  total: number;
  pageSize: number;
  /** The one mail opened below the table: the one asked for, else the newest on the page. */
  opened: OutboxMessage | null;
}

/** A page of the round's outbox with one mail opened (coordinators only). */
export async function roundOutbox(ctx: AppContext, actor: Actor, roundId: string, query: OutboxQuery, mailId: string | undefined): Promise<RoundOutbox> {
  const round = await getRound(ctx, actor, roundId);
  const found = await outboxPage(ctx, actor, roundId, query);
  const openId = mailId ?? found.rows[0]?.id;
  const opened = openId === undefined ? null : await outboxMessage(ctx, actor, roundId, openId);
  return { round, query, ...found, opened };
}

/** The counts of the round for integrations: the same policy as the round page. */
export async function roundProgressSummary(ctx: AppContext, actor: Actor, roundId: string) {
  const round = await getRound(ctx, actor, roundId);
  const progress = await roundProgress(ctx, actor, roundId);
  return { round: { id: round.id, name: round.name, year: round.year, status: round.status }, ...progress };
}
