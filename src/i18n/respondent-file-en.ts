// English texts of respondent-file-sv.ts (the same shape).
import type { Translation } from './icu.ts';
import type { respondentFileErrorsSv, respondentFileSv } from './respondent-file-sv.ts';

export const respondentFileErrorsEn: typeof respondentFileErrorsSv = {
  respondent_file_empty: { title: 'The file is empty', body: 'The file holds no respondents. Add a header row and at least one row with an email address, and upload the file again.' },
  respondent_file_too_large: { title: 'The file is too large', body: 'Split the list into several files, or remove columns and worksheets that are not needed, and upload again.' },
  respondent_file_wrong_format: { title: 'The file is neither CSV nor Excel', body: 'Save the list as CSV or as Excel workbook (.xlsx) and upload it again.' },
  respondent_file_bad_encoding: { title: 'Some characters in the file cannot be read', body: 'Save the file in Excel as “CSV UTF-8 (Comma delimited)” or as Excel workbook (.xlsx) and upload it again.' },
  respondent_file_unreadable: { title: 'The Excel file cannot be read', body: 'Remove any password and save the file again as Excel workbook (.xlsx) or as CSV, and upload it again.' },
  respondent_file_malformed_csv: { title: 'The CSV file cannot be read', body: 'A quotation mark is never closed. Fix the quotation marks or save the file as CSV again, and upload it again.' },
  respondent_file_missing_email_column: { title: 'The file has no email addresses', body: 'Add a column headed Email (the template shows how) and upload the file again.' },
  respondent_file_too_many_rows: { title: 'The file has too many rows', body: 'Split the list into several files and upload them one at a time.' },
};

export const respondentFileEn: Translation<typeof respondentFileSv> = {
  columns: { email: 'Email', name: 'Name', givenName: 'First name', familyName: 'Last name', role: 'Role', unit: 'Unit' },
  template: {
    fileName: 'respondents-template.csv',
    example: { email: 'anna.svensson@council.example', name: 'Anna Svensson', role: 'Unit manager', unit: ['Social Services', 'Home Care'] },
  },
  quoted: '“{value}”',
  moreItems: '{count} more',
  atRow: 'Row {row}: ',
  theFile: 'The file',
  acceptedColumns:
    'Email (required), Name, Role and Unit. Instead of Name you can use First name and Last name, and the headers may also be in Swedish (E-post, Namn, Roll, Enhet)',
  headerOnly: 'The file contains only the header row. Add at least one row with an email address below the headers and upload the file again.',
  emptyFile: 'The file is empty. Add a header row and at least one row with an email address (the template shows how) and upload the file again.',
  tooLargeRatio:
    'The Excel file unpacks to far more than it weighs (over {ratio} times), which ordinary spreadsheets never do. Open it in your spreadsheet program, save it again as .xlsx or as CSV, and upload it again.',
  tooLargeUnpacked:
    'The Excel file becomes too large when unpacked (more than {limit}). Remove worksheets, images and anything else that is not needed, or save the list as CSV, and upload it again.',
  tooLarge: 'The file is too large. It may be at most {limit}. Split the list into several files, or remove columns and worksheets that are not needed, and upload again.',
  oldExcel: '{name} is saved in the old Excel format (.xls), which cannot be read here. Open it in Excel, choose Save As and the format Excel Workbook (.xlsx) or CSV, and upload the new file.',
  binaryFile:
    '{name} is neither a CSV text file nor an Excel workbook (.xlsx). It may be an image, a PDF or another kind of file. Save the list as CSV or Excel workbook and upload the file again.',
  wrongFormat: '{name} is neither a CSV file nor an Excel workbook (.xlsx). Save the list in one of those formats and upload the file again.',
  encodingWhere: ' (first on row {row})',
  mixedEncoding: 'The file seems to mix different character encodings',
  unknownEncoding: 'The file is saved in a character encoding that is not recognised',
  badEncoding:
    'Some characters in the file cannot be read{where}, for example å, ä and ö. {cause}. Save the file in Excel as “CSV UTF-8 (Comma delimited)” or as Excel workbook (.xlsx) and upload the file again.',
  encryptedExcel:
    'The Excel file cannot be read. It is either password-protected or saved in the old .xls format. Remove the password or save the file as Excel workbook (.xlsx), and upload it again.',
  notWorkbook: 'The file is a compressed (ZIP) file but contains no Excel workbook. Save the list as Excel workbook (.xlsx) or CSV and upload it again.',
  unreadableExcel: 'The Excel file cannot be read; it may be damaged. Open it in Excel and save it again as Excel workbook (.xlsx) or as CSV, and upload it again.',
  malformedCsv:
    '{atRow}A quotation mark (") is never closed, so the rest of the file cannot be read. Fix the quotation marks on that row (or open the file in Excel and save it as CSV again) and upload the file again.',
  noHeaderRow: 'The file has no header row: the first row contains {found} instead of headers. Insert a new first row with headers, for example {columns}, and upload the file again.',
  missingEmailColumn:
    'The file has no column with email addresses. The headers on the first row are {found}. The accepted headers are {accepted}. Add the column {email} (or rename the column that holds the addresses) and upload the file again.',
  unknownColumn: 'The column {column} is not recognised. The accepted headers are {accepted}. Remove the column or rename it and upload the file again.',
  repeatedColumn: 'The column {column} appears more than once. Keep only one of them and upload the file again.',
  clashingColumns: 'The columns {first} and {second} hold the same information and cannot be used together. Keep only one of them and upload the file again.',
  unnamedColumn:
    'Column {column} has no header but contains data (first on row {row}). Give the column a header, such as {columns}, or remove the data and upload the file again.',
  tooManyRows: 'The file has more than {limit} rows of respondents. Split the list into several files with at most {limit} rows each and upload them one at a time.',
  emailMissing: '{atRow}The email address is missing. Fill in the address or remove the row, and upload the file again.',
  invalidEmail: '{atRow}{value} is not a valid email address – {reason}. Correct the address and upload the file again.',
  severalAddresses: '{atRow}{value} is not a valid email address – {reason}. Put only one address on each row and upload the file again.',
  emailReasons: {
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
  duplicateEmail: '{atRow}{value} already appears on row {otherRow}. Remove one of the rows and upload the file again.',
  alreadyInRound: '{atRow}{value} is already part of this measurement round. Remove the row and upload the file again.',
  didYouMean: ' Did you mean {suggestion}?',
  unknownUnit:
    '{atRow}The unit {value} is not in the organisation\'s unit tree.{suggestion} Write the unit as it is named in Mogna, for example “Department / Unit”, or leave the cell empty, and upload the file again.',
  unitPathExample: '“Department / Unit”',
  ambiguousUnit: '{atRow}Several units are called {value}: {candidates}. Write the full path to the unit, for example {example}, and upload the file again.',
  fieldTooLong: '{atRow}The text in the column {column} is {length} characters long but may be at most {limit}. Shorten it and upload the file again.',
  tooManyProblems: 'The file has {shown} more {count, plural, one {problem} other {problems}} that are not shown here. Correct the ones above and upload the file again to see what remains.',
};
