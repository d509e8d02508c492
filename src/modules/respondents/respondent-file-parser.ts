// Reads a coordinator's respondent list (CSV or XLSX) for a measurement round. All or nothing:
// either every row is valid and comes back, or the caller gets every problem found (capped, with
// a closing note) so the whole file can be fixed in one go. Pure apart from reading `data`.
import { columnLetter, mapColumns, type RespondentField } from './respondent-file-columns.ts';
import { parseCsvText } from './respondent-file-csv.ts';
import { cleanEmail, emailProblem, MAX_EMAIL_LENGTH, normaliseEmail } from '../../domain/email.ts';
import { decodeText, detectFormat, readWithLimit } from './respondent-file-input.ts';
import {
  fileProblem,
  RESPONDENT_FILE_LIMITS,
  type ParseRespondentFileResult,
  type RespondentFileProblem,
  type RespondentFileTable,
  type RespondentRow,
  type TableResult,
} from './respondent-file-problems.ts';
import { createUnitResolver, formatUnitPath, type OrgUnit } from './respondent-file-units.ts';
import { parseXlsx } from './respondent-file-xlsx.ts';
import { createRoleSpeller } from './respondent-roles.ts';

export type {
  ParseRespondentFileResult,
  RespondentFileProblem,
  RespondentFileProblemCode,
  
  RespondentRow,
} from './respondent-file-problems.ts';
;
export { respondentProblemMessage } from './respondent-file-messages.ts';
export { respondentFileTemplate } from './respondent-file-template.ts';
;

export interface ParseRespondentFileInput {
  fileName: string;
  /** A buffer, or a stream of chunks (e.g. a multipart file stream); a stream is read only up to `maxBytes`. */
  data: Buffer | AsyncIterable<Buffer>;
  /** Defaults to 5 MiB. */
  maxBytes?: number;
}

export interface RespondentFileContext {
  /** E-mail addresses already in the round (compared without case). */
  existingEmails: ReadonlySet<string>;
  /** The organisation's unit tree, flattened: each unit with its path from förvaltning to enhet. */
  units: ReadonlyArray<OrgUnit>;
  /** The roles the round's respondents have, earliest first: their spelling wins over the file's. */
  existingRoles?: ReadonlyArray<string | null>;
}

export async function parseRespondentFile(input: ParseRespondentFileInput, context: RespondentFileContext): Promise<ParseRespondentFileResult> {
  const read = await readWithLimit(input.data, input.maxBytes ?? RESPONDENT_FILE_LIMITS.maxBytes);
  if (!read.ok) return { ok: false, problems: [read.problem] };
  const table = await readTable(input.fileName, read.bytes);
  if (!table.ok) return { ok: false, problems: table.problems };
  return validateRespondentTable(table.table, context);
}

async function readTable(fileName: string, bytes: Buffer): Promise<TableResult> {
  if (bytes.length === 0) return { ok: false, problems: [fileProblem('empty_file', { reason: 'no_content' })] };
  const format = detectFormat(fileName, bytes);
  if (format.kind === 'rejected') return { ok: false, problems: [format.problem] };
  if (format.kind === 'xlsx') return parseXlsx(bytes);
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  return parseCsvText(decoded.text);
}

/** Collapses whitespace (including no-break and zero-width spaces from copy-paste) and trims. */
const cleanText = (value: string) => value.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/\s+/g, ' ').trim();
const isBlankRow = (cells: string[]) => cells.every((cell) => cleanText(cell) === '');

