// The texts of a server-drawn chart SVG with where ECharts put them, for tests of chart layout.
import { measureChartText } from '../../src/charts/text-metrics.ts';
export interface SvgText {
  text: string;
  /** The anchor point: ECharts' translate plus the element's own x and y. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  baseline: string;
  fontSize: number;
  font: string;
}

export function svgTexts(svg: string): SvgText[] {
  return [...svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)].map(([, attributes, text]) => {
    const translate = /transform="translate\(([-\d.]+) ([-\d.]+)\)"/.exec(attributes!);
    const own = (name: string) => Number(new RegExp(`\\s${name}="([-\\d.]+)"`).exec(attributes!)?.[1] ?? 0);
    const style = /style="([^"]*)"/.exec(attributes!)?.[1] ?? '';
    return {
      text: unescape(text!),
      x: Number(translate?.[1] ?? 0) + own('x'),
      y: Number(translate?.[2] ?? 0) + own('y'),
      anchor: (/text-anchor="(\w+)"/.exec(attributes!)?.[1] ?? 'start') as SvgText['anchor'],
      baseline: /dominant-baseline="(\w+)"/.exec(attributes!)?.[1] ?? 'alphabetic',
      fontSize: Number(/font-size:([\d.]+)px/.exec(style)?.[1] ?? 12),
      font: style.replace(/;/g, ' '),
    };
  });
}

function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** The SVG's viewBox (ECharts writes one with the chart's size). */
export function svgViewBox(svg: string): { width: number; height: number } {
  const [, width, height] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg) ?? [];
  return { width: Number(width), height: Number(height) };
}

/**
 * The box a text covers in the SVG's coordinates: its width in the bundled font (what resvg and
 * the PDF draw with), placed by its anchor and baseline, turned by its transform (translate or
 * matrix, as ECharts writes them for rotated labels).
 */
export function svgTextBoxes(svg: string): Array<{ text: string; left: number; right: number; top: number; bottom: number }> {
  return [...svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)].map(([, attributes, raw]) => {
    const text = unescape(raw!);
    const style = /style="([^"]*)"/.exec(attributes!)?.[1] ?? '';
    const size = Number(/font-size:([\d.]+)px/.exec(style)?.[1] ?? 12);
    const width = measureChartText(text, style.replace(/;/g, ' '));
    const own = (name: string) => Number(new RegExp(`\\s${name}="([-\\d.]+)"`).exec(attributes!)?.[1] ?? 0);
    const anchor = /text-anchor="(\w+)"/.exec(attributes!)?.[1] ?? 'start';
    const baseline = /dominant-baseline="(\w+)"/.exec(attributes!)?.[1] ?? 'alphabetic';
    const x0 = own('x') - (anchor === 'end' ? width : anchor === 'middle' ? width / 2 : 0);
    const y0 = own('y') - (baseline === 'central' || baseline === 'middle' ? size / 2 : baseline === 'hanging' || baseline === 'top' ? 0 : baseline === 'bottom' ? size : size * 0.8);
    const translate = /transform="translate\(([-\d.]+) ([-\d.]+)\)"/.exec(attributes!);
    const matrix = /transform="matrix\(([-\d.e]+),([-\d.e]+),([-\d.e]+),([-\d.e]+),([-\d.e]+),([-\d.e]+)\)"/.exec(attributes!);
    const [a, b, c, d, e, f] = matrix ? matrix.slice(1).map(Number) : [1, 0, 0, 1, Number(translate?.[1] ?? 0), Number(translate?.[2] ?? 0)];
    const corners = [
      [x0, y0],
      [x0 + width, y0],
      [x0, y0 + size],
      [x0 + width, y0 + size],
    ].map(([x, y]) => [a! * x! + c! * y! + e!, b! * x! + d! * y! + f!] as const);
    const xs = corners.map(([x]) => x);
    const ys = corners.map(([, y]) => y);
    return { text, left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
  });
}
