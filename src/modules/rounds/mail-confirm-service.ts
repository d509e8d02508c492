// Before invitations or reminders go, the coordinator sees who will get them and the first mail
// as its recipient will read it, and confirms (issue 15). The confirmation carries a fingerprint
// of the list it showed; if someone was added, answered or was reminded meanwhile, nothing is
// sent and the page is shown again, so the mail goes exactly to the people listed.
import type { Actor } from '../../app/actor.ts';
import type { AppContext } from '../../app/app-context.ts';
import { hashToken } from '../../app/ports.ts';
import type { MailKind } from './mail-text-repository.ts';
import { mailRecipients, roundMailSetup, type RoundMailSetup } from './invitation-service.ts';
import type { MailRecipient } from './repository.ts';
import { getManagedRound, type RoundWithInstruments } from './round-service.ts';
import { sendRoundMail, type RoundMailResult } from './service.ts';

const CONFIRM_PAGE_SIZE = 100;

export interface MailConfirmation {
  round: RoundWithInstruments;
  kind: MailKind;
  /** This page of the recipients, in the order they are mailed. */
  recipients: MailRecipient[];
  first: MailRecipient | null;
  total: number;
  page: number;
  pageSize: number;
  setup: RoundMailSetup;
  /** Fingerprint of the whole list, posted back with the confirmation. */
  fingerprint: string;
}

function fingerprintOf(recipients: readonly MailRecipient[]): string {
  return hashToken(recipients.map((recipient) => recipient.id).sort().join(','));
}

/** Who would get the mail now, a page at a time, and what the first of them would read. */
export async function mailConfirmation(ctx: AppContext, actor: Actor, roundId: string, kind: MailKind, page: number): Promise<MailConfirmation> {
  const round = await getManagedRound(ctx, actor, roundId);
  const all = (await mailRecipients(ctx, actor, roundId, kind)).filter((recipient) => recipient.email !== null);
  const setup = await roundMailSetup(ctx, actor, round, kind);
  const start = (page - 1) * CONFIRM_PAGE_SIZE;
  return {
    round,
    kind,
    recipients: all.slice(start, start + CONFIRM_PAGE_SIZE),
    first: all[0] ?? null,
    total: all.length,
    page,
    pageSize: CONFIRM_PAGE_SIZE,
    setup,
    fingerprint: fingerprintOf(all),
  };
}

/** Sends after confirmation; when the list differs from the one confirmed, sends nothing. */
export async function sendConfirmedMail(ctx: AppContext, actor: Actor, roundId: string, kind: MailKind, confirmed: string | undefined): Promise<RoundMailResult | { kind: 'changed' }> {
  if (confirmed !== undefined) {
    const now = await mailRecipients(ctx, actor, roundId, kind);
    if (fingerprintOf(now.filter((recipient) => recipient.email !== null)) !== confirmed) return { kind: 'changed' };
  }
  return sendRoundMail(ctx, actor, roundId, kind);
}
