// Collects the blocks of a report in order and numbers what readers refer to: figures
// ("Figur 3"), tables ("Tabell 2") and heading ids (unique, stable, ASCII).
import type { ChartSpec } from '../charts/chart-spec.ts';
import type { Inline, ReportBlock } from './report-model.ts';

export interface NumberingLabels {
  figure: (number: number, title: string) => string;
  table: (number: number, title: string) => string;
}

export class DocumentBuilder {
  readonly blocks: ReportBlock[] = [];
  private figures = 0;
  private tables = 0;
  private readonly ids = new Set<string>();
  private readonly chartIds = new Set<string>();

  constructor(private readonly labels: NumberingLabels) {}

  heading(level: 1 | 2 | 3, text: string): this {
    this.blocks.push({ kind: 'heading', level, text, id: this.uniqueId(text) });
    return this;
  }

  paragraph(...content: Inline[]): this {
    if (content.length > 0) this.blocks.push({ kind: 'paragraph', content });
    return this;
  }

  bullets(items: Array<Inline[] | string>): this {
    if (items.length > 0) this.blocks.push({ kind: 'bullets', items: items.map((item) => (typeof item === 'string' ? [item] : item)) });
    return this;
  }

  table(title: string, columns: string[], rows: string[][], align?: Array<'left' | 'right'>): this {
    this.tables += 1;
    this.blocks.push({ kind: 'table', caption: this.labels.table(this.tables, title), columns, rows, ...(align ? { align } : {}) });
    return this;
  }

  /** A chart; its id is made unique in the document because renderers use it for element ids. */
  figure(chart: ChartSpec | null): this {
    if (!chart) return this;
    this.figures += 1;
    let id = chart.id;
    for (let n = 2; this.chartIds.has(id); n += 1) id = `${chart.id}-${n}`;
    this.chartIds.add(id);
    this.blocks.push({ kind: 'figure', chart: id === chart.id ? chart : { ...chart, id }, caption: this.labels.figure(this.figures, chart.title) });
    return this;
  }

  callout(tone: 'info' | 'warning', title: string, ...content: Inline[]): this {
    this.blocks.push({ kind: 'callout', tone, title, content });
    return this;
  }

  toc(title: string): this {
    this.blocks.push({ kind: 'toc', title });
    return this;
  }

  pageBreak(): this {
    this.blocks.push({ kind: 'pageBreak' });
    return this;
  }

  private uniqueId(text: string): string {
    const base = headingId(text);
    let id = base;
    for (let n = 2; this.ids.has(id); n += 1) id = `${base}-${n}`;
    this.ids.add(id);
    return id;
  }
}

/** The id of the first heading with this text in a document (later ones get "-2", "-3" …). */
export function headingId(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 48) || 'avsnitt'
  );
}
