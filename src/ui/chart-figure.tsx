// One chart on a page: the server-drawn SVG (works without JavaScript), its title and text
// alternative, the data table one click away, and export links. /assets/charts.js makes the SVG
// interactive (tooltips, series on and off) with the option's numbers.
import type { ChartSpec } from '../charts/chart-spec.ts';
import { withChartDefaults } from '../charts/chart-theme.ts';
import { renderChartSvg } from '../charts/render-svg.ts';
import { formatNumber, type Locale } from '../i18n/format.ts';
import { messages } from '../i18n/messages.ts';
import { TableHead } from './table-head.tsx';
import { TableScroll } from './table-scroll.tsx';

/** Add this to a page's Layout `scripts` when it shows charts. */
export const chartScripts = ['/assets/charts.js'];

interface ChartFigureProps {
  spec: ChartSpec;
  locale: Locale;
  /** Where the SVG and PNG exports of this chart are served; no links when absent. */
  exportHref?: (format: 'svg' | 'png') => string;
  /** Show the data table open instead of behind a disclosure (e.g. when the table is the main content). */
  tableOpen?: boolean;
}

export function ChartFigure({ spec, locale, exportHref, tableOpen = false }: ChartFigureProps) {
  const m = messages(locale).charts;
  const titleId = `${spec.id}-title`;
  const summaryId = `${spec.id}-summary`;
  return (
    <figure class="chart" id={spec.id}>
      <figcaption>
        <span class="chart-title" id={titleId}>
          {spec.title}
        </span>
        <span class="chart-summary" id={summaryId}>
          {spec.summary}
        </span>
      </figcaption>
      <div
        class="chart-canvas"
        role="img"
        aria-labelledby={`${titleId} ${summaryId}`}
        data-chart-width={spec.width}
        data-chart-height={spec.height}
        style={`max-width:${spec.width}px`}
        dangerouslySetInnerHTML={{ __html: renderChartSvg(spec, locale) }}
      />
      <script type="application/json" class="chart-option" dangerouslySetInnerHTML={{ __html: jsonForScript(withChartDefaults(spec.option)) }} />
      <details class="chart-data" open={tableOpen}>
        <summary>{m.showTable(spec.title)}</summary>
        <ChartTable spec={spec} locale={locale} />
      </details>
      {exportHref ? (
        <p class="chart-exports">
          {m.download}{' '}
          <a href={exportHref('svg')} download>
            SVG<span class="visually-hidden"> – {spec.title}</span>
          </a>{' '}
          <a href={exportHref('png')} download>
            PNG<span class="visually-hidden"> – {spec.title}</span>
          </a>
        </p>
      ) : null}
    </figure>
  );
}

function ChartTable({ spec, locale }: { spec: ChartSpec; locale: Locale }) {
  const { table } = spec;
  const digits = table.fractionDigits ?? 1;
  const cell = (value: string | number | null) => (value === null ? '–' : typeof value === 'number' ? formatNumber(locale, value, digits) : value);
  return (
    <TableScroll label={table.caption}>
      <table class="table">
        <caption>{table.caption}</caption>
        <TableHead columns={table.columns} />
        <tbody>
          {table.rows.map(([head, ...values]) => (
            <tr>
              <th scope="row">{cell(head ?? null)}</th>
              {values.map((value) => (
                <td class={typeof value === 'number' ? 'numeric' : undefined}>{cell(value)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** JSON inside <script> must not be able to close the element or start a comment. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
