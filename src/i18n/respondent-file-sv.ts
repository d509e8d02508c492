// The error catalogue's texts (errors.<code>) for a respondent file that cannot be read as a list
// at all (src/modules/respondents/respondent-file-error.ts). The upload form itself shows the
// problem's own sentence (respondent-file-messages.ts); these name the kind of failure wherever
// an error is shown by its code. Part of sv.ts under `errors`; respondent-file-en.ts has the same shape.
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
