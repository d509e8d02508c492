// Respondent roles are free text from the respondent file, written in Swedish ("förvaltningschef").
// An English page or report translates the common public-sector roles it knows; any other role is
// shown as it was written, since guessing a translation would be worse than the original.
import type { Locale } from './format.ts';

const english: Readonly<Record<string, string>> = {
  kommundirektör: 'Chief executive',
  regiondirektör: 'Regional chief executive',
  förvaltningschef: 'Head of department',
  avdelningschef: 'Head of division',
  enhetschef: 'Unit manager',
  verksamhetschef: 'Head of operations',
  'it-chef': 'Head of IT',
  'it-strateg': 'IT strategist',
  digitaliseringsstrateg: 'Digitalisation strategist',
  digitaliseringschef: 'Head of digitalisation',
  informationssäkerhetssamordnare: 'Information security coordinator',
  informationssäkerhetsansvarig: 'Information security officer',
  systemförvaltare: 'System administrator',
  verksamhetsutvecklare: 'Business developer',
  kvalitetsutvecklare: 'Quality developer',
  utvecklingsledare: 'Development lead',
  handläggare: 'Case officer',
  rektor: 'Head teacher',
  förskolechef: 'Head of preschool',
  ekonomichef: 'Finance director',
  'hr-chef': 'Head of HR',
  kommunikationschef: 'Head of communications',
  arkivarie: 'Archivist',
  dataskyddsombud: 'Data protection officer',
};

/** The role as readers of `locale` should see it: Swedish as stored, English translated when known. */
export function roleName(role: string, locale: Locale): string {
  if (locale === 'sv') return role;
  return english[role.trim().toLocaleLowerCase('sv')] ?? role;
}
