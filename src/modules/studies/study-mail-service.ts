// The mail that tells each member's coordinators of a new study (issue 15): which federation, the
// parts, the closing date, the contact person and a link to the member's round. Written like the
// invitations (src/modules/rounds/invitation-service.ts): Swedish first with every other language
// below, handed to the transport, and kept in the outbox under the member's round. Without SMTP
// the mail only waits in the outbox, and the notice says so; a refused mail is kept as failed.
// Called by the study service after the study's transaction, so a failed mail never undoes it.
import type { AppContext } from '../../app/app-context.ts';
import type { OutboxMessage, StudyPart } from '../../db/schema.ts';
import { formatDate } from '../../i18n/format.ts';
import { linkInLanguage } from '../../i18n/locales.ts';
import { inEveryLanguage, subjectInEveryLanguage } from '../../i18n/messages.ts';
import { insertOutboxMessage } from '../rounds/repository.ts';
import { coordinatorsOf } from './repository.ts';

export interface StudyMail {
  /** Handed to the SMTP server. */
  sent: number;
  /** Kept in the outbox only, because no SMTP server is set up. */
  outbox: number;
  failed: number;
}

interface StudyAnnouncement {
  federationName: string;
  year: number;
  parts: StudyPart[];
  closesOn: string;
  contact: { contactName: string; contactEmail: string };
  members: Array<{ id: string; name: string; roundId: string | null }>;
}

export async function tellCoordinators(ctx: AppContext, study: StudyAnnouncement): Promise<StudyMail> {
  const result: StudyMail = { sent: 0, outbox: 0, failed: 0 };
  const coordinators = await coordinatorsOf(ctx.db, study.members.map((member) => member.id));
  for (const coordinator of coordinators) {
    const member = study.members.find((candidate) => candidate.id === coordinator.organisationId)!;
    const url = member.roundId ? `${ctx.config.publicUrl}/rounds/${member.roundId}` : `${ctx.config.publicUrl}/org/${member.id}`;
    const subject = subjectInEveryLanguage((m) => m.studies.mailSubject(study.federationName, study.year));
    const text = inEveryLanguage((m, locale) =>
      m.studies.mailBody({
        name: coordinator.name,
        federation: study.federationName,
        member: member.name,
        year: study.year,
        parts: study.parts.map((part) => `– ${m.studies.parts[part]}`).join('\n'),
        // Noon UTC is the same calendar day in Sweden, whatever the server's time zone.
        date: formatDate(locale, `${study.closesOn}T12:00:00Z`),
        contact: study.contact.contactName,
        contactEmail: study.contact.contactEmail,
        link: linkInLanguage(url, locale),
      }),
    );
    let delivery: OutboxMessage['delivery'] = ctx.mail.mode;
    let error: string | null = null;
    try {
      await ctx.mail.deliver({ to: coordinator.email, subject, text });
    } catch (cause) {
      delivery = 'failed';
      error = cause instanceof Error ? cause.message.slice(0, 500) : 'delivery failed';
    }
    // The mail holds no personal link, so the outbox keeps it whole.
    await insertOutboxMessage(ctx.db, {
      id: ctx.ids.id(),
      organisation_id: member.id,
      round_id: member.roundId,
      respondent_id: null,
      kind: 'study_created',
      recipient: coordinator.email,
      subject,
      body: text,
      created_at: ctx.clock.now().toISOString(),
      delivery,
      error,
    });
    if (delivery === 'failed') result.failed += 1;
    else if (delivery === 'smtp') result.sent += 1;
    else result.outbox += 1;
  }
  return result;
}
