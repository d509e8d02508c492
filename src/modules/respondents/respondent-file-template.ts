// "Ladda ned mall": a CSV with the header row and one example row. UTF-8 with a BOM so that
// Excel shows å, ä and ö; `;` for Swedish Excel (whose list separator is `;`), `,` in English.
// The example address uses the reserved .example domain, so a forgotten row cannot reach anyone.
import { csvLine } from '../../domain/spreadsheet-cells.ts';
import { COLUMN_LABELS } from './respondent-file-columns.ts';

export interface RespondentFileTemplate {
  fileName: string;
  contentType: string;
  data: Buffer;
}

const EXAMPLES = {
  sv: { email: 'anna.svensson@kommunen.example', name: 'Anna Svensson', role: 'Enhetschef', unit: ['Socialförvaltningen', 'Hemtjänst'] },
  en: { email: 'anna.svensson@council.example', name: 'Anna Svensson', role: 'Unit manager', unit: ['Social Services', 'Home Care'] },
};

/** `exampleUnitPath`: a real unit of the organisation, so the example row is valid for it. */
export function respondentFileTemplate(locale: 'sv' | 'en', options: { exampleUnitPath?: string[] } = {}): RespondentFileTemplate {
  const labels = COLUMN_LABELS[locale];
  const example = EXAMPLES[locale];
  const delimiter = locale === 'sv' ? ';' : ',';
  const unit = (options.exampleUnitPath ?? example.unit).join(' / ');
  const lines = [
    [labels.email, labels.name, labels.role, labels.unit],
    [example.email, example.name, example.role, unit],
  ].map((fields) => csvLine(fields, { separator: delimiter }));
  return {
    fileName: locale === 'sv' ? 'respondenter-mall.csv' : 'respondents-template.csv',
    contentType: 'text/csv; charset=utf-8',
    data: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
  };
}