function validateRespondentTable(table: RespondentFileTable, context: RespondentFileContext): ParseRespondentFileResult {
  const nonBlank = table.rows.filter((row) => !isBlankRow(row.cells));
  const [header, ...data] = nonBlank;
  if (!header) return fail([fileProblem('empty_file', { reason: 'no_content' })]);

  const columns = mapColumns(header.cells, header.rowNumber);
  const headerText = (index: number) => header.cells[index]?.trim() ?? '';
  const emailColumn = columns.fields.email;
  if (emailColumn === undefined) {
    const found = header.cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
    const looksLikeData = found.some((cell) => emailProblem(cleanEmail(cell)) === null);
    return fail([
      fileProblem('missing_email_column', { rowNumber: header.rowNumber, headers: found, ...(looksLikeData ? { reason: 'no_header_row' as const } : {}) }),
    ]);
  }
  const problems: RespondentFileProblem[] = [...columns.problems];
  if (data.length === 0) return fail([...problems, fileProblem('empty_file', { reason: 'header_only' })]);
  if (data.length > RESPONDENT_FILE_LIMITS.maxRows) return fail([...problems, fileProblem('too_many_rows', { limit: RESPONDENT_FILE_LIMITS.maxRows })]);

  // Data under a column without a header would be silently lost: report the first such cell.
  const width = data.reduce((widest, row) => Math.max(widest, row.cells.length), header.cells.length);
  const unnamed = [...columns.unnamed, ...Array.from({ length: width - header.cells.length }, (_, i) => header.cells.length + i)];
  for (const index of unnamed) {
    const first = data.find((row) => cleanText(row.cells[index] ?? '') !== '');
    if (first) problems.push(fileProblem('unnamed_column', { rowNumber: first.rowNumber, column: columnLetter(index) }));
  }

  const existing = new Set([...context.existingEmails].map((email) => email.trim().toLowerCase()));
  const units = createUnitResolver([...context.units]);
  const spellRole = createRoleSpeller(context.existingRoles ?? []);
  const firstRowByEmail = new Map<string, number>();
  const rows: RespondentRow[] = [];
  const max = RESPONDENT_FILE_LIMITS.maxFieldLength;

  for (const { rowNumber, cells } of data) {
    const cell = (field: RespondentField) => {
      const index = columns.fields[field];
      return index === undefined ? '' : (cells[index] ?? '');
    };
    /** The cleaned text of an optional field, or null; reports it when too long. */
    const text = (field: RespondentField): string | null => {
      const value = cleanText(cell(field));
      if (value === '') return null;
      if (value.length > max) {
        problems.push(fileProblem('field_too_long', { rowNumber, column: headerText(columns.fields[field] ?? 0), value, limit: max }));
      }
      return value;
    };

    let email: string | null = null;
    const rawEmail = cleanEmail(cell('email'));
    const emailHeader = headerText(emailColumn);
    // The same reading and limit as the form's (src/domain/email.ts), so both take the same addresses.
    if (rawEmail.length > MAX_EMAIL_LENGTH) {
      problems.push(fileProblem('field_too_long', { rowNumber, column: emailHeader, value: rawEmail, limit: MAX_EMAIL_LENGTH }));
    } else {
      const reason = emailProblem(normaliseEmail(rawEmail));
      if (reason) problems.push(fileProblem('invalid_email', { rowNumber, column: emailHeader, value: rawEmail, reason }));
      else email = normaliseEmail(rawEmail);
    }
    if (email !== null) {
      const firstRow = firstRowByEmail.get(email);
      if (existing.has(email)) problems.push(fileProblem('already_in_round', { rowNumber, column: emailHeader, value: rawEmail }));
      else if (firstRow !== undefined) problems.push(fileProblem('duplicate_email', { rowNumber, column: emailHeader, value: rawEmail, otherRow: firstRow }));
      if (firstRow === undefined) firstRowByEmail.set(email, rowNumber);
    }

    const fullName = text('name');
    const nameParts = [text('givenName'), text('familyName')].filter((part): part is string => part !== null);
    const name = fullName ?? (nameParts.length > 0 ? nameParts.join(' ') : null);
    const role = spellRole(text('role'));

    let unit: OrgUnit | null = null;
    const unitText = text('unit');
    if (unitText !== null && unitText.length <= max) {
      const column = headerText(columns.fields.unit ?? 0);
      const match = units.resolve(unitText);
      if (match.kind === 'found') unit = match.unit;
      else if (match.kind === 'ambiguous') {
        problems.push(fileProblem('ambiguous_unit', { rowNumber, column, value: unitText, candidates: match.candidates.map((candidate) => formatUnitPath(candidate.path)) }));
      } else problems.push(fileProblem('unknown_unit', { rowNumber, column, value: unitText }));
    }

    if (email !== null) rows.push({ rowNumber, email, name, role, unitId: unit?.id ?? null, unitPath: unit ? [...unit.path] : null });
  }

  if (problems.length === 0) return { ok: true, rows };
  const shown = capProblems(problems);
  for (const problem of shown) {
    if (problem.code !== 'unknown_unit' || problem.value === undefined) continue;
    const suggestion = units.suggest(problem.value);
    if (suggestion) problem.suggestion = formatUnitPath(suggestion.path);
  }
  return fail(shown);
}

function capProblems(problems: RespondentFileProblem[]): RespondentFileProblem[] {
  const limit = RESPONDENT_FILE_LIMITS.maxProblems;
  if (problems.length <= limit) return problems;
  return [...problems.slice(0, limit), fileProblem('too_many_problems', { limit, omitted: problems.length - limit })];
}

const fail = (problems: RespondentFileProblem[]): ParseRespondentFileResult => ({ ok: false, problems });
