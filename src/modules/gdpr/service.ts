// Personal data with a lifetime, and a person's rights under GDPR (issue 12):
// - what the pages say about when a closed round's names and addresses go;
// - the sweep removes respondents' names and e-mail addresses RESPONDENT_DATA_MONTHS after
//   their round closed, keeping the answers without identity (run at server start, daily, and
//   by `mogna gdpr sweep`);
// - `exportPersonalData` collects every row that holds an address (the register extract);
// - `erasePersonalData` removes it in one transaction: respondent identities cleared, answers
//   kept anonymous, a user account deactivated with its personal fields blanked.
// The sweep, extract and erasure reach across every organisation, so only the operator may run
// them: no route does; the CLI's commands and the server's timer call them as the operator. The
// audit log names them 'system' (the sweep) or 'cli' (extract and erasure), not an account, and
// never stores the address. Every query is in repository.ts.
import type { Actor } from '../../app/actor.ts';
import type { AppContext } from '../../app/app-context.ts';
import { authorizeOperatePlatform } from '../../access/organisation-policy.ts';
import { identityLifetimeOver, identityRemovalDate } from '../../domain/personal-data/identity-lifetime.ts';
import { recordAudit, toEntry, type AuditEntry } from '../audit/repository.ts';
import { normaliseEmail } from '../auth/repository.ts';
import {
  auditRowsAbout,
  clearIdentities,
  closedRoundsWithIdentities,
  deleteMailsTo,
  deleteRoundMails,
  eraseAccount,
  findAccountByEmail,
  findAccountIdByEmail,
  mailsTo,
  membershipsOf,
  respondentsByEmail,
  respondentsOfRound,
  respondentsWithAddress,
  responsesOf,
  roundStatus,
} from './repository.ts';

/** When a closed round's names and addresses go (null while the round is not closed). */
export function respondentDataRemovalDate(ctx: AppContext, round: { status: string; closed_at: string | null }): Date | null {
  if (round.status !== 'closed' || !round.closed_at) return null;
  return identityRemovalDate(round.closed_at, ctx.config.RESPONDENT_DATA_MONTHS);
}

export interface SweepSummary {
  rounds: number;
  respondents: number;
}

/** Removes the identities of every closed round whose lifetime is over. Safe to run any number of times. */
export async function sweepRespondentData(ctx: AppContext, actor: Actor): Promise<SweepSummary> {
  authorizeOperatePlatform(actor);
  const now = ctx.clock.now();
  const candidates = await closedRoundsWithIdentities(ctx.db);
  const due = candidates.filter((round) => identityLifetimeOver(round.closed_at!, ctx.config.RESPONDENT_DATA_MONTHS, now));
  let respondents = 0;
  for (const round of due) {
    respondents += await ctx.db.transaction().execute(async (trx) => {
      // Re-read inside the transaction: a round reopened meanwhile keeps its respondents.
      if ((await roundStatus(trx, round.id)) !== 'closed') return 0;
      const cleared = await clearIdentities(trx, respondentsOfRound(round.id));
      await deleteRoundMails(trx, round.id);
      const detail = { respondents: cleared, months: ctx.config.RESPONDENT_DATA_MONTHS };
      await recordAudit(ctx, { actor: 'system', organisationId: round.organisation_id, action: 'respondent_data_removed', subject: { type: 'round', id: round.id }, detail }, trx);
      return cleared;
    });
  }
  return { rounds: due.length, respondents };
}

export interface PersonalDataExtract {
  email: string;
  /** When the extract was made, by the app's clock. */
  madeAt: string;
  user: { id: string; name: string; email: string; locale: string; isOperator: boolean; createdAt: string } | null;
  memberships: Array<{ organisationId: string; organisationName: string; role: string }>;
  respondents: Array<{
    id: string;
    roundId: string;
    roundName: string;
    year: number;
    organisationId: string;
    organisationName: string;
    name: string | null;
    role: string | null;
    unit: string | null;
    invitedAt: string | null;
    remindedAt: string | null;
    addedAt: string;
    responses: Array<{ instrument: string; status: string; submittedAt: string | null }>;
  }>;
  mails: Array<{ id: string; kind: string; subject: string; sentAt: string; delivery: string }>;
  auditEntries: AuditEntry[];
}

/** Every row holding the address, and the audit entries about the account or respondents it names. */
export async function exportPersonalData(ctx: AppContext, actor: Actor, emailInput: string): Promise<PersonalDataExtract> {
  authorizeOperatePlatform(actor);
  const email = normaliseEmail(emailInput);
  const user = await findAccountByEmail(ctx.db, email);
  const memberships = user ? await membershipsOf(ctx.db, user.id) : [];
  const respondentRows = await respondentsByEmail(ctx.db, email);
  const respondentIds = respondentRows.map((row) => row.id);
  const responses = await responsesOf(ctx.db, respondentIds);
  const mails = await mailsTo(ctx.db, email);
  const subjectIds = [...respondentIds, ...(user ? [user.id] : [])];
  const auditRows = await auditRowsAbout(ctx.db, subjectIds, user?.id ?? null);
  const extract: PersonalDataExtract = {
    email,
    madeAt: ctx.clock.now().toISOString(),
    user: user
      ? { id: user.id, name: user.name, email: user.email, locale: user.locale, isOperator: user.is_operator === 1, createdAt: user.created_at }
      : null,
    memberships: memberships.map((row) => ({ organisationId: row.organisation_id, organisationName: row.name, role: row.role })),
    respondents: respondentRows.map((row) => ({
      id: row.id,
      roundId: row.round_id,
      roundName: row.round_name,
      year: row.year,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      name: row.name,
      role: row.role,
      unit: row.unit_name,
      invitedAt: row.invited_at,
      remindedAt: row.reminded_at,
      addedAt: row.created_at,
      responses: responses
        .filter((response) => response.respondent_id === row.id)
        .map((response) => ({ instrument: response.instrument_key, status: response.status, submittedAt: response.submitted_at })),
    })),
    mails: mails.map((mail) => ({ id: mail.id, kind: mail.kind, subject: mail.subject, sentAt: mail.created_at, delivery: mail.delivery })),
    // The entries of other people's actions on this person stay, but the actor is named only by id.
    auditEntries: auditRows.map((row) => {
      const entry = toEntry(row);
      return user && entry.actorUserId === user.id ? entry : { ...entry, actorName: null, ip: null };
    }),
  };
  await recordAudit(ctx, { actor: 'cli', action: 'personal_data_exported', subject: user ? { type: 'user', id: user.id } : null, detail: { respondents: respondentIds.length } });
  return extract;
}

export interface ErasureSummary {
  respondents: number;
  account: boolean;
  mails: number;
}

/** Erases everything that names the address, in one transaction, and records it without the address. */
export async function erasePersonalData(ctx: AppContext, actor: Actor, emailInput: string): Promise<ErasureSummary> {
  authorizeOperatePlatform(actor);
  const email = normaliseEmail(emailInput);
  return ctx.db.transaction().execute(async (trx) => {
    const respondents = await clearIdentities(trx, respondentsWithAddress(email));
    const mails = await deleteMailsTo(trx, email);
    const userId = await findAccountIdByEmail(trx, email);
    if (userId) await eraseAccount(trx, userId, ctx.clock.now().toISOString());
    const detail = { respondents, account: Boolean(userId), mails };
    await recordAudit(ctx, { actor: 'cli', action: 'personal_data_erased', subject: userId ? { type: 'user', id: userId } : null, detail }, trx);
    return { respondents, account: Boolean(userId), mails };
  });
}
