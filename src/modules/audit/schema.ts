// What the audit log pages accept: the organisation id in the path (a bad one is a page that does
// not exist), and the date filter and page in the query. A date that is not a day comes back as
// the field's message; any other malformed query is the client's mistake.
import { z } from 'zod';

export const orgParams = z.object({ orgId: z.uuid() });

export const auditQuery = z.object({
  from: z.string().trim().max(20).optional().default(''),
  to: z.string().trim().max(20).optional().default(''),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
});

/** A day written as YYYY-MM-DD that exists in the calendar. */
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const optionalDay = z.string().refine((value) => !value || isIsoDay(value), 'dateInvalid');

/** Each date of the filter empty or a day (issue on `from` or `to`). */
export const auditFilterForm = z.object({ from: optionalDay, to: optionalDay });
