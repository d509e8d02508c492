// A joint assessment's answers as a table file: the seed's figure 6 (question, answer, comment)
// for a practice index, figure 17 (area, theme, capability, description, level, target, gap,
// comment) for a level map. CSV in the reader's convention: Swedish `;` with decimal comma,
// English `,`; UTF-8 with a BOM so that Excel reads å, ä and ö.
import { isItemShown, type AnswerSet } from '../../domain/instruments/answer-set.ts';
import type { Instrument } from '../../domain/instruments/instrument-schema.ts';
import { itemsInOrder } from '../../domain/instruments/instrument-structure.ts';
import { levelMap } from '../../domain/joint-results/level-map.ts';
import { csvField } from '../../domain/spreadsheet-cells.ts';
import { csvConventions, type Locale } from '../../i18n/locales.ts';
import { messages, pick } from '../../i18n/messages.ts';

type Cell = string | number | null;

export interface ExportTable {
  columns: string[];
  rows: Cell[][];
}

export function jointResultsTable(instrument: Instrument, answers: AnswerSet, locale: Locale): ExportTable {
  const r = messages(locale).joint.results;
  if (instrument.analysis?.kind === 'level-map') {
    const result = levelMap(instrument, answers);
    const label = (scaleValue: number | null) => {
      if (scaleValue === null) return null;
      const scale = instrument.scales[result.capabilities[0]!.capability.items[0]!.scale ?? instrument.defaultScale]!;
      const found = scale.labels.find((candidate) => candidate.value === scaleValue);
      return found ? `${scaleValue} ${pick(found.label, locale)}` : String(scaleValue);
    };
    return {
      columns: [r.area, r.theme, r.capability, r.description, r.level, r.target, r.gap, r.comment],
      rows: result.capabilities.map((entry) => [
        pick(entry.area.name, locale),
        pick(entry.theme.name, locale),
        pick(entry.capability.name, locale),
        pick(entry.capability.help, locale),
        entry.level === null ? r.unanswered : label(entry.level),
        label(entry.target),
        entry.gap,
        entry.comment,
      ]),
    };
  }
  return {
    columns: [r.question, r.answer, r.comment],
    rows: itemsInOrder(instrument).map(({ item, scale }) => {
      const answer = answers.get(item.key);
      if (!isItemShown(item, answers)) return [pick(item.text, locale), r.notApplicable, null];
      if (!answer) return [pick(item.text, locale), r.notAnswered, null];
      const word = answer.value === null ? (scale.dontKnow ? pick(scale.dontKnow, locale) : null) : scale.labels.find((label) => label.value === answer.value);
      const text = typeof word === 'string' ? word : word ? pick(word.label, locale) : String(answer.value);
      return [pick(item.text, locale), scale.type === 'levels' && answer.value !== null ? `${answer.value} ${text}` : text, answer.comment ?? null];
    }),
  };
}

function csvCell(value: Cell, separator: string, decimalComma: boolean): string {
  return csvField(value, { separator, decimalComma });
}

export function tableCsv(table: ExportTable, locale: Locale): string {
  const { separator, decimalComma } = csvConventions(locale);
  const line = (cells: Cell[]) => cells.map((cell) => csvCell(cell, separator, decimalComma)).join(separator);
  return `\uFEFF${[line(table.columns), ...table.rows.map(line)].join('\r\n')}\r\n`;
}
