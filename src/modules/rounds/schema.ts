// What the round pages accept in paths and forms. A bad id in the path is a page that does not
// exist (parseParams); the forms a coordinator types in (a new round, a respondent, the open
// link's cap) are read as typed (`…Body`, to show them again) and then checked (`…Form`, through
// validateForm), whose issue messages are the message keys the routes put beside the fields.
import { z } from 'zod';
import { isValidEmail, normaliseEmail } from '../../domain/email.ts';
import { checkbox, stringList } from '../../web/validate.ts';
import { DEFAULT_ANONYMITY_THRESHOLD, DEFAULT_SMALL_SAMPLE_THRESHOLD, MAX_OPEN_LINK_CAP, MIN_ANONYMITY_THRESHOLD } from './repository.ts';

export const orgParams = z.object({ orgId: z.uuid() });
export const roundParams = z.object({ roundId: z.uuid() });
export const respondentParams = z.object({ roundId: z.uuid(), respondentId: z.uuid() });

/** The outbox's query: the search (`q`), the page and the mail opened below the table. */
export const outboxQuery = z.object({
  q: z.string().trim().max(200).optional().default(''),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
  mail: z.uuid().optional(),
});

/** The respondents part's query: a search in names, addresses, roles and units, a status and the page. */
export const respondentsQuery = z.object({
  q: z.string().trim().max(200).optional().default(''),
  status: z.enum(['not_invited', 'invited', 'started', 'submitted']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(1).default(1),
});
export type RespondentsQuery = z.infer<typeof respondentsQuery>;

/** A whole number typed with at most `digits` digits (no sign, no decimals) between `min` and `max`. */
const typedNumber = (digits: RegExp, min: number, max: number, message: string) =>
  z.string().regex(digits, message).pipe(z.coerce.number<string>().int().min(min, message).max(max, message));

// ---- A new round ------------------------------------------------------------------------------

/** The new-round form as typed, to show it again. */
export const newRoundBody = z.object({
  name: z.string().trim().max(200).default(''),
  year: z.string().trim().default(''),
  instruments: stringList,
  openLink: checkbox,
  threshold: z.string().trim().default(String(DEFAULT_ANONYMITY_THRESHOLD)),
  smallSample: z.string().trim().default(String(DEFAULT_SMALL_SAMPLE_THRESHOLD)),
});
export type NewRoundBody = z.infer<typeof newRoundBody>;

export type NewRoundIssue = 'nameRequired' | 'yearInvalid' | 'instrumentsRequired' | 'thresholdInvalid' | 'smallSampleInvalid';

/** The new round, checked; `isInstrument` tells the instrument keys the catalogue knows. */
export const newRoundForm = (isInstrument: (key: string) => boolean) =>
  z.object({
    name: z.string().min(1, 'nameRequired' satisfies NewRoundIssue),
    year: typedNumber(/^\d{4}$/, 2000, 2100, 'yearInvalid' satisfies NewRoundIssue),
    instruments: z
      .array(z.string())
      .refine((keys) => keys.length > 0 && keys.every(isInstrument), 'instrumentsRequired' satisfies NewRoundIssue),
    openLink: z.boolean(),
    threshold: typedNumber(/^\d{1,2}$/, MIN_ANONYMITY_THRESHOLD, 50, 'thresholdInvalid' satisfies NewRoundIssue),
    smallSample: typedNumber(/^\d{1,3}$/, 1, 500, 'smallSampleInvalid' satisfies NewRoundIssue),
  });

// ---- A respondent -----------------------------------------------------------------------------

/** The add-respondent form as typed, to show it again. */
export const respondentBody = z.object({
  email: z.string().trim().max(254).default(''),
  name: z.string().trim().max(200).default(''),
  role: z.string().trim().max(200).default(''),
  unitId: z.string().default(''),
});

/** The respondent, checked: an address the one e-mail check (src/domain/email.ts) accepts. */
export const respondentForm = z.object({
  email: z.string().transform(normaliseEmail).refine(isValidEmail, 'emailInvalid'),
  name: z.string().transform((name) => name || null),
  role: z.string().transform((role) => role || null),
  unitId: z.string().transform((unitId) => unitId || null),
});

// ---- The open link's cap ----------------------------------------------------------------------

export const openLinkCapBody = z.object({ cap: z.string().trim().max(20).default('') });

export const openLinkCapForm = z.object({ cap: typedNumber(/^\d{1,5}$/, 1, MAX_OPEN_LINK_CAP, 'openLinkCapInvalid') });
