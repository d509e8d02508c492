// What the mail pages accept: which mail (invitation or reminder), the texts per language as
// typed (`subject-sv`, `body-sv`, `subject-en`, …), the contact person and last day of a round,
// and the confirmation page's query and answer. Placeholders are checked by the domain
// (src/domain/mail/mail-template.ts), not here: the page names every faulty one.
import { z } from 'zod';
import { isValidEmail } from '../../domain/email.ts';
import { locales } from '../../i18n/locales.ts';

export const studyParams = z.object({ studyId: z.uuid() });

const mailKind = z.enum(['invitation', 'reminder']);

export const mailTextsQuery = z.object({ kind: mailKind.optional().default('invitation') });

/** A field of the texts form: `subject-<locale>` or `body-<locale>`. */
export const textField = (field: 'subject' | 'body', locale: string) => `${field}-${locale}`;

const typedTexts = Object.fromEntries(locales.flatMap((locale) => [[textField('subject', locale), z.string().max(2000).default('')], [textField('body', locale), z.string().max(20_000).default('')]]));

/** The texts form as typed; `action` is the button pressed (the preview script posts without one). */
export const mailTextsBody = z.object({ kind: mailKind.default('invitation'), action: z.enum(['save', 'preview', 'reset']).default('preview'), ...typedTexts });
export type MailTextsBody = z.infer<typeof mailTextsBody>;

/** The contact person and last day as typed, to show them again. */
export const mailSettingsBody = z.object({
  contactName: z.string().trim().max(1000).default(''),
  contactEmail: z.string().trim().max(254).default(''),
  closesOn: z.string().trim().max(40).default(''),
});
export type MailSettingsBody = z.infer<typeof mailSettingsBody>;

export type MailSettingsIssue = 'contactNameTooLong' | 'contactEmailInvalid' | 'closesOnInvalid' | 'closesOnPast';

const isCalendarDay = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
};

/** The settings, checked: empty fields are "not set". Whether the day has passed is the service's question. */
export const mailSettingsForm = z.object({
  contactName: z.string().max(200, 'contactNameTooLong' satisfies MailSettingsIssue).transform((name) => name || null),
  contactEmail: z
    .string()
    .refine((email) => email === '' || isValidEmail(email.toLowerCase()), 'contactEmailInvalid' satisfies MailSettingsIssue)
    .transform((email) => email || null),
  closesOn: z
    .string()
    .refine((day) => day === '' || isCalendarDay(day), 'closesOnInvalid' satisfies MailSettingsIssue)
    .transform((day) => day || null),
});

export const confirmQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).optional().default(1) });

/** The confirmation's answer: the fingerprint of the list it showed (absent from older forms and scripts). */
export const sendBody = z.object({ recipients: z.string().regex(/^[0-9a-f]{64}$/).optional() });
