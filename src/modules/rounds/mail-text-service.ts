// The use cases of a round's own mail texts and of a study's default texts (issue 15): read them
// for the edit page, save or reset them, and the round's contact person and last day. A round's
// texts belong to its coordinators (the round policy); a study's defaults to those who run the
// federation's study (authorizeRunStudy, as the study's report texts). A text is saved only when
// every language passes the template check; one equal to what would apply anyway is not kept, so
// a later change of the default still reaches the round.
import type { Actor } from '../../app/actor.ts';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import { authorizeRunStudy } from '../../access/report-policy.ts';
import { normaliseTemplateText, validateMailTemplate, type MailTemplate, type TemplateIssue } from '../../domain/mail/mail-template.ts';
import type { Database, MailText } from '../../db/schema.ts';
import type { Transaction } from 'kysely';
import { recordAudit } from '../audit/repository.ts';
import { swedishDay } from '../../domain/calendar/swedish-day.ts';
import { locales, type Locale } from '../../i18n/locales.ts';
import { roundMailSetup } from './invitation-service.ts';
import { builtInTemplate, resolveTemplates, type MailFacts, type ResolvedTemplate } from './mail-presenter.ts';
import { deleteMailText, findStudy, mailTextsForRound, mailTextsOfStudy, storeRoundMailSettings, upsertMailText, type MailKind, type RoundMailSettings } from './mail-text-repository.ts';
import { getManagedRound } from './round-service.ts';

type Scope = MailText['scope'];

export interface MailTextsEditor {
  scope: Scope;
  scopeId: string;
  kind: MailKind;
  /** The round's name, or the study's federation and year. */
  title: { round: string } | { federation: string; year: number };
  /** What applies now in each language, and where it comes from. */
  texts: Record<Locale, ResolvedTemplate>;
  /** What would apply without a text of this page's own (the study's default or Mogna's). */
  inherited: Record<Locale, MailTemplate>;
  /** The facts a preview fills in; the page adds a sample name (and, for a study, organisation). */
  facts: Omit<MailFacts, 'name'> & { sampleOrganisation: boolean };
  backHref: string;
  /** The organisation whose audit log records a change: the round's, or the study's federation. */
  organisationId: string;
}

/** A round's texts of one kind, for its coordinators. */
export async function roundMailTexts(ctx: AppContext, actor: Actor, roundId: string, kind: MailKind): Promise<MailTextsEditor> {
  const round = await getManagedRound(ctx, actor, roundId);
  const setup = await roundMailSetup(ctx, actor, round, kind);
  const rows = await mailTextsForRound(ctx.db, round.id, round.study_id);
  const inherited = resolveTemplates(
    rows.filter((row) => row.scope !== 'round'),
    kind,
    'round',
  );
  return {
    scope: 'round',
    scopeId: round.id,
    kind,
    title: { round: round.name },
    texts: setup.templates,
    inherited: templatesOf(inherited),
    facts: { ...setup.facts, sampleOrganisation: false },
    backHref: `/rounds/${round.id}/mail#invitations`,
    organisationId: round.organisation_id,
  };
}

/** A study's default texts of one kind, for those who run the federation's study. */
export async function studyMailTexts(ctx: AppContext, actor: Actor, studyId: string, kind: MailKind): Promise<MailTextsEditor> {
  const study = await findStudy(ctx.db, studyId);
  if (!study) throw new AppError('not_found');
  authorizeRunStudy(actor, study.federationId);
  const rows = await mailTextsOfStudy(ctx.db, study.id);
  const contact = actor.kind === 'user' ? { name: actor.name, email: actor.email } : null;
  return {
    scope: 'study',
    scopeId: study.id,
    kind,
    title: { federation: study.federationName, year: study.year },
    texts: resolveTemplates(rows, kind, 'study'),
    inherited: Object.fromEntries(locales.map((locale) => [locale, builtInTemplate(kind, locale)])) as Record<Locale, MailTemplate>,
    facts: { organisation: study.federationName, round: `${study.federationName} ${study.year}`, closesOn: study.closesOn, contact, sampleOrganisation: true },
    backHref: `/org/${study.federationId}/studies/${study.year}`,
    organisationId: study.federationId,
  };
}

function templatesOf(resolved: Record<Locale, ResolvedTemplate>): Record<Locale, MailTemplate> {
  return Object.fromEntries(locales.map((locale) => [locale, resolved[locale].template])) as Record<Locale, MailTemplate>;
}

const sameText = (a: MailTemplate, b: MailTemplate) => normaliseTemplateText(a.subject) === normaliseTemplateText(b.subject) && normaliseTemplateText(a.body) === normaliseTemplateText(b.body);

export type SaveMailTextsResult = { ok: true } | { ok: false; issues: Partial<Record<Locale, TemplateIssue[]>> };

