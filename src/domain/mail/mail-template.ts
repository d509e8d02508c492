// Invitation and reminder texts a coordinator (or a study's analyst) writes themselves, with
// placeholders in braces: `{namn}`, `{organisation}`, `{mätning}`, `{sista_dag}`,
// `{kontaktperson}`, `{länk}`, or their English names (`{name}`, `{round}`, `{closing_date}`,
// `{contact}`, `{link}`). Pure: validating says what is wrong in data (the page words it), and
// filling places the values. The personal link may stand only in the body, and must: a mail
// without it is useless, and the outbox's copy removes it from the body alone.

export type Placeholder = 'name' | 'organisation' | 'round' | 'closesOn' | 'contact' | 'link';

/** Each placeholder's Swedish name first, then the other names it is known by. */
const PLACEHOLDER_NAMES: Readonly<Record<Placeholder, readonly string[]>> = {
  name: ['namn', 'name'],
  organisation: ['organisation', 'organization'],
  round: ['mätning', 'round'],
  closesOn: ['sista_dag', 'closing_date'],
  contact: ['kontaktperson', 'contact'],
  link: ['länk', 'link'],
};

export const PLACEHOLDERS = Object.keys(PLACEHOLDER_NAMES) as Placeholder[];

const MAX_SUBJECT_LENGTH = 200;
const MAX_BODY_LENGTH = 5000;

const BRACED = /\{([^{}\n]*)\}/g;

/** The placeholder a name in braces stands for (spaces and case do not matter), or undefined. */
export function placeholderNamed(name: string): Placeholder | undefined {
  const wanted = name.trim().toLocaleLowerCase('sv');
  return PLACEHOLDERS.find((placeholder) => PLACEHOLDER_NAMES[placeholder].includes(wanted));
}

/** How a placeholder is written in a text of the given language ('sv' Swedish names, others English). */
export function placeholderToken(placeholder: Placeholder, locale: string): string {
  const names = PLACEHOLDER_NAMES[placeholder];
  return `{${locale === 'sv' ? names[0] : names[1]}}`;
}

export interface MailTemplate {
  subject: string;
  body: string;
}

type TemplateField = 'subject' | 'body';

export type TemplateIssue =
  | { field: TemplateField; code: 'empty' }
  | { field: TemplateField; code: 'too_long'; max: number }
  | { field: TemplateField; code: 'unknown_placeholder'; placeholder: string }
  | { field: 'subject'; code: 'link_in_subject' }
  | { field: 'body'; code: 'link_missing' };

/** Everything wrong with a template, in the order of the fields; empty when it can be saved. */
export function validateMailTemplate(template: MailTemplate): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const fields: Array<[TemplateField, string, number]> = [
    ['subject', template.subject, MAX_SUBJECT_LENGTH],
    ['body', template.body, MAX_BODY_LENGTH],
  ];
  for (const [field, text, max] of fields) {
    if (text.trim() === '') {
      issues.push({ field, code: 'empty' });
      continue;
    }
    if (text.length > max) issues.push({ field, code: 'too_long', max });
    const seen = new Set<string>();
    let linked = false;
    for (const match of text.matchAll(BRACED)) {
      const written = match[1]!;
      const placeholder = placeholderNamed(written);
      if (placeholder === 'link') linked = true;
      if (placeholder === undefined && !seen.has(written)) {
        seen.add(written);
        issues.push({ field, code: 'unknown_placeholder', placeholder: `{${written}}` });
      }
    }
    if (field === 'subject' && linked) issues.push({ field: 'subject', code: 'link_in_subject' });
    if (field === 'body' && !linked) issues.push({ field: 'body', code: 'link_missing' });
  }
  return issues;
}

export type PlaceholderValues = Record<Placeholder, string>;

/**
 * The text with each known placeholder replaced by its value; unknown ones stay as written.
 * An empty value (a respondent without a name) takes the space before it along when punctuation
 * or the line's end follows, so "Hej {namn}!" becomes "Hej!" rather than "Hej !".
 */
export function fillMailTemplate(text: string, values: PlaceholderValues): string {
  return text.replace(/( ?)\{([^{}\n]*)\}(?=([\s\S]?))/g, (whole, space: string, written: string, next: string) => {
    const placeholder = placeholderNamed(written);
    if (placeholder === undefined) return whole;
    const value = values[placeholder];
    if (value === '' && /^[,.!?;:\n]?$/.test(next)) return '';
    return `${space}${value}`;
  });
}

/** Line endings as the browser sends them (CRLF) or as typed (LF) count as the same text. */
export function normaliseTemplateText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}
