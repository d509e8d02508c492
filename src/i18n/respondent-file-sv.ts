// The error catalogue's texts (errors.<code>) for a respondent file that cannot be read as a list
// at all (src/modules/respondents/respondent-file-error.ts). The upload form itself shows the
// problem's own sentence (respondent-file-messages.ts); these name the kind of failure wherever
// an error is shown by its code. Part of sv.ts under `errors`; respondent-file-en.ts has the same shape.
import { icu } from './icu.ts';

export const respondentFileErrorsSv = {
  respondent_file_empty: { title: 'Filen är tom', body: 'Filen innehåller inga respondenter. Fyll i en rubrikrad och minst en rad med en e-postadress och ladda upp filen igen.' },
  respondent_file_too_large: { title: 'Filen är för stor', body: 'Dela upp listan i flera filer, eller ta bort kolumner och kalkylblad som inte behövs, och ladda upp igen.' },
  respondent_file_wrong_format: { title: 'Filen är varken CSV eller Excel', body: 'Spara listan som CSV eller som Excel-arbetsbok (.xlsx) och ladda upp den igen.' },
  respondent_file_bad_encoding: { title: 'Alla tecken i filen går inte att läsa', body: 'Spara filen i Excel som ”CSV UTF-8 (kommaavgränsad)” eller som Excel-arbetsbok (.xlsx) och ladda upp den igen.' },
  respondent_file_unreadable: { title: 'Excel-filen går inte att läsa', body: 'Ta bort ett eventuellt lösenord och spara filen på nytt som Excel-arbetsbok (.xlsx) eller som CSV, och ladda upp den igen.' },
  respondent_file_malformed_csv: { title: 'CSV-filen går inte att läsa', body: 'Ett citattecken avslutas aldrig. Rätta citattecknen eller spara filen som CSV på nytt, och ladda upp den igen.' },
  respondent_file_missing_email_column: { title: 'Filen saknar e-postadresser', body: 'Lägg till en kolumn med rubriken E-post (mallen visar hur) och ladda upp filen igen.' },
  respondent_file_too_many_rows: { title: 'Filen har för många rader', body: 'Dela upp listan i flera filer och ladda upp dem en i taget.' },
};

/**
 * The upload form's sentences for each problem in a respondent file (respondent-file-messages.ts
 * picks one and fills in the row, the values and the limits), and the file's column headers and
 * template. Part of sv.ts under `respondentFile`.
 */
