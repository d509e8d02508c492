// The results page's capability table (score, n, sd, confidence interval) and category table.
import { allCapabilities } from '../../../domain/instruments/instrument-structure.ts';
import type { RoundResults } from '../../../domain/results/round-results.ts';
import type { Locale } from '../../../i18n/format.ts';
import { pick } from '../../../i18n/messages.ts';
import { TableHead } from '../../../ui/table-head.tsx';
import { messagesFor, one } from './parts.ts';
import { TableScroll } from '../../../ui/table-scroll.tsx';

export function CapabilityTable({ results, locale }: { results: RoundResults; locale: Locale }) {
  const texts = messagesFor(locale);
  const result = results.result!;
  return (
    <>
      <p class="hint" id="confidence-hint">
        {texts.confidenceHint}
      </p>
      <TableScroll label={texts.capabilityTableCaption}>
        <table class="table" data-testid="capability-table" aria-describedby="confidence-hint">
          <caption>{texts.capabilityTableCaption}</caption>
          <TableHead columns={[texts.columns.capability, texts.columns.category, { label: texts.columns.score, numeric: true }, { label: texts.columns.n, numeric: true }, { label: texts.columns.sd, numeric: true }, texts.columns.ci]} />
          <tbody>
            {allCapabilities(results.instrument).map(({ capability, category }) => {
              const statistic = result.capabilities[capability.key]!;
              return (
                <tr>
                  <th scope="row">{pick(capability.name, locale)}</th>
                  <td>{pick(category.name, locale)}</td>
                  <td class="numeric">{statistic.score === null ? (statistic.n > 0 ? texts.withheld(results.round.anonymityThreshold) : '–') : one(locale, statistic.score)}</td>
                  <td class="numeric">{statistic.n}</td>
                  <td class="numeric">{one(locale, statistic.sd)}</td>
                  <td>{statistic.ci95 ? texts.ciValue(one(locale, statistic.ci95[0]), one(locale, statistic.ci95[1])) : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

export function CategoryTable({ results, locale, nameOf }: { results: RoundResults; locale: Locale; nameOf: (key: string) => string }) {
  const texts = messagesFor(locale);
  const result = results.result!;
  return (
    <TableScroll label={texts.categoryTableCaption}>
      <table class="table" data-testid="category-table">
        <caption>{texts.categoryTableCaption}</caption>
        <TableHead columns={[texts.columns.category, texts.columns.dimension, { label: texts.columns.score, numeric: true }]} />
        <tbody>
          {results.instrument.dimensions.flatMap((dimension) => [
            ...dimension.categories.map((category) => (
              <tr>
                <th scope="row">{nameOf(category.key)}</th>
                <td>{nameOf(dimension.key)}</td>
                <td class="numeric">{one(locale, result.categories[category.key])}</td>
              </tr>
            )),
            <tr class="total-row">
              <th scope="row">{nameOf(dimension.key)}</th>
              <td>{nameOf(dimension.key)}</td>
              <td class="numeric">{one(locale, result.dimensions[dimension.key])}</td>
            </tr>,
          ])}
        </tbody>
      </table>
    </TableScroll>
  );
}
