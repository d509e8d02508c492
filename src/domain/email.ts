// The one e-mail check of Mogna: the respondent form, the respondent file upload, the joint
// assessment's contact and the operator's new user all read an address with `normaliseEmail` and
// ask `isValidEmail` (the file asks `emailProblem` to name the mistake, under the same length limit). A practical check, not RFC 5322:
// it accepts what public-sector mail servers deliver to and rejects the typing and copy-paste
// mistakes seen in real lists, naming the mistake. The local part is ASCII only:
// "anna.söderström@kommun.se" is almost always a typo for the real, ASCII address. The domain may
// be an internationalised one (å, ä, ö). Pure.

/** Why an e-mail address was rejected, so a message can say what to fix. */
export type InvalidEmailReason =
  | 'empty'
  | 'multiple_at'
  | 'space'
  | 'missing_at'
  | 'missing_local_part'
  | 'missing_domain'
  | 'consecutive_dots'
  | 'dot_at_edge'
  | 'invalid_character'
  | 'invalid_domain';

/** The longest address a mail server must accept (RFC 5321's path limit less the brackets). */
export const MAX_EMAIL_LENGTH = 254;

const LOCAL_CHARACTERS = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;
const DOMAIN_CHARACTERS = /^[\p{L}\p{N}.-]+$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LEVEL = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;

/** Removes what copy-paste leaves around an address: spaces, zero-width characters, "mailto:". */
export function cleanEmail(raw: string): string {
  return raw
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .trim()
    .replace(/^mailto:/i, '')
    .trim();
}

/**
 * The address as Mogna checks and stores it: cleaned of copy-paste leftovers, in lower case. Every
 * path that takes an address (the respondent form and file, the joint contact, the operator's new
 * account) reads it through this before asking `isValidEmail`, so they accept the same addresses.
 */
export function normaliseEmail(raw: string): string {
  return cleanEmail(raw).toLowerCase();
}

/** What is wrong with an address (already cleaned or trimmed), or null when it is a valid one. */
export function emailProblem(email: string): InvalidEmailReason | null {
  if (email === '') return 'empty';
  const at = email.split('@').length - 1;
  if (at > 1) return 'multiple_at';
  if (/\s/.test(email)) return 'space';
  if (at === 0) return 'missing_at';
  const [local = '', domain = ''] = email.split('@');
  if (local === '') return 'missing_local_part';
  if (domain === '') return 'missing_domain';
  if (email.includes('..')) return 'consecutive_dots';
  if (local.startsWith('.') || local.endsWith('.') || domain.startsWith('.') || domain.endsWith('.')) return 'dot_at_edge';
  if (!LOCAL_CHARACTERS.test(local) || !DOMAIN_CHARACTERS.test(domain)) return 'invalid_character';
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label)) || !TOP_LEVEL.test(labels.at(-1) ?? '')) {
    return 'invalid_domain';
  }
  return null;
}

/**
 * Whether an address may be saved: no problem, and not longer than a mail server must accept (a
 * respondent file stops at its field limit of 200 characters before it asks).
 */
export function isValidEmail(email: string): boolean {
  return email.length <= MAX_EMAIL_LENGTH && emailProblem(email) === null;
}