export const respondentFileSv = {
  /** Headers of the template and of messages; a file may use these in any registered language. */
  columns: { email: 'E-post', name: 'Namn', givenName: 'Förnamn', familyName: 'Efternamn', role: 'Roll', unit: 'Enhet' },
  template: {
    fileName: 'respondenter-mall.csv',
    /** The template's example row; the address uses the reserved .example domain, so it reaches no one. */
    example: { email: 'anna.svensson@kommunen.example', name: 'Anna Svensson', role: 'Enhetschef', unit: ['Socialförvaltningen', 'Hemtjänst'] },
  },
  quoted: icu<[value: string]>('”{value}”', 'value'),
  moreItems: icu<[count: string]>('{count} till', 'count'),
  atRow: icu<[row: string]>('Rad {row}: ', 'row'),
  theFile: 'Filen',
  acceptedColumns:
    'E-post (måste finnas), Namn, Roll och Enhet. Du kan också använda Förnamn och Efternamn i stället för Namn, och skriva rubrikerna på engelska (Email, Name, Role, Unit)',
  headerOnly: 'Filen innehåller bara rubrikraden. Lägg till minst en rad med en e-postadress under rubrikerna och ladda upp filen igen.',
  emptyFile: 'Filen är tom. Fyll i en rubrikrad och minst en rad med en e-postadress (mallen visar hur) och ladda upp filen igen.',
  tooLargeRatio: icu<[ratio: string]>(
    'Excel-filen packas upp till mångdubbelt mer än den väger (över {ratio} gånger), vilket vanliga kalkylblad aldrig gör. Öppna filen i ditt kalkylprogram, spara den på nytt som .xlsx eller som CSV, och ladda upp den igen.',
    'ratio',
  ),
  tooLargeUnpacked: icu<[limit: string]>(
    'Excel-filen blir för stor när den packas upp (mer än {limit}). Ta bort kalkylblad, bilder och annat som inte behövs, eller spara listan som CSV, och ladda upp den igen.',
    'limit',
  ),
  tooLarge: icu<[limit: string]>(
    'Filen är för stor. Den får vara högst {limit}. Dela upp listan i flera filer, eller ta bort kolumner och kalkylblad som inte behövs, och ladda upp igen.',
    'limit',
  ),
  oldExcel: icu<[name: string]>(
    '{name} är sparad i det gamla Excel-formatet (.xls), som inte går att läsa här. Öppna filen i Excel, välj Spara som och formatet Excel-arbetsbok (.xlsx) eller CSV, och ladda upp den nya filen.',
    'name',
  ),
  binaryFile: icu<[name: string]>(
    '{name} är varken en CSV-fil med text eller en Excel-arbetsbok (.xlsx). Det kan vara en bild, en pdf eller en annan sorts fil. Spara listan som CSV eller Excel-arbetsbok och ladda upp filen igen.',
    'name',
  ),
  wrongFormat: icu<[name: string]>('{name} är varken en CSV-fil eller en Excel-arbetsbok (.xlsx). Spara listan i något av de formaten och ladda upp filen igen.', 'name'),
  encodingWhere: icu<[row: string]>(' (första gången på rad {row})', 'row'),
  mixedEncoding: 'Filen verkar blanda olika teckenkodningar',
  unknownEncoding: 'Filen är sparad med en teckenkodning som inte känns igen',
  badEncoding: icu<[where: string, cause: string]>(
    'Det går inte att läsa alla tecken i filen{where}, till exempel å, ä och ö. {cause}. Spara filen i Excel som ”CSV UTF-8 (kommaavgränsad)” eller som Excel-arbetsbok (.xlsx) och ladda upp filen igen.',
    'where',
    'cause',
  ),
  encryptedExcel:
    'Excel-filen går inte att läsa. Den är antingen lösenordsskyddad eller sparad i det gamla formatet .xls. Ta bort lösenordet eller spara filen som Excel-arbetsbok (.xlsx), och ladda upp den igen.',
  notWorkbook: 'Filen är en komprimerad fil (ZIP) men innehåller ingen Excel-arbetsbok. Spara listan som Excel-arbetsbok (.xlsx) eller CSV och ladda upp den igen.',
  unreadableExcel: 'Excel-filen går inte att läsa, den kan vara skadad. Öppna den i Excel och spara den på nytt som Excel-arbetsbok (.xlsx) eller som CSV, och ladda upp den igen.',
  malformedCsv: icu<[atRow: string]>(
    '{atRow}Ett citattecken (") avslutas aldrig, så resten av filen går inte att läsa. Rätta citattecknen på raden (eller öppna filen i Excel och spara den som CSV på nytt) och ladda upp filen igen.',
    'atRow',
  ),
  noHeaderRow: icu<[found: string, columns: string]>(
    'Filen saknar rubrikrad: den första raden innehåller {found} i stället för rubriker. Lägg in en ny första rad med rubriker, till exempel {columns}, och ladda upp filen igen.',
    'found',
    'columns',
  ),
  missingEmailColumn: icu<[found: string, accepted: string, email: string]>(
    'Filen saknar en kolumn med e-postadresser. Rubrikerna på första raden är {found}. Tillåtna rubriker är {accepted}. Lägg till kolumnen {email} (eller byt namn på kolumnen som har adresserna) och ladda upp filen igen.',
    'found',
    'accepted',
    'email',
  ),
  unknownColumn: icu<[column: string, accepted: string]>(
    'Kolumnen {column} känns inte igen. Tillåtna rubriker är {accepted}. Ta bort kolumnen eller byt namn på den och ladda upp filen igen.',
    'column',
    'accepted',
  ),
  repeatedColumn: icu<[column: string]>('Kolumnen {column} finns flera gånger. Behåll bara en av dem och ladda upp filen igen.', 'column'),
  clashingColumns: icu<[first: string, second: string]>(
    'Kolumnerna {first} och {second} anger samma uppgift och kan inte användas samtidigt. Behåll bara en av dem och ladda upp filen igen.',
    'first',
    'second',
  ),
  unnamedColumn: icu<[column: string, row: string, columns: string]>(
    'Kolumn {column} saknar rubrik men innehåller uppgifter (första gången på rad {row}). Ge kolumnen en rubrik, till exempel {columns}, eller ta bort uppgifterna och ladda upp filen igen.',
    'column',
    'row',
    'columns',
  ),
  tooManyRows: icu<[limit: string]>(
    'Filen har fler än {limit} rader med respondenter. Dela upp listan i flera filer med högst {limit} rader i varje och ladda upp dem en i taget.',
    'limit',
  ),
  emailMissing: icu<[atRow: string]>('{atRow}E-postadress saknas. Fyll i adressen eller ta bort raden, och ladda upp filen igen.', 'atRow'),
  invalidEmail: icu<[atRow: string, value: string, reason: string]>('{atRow}{value} är ingen giltig e-postadress – {reason}. Rätta adressen och ladda upp filen igen.', 'atRow', 'value', 'reason'),
  severalAddresses: icu<[atRow: string, value: string, reason: string]>(
    '{atRow}{value} är ingen giltig e-postadress – {reason}. Skriv bara en adress på varje rad och ladda upp filen igen.',
    'atRow',
    'value',
    'reason',
  ),
  emailReasons: {
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
  duplicateEmail: icu<[atRow: string, value: string, otherRow: string]>('{atRow}{value} finns redan på rad {otherRow}. Ta bort en av raderna och ladda upp filen igen.', 'atRow', 'value', 'otherRow'),
  alreadyInRound: icu<[atRow: string, value: string]>('{atRow}{value} är redan med i den här mätomgången. Ta bort raden och ladda upp filen igen.', 'atRow', 'value'),
  didYouMean: icu<[suggestion: string]>(' Menade du {suggestion}?', 'suggestion'),
  unknownUnit: icu<[atRow: string, value: string, suggestion: string]>(
    '{atRow}Enheten {value} finns inte i organisationens enhetsträd.{suggestion} Skriv enheten som den heter i Mogna, till exempel ”Förvaltning / Enhet”, eller lämna cellen tom, och ladda upp filen igen.',
    'atRow',
    'value',
    'suggestion',
  ),
  unitPathExample: '”Förvaltning / Enhet”',
  ambiguousUnit: icu<[atRow: string, value: string, candidates: string, example: string]>(
    '{atRow}Det finns flera enheter som heter {value}: {candidates}. Skriv hela vägen till enheten, till exempel {example}, och ladda upp filen igen.',
    'atRow',
    'value',
    'candidates',
    'example',
  ),
  fieldTooLong: icu<[atRow: string, column: string, length: string, limit: string]>(
    '{atRow}Texten i kolumnen {column} är {length} tecken lång men får vara högst {limit} tecken. Korta texten och ladda upp filen igen.',
    'atRow',
    'column',
    'length',
    'limit',
  ),
  tooManyProblems: icu<[count: number, shown: string]>(
    'Filen har {shown} fel till som inte visas här. Rätta felen ovan och ladda upp filen igen, så ser du vilka fel som återstår.',
    'count',
    'shown',
  ),
};
