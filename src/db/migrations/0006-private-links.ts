// Private links (issue 12). Personal and open links are kept only as SHA-256 hashes; the open
// link's token moves from `rounds.open_link_token` (no longer written) to `open_link_hash`, and
// a round gets a cap on responses through its open link. A respondent who has just submitted
// holds a short-lived receipt key (its hash and expiry here) that lets that browser read the
// answers once more. Every change to a round's respondents after it opened is logged. Mail kept
// in the outbox before this migration loses its personal links.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('rounds').addColumn('open_link_hash', 'text').execute();
  await db.schema.alterTable('rounds').addColumn('open_link_cap', 'integer').execute();
  await db.schema.createIndex('rounds_open_link_hash_idx').on('rounds').column('open_link_hash').unique().execute();
  const typed = db as unknown as Kysely<{ rounds: { id: string; open_link_token: string | null; open_link_hash: string | null; open_link_cap: number | null } }>;
  const rounds = await typed.selectFrom('rounds').select(['id', 'open_link_token']).where('open_link_token', 'is not', null).execute();
  for (const round of rounds) {
    const hash = createHash('sha256').update(round.open_link_token!).digest('hex');
    await typed.updateTable('rounds').set({ open_link_hash: hash, open_link_cap: 100, open_link_token: null }).where('id', '=', round.id).execute();
  }

  const outbox = db as unknown as Kysely<{ outbox: { id: string; body: string } }>;
  const mails = await outbox.selectFrom('outbox').select(['id', 'body']).where('body', 'like', '%/s/%').execute();
  for (const mail of mails) {
    const body = mail.body.replace(/https?:\/\/\S+\/s\/[A-Za-z0-9_-]+(\?lang=en)?/g, '[personlig länk – skickad via e-post]');
    if (body !== mail.body) await outbox.updateTable('outbox').set({ body }).where('id', '=', mail.id).execute();
  }

  await db.schema.alterTable('respondents').addColumn('receipt_key_hash', 'text').execute();
  await db.schema.alterTable('respondents').addColumn('receipt_until', 'text').execute();

  await db.schema
    .createTable('respondent_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    // The changer's name as it stood then, so the log does not change when an account does.
    .addColumn('changed_by_name', 'text', (c) => c.notNull())
    // 'added', 'imported' or 'removed'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('respondent_count', 'integer', (c) => c.notNull())
    // The address added or removed (one respondent), or null for an import.
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('respondent_changes_round_idx').on('respondent_changes').columns(['round_id', 'changed_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('respondent_changes').execute();
  await db.schema.alterTable('respondents').dropColumn('receipt_until').execute();
  await db.schema.alterTable('respondents').dropColumn('receipt_key_hash').execute();
  await db.schema.dropIndex('rounds_open_link_hash_idx').execute();
  await db.schema.alterTable('rounds').dropColumn('open_link_cap').execute();
  await db.schema.alterTable('rounds').dropColumn('open_link_hash').execute();
}
