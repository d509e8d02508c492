// Use cases of the method's checklist (issue 15): read a study's checklist (the study's own steps
// with every member's progress, or one member's steps) and tick or untick a step. Each asks
// src/access/method-checklist-policy.ts before it reads or writes; a tick and its audit entry
// are one transaction. The steps come from the method file of the study's year
// (method/dimios-steps/), and the follow-up phase only when the federation had a study the year before.
import {
  authorizeReadMemberChecklist,
  authorizeReadStudyChecklist,
  authorizeTickMemberStep,
  authorizeTickStudyStep,
  canTickMemberStep,
} from '../../access/method-checklist-policy.ts';
import { canRunStudy } from '../../access/report-policy.ts';
import type { Actor } from '../../app/actor.ts';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import { shippedMethod } from '../../catalogues/method-catalog.ts';
import { buildChecklist, findStep, type Checklist } from '../../domain/method/checklist.ts';
import type { Method } from '../../domain/method/method-schema.ts';
import type { LocalizedText } from '../../i18n/messages.ts';
import { recordAudit } from '../audit/repository.ts';
import {
  findStudy,
  findStudyOfFederation,
  findStudyOfMember,
  hadStudyInYear,
  isMemberOfStudy,
  membersOfStudy,
  organisationName,
  STUDY_SCOPE,
  tickedSteps,
  tickStep,
  untickStep,
  type StudyRow,
  type TickedStepRow,
} from './repository.ts';

interface MemberProgress {
  id: string;
  name: string;
  done: number;
  total: number;
  /** The member's first open step, or null when all are done. */
  next: LocalizedText | null;
}

/** A study's checklist as a page shows it: the study's own steps, or one member's. */
export interface StudyChecklist {
  study: { id: string; federationId: string; year: number; followUpYear: boolean };
  /** The organisation whose steps these are: the federation, or the member. */
  organisation: { id: string; name: string };
  scope: 'study' | 'member';
  /** '' for the study's own steps, else the member's id (what the tick form sends). */
  memberId: string;
  checklist: Checklist;
  canTick: boolean;
  /** Every member's progress with its own steps; only on the study's list. */
  members: MemberProgress[] | null;
}

function doneOf(rows: TickedStepRow[], memberId: string): Map<string, string> {
  return new Map(rows.filter((row) => row.member_id === memberId).map((row) => [row.step_key, row.done_at]));
}

async function followUpYear(ctx: AppContext, study: StudyRow): Promise<boolean> {
  return hadStudyInYear(ctx.db, study.federation_id, study.year - 1);
}

function methodOf(study: StudyRow): Method {
  return shippedMethod().forYear(study.year);
}

async function requireStudy(ctx: AppContext, studyId: string): Promise<StudyRow> {
  const study = await findStudy(ctx.db, studyId);
  if (!study) throw new AppError('not_found');
  return study;
}

async function readChecklist(ctx: AppContext, actor: Actor, study: StudyRow, memberId: string | undefined): Promise<StudyChecklist> {
  const ref = { federationId: study.federation_id };
  if (memberId === undefined) authorizeReadStudyChecklist(actor, ref);
  else {
    authorizeReadMemberChecklist(actor, ref, memberId);
    if (!(await isMemberOfStudy(ctx.db, study.id, memberId))) throw new AppError('not_found');
  }
  const method = methodOf(study);
  const followUp = await followUpYear(ctx, study);
  const rows = await tickedSteps(ctx.db, study.id);
  const base = { study: { id: study.id, federationId: study.federation_id, year: study.year, followUpYear: followUp } };
  if (memberId !== undefined) {
    return {
      ...base,
      organisation: { id: memberId, name: (await organisationName(ctx.db, memberId)) ?? '' },
      scope: 'member',
      memberId,
      checklist: buildChecklist(method, { done: doneOf(rows, memberId), followUpYear: followUp, scope: 'member' }),
      canTick: canTickMemberStep(actor, ref, memberId),
      members: null,
    };
  }
  const members = (await membersOfStudy(ctx.db, study.id)).map((member): MemberProgress => {
    const own = buildChecklist(method, { done: doneOf(rows, member.id), followUpYear: followUp, scope: 'member' });
    const next = own.next ? (findStep(method, own.next.step)?.step.title ?? null) : null;
    return { id: member.id, name: member.name, done: own.done, total: own.total, next };
  });
  return {
    ...base,
    organisation: { id: study.federation_id, name: (await organisationName(ctx.db, study.federation_id)) ?? '' },
    scope: 'study',
    memberId: STUDY_SCOPE,
    checklist: buildChecklist(method, { done: doneOf(rows, STUDY_SCOPE), followUpYear: followUp, scope: 'study' }),
    canTick: canRunStudy(actor, study.federation_id),
    members,
  };
}

