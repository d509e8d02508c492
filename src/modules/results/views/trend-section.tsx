// The results page's trend against the organisation's previous round.
import type { ComponentChildren } from 'preact';
import type { RoundResults } from '../../../domain/results/round-results.ts';
import { shownChange } from '../../../domain/rounding.ts';
import type { Locale } from '../../../i18n/format.ts';
import { TableHead } from '../../../ui/table-head.tsx';
import { messagesFor, one, signed } from './parts.ts';
import { TableScroll } from '../../../ui/table-scroll.tsx';

export function TrendSection({ results, locale, nameOf, trendFigure }: { results: RoundResults; locale: Locale; nameOf: (key: string) => string; trendFigure: ComponentChildren }) {
  const texts = messagesFor(locale);
  const { trend } = results;
  if (!trend) {
    return (
      <>
        <h2 id="trend">{texts.trendHeading}</h2>
        <p>{texts.noTrend}</p>
      </>
    );
  }
  const row = (key: string, level: string, change: { previous: number; current: number; change: number } | null) => (
    <tr>
      <th scope="row">{nameOf(key)}</th>
      <td>{level}</td>
      <td class="numeric">{one(locale, change?.previous)}</td>
      <td class="numeric">{one(locale, change?.current)}</td>
      <td class="numeric">{change ? signed(locale, shownChange(change.previous, change.current)) : '–'}</td>
    </tr>
  );
  return (
    <>
      <h2 id="trend">{texts.trendHeading}</h2>
      <p>{texts.trendIntro(trend.previousYear)}</p>
      {trend.quadrant ? <p data-testid="trend-quadrant">{texts.trendQuadrant(trend.quadrant.previous, trend.quadrant.current)}</p> : null}
      {trend.maturityPercent ? (
        <p>
          {texts.maturity}: {one(locale, trend.maturityPercent.previous)} % → {one(locale, trend.maturityPercent.current)} % ({signed(locale, shownChange(trend.maturityPercent.previous, trend.maturityPercent.current))})
        </p>
      ) : null}
      {trend.notComparable.length > 0 ? <p class="hint">{texts.trendNotComparable(trend.notComparable.map(nameOf).join(', '))}</p> : null}
      {trendFigure}
      <details>
        <summary>{texts.trendTableCaption}</summary>
        <TableScroll label={texts.trendTableCaption}>
          <table class="table" data-testid="trend-table">
            <caption>{texts.trendTableCaption}</caption>
            <TableHead columns={[texts.columns.capability, texts.columns.category, { label: texts.previousColumn(trend.previousYear), numeric: true }, { label: texts.previousColumn(results.round.year), numeric: true }, { label: texts.columns.change, numeric: true }]} />
            <tbody>
              {results.instrument.dimensions.flatMap((dimension) => [
                row(dimension.key, texts.columns.dimension, trend.dimensions[dimension.key] ?? null),
                ...dimension.categories.flatMap((category) => [
                  row(category.key, texts.columns.category, trend.categories[category.key] ?? null),
                  ...category.capabilities.map((capability) => row(capability.key, nameOf(category.key), trend.capabilities[capability.key] ?? null)),
                ]),
              ])}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </>
  );
}
