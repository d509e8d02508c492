// PNG for formats that need a bitmap (e.g. a DOCX fallback image, a slide). resvg draws the
// same SVG with a bundled font, so the picture does not depend on the fonts of the machine.
import { Resvg } from '@resvg/resvg-js';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../i18n/format.ts';
import type { ChartSpec } from './chart-spec.ts';
import { renderChartSvg } from './render-svg.ts';

const fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
  fileURLToPath(new URL(`../../assets/fonts/${file}`, import.meta.url)),
);

/** Renders at twice the chart's size by default, sharp enough for print and high-density screens. */
export function renderChartPng(spec: ChartSpec, scale = 2, locale?: Locale): Buffer {
  return svgToPng(renderChartSvg(spec, locale), scale);
}

/**
 * resvg-js 2.6 never gives back the native memory of a rendered picture (about the size of its
 * pixels: 2.6 MB for a 840×630 chart; thx/resvg-js#216, fixed only in the 2.7 alphas). Pictures
 * are therefore cached by their SVG and scale, so a chart that many pages, exports or reports ask
 * for is drawn once; the cache's PNGs themselves take a few MB at most.
 */
const pngCache = new Map<string, Buffer>();
const PNG_CACHE_ENTRIES = 100;

export function svgToPng(svg: string, scale = 2): Buffer {
  const key = `${scale}|${svg}`;
  const cached = pngCache.get(key);
  if (cached) {
    pngCache.delete(key);
    pngCache.set(key, cached);
    return cached;
  }
  const png = drawPng(svg, scale);
  pngCache.set(key, png);
  while (pngCache.size > PNG_CACHE_ENTRIES) pngCache.delete(pngCache.keys().next().value!);
  return png;
}

function drawPng(svg: string, scale: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
