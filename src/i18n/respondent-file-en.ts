// English texts of respondent-file-sv.ts (the same shape).
import type { respondentFileErrorsSv } from './respondent-file-sv.ts';

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
