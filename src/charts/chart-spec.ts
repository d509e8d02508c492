// What a chart is, independent of where it is drawn. A chart builder (one per feature, e.g.
// maturity-charts.ts) turns result data into a ChartSpec; the web page, the SVG/PNG exports and
// the reports all draw the same spec, so a figure looks and reads the same everywhere.
import type { EChartsOption } from 'echarts';

/** The numbers behind a chart, always shown beside it for people who cannot or will not read the picture. */
interface DataTable {
  caption: string;
  columns: string[];
  /** The first cell of a row names the row (rendered as a row header). null means "no value". */
  rows: Array<Array<string | number | null>>;
  /** Decimals shown for numbers in the table (default 1). */
  fractionDigits?: number;
}

export interface ChartSpec {
  /** Unique on a page and stable: used for element ids, SVG ids and export file names. */
  id: string;
  title: string;
  /** Text alternative: what the chart shows and its key figures, in one or two sentences. */
  summary: string;
  width: number;
  height: number;
  /** Plain JSON (no functions), so the same option can be sent to the browser. */
  option: EChartsOption;
  table: DataTable;
}

