// English texts of the ledger-import and mapping-rules entries of the error catalogue; the same
// keys as ledger-errors-sv.ts.
import { costsEn } from './costs-en.ts';
import type { Translation } from './icu.ts';
import type { ledgerErrorsSv } from './ledger-errors-sv.ts';

const ledgerTitle = 'The file could not be read';
const rulesTitle = 'The rules could not be saved';

export const ledgerErrorsEn: Translation<typeof ledgerErrorsSv> = {
  ledger_not_sie: { title: ledgerTitle, body: 'The file is not an SIE file.' },
  ledger_bad_encoding: { title: ledgerTitle, body: 'The file’s character encoding cannot be read (neither PC8/CP437, UTF-8 nor Windows-1252).' },
  ledger_broken_trans: { title: ledgerTitle, body: 'A #TRANS line is broken.' },
  ledger_broken_record: { title: ledgerTitle, body: 'A line of the file is broken.' },
  ledger_bad_number: { title: ledgerTitle, body: 'An amount is not a number.' },
  ledger_unterminated_voucher: { title: ledgerTitle, body: 'A voucher is never closed (a { lacks its }).' },
  ledger_unexpected_brace: { title: ledgerTitle, body: 'A brace appears where no voucher starts.' },
  ledger_no_cost_centre_data: {
    title: ledgerTitle,
    body: 'SIE files of type 1 and 2 carry no cost centres. Export type 4 (transactions) or type 3 (object balances).',
  },
  ledger_unsupported_sie_type: { title: ledgerTitle, body: 'Unknown SIE type.' },
  ledger_line_too_long: { title: ledgerTitle, body: 'A line is unreasonably long; the file is probably not a text file.' },
  ledger_amount_out_of_range: { title: ledgerTitle, body: 'An amount is too large.' },
  ledger_empty_file: { title: ledgerTitle, body: 'The file is empty.' },
  ledger_bad_csv: { title: ledgerTitle, body: 'The CSV file cannot be read.' },
  ledger_missing_column: { title: ledgerTitle, body: 'A column of the column mapping is not in the file.' },
  ledger_bad_xlsx: { title: ledgerTitle, body: 'The Excel file cannot be read.' },
  ledger_xlsx_unpacks_too_large: {
    title: ledgerTitle,
    body: 'The Excel file becomes too large when unpacked (more than 300 MB), so it is not read. Save only the ledger in a workbook of its own without images or other sheets, or export it as CSV or SIE, and upload it again.',
  },
  ledger_xlsx_suspicious_ratio: {
    title: ledgerTitle,
    body: 'The Excel file is packed in a suspicious way: part of it grows hundreds of times larger when unpacked, which ordinary spreadsheets never do. It is therefore not read. Open the file in Excel and save it again, or export the ledger as CSV or SIE, and upload it again.',
  },
  ledger_read_failed: { title: ledgerTitle, body: 'The file could not be read.' },
  ledger_unknown_format: { title: ledgerTitle, body: costsEn.uploadUnknownFormat },
  mapping_rules_empty: { title: rulesTitle, body: 'The rules file holds no rules.' },
  mapping_rules_bad_header: { title: rulesTitle, body: 'The first line must be the header from,to,pool,name_contains.' },
  mapping_rules_bad_account: { title: rulesTitle, body: 'An account number in a rule is not a number.' },
  mapping_rules_bad_range: { title: rulesTitle, body: 'A rule’s “from” account is greater than its “to” account.' },
  mapping_rules_unknown_pool: { title: rulesTitle, body: 'A rule names a cost pool that does not exist.' },
  mapping_rules_bad_csv: { title: rulesTitle, body: 'The rules cannot be read as CSV text.' },
};
