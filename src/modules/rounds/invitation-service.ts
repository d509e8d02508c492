// Invitations and reminders. Each mail carries a freshly minted personal link; earlier links
// keep working, so an old e-mail never strands anyone. The link goes only to the transport (the
// mail as sent); the outbox keeps the text with the link removed, so no one but the recipient
// ever sees it. Only the demo (config DEMO_MODE, set by `mogna demo`) keeps the link in the
// outbox, so people can try the survey without e-mail.
import { reminderCutoffs } from '../../domain/mail/reminder-rule.ts';
import type { AppContext } from '../../app/app-context.ts';
import { AppError } from '../../app/errors.ts';
import { anonymous, type Actor } from '../../app/actor.ts';
import { linkInLanguage, locales, type Locale } from '../../i18n/locales.ts';
import { messages } from '../../i18n/messages.ts';
import type { OutboxMessage, Round } from '../../db/schema.ts';
import { composeRoundMail, resolveTemplates, type MailFacts, type ResolvedTemplate } from './mail-presenter.ts';
import { mailTextsForRound } from './mail-text-repository.ts';
import { recordAudit } from '../audit/repository.ts';
import { authorizeOperatePlatform } from '../../access/organisation-policy.ts';
import { clearBounce } from './schedule-repository.ts';
import { findRespondentOfRound, findRound, hasSubmitted, insertOutboxMessage, mailRecipientsOf, markMailed, mintRespondentLink, outboxMessageOf, outboxPageOf, type MailRecipient, type OutboxRow } from './repository.ts';
import { organisationNameOf } from '../organisations/repository.ts';
import { getManagedRound } from './round-service.ts';

export function surveyLink(ctx: AppContext, token: string): string {
  return `${ctx.config.publicUrl}/s/${token}`;
}

export function openSurveyLink(ctx: AppContext, token: string): string {
  return `${ctx.config.publicUrl}/o/${token}`;
}

/** Who an invitation or a reminder would go to now. */
export async function mailRecipients(ctx: AppContext, actor: Actor, roundId: string, kind: 'invitation' | 'reminder'): Promise<MailRecipient[]> {
  await getManagedRound(ctx, actor, roundId);
  return mailRecipientsOf(ctx.db, roundId, kind, reminderCutoffs(ctx.clock.now(), ctx.config.REMINDER_AFTER_DAYS));
}

/** What a mail of the round says besides the recipient's name and link: its texts and facts. */
export interface RoundMailSetup {
  templates: Record<Locale, ResolvedTemplate>;
  facts: Omit<MailFacts, 'name'>;
}

/**
 * The round's texts of `kind` (its own, the study's default, or Mogna's) and the facts every mail
 * names. The contact person is the round's; without one, the coordinator who sends.
 */
export async function roundMailSetup(ctx: AppContext, actor: Actor, round: Round, kind: 'invitation' | 'reminder'): Promise<RoundMailSetup> {
  const [organisation, rows] = await Promise.all([organisationNameOf(ctx.db, round.organisation_id), mailTextsForRound(ctx.db, round.id, round.study_id)]);
  const ownContact = round.contact_name || round.contact_email ? { name: round.contact_name, email: round.contact_email } : null;
  const contact = ownContact ?? (actor.kind === 'user' ? { name: actor.name, email: actor.email } : null);
  return { templates: resolveTemplates(rows, kind, 'round'), facts: { organisation, round: round.name, closesOn: round.closes_on, contact } };
}

export async function sendMail(ctx: AppContext, actor: Actor, roundId: string, kind: 'invitation' | 'reminder'): Promise<{ sent: number; failed: number }> {
  const round = await getManagedRound(ctx, actor, roundId);
  if (round.status !== 'open') throw new AppError('survey_round_not_open');
  const setup = await roundMailSetup(ctx, actor, round, kind);
  const recipients = await mailRecipients(ctx, actor, roundId, kind);
  const { sent, failed } = await mailEach(ctx, round, setup, recipients, kind);
  const action = kind === 'invitation' ? 'invitation_sent' : 'reminder_sent';
  await recordAudit(ctx, { actor, organisationId: round.organisation_id, action, subject: { type: 'round', id: roundId }, detail: { sent, failed } });
  return { sent, failed };
}

/**
 * The reminder of a scheduled day, sent by the platform itself (the server's timer, `mogna mail
 * tick`) as the operator's tool: the same recipients, by the same rule, and the same mail as a
 * coordinator's reminder. The caller (schedule-service.ts) audits it with the days it covers.
 */
export async function sendScheduledReminderMail(ctx: AppContext, actor: Actor, roundId: string): Promise<{ sent: number; failed: number }> {
  authorizeOperatePlatform(actor);
  const round = await findRound(ctx.db, roundId);
  if (round?.status !== 'open') return { sent: 0, failed: 0 };
  const recipients = await mailRecipientsOf(ctx.db, roundId, 'reminder', reminderCutoffs(ctx.clock.now(), ctx.config.REMINDER_AFTER_DAYS));
  // No person sends it: the mail names the round's contact person, if one is set.
  const setup = await roundMailSetup(ctx, anonymous, round, 'reminder');
  return mailEach(ctx, round, setup, recipients, 'reminder');
}

