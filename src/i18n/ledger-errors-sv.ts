// Texts of the ledger-import and mapping-rules entries of the error catalogue (src/app/errors.ts):
// `errors.ledger_<code>` and `errors.mapping_<code>`. Part of sv.ts under `errors`; the upload
// page shows an entry's body next to the line and the technical detail.
import { costsSv } from './costs-sv.ts';

const ledgerTitle = 'Filen kunde inte läsas in';
const rulesTitle = 'Reglerna kunde inte sparas';

export const ledgerErrorsSv = {
  ledger_not_sie: { title: ledgerTitle, body: 'Filen är inte en SIE-fil.' },
  ledger_bad_encoding: { title: ledgerTitle, body: 'Filens teckenkodning kan inte läsas (varken PC8/CP437, UTF-8 eller Windows-1252).' },
  ledger_broken_trans: { title: ledgerTitle, body: 'En #TRANS-rad är trasig.' },
  ledger_broken_record: { title: ledgerTitle, body: 'En rad i filen är trasig.' },
  ledger_bad_number: { title: ledgerTitle, body: 'Ett belopp är inte ett tal.' },
  ledger_unterminated_voucher: { title: ledgerTitle, body: 'En verifikation avslutas aldrig (en { saknar sin }).' },
  ledger_unexpected_brace: { title: ledgerTitle, body: 'En klammer står där ingen verifikation börjar.' },
  ledger_no_cost_centre_data: {
    title: ledgerTitle,
    body: 'SIE-filer av typ 1 och 2 saknar kostnadsställen. Exportera typ 4 (transaktioner) eller typ 3 (objektsaldon).',
  },
  ledger_unsupported_sie_type: { title: ledgerTitle, body: 'Okänd SIE-typ.' },
  ledger_line_too_long: { title: ledgerTitle, body: 'En rad är orimligt lång; filen är troligen inte en textfil.' },
  ledger_amount_out_of_range: { title: ledgerTitle, body: 'Ett belopp är för stort.' },
  ledger_empty_file: { title: ledgerTitle, body: 'Filen är tom.' },
  ledger_bad_csv: { title: ledgerTitle, body: 'CSV-filen kan inte läsas.' },
  ledger_missing_column: { title: ledgerTitle, body: 'En kolumn i kolumnvalet finns inte i filen.' },
  ledger_bad_xlsx: { title: ledgerTitle, body: 'Excel-filen kan inte läsas.' },
  ledger_xlsx_unpacks_too_large: {
    title: ledgerTitle,
    body: 'Excel-filen blir för stor när den packas upp (mer än 300 MB), så den läses inte. Spara bara huvudboken i en egen arbetsbok utan bilder och andra blad, eller exportera den som CSV eller SIE, och ladda upp den igen.',
  },
  ledger_xlsx_suspicious_ratio: {
    title: ledgerTitle,
    body: 'Excel-filen är packad på ett misstänkt sätt: en del av den blir hundratals gånger större när den packas upp, vilket vanliga kalkylblad aldrig blir. Den läses därför inte. Öppna filen i Excel, spara den på nytt eller exportera huvudboken som CSV eller SIE, och ladda upp den igen.',
  },
  ledger_read_failed: { title: ledgerTitle, body: 'Filen kunde inte läsas.' },
  ledger_unknown_format: { title: ledgerTitle, body: costsSv.uploadUnknownFormat },
  mapping_rules_empty: { title: rulesTitle, body: 'Regelfilen innehåller inga regler.' },
  mapping_rules_bad_header: { title: rulesTitle, body: 'Första raden ska vara rubrikraden from,to,pool,name_contains.' },
  mapping_rules_bad_account: { title: rulesTitle, body: 'Ett kontonummer i en regel är inte ett nummer.' },
  mapping_rules_bad_range: { title: rulesTitle, body: 'En regel har ett from-konto som är större än to-kontot.' },
  mapping_rules_unknown_pool: { title: rulesTitle, body: 'En regel anger en kostnadspool som inte finns.' },
  mapping_rules_bad_csv: { title: rulesTitle, body: 'Reglerna går inte att läsa som CSV-text.' },
};
