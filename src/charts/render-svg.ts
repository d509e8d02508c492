// Server-side rendering of a ChartSpec to SVG with ECharts: what pages, exports and reports show.
// In the browser, public/charts.js makes this same SVG interactive (tooltips, legend toggles)
// through the series and data marks that ECharts' SSR mode writes on every shape.
import * as echarts from 'echarts';
import { withLocaleAxisLabels } from './axis-labels.ts';
import type { ChartSpec } from './chart-spec.ts';
import type { Locale } from '../i18n/format.ts';
import { withChartDefaults, withLocaleNumbers } from './chart-theme.ts';
import { measureChartText } from './text-metrics.ts';
import { LRUCache } from 'lru-cache';

// Lay out text with the metrics of the font the charts are drawn in (see text-metrics.ts).
// ECharts keeps one platform API per process, and nothing else in the process draws charts.
echarts.setPlatformAPI({ measureText: (text, font) => ({ width: measureChartText(text ?? '', font) }) });

/** `locale` writes the axes' numbers the locale's way; without it they keep ECharts' decimal point. */
export function renderChartSvg(spec: ChartSpec, locale?: Locale): string {
  // Rendering is deterministic, so the same spec gives the same SVG: a busy page (e.g. a
  // results page read by many at once) draws each chart once, not once per request.
  const key = svgCacheKey(spec, locale);
  const cached = svgCache.get(key);
  if (cached !== undefined) return cached;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption(withLocaleAxisLabels(withChartDefaults(locale === undefined ? spec.option : withLocaleNumbers(spec.option, locale))));
    const svg = makeStableAndScalable(chart.renderToSVGString(), spec);
    svgCache.set(key, svg);
    return svg;
  } finally {
    chart.dispose();
  }
}

/**
 * Recently drawn charts by their whole spec; a few MB at most. Pure memoisation, keyed by
 * everything the drawing depends on, so it cannot go stale; one per thread (report workers have
 * no app context), unlike the data caches on `ctx.caches`.
 */
const svgCache = new LRUCache<string, string>({ max: 200 });

function svgCacheKey(spec: ChartSpec, locale: Locale | undefined): string {
  return `${locale ?? ''}|${spec.id}|${spec.width}|${spec.height}|${JSON.stringify(spec.option)}`;
}

/**
 * Takes SVGs that renderChartSvg made for these specs elsewhere (another worker thread), so
 * drawing them here is a cache hit: a report's DOCX and PDF, drawn side by side in two workers,
 * then need the charts drawn only once.
 */
export function rememberChartSvgs(specs: readonly ChartSpec[], svgs: readonly string[], locale?: Locale): void {
  specs.forEach((spec, index) => {
    const svg = svgs[index];
    if (svg === undefined) return;
    svgCache.set(svgCacheKey(spec, locale), svg);
  });
}

/**
 * ECharts numbers its instances ("zr3-c0"), so the same chart rendered twice differs, and two
 * charts on one page could collide if rendered by different processes. Using the chart's own id
 * makes the output stable and unique per page. A viewBox lets the SVG shrink on narrow screens.
 */
function makeStableAndScalable(svg: string, spec: ChartSpec): string {
  const classNumbers = new Map<string, number>();
  return svg
    .replace(/zr\d+-/g, `${spec.id}-`)
    // Style classes are numbered by a counter shared across all charts: renumber per chart.
    .replace(new RegExp(`${spec.id}-cls-(\\d+)`, 'g'), (_match, n: string) => {
      if (!classNumbers.has(n)) classNumbers.set(n, classNumbers.size);
      return `${spec.id}-cls-${classNumbers.get(n)}`;
    })
    // The embedded <style> only holds ECharts' hover effects; public/mogna.css has our own, and
    // dropping it keeps pages within a CSP that allows no <style> elements.
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/^<svg /, '<svg focusable="false" aria-hidden="true" ');
}
