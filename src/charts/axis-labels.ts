// Axis labels in the reader's locale. A ChartSpec's option is plain JSON (it is sent to the
// browser), so it cannot hold a formatter function, and ECharts' own templates ("{value} %")
// print "3.5 %" with a decimal point. A builder instead writes a marker naming the locale and the
// unit; the server's SVG renderer (withLocaleAxisLabels) and public/charts.js both turn the marker
// into a formatter that writes the tick as the locale does ("3,5 %" in Swedish).
import { formatAxisNumber, type Locale } from '../i18n/format.ts';
import { isLocale } from '../i18n/locales.ts';

const MARKER = 'mogna-axis:';

/** An axisLabel formatter for a value axis: the tick in the locale, then the unit (e.g. " %"). */
export function localeAxisFormatter(locale: Locale, unit = ''): string {
  return `${MARKER}${locale}:${unit}`;
}

function formatterFor(marker: string): ((value: number) => string) | null {
  if (!marker.startsWith(MARKER)) return null;
  const rest = marker.slice(MARKER.length);
  const colon = rest.indexOf(':');
  const locale = rest.slice(0, colon);
  if (!isLocale(locale)) return null;
  const unit = rest.slice(colon + 1);
  return (value: number) => `${formatAxisNumber(locale, value)}${unit}`;
}

/** The option with every axis-label marker replaced by a formatter function (a copy; the spec is unchanged). */
export function withLocaleAxisLabels<T>(option: T): T {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (node === null || typeof node !== 'object') return node;
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      const formatter = key === 'axisLabel' && value && typeof value === 'object' && typeof (value as { formatter?: unknown }).formatter === 'string' ? formatterFor((value as { formatter: string }).formatter) : null;
      copy[key] = formatter ? { ...(value as object), formatter } : visit(value);
    }
    return copy;
  };
  return visit(option) as T;
}
