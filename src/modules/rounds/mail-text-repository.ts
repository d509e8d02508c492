// The queries of a round's own mail texts and of a study's default texts (table mail_texts,
// 0014-studies), the study row the default texts page needs, and a round's contact person and
// closing date: Kysely only, no actor, plain rows in and out. mail-text-service.ts asks the
// policies first; invitation-service.ts reads a round's texts when it sends.
import type { Insertable } from 'kysely';
import type { Database, MailText } from '../../db/schema.ts';
import type { Db } from './repository.ts';

type MailTextRow = Insertable<Database['mail_texts']>;
export type MailKind = MailText['kind'];

/** The texts of a round and, when it belongs to a study, the study's defaults: both scopes in one query. */
export async function mailTextsForRound(db: Db, roundId: string, studyId: string | null): Promise<MailText[]> {
  return db
    .selectFrom('mail_texts')
    .selectAll()
    .where((eb) => {
      const ofRound = eb.and([eb('scope', '=', 'round'), eb('scope_id', '=', roundId)]);
      return studyId === null ? ofRound : eb.or([ofRound, eb.and([eb('scope', '=', 'study'), eb('scope_id', '=', studyId)])]);
    })
    .orderBy('scope')
    .orderBy('kind')
    .orderBy('locale')
    .execute();
}

/** A study's default texts. */
export async function mailTextsOfStudy(db: Db, studyId: string): Promise<MailText[]> {
  return db.selectFrom('mail_texts').selectAll().where('scope', '=', 'study').where('scope_id', '=', studyId).orderBy('kind').orderBy('locale').execute();
}

/** Writes one text (scope, id, kind, language), replacing the one there was. */
export async function upsertMailText(db: Db, row: MailTextRow): Promise<void> {
  await db
    .insertInto('mail_texts')
    .values(row)
    .onConflict((oc) => oc.columns(['scope', 'scope_id', 'kind', 'locale']).doUpdateSet({ subject: row.subject, body: row.body, updated_at: row.updated_at, updated_by: row.updated_by ?? null }))
    .execute();
}

/** Removes one text, so the next default applies again. */
export async function deleteMailText(db: Db, key: Pick<MailText, 'scope' | 'scope_id' | 'kind' | 'locale'>): Promise<void> {
  await db
    .deleteFrom('mail_texts')
    .where('scope', '=', key.scope)
    .where('scope_id', '=', key.scope_id)
    .where('kind', '=', key.kind)
    .where('locale', '=', key.locale)
    .execute();
}

export interface StudyRef {
  id: string;
  federationId: string;
  federationName: string;
  year: number;
  closesOn: string;
}

/** A study with its federation's name (the studies module owns creating them). */
export async function findStudy(db: Db, studyId: string): Promise<StudyRef | undefined> {
  const row = await db
    .selectFrom('studies')
    .innerJoin('organisations', 'organisations.id', 'studies.federation_id')
    .select(['studies.id', 'studies.federation_id', 'organisations.name', 'studies.year', 'studies.closes_on'])
    .where('studies.id', '=', studyId)
    .executeTakeFirst();
  return row ? { id: row.id, federationId: row.federation_id, federationName: row.name, year: row.year, closesOn: row.closes_on } : undefined;
}

export interface RoundMailSettings {
  contactName: string | null;
  contactEmail: string | null;
  closesOn: string | null;
}

/** Sets whom respondents may contact and the last day of the round. */
export async function storeRoundMailSettings(db: Db, roundId: string, settings: RoundMailSettings): Promise<void> {
  await db.updateTable('rounds').set({ contact_name: settings.contactName, contact_email: settings.contactEmail, closes_on: settings.closesOn }).where('id', '=', roundId).execute();
}