/**
 * The checklist of a study for the study's pages: without `memberId` the study's own steps and
 * every member's progress (for those who run the study); with it, that member's steps (also for
 * the member's own users).
 */
export async function checklistForStudy(ctx: AppContext, actor: Actor, studyId: string, memberId?: string): Promise<StudyChecklist> {
  return readChecklist(ctx, actor, await requireStudy(ctx, studyId), memberId);
}

/** The checklist of an organisation's study of a year: the study's list for its federation, a member's own list for a member. */
export async function checklistForOrganisation(ctx: AppContext, actor: Actor, organisationId: string, year: number): Promise<StudyChecklist> {
  const own = await findStudyOfFederation(ctx.db, organisationId, year);
  if (own) return readChecklist(ctx, actor, own, undefined);
  const taking = await findStudyOfMember(ctx.db, organisationId, year);
  if (taking) return readChecklist(ctx, actor, taking, organisationId);
  throw new AppError('not_found');
}

export interface StepChange {
  /** The organisation whose list the step is on (the federation or the member), and the study's year. */
  organisationId: string;
  year: number;
  title: LocalizedText;
  done: boolean;
}

/** Ticks (`done`) or unticks a step of the study's list (`memberId` '') or of a member's list. */
export async function setChecklistStep(
  ctx: AppContext,
  actor: Actor,
  input: { studyId: string; memberId: string; stepKey: string; done: boolean },
): Promise<StepChange> {
  const study = await requireStudy(ctx, input.studyId);
  const ref = { federationId: study.federation_id };
  const scope = input.memberId === STUDY_SCOPE ? 'study' : 'member';
  if (scope === 'study') authorizeTickStudyStep(actor, ref);
  else {
    authorizeTickMemberStep(actor, ref, input.memberId);
    if (!(await isMemberOfStudy(ctx.db, study.id, input.memberId))) throw new AppError('not_found');
  }
  const found = findStep(methodOf(study), input.stepKey);
  if (!found || found.step.scope !== scope) throw new AppError('checklist_step_unknown', input.stepKey);
  if (found.phase.followUpOnly && !(await followUpYear(ctx, study))) throw new AppError('checklist_step_follow_up_only', input.stepKey);
  await ctx.db.transaction().execute(async (trx) => {
    const changed = input.done
      ? await tickStep(trx, { study_id: study.id, member_id: input.memberId, step_key: input.stepKey, done_at: ctx.clock.now().toISOString(), done_by: actor.kind === 'user' ? actor.userId : null })
      : await untickStep(trx, study.id, input.memberId, input.stepKey);
    if (!changed) return;
    await recordAudit(
      ctx,
      {
        actor,
        organisationId: scope === 'study' ? study.federation_id : input.memberId,
        action: input.done ? 'checklist_step_done' : 'checklist_step_undone',
        subject: { type: 'study', id: study.id },
        detail: { step: input.stepKey, year: study.year },
      },
      trx,
    );
  });
  return { organisationId: scope === 'study' ? study.federation_id : input.memberId, year: study.year, title: found.step.title, done: input.done };
}
