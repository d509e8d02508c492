// Respondent roles are free text from the respondent file, written in Swedish ("förvaltningschef").
// A page or report in another language translates the common public-sector roles its catalogue
// knows (`respondentRoles`); any other role is shown as it was written, since guessing a
// translation would be worse than the original.
import type { Locale } from './format.ts';
import { sourceLocale } from './locales.ts';
import { messages } from './messages.ts';

/** The role as readers of `locale` should see it: Swedish as stored, otherwise translated when known. */
export function roleName(role: string, locale: Locale): string {
  if (locale === sourceLocale) return role;
  const known: Readonly<Record<string, string>> = messages(locale).respondentRoles;
  const key = role.trim().toLocaleLowerCase('sv');
  return Object.hasOwn(known, key) ? (known[key] ?? role) : role;
}
