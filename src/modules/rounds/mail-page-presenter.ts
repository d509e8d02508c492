// The mail pages' view models: the texts form (per language, with where each text comes from and
// each problem as a sentence), the preview as a recipient reads it, the placeholder list, the
// contact-person form and the confirmation page with the first recipient's mail.
import type { AppContext } from '../../app/app-context.ts';
import { PLACEHOLDERS, placeholderToken, type MailTemplate, type TemplateIssue } from '../../domain/mail/mail-template.ts';
import { linkInLanguage, localeName, locales, type Locale } from '../../i18n/locales.ts';
import { messages, type Messages } from '../../i18n/messages.ts';
import type { FieldErrors } from '../../ui/forms.tsx';
import type { MailConfirmation } from './mail-confirm-service.ts';
import { composeRoundMail, type MailFacts, type ResolvedTemplate, type TemplateSource } from './mail-presenter.ts';
import type { MailKind } from './mail-text-repository.ts';
import { mailTextIssues, type MailTextsEditor } from './mail-text-service.ts';
import { textField, type MailSettingsBody, type MailTextsBody } from './mail-schema.ts';

interface LanguageFields {
  locale: Locale;
  languageName: string;
  subject: string;
  body: string;
  source: TemplateSource;
  errors: { subject?: string; body?: string };
}

export interface MailPreview {
  subject: string;
  text: string;
}

export interface MailTextsPageModel {
  scope: MailTextsEditor['scope'];
  kind: MailKind;
  title: string;
  intro: string;
  formAction: string;
  previewAction: string;
  kindHref: (kind: MailKind) => string;
  backHref: string;
  languages: LanguageFields[];
  errors: FieldErrors;
  /** Null while a text has problems. */
  preview: MailPreview | null;
  placeholders: Array<{ swedish: string; english: string; meaning: string }>;
}

/** Each problem as a sentence. */
function issueMessage(m: Messages, issue: TemplateIssue): string {
  switch (issue.code) {
    case 'empty':
      return m.mailTexts.issues.empty;
    case 'too_long':
      return m.mailTexts.issues.tooLong(issue.max);
    case 'unknown_placeholder':
      return m.mailTexts.issues.unknownPlaceholder(issue.placeholder);
    case 'link_in_subject':
      return m.mailTexts.issues.linkInSubject;
    case 'link_missing':
      return m.mailTexts.issues.linkMissing;
  }
}

/** The texts as typed in the form, per language. */
export function typedTexts(body: MailTextsBody): Record<Locale, MailTemplate> {
  const fields = body as unknown as Record<string, string | undefined>;
  return Object.fromEntries(locales.map((locale) => [locale, { subject: fields[textField('subject', locale)] ?? '', body: fields[textField('body', locale)] ?? '' }])) as Record<Locale, MailTemplate>;
}

function sampleFacts(editor: MailTextsEditor, m: Messages): MailFacts {
  const { sampleOrganisation, ...facts } = editor.facts;
  return { ...facts, organisation: sampleOrganisation ? m.mailTexts.sampleOrganisation : facts.organisation, contact: sampleOrganisation ? { name: m.mailTexts.sampleContact, email: null } : facts.contact, name: m.mailTexts.sampleName };
}

/** The preview of texts as typed (an empty language takes the inherited text), or its problems. */
export function presentPreview(ctx: Pick<AppContext, 'config'>, editor: MailTextsEditor, texts: Record<Locale, MailTemplate>, m: Messages): { preview: MailPreview | null; errors: FieldErrors; byLanguage: Partial<Record<Locale, { subject?: string; body?: string }>> } {
  const issues = mailTextIssues(texts, editor.inherited);
  const errors: FieldErrors = {};
  const byLanguage: Partial<Record<Locale, { subject?: string; body?: string }>> = {};
  for (const locale of locales) {
    for (const issue of issues[locale] ?? []) {
      // Every problem of a field is told, one after the other (an unknown placeholder and a missing link).
      const own = (byLanguage[locale] ??= {});
      const message = own[issue.field] === undefined ? issueMessage(m, issue) : `${own[issue.field]} ${issueMessage(m, issue)}`;
      own[issue.field] = message;
      errors[textField(issue.field, locale)] = m.mailTexts.fieldError(localeName(locale), issue.field === 'subject' ? m.mailTexts.subject : m.mailTexts.body, message);
    }
  }
  if (Object.keys(errors).length > 0) return { preview: null, errors, byLanguage };
  const templates = Object.fromEntries(
    locales.map((locale) => {
      const typed = texts[locale];
      const empty = typed.subject.trim() === '' && typed.body.trim() === '';
      return [locale, { template: empty ? editor.inherited[locale] : typed, source: 'own' } satisfies ResolvedTemplate];
    }),
  ) as Record<Locale, ResolvedTemplate>;
  const preview = composeRoundMail(ctx, templates, sampleFacts(editor, m), (locale) => linkInLanguage(`${ctx.config.publicUrl}/s/exempel`, locale));
  return { preview, errors, byLanguage };
}