async function mailEach(ctx: AppContext, round: { id: string; organisation_id: string }, setup: RoundMailSetup, recipients: MailRecipient[], kind: 'invitation' | 'reminder'): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const recipient of recipients) {
    if (await mailOne(ctx, round, setup, recipient, kind)) sent += 1;
    else failed += 1;
  }
  return { sent, failed };
}

/**
 * Sends one respondent's invitation again, with a new personal link (earlier ones keep working):
 * for a mail that was lost or deleted. Only to someone invited who has not submitted.
 */
export async function resendInvitation(ctx: AppContext, actor: Actor, roundId: string, respondentId: string): Promise<{ sent: number; failed: number; email: string }> {
  const round = await getManagedRound(ctx, actor, roundId);
  if (round.status !== 'open') throw new AppError('survey_round_not_open');
  const respondent = await findRespondentOfRound(ctx.db, roundId, respondentId);
  if (!respondent?.email || respondent.joint === 1) throw new AppError('not_found');
  if (respondent.invited_at === null) throw new AppError('conflict', 'not invited yet: send the invitations');
  if (await hasSubmitted(ctx.db, respondentId)) throw new AppError('conflict', 'already answered');
  const setup = await roundMailSetup(ctx, actor, round, 'invitation');
  const delivered = await mailOne(ctx, round, setup, { id: respondent.id, email: respondent.email, name: respondent.name }, 'invitation');
  const result = { sent: delivered ? 1 : 0, failed: delivered ? 0 : 1 };
  await recordAudit(ctx, { actor, organisationId: round.organisation_id, action: 'invitation_sent', subject: { type: 'respondent', id: respondentId }, detail: { ...result, resent: true } });
  return { ...result, email: respondent.email };
}

/** Mints a link, hands the mail over and keeps its copy in the outbox; false when delivery failed. */
async function mailOne(ctx: AppContext, round: { id: string; organisation_id: string }, setup: RoundMailSetup, recipient: MailRecipient, kind: 'invitation' | 'reminder'): Promise<boolean> {
  if (!recipient.email) return false;
  const now = ctx.clock.now().toISOString();
  const token = await mintRespondentLink(ctx, ctx.db, recipient.id);
  const facts = { ...setup.facts, name: recipient.name };
  const mail = composeRoundMail(ctx, setup.templates, facts, (locale) => linkInLanguage(surveyLink(ctx, token), locale));
  let delivery: OutboxMessage['delivery'] = ctx.mail.mode;
  let error: string | null = null;
  try {
    await ctx.mail.deliver({ to: recipient.email, subject: mail.subject, text: mail.text });
  } catch (cause) {
    delivery = 'failed';
    error = cause instanceof Error ? cause.message.slice(0, 500) : 'delivery failed';
  }
  // The outbox's copy: the same mail with the link removed (only the demo keeps it).
  const storedBody = ctx.config.DEMO_MODE ? mail.text : composeRoundMail(ctx, setup.templates, facts, () => messages('sv').mail.linkRedacted).text;
  await ctx.db.transaction().execute(async (trx) => {
    await insertOutboxMessage(trx, {
      id: ctx.ids.id(),
      organisation_id: round.organisation_id,
      round_id: round.id,
      respondent_id: recipient.id,
      kind,
      recipient: recipient.email!,
      subject: mail.subject,
      body: storedBody,
      created_at: now,
      delivery,
      error,
    });
    if (delivery !== 'failed') {
      await markMailed(trx, recipient.id, kind, now);
      // A mail that went out after a bounce shows the address works again.
      await clearBounce(trx, recipient.id);
    }
  });
  return delivery !== 'failed';
}

const OUTBOX_PAGE_SIZE = 50;

export interface OutboxQuery {
  /** What was searched for: part of a recipient's address or of a kind's name ('' for all). */
  q: string;
  page: number;
}

/** The kinds whose name, in any language, contains the searched text ("påminn" finds reminders). */
function kindsNamed(q: string): OutboxMessage['kind'][] {
  const needle = q.toLocaleLowerCase('sv');
  const kinds = Object.keys(messages('sv').outbox.kinds) as OutboxMessage['kind'][];
  return kinds.filter((kind) => locales.some((locale) => messages(locale).outbox.kinds[kind].toLocaleLowerCase('sv').includes(needle)));
}

/** One page of the round's mail, searched by recipient or kind, without the bodies. */
export async function outboxPage(ctx: AppContext, actor: Actor, roundId: string, query: OutboxQuery): Promise<{ rows: OutboxRow[]; total: number; pageSize: number }> {
  await getManagedRound(ctx, actor, roundId);
  const q = query.q.trim();
  const found = await outboxPageOf(ctx.db, roundId, { recipientContains: q, kinds: q === '' ? [] : kindsNamed(q), page: query.page, pageSize: OUTBOX_PAGE_SIZE });
  return { ...found, pageSize: OUTBOX_PAGE_SIZE };
}

/** One mail of the round, as stored: without the personal link outside the demo. */
export async function outboxMessage(ctx: AppContext, actor: Actor, roundId: string, messageId: string): Promise<OutboxMessage> {
  await getManagedRound(ctx, actor, roundId);
  const message = await outboxMessageOf(ctx.db, roundId, messageId);
  if (!message) throw new AppError('not_found');
  return message;
}
