// Answer types of issue 4: a target level and a free-text comment beside each answer, and the
// joint respondent that holds one organisation's answers to its joint instruments. Old columns
// (value, dont_know) keep their meaning, so every earlier answer reads as before.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('answers').addColumn('target_value', 'integer').execute();
  await db.schema.alterTable('answers').addColumn('comment', 'text').execute();
  // 1 for the respondent row that stands for the whole organisation in joint instruments.
  await db.schema.alterTable('respondents').addColumn('joint', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema
    .createIndex('respondents_one_joint_per_round')
    .on('respondents')
    .column('round_id')
    .unique()
    .where(sql.ref('joint'), '=', 1)
    .execute();
  // The e-mail of the person named to fill in the joint answer (kept apart from `email`, which
  // is unique per round among individual respondents, so one person may be both).
  await db.schema.alterTable('respondents').addColumn('contact_email', 'text').execute();
  // Who last saved a joint answer: a user id (coordinator) or null (a respondent through a link).
  await db.schema.alterTable('responses').addColumn('updated_by', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('respondents_one_joint_per_round').ifExists().execute();
  await db.schema.alterTable('responses').dropColumn('updated_by').execute();
  await db.schema.alterTable('respondents').dropColumn('contact_email').execute();
  await db.schema.alterTable('respondents').dropColumn('joint').execute();
  await db.schema.alterTable('answers').dropColumn('comment').execute();
  await db.schema.alterTable('answers').dropColumn('target_value').execute();
}
