// "Ladda ned mall": a CSV with the header row and one example row, in the reader's language. UTF-8
// with a BOM so that Excel shows å, ä and ö; `;` for Swedish Excel (whose list separator is `;`),
// `,` in English (csvConventions).
// The example address uses the reserved .example domain, so a forgotten row cannot reach anyone.
import { csvLine } from '../../domain/spreadsheet-cells.ts';
import { csvConventions, type Locale } from '../../i18n/locales.ts';
import { messages } from '../../i18n/messages.ts';

export interface RespondentFileTemplate {
  fileName: string;
  contentType: string;
  data: Buffer;
}

/** `exampleUnitPath`: a real unit of the organisation, so the example row is valid for it. */
export function respondentFileTemplate(locale: Locale, options: { exampleUnitPath?: string[] } = {}): RespondentFileTemplate {
  const { columns: labels, template } = messages(locale).respondentFile;
  const { example } = template;
  const delimiter = csvConventions(locale).separator;
  const unit = (options.exampleUnitPath ?? example.unit).join(' / ');
  const lines = [
    [labels.email, labels.name, labels.role, labels.unit],
    [example.email, example.name, example.role, unit],
  ].map((fields) => csvLine(fields, { separator: delimiter }));
  return {
    fileName: template.fileName,
    contentType: 'text/csv; charset=utf-8',
    data: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
  };
}
