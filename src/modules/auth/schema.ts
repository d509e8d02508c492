// What the sign-in and account pages accept. Empty fields come back as field messages (codes,
// turned into the visitor's language by the routes) so the form is shown again; a body that is
// not what the page sends (too long a text) is the client's mistake.
import { z } from 'zod';

/** Where to go after signing in, as asked; anything but one text is no wish. */
export const loginQuery = z.object({ next: z.unknown().optional().transform((value) => (typeof value === 'string' ? value : undefined)) });

export const loginBody = z.object({
  email: z.string().trim().max(254).default(''),
  password: z.string().max(1000).default(''),
  next: z.string().optional(),
});

/** Field messages: `emailRequired`, `passwordRequired`. */
export const loginFields = z.object({
  email: z.string().min(1, 'emailRequired'),
  password: z.string().min(1, 'passwordRequired'),
});

export const passwordBody = z.object({
  current: z.string().max(1000).default(''),
  next: z.string().max(1000).default(''),
  confirm: z.string().max(1000).default(''),
});

/** The new password typed twice alike (field message `mismatch` on `confirm`). */
export const passwordFields = passwordBody.refine((form) => form.next === form.confirm, { path: ['confirm'], message: 'mismatch' });
