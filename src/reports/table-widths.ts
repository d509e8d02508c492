// Column widths fitted to a table's content, shared by the DOCX and PDF renderers, as in HTML's
// automatic table layout: each column gets at least its longest word (so no word is broken),
// and the rest of the width goes to the columns in proportion to how much more each would need
// to fit its longest cell on one line. A short name column thus stays narrow and a column of
// long descriptions gets the rest.

export interface ColumnNeeds {
  /** Width of each column's longest cell on one line, padding included. */
  natural: number[];
  /** Width of each column's longest word, padding included. */
  minimum: number[];
}

/** Measures what each column needs; `measure` gives a text's width, `bold` says which cells are bold. */
export function columnNeeds(
  columns: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  measure: (text: string, bold: boolean) => number,
  options: { padding: number; bold: (row: number | 'header', column: number) => boolean },
): ColumnNeeds {
  const natural = columns.map(() => 0);
  const minimum = columns.map(() => 0);
  const add = (text: string, row: number | 'header', column: number) => {
    if (column >= columns.length) return;
    const bold = options.bold(row, column);
    natural[column] = Math.max(natural[column]!, measure(text, bold) + options.padding);
    const longestWord = Math.max(0, ...text.split(/\s+/).map((word) => measure(word, bold)));
    minimum[column] = Math.max(minimum[column]!, longestWord + options.padding);
  };
  columns.forEach((text, column) => add(text, 'header', column));
  rows.forEach((row, index) => row.forEach((text, column) => add(text, index, column)));
  return { natural, minimum };
}

/** Widths that add up to `available`. */
export function fitColumnWidths({ natural, minimum }: ColumnNeeds, available: number): number[] {
  const count = natural.length;
  const sumNatural = natural.reduce((a, b) => a + b, 0);
  const sumMinimum = minimum.reduce((a, b) => a + b, 0);
  if (sumNatural <= available) {
    // Everything fits on one line: spread the spare width evenly so the table spans the text width.
    const spare = (available - sumNatural) / count;
    return natural.map((width) => width + spare);
  }
  if (sumMinimum >= available) return minimum.map((width) => (width / sumMinimum) * available);
  const share = (available - sumMinimum) / (sumNatural - sumMinimum);
  return minimum.map((width, column) => width + (natural[column]! - width) * share);
}
