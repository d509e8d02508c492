// The words a coordinator reads after an upload. Each message says what is wrong and what to
// do about it, in plain Swedish ("du"-form) or English. Values from the file are quoted and
// shortened; the UI escapes them like any other text.
import { XLSX_ZIP_LIMITS } from '../../importers/xlsx-zip-limits.ts';
import { COLUMN_LABELS } from './respondent-file-columns.ts';
import type { InvalidEmailReason, RespondentFileProblem } from './respondent-file-problems.ts';

const XLSX_RATIO = XLSX_ZIP_LIMITS.maxRatio;

export type RespondentFileLocale = 'sv' | 'en';

const MAX_SHOWN_VALUE = 60;
const MAX_LISTED = 8;

const shorten = (value: string) => (value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE - 1)}…` : value);
const quote = (locale: RespondentFileLocale, value: string) => (locale === 'sv' ? `”${shorten(value)}”` : `“${shorten(value)}”`);
const intlLocale = (locale: RespondentFileLocale) => (locale === 'sv' ? 'sv-SE' : 'en-GB');
const number = (locale: RespondentFileLocale, value: number) => new Intl.NumberFormat(intlLocale(locale)).format(value);
const megabytes = (locale: RespondentFileLocale, bytes: number) =>
  `${new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;

function list(locale: RespondentFileLocale, items: string[], quoted = true): string {
  const shown = items.slice(0, MAX_LISTED).map((item) => (quoted ? quote(locale, item) : item));
  if (items.length > MAX_LISTED) shown.push(locale === 'sv' ? `${items.length - MAX_LISTED} till` : `${items.length - MAX_LISTED} more`);
  return new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(shown);
}

function acceptedColumns(locale: RespondentFileLocale): string {
  const sv = COLUMN_LABELS.sv;
  const en = COLUMN_LABELS.en;
  return locale === 'sv'
    ? `${sv.email} (måste finnas), ${sv.name}, ${sv.role} och ${sv.unit}. Du kan också använda ${sv.givenName} och ${sv.familyName} i stället för ${sv.name}, och skriva rubrikerna på engelska (${en.email}, ${en.name}, ${en.role}, ${en.unit})`
    : `${en.email} (required), ${en.name}, ${en.role} and ${en.unit}. Instead of ${en.name} you can use ${en.givenName} and ${en.familyName}, and the headers may also be in Swedish (${sv.email}, ${sv.name}, ${sv.role}, ${sv.unit})`;
}

const shortColumnList = (locale: RespondentFileLocale, type: 'conjunction' | 'disjunction' = 'conjunction') => {
  const labels = COLUMN_LABELS[locale];
  return new Intl.ListFormat(intlLocale(locale), { type }).format([labels.email, labels.name, labels.role, labels.unit]);
};

const EMAIL_REASONS: Record<RespondentFileLocale, Record<Exclude<InvalidEmailReason, 'empty'>, string>> = {
  sv: {
    multiple_at: 'den innehåller mer än ett @',
    space: 'den innehåller mellanslag',
    missing_at: 'tecknet @ saknas',
    missing_local_part: 'det saknas ett namn före @',
    missing_domain: 'det saknas en domän efter @, till exempel kommun.se',
    consecutive_dots: 'den innehåller två punkter i rad',
    dot_at_edge: 'den har en punkt först, sist eller direkt intill @',
    invalid_character: 'den innehåller tecken som inte får finnas i en e-postadress, till exempel å, ä, ö, komma eller citattecken',
    invalid_domain: 'delen efter @ är ingen giltig domän (den ska se ut som till exempel kommun.se)',
  },
  en: {
    multiple_at: 'it contains more than one @',
    space: 'it contains a space',
    missing_at: 'the @ sign is missing',
    missing_local_part: 'there is no name before the @',
    missing_domain: 'there is no domain after the @, such as kommun.se',
    consecutive_dots: 'it contains two dots in a row',
    dot_at_edge: 'it has a dot at the start, at the end or right next to the @',
    invalid_character: 'it contains characters that are not allowed in an email address, such as å, ä, ö, commas or quotation marks',
    invalid_domain: 'the part after the @ is not a valid domain (it should look like kommun.se)',
  },
};

export function respondentProblemMessage(problem: RespondentFileProblem, locale: RespondentFileLocale): string {
  const sv = locale === 'sv';
  const q = (value: string) => quote(locale, value);
  const row = problem.rowNumber ?? 0;
  const atRow = problem.rowNumber === null ? '' : sv ? `Rad ${row}: ` : `Row ${row}: `;
  const value = problem.value ?? '';
  const column = problem.column ?? '';
  const uploadAgain = sv ? 'och ladda upp filen igen.' : 'and upload the file again.';

  switch (problem.code) {
    case 'empty_file':
      return problem.reason === 'header_only'
        ? sv
          ? `Filen innehåller bara rubrikraden. Lägg till minst en rad med en e-postadress under rubrikerna ${uploadAgain}`
          : `The file contains only the header row. Add at least one row with an email address below the headers ${uploadAgain}`
        : sv
          ? `Filen är tom. Fyll i en rubrikrad och minst en rad med en e-postadress (mallen visar hur) ${uploadAgain}`
          : `The file is empty. Add a header row and at least one row with an email address (the template shows how) ${uploadAgain}`;

    case 'too_large': {
      const limit = megabytes(locale, problem.limit ?? 0);
      if (problem.reason === 'ratio') {
        return sv
          ? `Excel-filen packas upp till mångdubbelt mer än den väger (över ${XLSX_RATIO} gånger), vilket vanliga kalkylblad aldrig gör. Öppna filen i ditt kalkylprogram, spara den på nytt som .xlsx eller som CSV, och ladda upp den igen.`
          : `The Excel file unpacks to far more than it weighs (over ${XLSX_RATIO} times), which ordinary spreadsheets never do. Open it in your spreadsheet program, save it again as .xlsx or as CSV, and upload it again.`;
      }
      if (problem.reason === 'unpacked') {
        return sv
          ? `Excel-filen blir för stor när den packas upp (mer än ${limit}). Ta bort kalkylblad, bilder och annat som inte behövs, eller spara listan som CSV, och ladda upp den igen.`
          : `The Excel file becomes too large when unpacked (more than ${limit}). Remove worksheets, images and anything else that is not needed, or save the list as CSV, and upload it again.`;
      }
      return sv
        ? `Filen är för stor. Den får vara högst ${limit}. Dela upp listan i flera filer, eller ta bort kolumner och kalkylblad som inte behövs, och ladda upp igen.`
        : `The file is too large. It may be at most ${limit}. Split the list into several files, or remove columns and worksheets that are not needed, and upload again.`;
    }

    case 'not_csv_or_xlsx': {
      const name = value === '' ? (sv ? 'Filen' : 'The file') : q(value);
      if (problem.reason === 'xls') {
        return sv
          ? `${name} är sparad i det gamla Excel-formatet (.xls), som inte går att läsa här. Öppna filen i Excel, välj Spara som och formatet Excel-arbetsbok (.xlsx) eller CSV, och ladda upp den nya filen.`
          : `${name} is saved in the old Excel format (.xls), which cannot be read here. Open it in Excel, choose Save As and the format Excel Workbook (.xlsx) or CSV, and upload the new file.`;
      }
      if (problem.reason === 'binary') {
        return sv
          ? `${name} är varken en CSV-fil med text eller en Excel-arbetsbok (.xlsx). Det kan vara en bild, en pdf eller en annan sorts fil. Spara listan som CSV eller Excel-arbetsbok ${uploadAgain}`
          : `${name} is neither a CSV text file nor an Excel workbook (.xlsx). It may be an image, a PDF or another kind of file. Save the list as CSV or Excel workbook ${uploadAgain}`;
      }
      return sv
        ? `${name} är varken en CSV-fil eller en Excel-arbetsbok (.xlsx). Spara listan i något av de formaten ${uploadAgain}`
        : `${name} is neither a CSV file nor an Excel workbook (.xlsx). Save the list in one of those formats ${uploadAgain}`;
    }

    case 'bad_encoding': {
      const where = problem.rowNumber === null ? '' : sv ? ` (första gången på rad ${row})` : ` (first on row ${row})`;
      const cause =
        problem.reason === 'mixed_encoding'
          ? sv
            ? 'Filen verkar blanda olika teckenkodningar'
            : 'The file seems to mix different character encodings'
          : sv
            ? 'Filen är sparad med en teckenkodning som inte känns igen'
            : 'The file is saved in a character encoding that is not recognised';
      return sv
        ? `Det går inte att läsa alla tecken i filen${where}, till exempel å, ä och ö. ${cause}. Spara filen i Excel som ”CSV UTF-8 (kommaavgränsad)” eller som Excel-arbetsbok (.xlsx) ${uploadAgain}`
        : `Some characters in the file cannot be read${where}, for example å, ä and ö. ${cause}. Save the file in Excel as “CSV UTF-8 (Comma delimited)” or as Excel workbook (.xlsx) ${uploadAgain}`;
    }

    case 'unreadable_xlsx':
      if (problem.reason === 'encrypted') {
        return sv
          ? 'Excel-filen går inte att läsa. Den är antingen lösenordsskyddad eller sparad i det gamla formatet .xls. Ta bort lösenordet eller spara filen som Excel-arbetsbok (.xlsx), och ladda upp den igen.'
          : 'The Excel file cannot be read. It is either password-protected or saved in the old .xls format. Remove the password or save the file as Excel workbook (.xlsx), and upload it again.';
      }
      if (problem.reason === 'not_workbook') {
        return sv
          ? 'Filen är en komprimerad fil (ZIP) men innehåller ingen Excel-arbetsbok. Spara listan som Excel-arbetsbok (.xlsx) eller CSV och ladda upp den igen.'
          : 'The file is a compressed (ZIP) file but contains no Excel workbook. Save the list as Excel workbook (.xlsx) or CSV and upload it again.';
      }
      return sv
        ? 'Excel-filen går inte att läsa, den kan vara skadad. Öppna den i Excel och spara den på nytt som Excel-arbetsbok (.xlsx) eller som CSV, och ladda upp den igen.'
        : 'The Excel file cannot be read; it may be damaged. Open it in Excel and save it again as Excel workbook (.xlsx) or as CSV, and upload it again.';

    case 'malformed_csv':
      return sv
        ? `${atRow}Ett citattecken (") avslutas aldrig, så resten av filen går inte att läsa. Rätta citattecknen på raden (eller öppna filen i Excel och spara den som CSV på nytt) ${uploadAgain}`
        : `${atRow}A quotation mark (") is never closed, so the rest of the file cannot be read. Fix the quotation marks on that row (or open the file in Excel and save it as CSV again) ${uploadAgain}`;

    case 'missing_email_column': {
      const found = list(locale, problem.headers ?? []);
      if (problem.reason === 'no_header_row') {
        return sv
          ? `Filen saknar rubrikrad: den första raden innehåller ${found} i stället för rubriker. Lägg in en ny första rad med rubriker, till exempel ${shortColumnList(locale)}, ${uploadAgain}`
          : `The file has no header row: the first row contains ${found} instead of headers. Insert a new first row with headers, for example ${shortColumnList(locale)}, ${uploadAgain}`;
      }
      return sv
        ? `Filen saknar en kolumn med e-postadresser. Rubrikerna på första raden är ${found}. Tillåtna rubriker är ${acceptedColumns(locale)}. Lägg till kolumnen ${COLUMN_LABELS.sv.email} (eller byt namn på kolumnen som har adresserna) ${uploadAgain}`
        : `The file has no column with email addresses. The headers on the first row are ${found}. The accepted headers are ${acceptedColumns(locale)}. Add the column ${COLUMN_LABELS.en.email} (or rename the column that holds the addresses) ${uploadAgain}`;
    }

    case 'unknown_column':
      return sv
        ? `Kolumnen ${q(column)} känns inte igen. Tillåtna rubriker är ${acceptedColumns(locale)}. Ta bort kolumnen eller byt namn på den ${uploadAgain}`
        : `The column ${q(column)} is not recognised. The accepted headers are ${acceptedColumns(locale)}. Remove the column or rename it ${uploadAgain}`;

    case 'duplicate_column': {
      const [first = column, second = column] = problem.headers ?? [];
      const clash =
        first.toLowerCase() === second.toLowerCase()
          ? sv
            ? `Kolumnen ${q(second)} finns flera gånger.`
            : `The column ${q(second)} appears more than once.`
          : sv
            ? `Kolumnerna ${q(first)} och ${q(second)} anger samma uppgift och kan inte användas samtidigt.`
            : `The columns ${q(first)} and ${q(second)} hold the same information and cannot be used together.`;
      return `${clash} ${sv ? `Behåll bara en av dem ${uploadAgain}` : `Keep only one of them ${uploadAgain}`}`;
    }

    case 'unnamed_column':
      return sv
        ? `Kolumn ${column} saknar rubrik men innehåller uppgifter (första gången på rad ${row}). Ge kolumnen en rubrik, till exempel ${shortColumnList(locale, 'disjunction')}, eller ta bort uppgifterna ${uploadAgain}`
        : `Column ${column} has no header but contains data (first on row ${row}). Give the column a header, such as ${shortColumnList(locale, 'disjunction')}, or remove the data ${uploadAgain}`;

    case 'too_many_rows': {
      const limit = number(locale, problem.limit ?? 0);
      return sv
        ? `Filen har fler än ${limit} rader med respondenter. Dela upp listan i flera filer med högst ${limit} rader i varje och ladda upp dem en i taget.`
        : `The file has more than ${limit} rows of respondents. Split the list into several files with at most ${limit} rows each and upload them one at a time.`;
    }

    case 'invalid_email': {
      if (problem.reason === 'empty' || value === '') {
        return sv
          ? `${atRow}E-postadress saknas. Fyll i adressen eller ta bort raden, ${uploadAgain}`
          : `${atRow}The email address is missing. Fill in the address or remove the row, ${uploadAgain}`;
      }
      const reason = EMAIL_REASONS[locale][(problem.reason ?? 'invalid_domain') as Exclude<InvalidEmailReason, 'empty'>] ?? '';
      const fix =
        problem.reason === 'multiple_at'
          ? sv
            ? `Skriv bara en adress på varje rad ${uploadAgain}`
            : `Put only one address on each row ${uploadAgain}`
          : sv
            ? `Rätta adressen ${uploadAgain}`
            : `Correct the address ${uploadAgain}`;
      return sv ? `${atRow}${q(value)} är ingen giltig e-postadress – ${reason}. ${fix}` : `${atRow}${q(value)} is not a valid email address – ${reason}. ${fix}`;
    }

    case 'duplicate_email':
      return sv
        ? `${atRow}${q(value)} finns redan på rad ${problem.otherRow ?? '?'}. Ta bort en av raderna ${uploadAgain}`
        : `${atRow}${q(value)} already appears on row ${problem.otherRow ?? '?'}. Remove one of the rows ${uploadAgain}`;

    case 'already_in_round':
      return sv
        ? `${atRow}${q(value)} är redan med i den här mätomgången. Ta bort raden ${uploadAgain}`
        : `${atRow}${q(value)} is already part of this measurement round. Remove the row ${uploadAgain}`;

    case 'unknown_unit': {
      const suggestion = problem.suggestion ? (sv ? ` Menade du ${q(problem.suggestion)}?` : ` Did you mean ${q(problem.suggestion)}?`) : '';
      return sv
        ? `${atRow}Enheten ${q(value)} finns inte i organisationens enhetsträd.${suggestion} Skriv enheten som den heter i Mogna, till exempel ”Förvaltning / Enhet”, eller lämna cellen tom, ${uploadAgain}`
        : `${atRow}The unit ${q(value)} is not in the organisation's unit tree.${suggestion} Write the unit as it is named in Mogna, for example “Department / Unit”, or leave the cell empty, ${uploadAgain}`;
    }

    case 'ambiguous_unit': {
      const candidates = problem.candidates ?? [];
      const example = candidates[0] ? q(candidates[0]) : sv ? '”Förvaltning / Enhet”' : '“Department / Unit”';
      return sv
        ? `${atRow}Det finns flera enheter som heter ${q(value)}: ${list(locale, candidates)}. Skriv hela vägen till enheten, till exempel ${example}, ${uploadAgain}`
        : `${atRow}Several units are called ${q(value)}: ${list(locale, candidates)}. Write the full path to the unit, for example ${example}, ${uploadAgain}`;
    }

    case 'field_too_long': {
      const length = number(locale, value.length);
      const limit = number(locale, problem.limit ?? 0);
      return sv
        ? `${atRow}Texten i kolumnen ${q(column)} är ${length} tecken lång men får vara högst ${limit} tecken. Korta texten ${uploadAgain}`
        : `${atRow}The text in the column ${q(column)} is ${length} characters long but may be at most ${limit}. Shorten it ${uploadAgain}`;
    }

    case 'too_many_problems': {
      const omitted = problem.omitted ?? 0;
      return sv
        ? `Filen har ${number(locale, omitted)} fel till som inte visas här. Rätta felen ovan och ladda upp filen igen, så ser du vilka fel som återstår.`
        : `The file has ${number(locale, omitted)} more ${omitted === 1 ? 'problem' : 'problems'} that are not shown here. Correct the ones above and upload the file again to see what remains.`;
    }
  }
}
