// Personal data with a lifetime, and a person's rights under GDPR (issue 12):
// - the sweep removes respondents' names and e-mail addresses RESPONDENT_DATA_MONTHS after
//   their round closed, keeping the answers without identity (run at server start, daily, and
//   by `mogna gdpr sweep`);
// - `exportPersonalData` collects every row that holds an address (the register extract);
// - `erasePersonalData` removes it in one transaction: respondent identities cleared, answers
//   kept anonymous, a user account deactivated with its personal fields blanked.
// These run on the server (CLI, timer) without a signed-in actor: the audit log names them
// 'system' or 'cli' and never stores the address.
import type { SelectQueryBuilder, Transaction } from 'kysely';
import type { AppContext } from '../../app/app-context.ts';
import type { Database } from '../../db/schema.ts';
import { identityLifetimeOver, identityRemovalDate } from '../../domain/personal-data/identity-lifetime.ts';
import { recordAudit, toEntry, type AuditEntry } from '../audit/repository.ts';
import { normaliseEmail } from '../auth/session-service.ts';

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
export async function sweepRespondentData(ctx: AppContext): Promise<SweepSummary> {
  const now = ctx.clock.now();
  const candidates = await ctx.db
    .selectFrom('rounds')
    .select(['rounds.id', 'rounds.organisation_id', 'rounds.closed_at'])
    .where('rounds.status', '=', 'closed')
    .where('rounds.closed_at', 'is not', null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('respondents')
          .select('respondents.id')
          .whereRef('respondents.round_id', '=', 'rounds.id')
          .where((eb) => eb.or([eb('respondents.email', 'is not', null), eb('respondents.name', 'is not', null), eb('respondents.contact_email', 'is not', null)])),
      ),
    )
    .execute();
  const due = candidates.filter((round) => identityLifetimeOver(round.closed_at!, ctx.config.RESPONDENT_DATA_MONTHS, now));
  let respondents = 0;
  for (const round of due) {
    respondents += await ctx.db.transaction().execute(async (trx) => {
      // Re-read inside the transaction: a round reopened meanwhile keeps its respondents.
      const still = await trx.selectFrom('rounds').select('status').where('id', '=', round.id).executeTakeFirst();
      if (still?.status !== 'closed') return 0;
      const cleared = await clearIdentities(trx, trx.selectFrom('respondents').select('id').where('round_id', '=', round.id));
      await trx.deleteFrom('outbox').where('round_id', '=', round.id).execute();
      const detail = { respondents: cleared, months: ctx.config.RESPONDENT_DATA_MONTHS };
      await recordAudit(ctx, { actor: 'system', organisationId: round.organisation_id, action: 'respondent_data_removed', subject: { type: 'round', id: round.id }, detail }, trx);
      return cleared;
    });
  }
  return { rounds: due.length, respondents };
}

type IdQuery = SelectQueryBuilder<Database, 'respondents', { id: string }>;

async function clearIdentities(trx: Transaction<Database>, ids: IdQuery): Promise<number> {
  const result = await trx
    .updateTable('respondents')
    .set({ email: null, name: null, contact_email: null })
    .where('id', 'in', ids)
    .where((eb) => eb.or([eb('email', 'is not', null), eb('name', 'is not', null), eb('contact_email', 'is not', null)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

const ONE_DAY_MS = 86_400_000;

/** Runs the sweep now and then once a day; the timer does not keep the process alive. */
export function startRespondentDataSweeper(ctx: AppContext, onError: (error: unknown) => void = () => {}): NodeJS.Timeout {
  void sweepRespondentData(ctx).catch(onError);
  const timer = setInterval(() => void sweepRespondentData(ctx).catch(onError), ONE_DAY_MS);
  timer.unref();
  return timer;
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
export async function exportPersonalData(ctx: AppContext, emailInput: string): Promise<PersonalDataExtract> {
  const email = normaliseEmail(emailInput);
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'locale', 'is_operator', 'created_at'])
    .where('email', '=', email)
    .executeTakeFirst();
  const memberships = user
    ? await ctx.db
        .selectFrom('memberships')
        .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
        .select(['memberships.organisation_id', 'organisations.name', 'memberships.role'])
        .where('memberships.user_id', '=', user.id)
        .orderBy('organisations.name')
        .execute()
    : [];
  const respondentRows = await ctx.db
    .selectFrom('respondents')
    .innerJoin('rounds', 'rounds.id', 'respondents.round_id')
    .innerJoin('organisations', 'organisations.id', 'rounds.organisation_id')
    .leftJoin('units', 'units.id', 'respondents.unit_id')
    .select([
      'respondents.id',
      'respondents.round_id',
      'rounds.name as round_name',
      'rounds.year',
      'rounds.organisation_id',
      'organisations.name as organisation_name',
      'respondents.name',
      'respondents.role',
      'units.name as unit_name',
      'respondents.invited_at',
      'respondents.reminded_at',
      'respondents.created_at',
    ])
    .where((eb) => eb.or([eb('respondents.email', '=', email), eb('respondents.contact_email', '=', email)]))
    .orderBy('rounds.year')
    .orderBy('respondents.created_at')
    .execute();
  const respondentIds = respondentRows.map((row) => row.id);
  const responses =
    respondentIds.length === 0
      ? []
      : await ctx.db
          .selectFrom('responses')
          .select(['respondent_id', 'instrument_key', 'status', 'submitted_at'])
          .where('respondent_id', 'in', respondentIds)
          .orderBy('instrument_key')
          .execute();
  const mails = await ctx.db
    .selectFrom('outbox')
    .select(['id', 'kind', 'subject', 'created_at', 'delivery'])
    .where('recipient', '=', email)
    .orderBy('created_at')
    .execute();
  const subjectIds = [...respondentIds, ...(user ? [user.id] : [])];
  const auditRows =
    subjectIds.length === 0
      ? []
      : await ctx.db
          .selectFrom('audit_log')
          .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
          .selectAll('audit_log')
          .select('users.name as actor_name')
          .where((eb) => eb.or([eb('audit_log.subject_id', 'in', subjectIds), ...(user ? [eb('audit_log.actor_user_id', '=', user.id)] : [])]))
          .orderBy('audit_log.at')
          .orderBy('audit_log.id')
          .execute();
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
export async function erasePersonalData(ctx: AppContext, emailInput: string): Promise<ErasureSummary> {
  const email = normaliseEmail(emailInput);
  return ctx.db.transaction().execute(async (trx) => {
    const respondents = await clearIdentities(
      trx,
      trx.selectFrom('respondents').select('id').where((eb) => eb.or([eb('email', '=', email), eb('contact_email', '=', email)])),
    );
    const mails = Number((await trx.deleteFrom('outbox').where('recipient', '=', email).executeTakeFirst()).numDeletedRows);
    const user = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (user) {
      await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
      await trx.deleteFrom('memberships').where('user_id', '=', user.id).execute();
      await trx
        .updateTable('users')
        // The row stays so that ids in the log and in the reports' history still resolve; the
        // address is replaced by a unique placeholder that can never receive mail or log in.
        .set({ email: `erased-${user.id}@invalid`, name: '', password_hash: '', deactivated_at: ctx.clock.now().toISOString() })
        .where('id', '=', user.id)
        .execute();
    }
    const detail = { respondents, account: Boolean(user), mails };
    await recordAudit(ctx, { actor: 'cli', action: 'personal_data_erased', subject: user ? { type: 'user', id: user.id } : null, detail }, trx);
    return { respondents, account: Boolean(user), mails };
  });
}
