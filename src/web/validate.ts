// The one place where a route turns raw request parts into typed input. A bad id in the path is
// "not found" (a guessed or mangled link), a malformed query or body is the client's mistake;
// forms with fields a person typed use `validateForm`, which returns each field's message instead
// of throwing, so the route can show the form again with the problems beside the fields.
import { z } from 'zod';
import { AppError } from '../app/errors.ts';
import type { FieldErrors } from '../ui/forms.tsx';

/** Path parameters: anything the schema rejects is a page that does not exist. */
export function parseParams<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('not_found');
  return result.data;
}

/** Query strings and bodies posted by our own pages and scripts: a rejection is a 400 with the fields named. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown): T {
  return schema.parse(value ?? {});
}

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/**
 * Validates a form a person filled in. The schema's issue messages are message keys or texts
 * chosen by the module's schema (see `fieldMessage`); the first issue per field wins.
 */
export function validateForm<T>(schema: z.ZodType<T>, value: unknown, fieldMessage: (issue: z.core.$ZodIssue) => string): FormResult<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || '_form';
    errors[field] ??= fieldMessage(issue);
  }
  return { ok: false, errors };
}

/** A checkbox or multi-select posted as nothing, one string or several. */
export const stringList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

/** A checkbox: present ("on"/"true") or absent. */
export const checkbox = z
  .string()
  .optional()
  .transform((value) => value === 'on' || value === 'true');
