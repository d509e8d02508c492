// The browser's ECharts: only the chart types and components Mogna's charts use (src/charts),
// bundled from the pinned `echarts` package by esbuild when the server first serves it, so it
// always matches package-lock.json and needs no build step. The whole library is 370 KB
// gzipped; this is about 210 KB (plain legends and piecewise visual maps only, SVG renderer only).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** Series types the chart builders in src/charts use, with the ECharts module that draws each. */
export const bundledChartTypes = {
  bar: 'BarChart',
  line: 'LineChart',
  scatter: 'ScatterChart',
  radar: 'RadarChart',
  heatmap: 'HeatmapChart',
} as const;

/** Option keys (top level, or in a series) the builders use, with the component that draws each. */
export const bundledComponents = {
  title: 'TitleComponent',
  tooltip: 'TooltipComponent',
  legend: 'LegendPlainComponent',
  grid: 'GridComponent',
  radar: 'RadarComponent',
  visualMap: 'VisualMapPiecewiseComponent',
  markLine: 'MarkLineComponent',
  aria: 'AriaComponent',
} as const;

function entrySource(): string {
  const charts = Object.values(bundledChartTypes);
  const components = [...new Set(Object.values(bundledComponents))];
  return [
    "import * as echarts from 'echarts/core';",
    `import { ${charts.join(', ')} } from 'echarts/charts';`,
    `import { ${components.join(', ')} } from 'echarts/components';`,
    "import { SVGRenderer } from 'echarts/renderers';",
    `echarts.use([${[...charts, ...components, 'SVGRenderer'].join(', ')}]);`,
    'window.echarts = echarts;',
  ].join('\n');
}

/** Bundles and minifies the browser's ECharts (about 1 s on one core). */
export async function buildEchartsBundle(): Promise<string> {
  const result = await build({
    stdin: { contents: entrySource(), resolveDir: fileURLToPath(new URL('../..', import.meta.url)), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2019',
    // ECharts' development warnings are compiled out, as in its own dist/echarts.min.js.
    define: { 'process.env.NODE_ENV': '"production"', __DEV__: 'false' },
    legalComments: 'eof',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
