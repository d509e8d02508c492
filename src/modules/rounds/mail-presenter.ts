// A round's invitation or reminder as the recipient gets it: the text in each language (the
// round's own, else the study's default, else Mogna's built-in text from the catalogue), its
// placeholders filled, and the lines every mail ends with: the sender organisation, the last day
// to answer, the contact person and what happens with the person's data. The same function
// writes the mail that is sent, the outbox's copy (link removed), the preview while a text is
// edited and the first mail on the confirmation page.
import type { AppContext } from '../../app/app-context.ts';
import { fillMailTemplate, placeholderToken, type MailTemplate, type PlaceholderValues } from '../../domain/mail/mail-template.ts';
import type { MailText } from '../../db/schema.ts';
import { languageTag, locales, type Locale } from '../../i18n/locales.ts';
import { inEveryLanguage, messages, subjectInEveryLanguage } from '../../i18n/messages.ts';
import type { MailKind } from './mail-text-repository.ts';

/** Where the text in one language comes from: the page's own scope, the study's default, or Mogna. */
export type TemplateSource = 'own' | 'study' | 'builtIn';

export interface ResolvedTemplate {
  template: MailTemplate;
  source: TemplateSource;
}

/** Mogna's own text in a language, written with the placeholders of that language. */
export function builtInTemplate(kind: MailKind, locale: Locale): MailTemplate {
  const m = messages(locale);
  const token = (placeholder: Parameters<typeof placeholderToken>[0]) => placeholderToken(placeholder, locale);
  const values = { org: token('organisation'), round: token('round'), name: token('name'), link: token('link') };
  return kind === 'invitation'
    ? { subject: m.mail.invitationSubject(values.org), body: m.mail.invitationBody(values) }
    : { subject: m.mail.reminderSubject(values.org), body: m.mail.reminderBody(values) };
}

/**
 * The text of each language for one kind: a row of `ownScope` first, then (for a round) the
 * study's default, then Mogna's text.
 */
export function resolveTemplates(rows: readonly MailText[], kind: MailKind, ownScope: MailText['scope']): Record<Locale, ResolvedTemplate> {
  const find = (scope: MailText['scope'], locale: Locale) => rows.find((row) => row.scope === scope && row.kind === kind && row.locale === locale);
  const resolved = {} as Record<Locale, ResolvedTemplate>;
  for (const locale of locales) {
    const own = find(ownScope, locale);
    const study = ownScope === 'round' ? find('study', locale) : undefined;
    const row = own ?? study;
    resolved[locale] = row ? { template: { subject: row.subject, body: row.body }, source: own ? 'own' : 'study' } : { template: builtInTemplate(kind, locale), source: 'builtIn' };
  }
  return resolved;
}

export interface MailFacts {
  organisation: string;
  round: string;
  /** The recipient's name; null when the coordinator gave none. */
  name: string | null;
  /** YYYY-MM-DD, or null when the round has no last day yet. */
  closesOn: string | null;
  /** The round's contact person, else the coordinator who sends; null when neither is known. */
  contact: { name: string | null; email: string | null } | null;
}

/** A calendar day (YYYY-MM-DD) in words in the language ("15 december 2026"), the same day everywhere. */
function formatClosingDay(locale: Locale, day: string): string {
  return new Intl.DateTimeFormat(languageTag(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

function contactText(contact: MailFacts['contact']): string | null {
  if (!contact || (!contact.name && !contact.email)) return null;
  if (contact.name && contact.email) return `${contact.name} (${contact.email})`;
  return contact.name ?? contact.email;
}

/** The placeholders' values in one language. */
function placeholderValues(facts: MailFacts, locale: Locale, link: string): PlaceholderValues {
  const m = messages(locale);
  return {
    name: facts.name ?? '',
    organisation: facts.organisation,
    round: facts.round,
    closesOn: facts.closesOn ? formatClosingDay(locale, facts.closesOn) : m.mailTexts.closesOnUnset,
    contact: contactText(facts.contact) ?? facts.organisation,
    link,
  };
}

/** The lines every mail ends with, in one language. */
function closingLines(ctx: Pick<AppContext, 'config'>, facts: MailFacts, locale: Locale): string {
  const m = messages(locale);
  const contact = contactText(facts.contact);
  const lines = [
    m.mailTexts.footerSender(facts.organisation),
    facts.closesOn ? m.mailTexts.footerClosesOn(formatClosingDay(locale, facts.closesOn)) : null,
    contact ? m.mailTexts.footerContact(contact) : null,
  ].filter((line): line is string => line !== null);
  return `${lines.join('\n')}\n\n${m.personalData.mailNotice(ctx.config.RESPONDENT_DATA_MONTHS, `${ctx.config.publicUrl}/personuppgifter`)}`;
}

/**
 * The mail in every language, Swedish first: each language's text filled with `link(locale)`
 * (the personal link for the transport, the removed-link note for the outbox, a sample on a page).
 */
export function composeRoundMail(
  ctx: Pick<AppContext, 'config'>,
  templates: Record<Locale, ResolvedTemplate>,
  facts: MailFacts,
  link: (locale: Locale) => string,
): { subject: string; text: string } {
  const text = inEveryLanguage((_m, locale) => `${fillMailTemplate(templates[locale].template.body, placeholderValues(facts, locale, link(locale)))}\n\n${closingLines(ctx, facts, locale)}`);
  const subject = subjectInEveryLanguage((m) => {
    const locale = m.lang as Locale;
    return fillMailTemplate(templates[locale].template.subject, placeholderValues(facts, locale, ''));
  });
  return { subject, text };
}
