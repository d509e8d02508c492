// PNG for formats that need a bitmap (e.g. a DOCX fallback image, a slide). resvg draws the
// same SVG with a bundled font, so the picture does not depend on the fonts of the machine.
import { Resvg } from '@resvg/resvg-js';
import { fileURLToPath } from 'node:url';
import type { ChartSpec } from './chart-spec.ts';
import { renderChartSvg } from './render-svg.ts';

const fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
  fileURLToPath(new URL(`../../assets/fonts/${file}`, import.meta.url)),
);

/** Renders at twice the chart's size by default, sharp enough for print and high-density screens. */
export function renderChartPng(spec: ChartSpec, scale = 2): Buffer {
  return svgToPng(renderChartSvg(spec), scale);
}

export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
