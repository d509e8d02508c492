// What the study pages accept in paths and forms (issue 15). The new-study form is read as typed
// (`newStudyBody`, to show it again) and then checked (`newStudyForm`, through validateForm), whose
// issue messages are keys of m.studies.issues.
import { z } from 'zod';
import { isValidEmail } from '../../domain/email.ts';
import { isCalendarDay } from '../../domain/studies/study-dates.ts';
import { isStudyPart } from '../../domain/studies/study-parts.ts';
import type { StudyPart } from '../../db/schema.ts';
import { stringList } from '../../web/validate.ts';
import { DEFAULT_ANONYMITY_THRESHOLD, MIN_ANONYMITY_THRESHOLD } from '../rounds/repository.ts';

export const federationParams = z.object({ federationId: z.uuid() });
export const studyParams = z.object({ federationId: z.uuid(), year: z.coerce.number<string>().int().min(2000).max(2100) });
export const partParams = studyParams.extend({ memberId: z.uuid(), part: z.string().refine(isStudyPart) });

/** Where to go back to after a decline: the dashboard or the member's page. */
export const declineBody = z.object({ back: z.enum(['dashboard', 'member']).optional().default('member'), confirm: z.string().optional() });

export const newStudyBody = z.object({
  year: z.string().trim().default(''),
  parts: stringList,
  members: stringList,
  closesOn: z.string().trim().default(''),
  threshold: z.string().trim().default(String(DEFAULT_ANONYMITY_THRESHOLD)),
  contactName: z.string().trim().max(200).default(''),
  contactEmail: z.string().trim().max(254).default(''),
});
export type NewStudyBody = z.infer<typeof newStudyBody>;

export type NewStudyIssue = 'yearInvalid' | 'partsRequired' | 'membersRequired' | 'closesOnInvalid' | 'thresholdInvalid' | 'contactNameRequired' | 'contactEmailInvalid';

const typedNumber = (digits: RegExp, min: number, max: number, message: NewStudyIssue) =>
  z.string().regex(digits, message).pipe(z.coerce.number<string>().int().min(min, message).max(max, message));

export const newStudyForm = z.object({
  year: typedNumber(/^\d{4}$/, 2000, 2100, 'yearInvalid'),
  parts: z
    .array(z.string())
    .refine((parts) => parts.length > 0 && parts.every(isStudyPart), 'partsRequired' satisfies NewStudyIssue)
    .transform((parts) => [...new Set(parts)] as StudyPart[]),
  members: z.array(z.string()).min(1, 'membersRequired' satisfies NewStudyIssue),
  closesOn: z.string().refine(isCalendarDay, 'closesOnInvalid' satisfies NewStudyIssue),
  threshold: typedNumber(/^\d{1,2}$/, MIN_ANONYMITY_THRESHOLD, 50, 'thresholdInvalid'),
  contactName: z.string().min(1, 'contactNameRequired' satisfies NewStudyIssue),
  contactEmail: z.string().refine((email) => isValidEmail(email.toLowerCase()), 'contactEmailInvalid' satisfies NewStudyIssue),
});