/** The texts page: as saved (no `typed`), or as typed with its preview and problems. */
export function presentMailTextsPage(ctx: Pick<AppContext, 'config'>, editor: MailTextsEditor, m: Messages, typed?: Record<Locale, MailTemplate>): MailTextsPageModel {
  const texts = typed ?? (Object.fromEntries(locales.map((locale) => [locale, editor.texts[locale].template])) as Record<Locale, MailTemplate>);
  const { preview, errors, byLanguage } = presentPreview(ctx, editor, texts, m);
  const base = editor.scope === 'round' ? `/rounds/${editor.scopeId}/mail-texts` : `/studies/${editor.scopeId}/mail-texts`;
  const title = 'round' in editor.title ? m.mailTexts.roundTitle(editor.title.round) : m.mailTexts.studyTitle(editor.title.federation, editor.title.year);
  return {
    scope: editor.scope,
    kind: editor.kind,
    title,
    intro: editor.scope === 'round' ? m.mailTexts.roundIntro : m.mailTexts.studyIntro,
    formAction: base,
    previewAction: `${base}/preview`,
    kindHref: (kind) => `${base}?kind=${kind}`,
    backHref: editor.backHref,
    languages: locales.map((locale) => ({
      locale,
      languageName: localeName(locale),
      subject: texts[locale].subject,
      body: texts[locale].body,
      source: editor.texts[locale].source,
      errors: byLanguage[locale] ?? {},
    })),
    errors,
    preview,
    placeholders: PLACEHOLDERS.map((placeholder) => ({ swedish: placeholderToken(placeholder, 'sv'), english: placeholderToken(placeholder, 'en'), meaning: m.mailTexts.placeholderMeaning[placeholder] })),
  };
}

export interface MailSettingsPageModel {
  roundId: string;
  roundName: string;
  values: MailSettingsBody;
  errors: FieldErrors;
}

export interface ConfirmPageModel {
  roundId: string;
  roundName: string;
  kind: MailKind;
  total: number;
  page: number;
  first: number;
  last: number;
  recipients: Array<{ name: string; email: string }>;
  pageHref: (page: number) => string | null;
  firstMail: { email: string; subject: string; text: string } | null;
  fingerprint: string;
}

/** The confirmation page: this page of recipients and the first recipient's mail, link not yet made. */
export function presentConfirmation(ctx: Pick<AppContext, 'config'>, confirmation: MailConfirmation): ConfirmPageModel {
  const { round, kind, total, page, pageSize } = confirmation;
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = total === 0 ? 0 : first + confirmation.recipients.length - 1;
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const recipient = confirmation.first;
  const firstMail =
    recipient?.email
      ? { email: recipient.email, ...composeRoundMail(ctx, confirmation.setup.templates, { ...confirmation.setup.facts, name: recipient.name }, (locale) => messages(locale).mailTexts.linkNotYetMade) }
      : null;
  return {
    roundId: round.id,
    roundName: round.name,
    kind,
    total,
    page,
    first,
    last,
    recipients: confirmation.recipients.map((entry) => ({ name: entry.name ?? '', email: entry.email ?? '' })),
    pageHref: (target) => (target < 1 || target > lastPage ? null : `/rounds/${round.id}/${kind}s/confirm${target > 1 ? `?page=${target}` : ''}`),
    firstMail,
    fingerprint: confirmation.fingerprint,
  };
}
