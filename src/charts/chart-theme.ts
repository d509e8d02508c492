// Colours and marks shared by every chart. The palette is Okabe–Ito, chosen because its colours
// stay distinguishable for the common kinds of colour blindness; series also differ in line
// style and symbol so that a greyscale print still tells them apart.
import type { EChartsOption } from 'echarts';
import { languageTag, type Locale } from '../i18n/locales.ts';

// No quoted names: ECharts writes the family into a style="…" attribute without escaping quotes.
const chartFont = 'DejaVu Sans, Arial, Helvetica, sans-serif';
export const textColour = '#1b1b1b';

/** Okabe–Ito colours, darkest first where it matters for contrast on white. */
export const palette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'] as const;

type LineStyle = 'solid' | 'dashed' | 'dotted';
type SymbolShape = 'circle' | 'rect' | 'triangle' | 'diamond' | 'pin' | 'arrow' | 'roundRect';

/**
 * Sequential scale for levels (heat maps): light to dark, readable in greyscale because the
 * lightness falls steadily; the level is also always printed as text on the cell.
 */
export const sequentialScale = ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] as const;

/** Text colour to put on a cell of the given background so that contrast stays at least 4.5:1. */
export function textOn(background: string): string {
  const hex = background.replace('#', '');
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  // Contrast against black is (L + 0.05) / 0.05, against white 1.05 / (L + 0.05): pick the larger.
  return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? '#000000' : '#ffffff';
}

/** Options every chart gets unless its builder says otherwise. */
export function withChartDefaults(option: EChartsOption): EChartsOption {
  return {
    color: [...palette],
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: chartFont, color: textColour, fontSize: 12 },
    tooltip: { confine: true },
    ...option,
    animation: false,
  };
}

/**
 * The numbers on value axes and radar rings written the locale's way (2,5 in Swedish, 2.5 in
 * English), with up to two decimals; ECharts itself always writes a decimal point. Formatters are
 * functions, so this is applied where a chart is drawn, not in the JSON option a builder returns;
 * a formatter the builder set is kept.
 */
export function withLocaleNumbers(option: EChartsOption, locale: Locale): EChartsOption {
  const format = new Intl.NumberFormat(languageTag(locale), { maximumFractionDigits: 2 });
  const formatter = (value: unknown) => (typeof value === 'number' ? format.format(value) : String(value));
  type Axis = { type?: string; axisLabel?: { formatter?: unknown } };
  const localise = (axis: Axis, valueByDefault: boolean): Axis => {
    const isValue = axis.type === 'value' || axis.type === 'log' || (axis.type === undefined && valueByDefault);
    if (!isValue || axis.axisLabel?.formatter !== undefined) return axis;
    return { ...axis, axisLabel: { ...axis.axisLabel, formatter } };
  };
  const each = (axes: unknown, valueByDefault: boolean) =>
    axes === undefined ? undefined : Array.isArray(axes) ? axes.map((axis: Axis) => localise(axis, valueByDefault)) : localise(axes as Axis, valueByDefault);
  const localised: Record<string, unknown> = { ...option };
  if (option.xAxis !== undefined) localised['xAxis'] = each(option.xAxis, false);
  if (option.yAxis !== undefined) localised['yAxis'] = each(option.yAxis, true);
  if (option.radar !== undefined) localised['radar'] = each(option.radar, true);
  return localised as EChartsOption;
}

/**
 * The series that recur across a report and its pages, each with one colour, line and symbol
 * wherever it appears: a reader who has learnt that the member's own values are blue squares in
 * the first figure finds them blue in every later figure, and the federation's average always
 * orange. Line style and symbol repeat the distinction for greyscale prints. Charts whose series
 * are categories of their own (cost pools, levels) keep the palette or the sequential scale.
 */
export type SeriesRole = 'own' | 'members' | 'federationAverage' | 'federationLowest' | 'federationHighest' | 'national' | 'previousYear' | 'reference';

export interface SeriesStyle {
  colour: string;
  line: LineStyle;
  symbol: SymbolShape;
}

export const seriesStyles: Readonly<Record<SeriesRole, SeriesStyle>> = {
  own: { colour: '#0072B2', line: 'solid', symbol: 'rect' },
  // Other members stay neutral so the own organisation stands out; #767676 keeps 4.5:1 on white.
  members: { colour: '#767676', line: 'solid', symbol: 'circle' },
  federationAverage: { colour: '#D55E00', line: 'dashed', symbol: 'diamond' },
  federationLowest: { colour: '#CC79A7', line: 'dotted', symbol: 'triangle' },
  federationHighest: { colour: '#009E73', line: 'dotted', symbol: 'roundRect' },
  national: { colour: '#000000', line: 'dashed', symbol: 'circle' },
  previousYear: { colour: '#56B4E9', line: 'dashed', symbol: 'pin' },
  reference: { colour: '#E69F00', line: 'dotted', symbol: 'arrow' },
};

/**
 * The indicators of a radar on the 0–`max` scale with the ring values written along the first
 * (upright) axis only, so the reader can tell a 4 from a 5 without counting rings and the other
 * axes stay uncluttered. The numbers follow the locale through `withLocaleNumbers`.
 */
export function radarIndicators(names: string[], max: number) {
  return names.map((name, i) => ({
    name,
    min: 0,
    max,
    ...(i === 0 ? { axisLabel: { show: true, color: textColour, fontSize: 10, margin: 4 } } : {}),
  }));
}
