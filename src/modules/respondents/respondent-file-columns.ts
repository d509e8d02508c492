// Which header means which field. Headers are compared without case, spaces, hyphens, dots,
// underscores, a trailing "*" or ":" and a parenthesised note, so "E-post", "epost", "E-mail",
// "E-postadress (krävs)" all mean the e-mail column. HR exports often split the name, so
// "Förnamn" + "Efternamn" are joined into the name.
import { locales } from '../../i18n/locales.ts';
import { messages } from '../../i18n/messages.ts';
import { fileProblem, type RespondentFileProblem } from './respondent-file-problems.ts';

export type RespondentField = 'email' | 'name' | 'givenName' | 'familyName' | 'role' | 'unit';

const ALIASES: Record<RespondentField, string[]> = {
  email: ['epost', 'epostadress', 'mejl', 'mejladress', 'email', 'emailadress', 'emailaddress', 'mail'],
  name: ['namn', 'fullständigtnamn', 'name', 'fullname'],
  givenName: ['förnamn', 'firstname', 'givenname'],
  familyName: ['efternamn', 'lastname', 'surname', 'familyname'],
  role: ['roll', 'role'],
  unit: ['enhet', 'unit'],
};

function normalizeHeader(header: string): string {
  return header
    .normalize('NFC')
    .toLocaleLowerCase('sv-SE')
    .replace(/\(.*?\)/g, '')
    .replace(/[\s\-_.*:\u00a0\u200b]/g, '');
}

// Besides the aliases, a header may be any registered language's own (the template's), so a file
// made from a new language's template reads back without a new alias here.
const FIELD_BY_ALIAS = new Map<string, RespondentField>([
  ...(Object.entries(ALIASES) as Array<[RespondentField, string[]]>).flatMap(([field, aliases]) => aliases.map((alias) => [alias, field] as const)),
  ...locales.flatMap((locale) => (Object.entries(messages(locale).respondentFile.columns) as Array<[RespondentField, string]>).map(([field, label]) => [normalizeHeader(label), field] as const)),
]);

function fieldForHeader(header: string): RespondentField | undefined {
  return FIELD_BY_ALIAS.get(normalizeHeader(header));
}

export interface ColumnMap {
  /** Column index (0-based) of each field found. */
  fields: Partial<Record<RespondentField, number>>;
  /** Columns without a header; data below them is a problem, emptiness is not. */
  unnamed: number[];
  problems: RespondentFileProblem[];
}

export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function mapColumns(headerCells: string[], headerRow: number): ColumnMap {
  const fields: ColumnMap['fields'] = {};
  const unnamed: number[] = [];
  const problems: RespondentFileProblem[] = [];
  headerCells.forEach((raw, index) => {
    const header = raw.trim();
    if (header === '') {
      unnamed.push(index);
      return;
    }
    const field = fieldForHeader(header);
    if (!field) {
      problems.push(fileProblem('unknown_column', { rowNumber: headerRow, column: header, value: header }));
      return;
    }
    const earlier = fields[field];
    if (earlier !== undefined) {
      const first = headerCells[earlier]?.trim() ?? '';
      problems.push(fileProblem('duplicate_column', { rowNumber: headerRow, column: header, value: header, headers: [first, header] }));
      return;
    }
    fields[field] = index;
  });
  // A full name and its parts at once would leave us guessing which one to trust.
  if (fields.name !== undefined && (fields.givenName !== undefined || fields.familyName !== undefined)) {
    const part = headerCells[fields.givenName ?? fields.familyName ?? 0]?.trim() ?? '';
    problems.push(fileProblem('duplicate_column', { rowNumber: headerRow, column: part, value: part, headers: [headerCells[fields.name]?.trim() ?? '', part] }));
  }
  return { fields, unnamed, problems };
}
