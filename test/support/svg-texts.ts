// The texts of a server-drawn chart SVG with where ECharts put them, for tests of chart layout.
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
