// What the method checklist's routes accept: an organisation and a study year, or a study, in the
// path (anything else is not found), and the tick form's fields: the step, the member ('' for
// the study's own steps), whether it is done, and the page to go back to (a path on this site).
import { z } from 'zod';

export const checklistPageParams = z.object({ orgId: z.uuid(), year: z.coerce.number().int().min(1900).max(2999) });
export const studyParams = z.object({ studyId: z.uuid() });

/** A path on this site only, so the form cannot send anyone elsewhere. */
const localPath = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s]*$/);

export const tickBody = z.object({
  step: z.string().trim().min(1).max(80),
  memberId: z.union([z.literal(''), z.uuid()]).default(''),
  done: z.enum(['1', '0']).transform((value) => value === '1'),
  returnTo: localPath.optional(),
});
