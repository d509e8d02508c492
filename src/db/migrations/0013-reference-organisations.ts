// Issue 13: a published reference (such as a national report's average) says how many
// organisations it rests on, so every label of it can give source, year and number, as the
// platform-wide national comparison does. Optional: older imports and sources that do not
// publish the number keep null.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reference_values').addColumn('organisations', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reference_values').dropColumn('organisations').execute();
}
