// What the action plan's routes accept: an organisation or an action in the path (anything else
// is not found), the plan's year in the query, the action form (title, what it addresses, owner,
// due day, status) and the status form with its short note. The form's issue messages are keys
// that routes turn into texts (actionFieldMessage).
import { z } from 'zod';

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export const SOURCE_KINDS = ['capability', 'recommendation', 'workshop', 'free'] as const;

const year = z.coerce.number().int().min(2000).max(2999);

export const orgParams = z.object({ orgId: z.uuid() });
export const actionParams = z.object({ orgId: z.uuid(), actionId: z.uuid() });
export const planQuery = z.object({ year: year.optional() });
export const newActionQuery = z.object({
  year: year.optional(),
  capability: z.string().max(80).optional(),
  instrument: z.string().max(80).optional(),
  // A workshop decision made into an action in one step: the topic it came from and its words.
  source: z.literal('workshop').optional(),
  topic: z.string().max(80).optional(),
  title: z.string().max(200).optional(),
});

/** The form's raw fields, as posted. */
export const actionBody = z.object({
  title: z.string().default(''),
  description: z.string().default(''),
  year: z.string().default(''),
  sourceKind: z.string().default('free'),
  capability: z.string().default(''),
  sourceRef: z.string().default(''),
  owner: z.string().default(''),
  dueOn: z.string().default(''),
  status: z.string().default('planned'),
});
export type ActionBody = z.infer<typeof actionBody>;

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

function validDay(value: string): boolean {
  if (!isoDay.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The validated action; `hasCapability(instrument, capability)` checks the catalogue. */
export function actionForm(hasCapability: (instrumentKey: string, capabilityKey: string) => boolean) {
  return z
    .object({
      title: z.string().trim().min(1, 'titleRequired').max(200, 'titleTooLong'),
      description: z.string().trim().max(2000, 'descriptionTooLong'),
      year: z.coerce.number({ message: 'yearInvalid' }).int('yearInvalid').min(2000, 'yearInvalid').max(2999, 'yearInvalid'),
      sourceKind: z.enum(SOURCE_KINDS, { message: 'sourceKindInvalid' }),
      capability: z.string().trim(),
      sourceRef: z.string().trim().max(200, 'sourceRefTooLong'),
      owner: z.string().trim().min(1, 'ownerRequired').max(120, 'ownerTooLong'),
      dueOn: z
        .string()
        .trim()
        .refine((value) => value === '' || validDay(value), 'dueOnInvalid'),
      status: z.enum(ACTION_STATUSES, { message: 'statusInvalid' }),
    })
    .superRefine((value, context) => {
      if (value.sourceKind === 'capability') {
        const [instrument = '', capability = ''] = value.capability.split(':');
        if (!hasCapability(instrument, capability)) context.addIssue({ code: 'custom', path: ['capability'], message: 'capabilityRequired' });
      }
      if ((value.sourceKind === 'recommendation' || value.sourceKind === 'workshop') && value.sourceRef === '') {
        context.addIssue({ code: 'custom', path: ['sourceRef'], message: 'sourceRefRequired' });
      }
    })
    .transform((value) => {
      const [instrument = '', capability = ''] = value.capability.split(':');
      return {
        title: value.title,
        description: value.description,
        year: value.year,
        sourceKind: value.sourceKind,
        sourceRef: value.sourceKind === 'capability' ? capability : value.sourceKind === 'free' ? null : value.sourceRef,
        instrumentKey: value.sourceKind === 'capability' ? instrument : null,
        owner: value.owner,
        dueOn: value.dueOn === '' ? null : value.dueOn,
        status: value.status,
      };
    });
}
export type ActionInput = z.output<ReturnType<typeof actionForm>>;

export const statusBody = z.object({ status: z.string().default(''), note: z.string().default('') });
export const statusForm = z.object({
  status: z.enum(ACTION_STATUSES, { message: 'statusInvalid' }),
  note: z.string().trim().max(500, 'noteTooLong'),
});
