// What the operator page accepts: the search query and its three forms. The forms' fields come
// back as field messages (codes, turned into the visitor's language by the routes), so the page
// is shown again with the problems beside the fields; a body that is not what the page sends
// (too long a text, an unknown kind or role) is the client's mistake.
import { z } from 'zod';
import type { MembershipRole, OrganisationKind } from '../../db/schema.ts';
import { isValidEmail, normaliseEmail } from '../../domain/email.ts';
import { MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';

export const KINDS: OrganisationKind[] = ['kommun', 'region', 'myndighet', 'kommunalforbund'];
export const ROLES: MembershipRole[] = ['coordinator', 'analyst', 'viewer'];

/** The search box: one text of at most 100 characters, anything else is no search. */
export const operatorQuery = z.object({ q: z.unknown().optional().transform((value) => (typeof value === 'string' ? value.slice(0, 100) : '')) });

export const organisationBody = z.object({
  name: z.string().trim().max(200).default(''),
  kind: z.enum(KINDS).default('kommun'),
  orgNumber: z.string().trim().max(20).default(''),
  size: z.string().trim().max(12).default(''),
  federationId: z.string().default(''),
});
export type OrganisationForm = z.infer<typeof organisationBody>;

/** Field messages: `nameRequired`, `orgNumberInvalid` (ten digits, dashes allowed), `sizeInvalid`. */
export const organisationFields = z.object({
  name: z.string().min(1, 'nameRequired'),
  orgNumber: z.string().refine((text) => !text || (text.replace(/\D/g, '').length === 10 && /^[\d-]+$/.test(text)), 'orgNumberInvalid'),
  size: z.string().refine((text) => !text || /^\d{1,9}$/.test(text.replace(/\s/g, '')), 'sizeInvalid'),
});

/** The organisation number as stored (NNNNNN-NNNN) and the size as a number; empty means none. */
export function organisationInput(form: OrganisationForm) {
  const digits = form.orgNumber.replace(/\D/g, '');
  return {
    name: form.name,
    kind: form.kind,
    orgNumber: form.orgNumber ? `${digits.slice(0, 6)}-${digits.slice(6)}` : null,
    size: form.size ? Number(form.size.replace(/\s/g, '')) : null,
    federationId: form.federationId || null,
  };
}

export const userBody = z.object({
  userName: z.string().trim().max(200).default(''),
  userEmail: z.string().trim().max(254).default(''),
  userPassword: z.string().max(1000).default(''),
  userOrganisation: z.string().default(''),
  userRole: z.enum(ROLES).default('coordinator'),
});
export type UserForm = z.infer<typeof userBody>;

/** Field messages: `nameRequired`, `emailInvalid`, `passwordTooShort`. */
export const userFields = z.object({
  userName: z.string().min(1, 'nameRequired'),
  userEmail: z.string().transform(normaliseEmail).refine(isValidEmail, 'emailInvalid'),
  userPassword: z.string().min(MIN_PASSWORD_LENGTH, 'passwordTooShort'),
});

export const roleBody = z.object({
  roleEmail: z.string().trim().max(254).default(''),
  roleOrganisation: z.string().default(''),
  roleRole: z.enum([...ROLES, 'none']).default('coordinator'),
});
export type RoleForm = z.infer<typeof roleBody>;

export const emptyOrganisation: OrganisationForm = { name: '', kind: 'kommun', orgNumber: '', size: '', federationId: '' };
export const emptyUser: UserForm = { userName: '', userEmail: '', userPassword: '', userOrganisation: '', userRole: 'coordinator' };
export const emptyRole: RoleForm = { roleEmail: '', roleOrganisation: '', roleRole: 'coordinator' };
