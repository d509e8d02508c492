// What the dashboard and an organisation's pages accept in paths and forms. A bad id in the path
// is a page that does not exist; the unit forms' name is shown again with its message beside the
// field when it is empty.
import { z } from 'zod';

export const orgParams = z.object({ orgId: z.uuid() });
export const unitParams = z.object({ orgId: z.uuid(), unitId: z.uuid() });

/** The add-unit and rename-unit forms as posted (too long a name is the client's mistake: 400). */
export const unitBody = z.object({
  name: z.string().trim().max(200).default(''),
  parentId: z.string().default(''),
});
export type UnitBody = z.infer<typeof unitBody>;

/** A unit's name must not be empty (field `name`). */
export const unitNameForm = z.object({ name: z.string().min(1) });