/**
 * The problems of texts as typed, per language; a language left empty (subject and body) or
 * equal to the inherited text has none, since it is not kept.
 */
export function mailTextIssues(texts: Record<Locale, MailTemplate>, inherited: Record<Locale, MailTemplate>): Partial<Record<Locale, TemplateIssue[]>> {
  const issues: Partial<Record<Locale, TemplateIssue[]>> = {};
  for (const locale of locales) {
    const text = texts[locale];
    if (isEmpty(text) || sameText(text, inherited[locale])) continue;
    const found = validateMailTemplate(text);
    if (found.length > 0) issues[locale] = found;
  }
  return issues;
}

const isEmpty = (text: MailTemplate) => text.subject.trim() === '' && text.body.trim() === '';

async function saveTexts(ctx: AppContext, actor: Actor, editor: MailTextsEditor, texts: Record<Locale, MailTemplate>): Promise<SaveMailTextsResult> {
  const issues = mailTextIssues(texts, editor.inherited);
  if (Object.keys(issues).length > 0) return { ok: false, issues };
  const now = ctx.clock.now().toISOString();
  const updatedBy = actor.kind === 'user' ? actor.userId : null;
  await ctx.db.transaction().execute(async (trx) => {
    for (const locale of locales) {
      const key = { scope: editor.scope, scope_id: editor.scopeId, kind: editor.kind, locale };
      const text = texts[locale];
      if (isEmpty(text) || sameText(text, editor.inherited[locale])) await deleteMailText(trx, key);
      else await upsertMailText(trx, { ...key, subject: normaliseTemplateText(text.subject), body: normaliseTemplateText(text.body), updated_at: now, updated_by: updatedBy });
    }
    await auditTextChange(ctx, actor, editor, false, trx);
  });
  return { ok: true };
}

async function resetTexts(ctx: AppContext, actor: Actor, editor: MailTextsEditor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    for (const locale of locales) await deleteMailText(trx, { scope: editor.scope, scope_id: editor.scopeId, kind: editor.kind, locale });
    await auditTextChange(ctx, actor, editor, true, trx);
  });
}

/** Who changed which mail's text, and when; the text itself is not logged (the page shows it). */
function auditTextChange(ctx: AppContext, actor: Actor, editor: MailTextsEditor, reset: boolean, trx: Transaction<Database>): Promise<void> {
  if (actor.kind !== 'user') return Promise.resolve();
  return recordAudit(ctx, { actor, organisationId: editor.organisationId, action: 'mail_texts_changed', subject: { type: editor.scope === 'round' ? 'round' : 'study', id: editor.scopeId }, detail: { kind: editor.kind, reset } }, trx);
}

export async function saveRoundMailTexts(ctx: AppContext, actor: Actor, roundId: string, kind: MailKind, texts: Record<Locale, MailTemplate>): Promise<SaveMailTextsResult> {
  return saveTexts(ctx, actor, await roundMailTexts(ctx, actor, roundId, kind), texts);
}

export async function saveStudyMailTexts(ctx: AppContext, actor: Actor, studyId: string, kind: MailKind, texts: Record<Locale, MailTemplate>): Promise<SaveMailTextsResult> {
  return saveTexts(ctx, actor, await studyMailTexts(ctx, actor, studyId, kind), texts);
}

export async function resetRoundMailTexts(ctx: AppContext, actor: Actor, roundId: string, kind: MailKind): Promise<void> {
  await resetTexts(ctx, actor, await roundMailTexts(ctx, actor, roundId, kind));
}

export async function resetStudyMailTexts(ctx: AppContext, actor: Actor, studyId: string, kind: MailKind): Promise<void> {
  await resetTexts(ctx, actor, await studyMailTexts(ctx, actor, studyId, kind));
}


export interface RoundMailSettingsView extends RoundMailSettings {
  roundId: string;
  roundName: string;
}

/** The round's contact person and last day, for its coordinators. */
export async function roundMailSettings(ctx: AppContext, actor: Actor, roundId: string): Promise<RoundMailSettingsView> {
  const round = await getManagedRound(ctx, actor, roundId);
  return { roundId: round.id, roundName: round.name, contactName: round.contact_name, contactEmail: round.contact_email, closesOn: round.closes_on };
}

/** Sets the contact person and last day; a new last day cannot have passed ('closesOnPast'). */
export async function setRoundMailSettings(ctx: AppContext, actor: Actor, roundId: string, settings: RoundMailSettings): Promise<{ ok: true } | { ok: false; issue: 'closesOnPast' }> {
  const round = await getManagedRound(ctx, actor, roundId);
  if (settings.closesOn !== null && settings.closesOn !== round.closes_on && settings.closesOn < swedishDay(ctx.clock.now())) return { ok: false, issue: 'closesOnPast' };
  await storeRoundMailSettings(ctx.db, roundId, settings);
  return { ok: true };
}
