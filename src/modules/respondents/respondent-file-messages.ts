// The words a coordinator reads after an upload. Each message says what is wrong and what to do
// about it, in plain language ("du"-form in Swedish); the sentences are in the catalogue
// (`respondentFile`, src/i18n/respondent-file-sv.ts). Values from the file are quoted and
// shortened; the UI escapes them like any other text.
import { languageTag, type Locale } from '../../i18n/locales.ts';
import { messages } from '../../i18n/messages.ts';
import { XLSX_ZIP_LIMITS } from '../../importers/xlsx-zip-limits.ts';
import type { InvalidEmailReason, RespondentFileProblem } from './respondent-file-problems.ts';

const XLSX_RATIO = XLSX_ZIP_LIMITS.maxRatio;

export type RespondentFileLocale = Locale;

const MAX_SHOWN_VALUE = 60;
const MAX_LISTED = 8;

const shorten = (value: string) => (value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE - 1)}…` : value);
const texts = (locale: Locale) => messages(locale).respondentFile;
const quote = (locale: Locale, value: string) => texts(locale).quoted(shorten(value));
const number = (locale: Locale, value: number) => new Intl.NumberFormat(languageTag(locale)).format(value);
const megabytes = (locale: Locale, bytes: number) =>
  `${new Intl.NumberFormat(languageTag(locale), { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;

function list(locale: Locale, items: string[], quoted = true): string {
  const shown = items.slice(0, MAX_LISTED).map((item) => (quoted ? quote(locale, item) : item));
  if (items.length > MAX_LISTED) shown.push(texts(locale).moreItems(String(items.length - MAX_LISTED)));
  return new Intl.ListFormat(languageTag(locale), { type: 'conjunction' }).format(shown);
}

const shortColumnList = (locale: Locale, type: 'conjunction' | 'disjunction' = 'conjunction') => {
  const labels = texts(locale).columns;
  return new Intl.ListFormat(languageTag(locale), { type }).format([labels.email, labels.name, labels.role, labels.unit]);
};

export function respondentProblemMessage(problem: RespondentFileProblem, locale: Locale): string {
  const t = texts(locale);
  const q = (value: string) => quote(locale, value);
  const row = String(problem.rowNumber ?? 0);
  const atRow = problem.rowNumber === null ? '' : t.atRow(row);
  const value = problem.value ?? '';
  const column = problem.column ?? '';

  switch (problem.code) {
    case 'empty_file':
      return problem.reason === 'header_only' ? t.headerOnly : t.emptyFile;

    case 'too_large': {
      const limit = megabytes(locale, problem.limit ?? 0);
      if (problem.reason === 'ratio') return t.tooLargeRatio(String(XLSX_RATIO));
      if (problem.reason === 'unpacked') return t.tooLargeUnpacked(limit);
      return t.tooLarge(limit);
    }

    case 'not_csv_or_xlsx': {
      const name = value === '' ? t.theFile : q(value);
      if (problem.reason === 'xls') return t.oldExcel(name);
      if (problem.reason === 'binary') return t.binaryFile(name);
      return t.wrongFormat(name);
    }

    case 'bad_encoding': {
      const where = problem.rowNumber === null ? '' : t.encodingWhere(row);
      return t.badEncoding(where, problem.reason === 'mixed_encoding' ? t.mixedEncoding : t.unknownEncoding);
    }

    case 'unreadable_xlsx':
      if (problem.reason === 'encrypted') return t.encryptedExcel;
      if (problem.reason === 'not_workbook') return t.notWorkbook;
      return t.unreadableExcel;

    case 'malformed_csv':
      return t.malformedCsv(atRow);

    case 'missing_email_column': {
      const found = list(locale, problem.headers ?? []);
      if (problem.reason === 'no_header_row') return t.noHeaderRow(found, shortColumnList(locale));
      return t.missingEmailColumn(found, t.acceptedColumns, t.columns.email);
    }

    case 'unknown_column':
      return t.unknownColumn(q(column), t.acceptedColumns);

    case 'duplicate_column': {
      const [first = column, second = column] = problem.headers ?? [];
      return first.toLowerCase() === second.toLowerCase() ? t.repeatedColumn(q(second)) : t.clashingColumns(q(first), q(second));
    }

    case 'unnamed_column':
      return t.unnamedColumn(column, row, shortColumnList(locale, 'disjunction'));

    case 'too_many_rows':
      return t.tooManyRows(number(locale, problem.limit ?? 0));

    case 'invalid_email': {
      if (problem.reason === 'empty' || value === '') return t.emailMissing(atRow);
      const reason = t.emailReasons[(problem.reason ?? 'invalid_domain') as Exclude<InvalidEmailReason, 'empty'>] ?? '';
      return problem.reason === 'multiple_at' ? t.severalAddresses(atRow, q(value), reason) : t.invalidEmail(atRow, q(value), reason);
    }

    case 'duplicate_email':
      return t.duplicateEmail(atRow, q(value), String(problem.otherRow ?? '?'));

    case 'already_in_round':
      return t.alreadyInRound(atRow, q(value));

    case 'unknown_unit':
      return t.unknownUnit(atRow, q(value), problem.suggestion ? t.didYouMean(q(problem.suggestion)) : '');

    case 'ambiguous_unit': {
      const candidates = problem.candidates ?? [];
      return t.ambiguousUnit(atRow, q(value), list(locale, candidates), candidates[0] ? q(candidates[0]) : t.unitPathExample);
    }

    case 'field_too_long':
      return t.fieldTooLong(atRow, q(column), number(locale, value.length), number(locale, problem.limit ?? 0));

    case 'too_many_problems': {
      const omitted = problem.omitted ?? 0;
      return t.tooManyProblems(omitted, number(locale, omitted));
    }
  }
}
