// PNG for formats that need a bitmap (e.g. a DOCX fallback image, a chart download). resvg draws
// the same SVG with bundled fonts, so the picture does not depend on the fonts of the machine.
import { renderAsync } from '@resvg/resvg-js';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../i18n/format.ts';
import { encodeRgbaPng } from './png-encoder.ts';
import type { ChartSpec } from './chart-spec.ts';
import { renderChartSvg } from './render-svg.ts';
import { LRUCache } from 'lru-cache';

/**
 * The cut-down chart fonts first (scripts/subset-chart-fonts.sh: shaping a text with the full
 * DejaVu costs resvg about a millisecond, with the cut-down one a fraction), then the full fonts,
 * which resvg falls back to for any character the cut leaves out.
 */
const fontFiles = ['DejaVuSans-Charts.ttf', 'DejaVuSans-Bold-Charts.ttf', 'DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
  fileURLToPath(new URL(`../../assets/fonts/${file}`, import.meta.url)),
);

/** Renders at twice the chart's size by default, sharp enough for print and high-density screens. */
export function renderChartPng(spec: ChartSpec, scale = 2, locale?: Locale): Promise<Buffer> {
  return svgToPng(renderChartSvg(spec, locale), scale);
}

/**
 * Pictures are cached by their SVG and scale, so a chart that many pages, exports or reports ask
 * for is drawn once; the cache's PNGs themselves take a few MB at most.
 */
const pngCache = new LRUCache<string, Buffer>({ max: 100 });

export async function svgToPng(svg: string, scale = 2): Promise<Buffer> {
  const key = `${scale}|${svg}`;
  const cached = pngCache.get(key);
  if (cached) return cached;
  const png = await drawPng(svg, scale);
  pngCache.set(key, png);
  return png;
}

/**
 * resvg's asynchronous render, for two reasons. It draws on libuv's thread pool, so the charts of
 * a report are drawn side by side. And the synchronous `new Resvg(svg).render()` of resvg-js 2.6
 * never gives back the native memory of a picture (about 3 MB for a report chart;
 * thx/resvg-js#216), which a server drawing report batches cannot afford; the asynchronous one
 * does (bench: RSS flat over 800 pictures).
 */
async function drawPng(svg: string, scale: number): Promise<Buffer> {
  const picture = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  });
  return encodeRgbaPng(picture.pixels, picture.width, picture.height);
}
