// The results page's comparisons: federations, the national figure, the same kind of
// organisation, and reference values from other sources.
import type { RoundResults } from '../../../domain/results/round-results.ts';
import type { Benchmark } from '../../../domain/scoring/benchmarks.ts';
import type { Locale } from '../../../i18n/format.ts';
import { messages, pick } from '../../../i18n/messages.ts';
import { TableHead } from '../../../ui/table-head.tsx';
import { federationMaturityPath } from '../../federation/views/links.tsx';
import { messagesFor, names, one } from './parts.ts';
import { TableScroll } from '../../../ui/table-scroll.tsx';

export function Benchmarks({ results, locale }: { results: RoundResults; locale: Locale }) {
  const texts = messagesFor(locale);
  const kinds = messages(locale).kinds;
  const kind = kinds[results.organisation.kind].toLowerCase();
  const dimensions = results.instrument.dimensions;
  const rows: Array<{ label: string; benchmark: Benchmark | null; count: number }> = [
    ...results.benchmarks.federations.map((federation) => ({ label: texts.federationLabel(federation.name), benchmark: federation.benchmark, count: federation.organisations })),
    {
      label: results.benchmarks.nationalSource ? texts.nationalSourceLabel(results.benchmarks.nationalSource.scope, results.benchmarks.nationalSource.year, results.benchmarks.nationalSource.organisations) : texts.nationalLabel,
      benchmark: results.benchmarks.national,
      count: results.benchmarks.nationalOrganisations,
    },
    { label: texts.sameKindLabel(kind), benchmark: results.benchmarks.sameKind, count: results.benchmarks.sameKindOrganisations },
  ];
  const shown = rows.filter((row) => row.benchmark !== null);
  const result = results.result!;
  return (
    <>
      <h2 id="benchmarks">{texts.benchmarksHeading}</h2>
      <p>{texts.benchmarkIntro}</p>
      {results.benchmarks.federations.length > 0 ? (
        <p>
          <a href={`${federationMaturityPath(results.organisation.id, results.instrument.key)}?year=${results.round.year}`}>{messages(locale).federation.linkTitle(pick(results.instrument.name, locale))}</a>
        </p>
      ) : null}
      {rows
        .filter((row) => row.benchmark === null)
        .map((row) => (
          <p class="hint">{row.label === texts.nationalLabel && results.benchmarks.federations.length > 0 ? texts.nationalMissing(row.count) : texts.benchmarkMissing(row.label, row.count)}</p>
        ))}
      {shown.length > 0 ? (
        <TableScroll label={texts.benchmarkTableCaption}>
          <table class="table" data-testid="benchmark-table">
            <caption>{texts.benchmarkTableCaption}</caption>
            <TableHead columns={[texts.columns.benchmark, texts.columns.dimension, { label: texts.series.own, numeric: true }, { label: texts.columns.min, numeric: true }, { label: texts.columns.avg, numeric: true }, { label: texts.columns.max, numeric: true }, { label: texts.columns.organisations, numeric: true }]} />
            <tbody>
              {shown.flatMap((row) => [
                ...dimensions.map((dimension) => {
                  const value = row.benchmark!.dimensions[dimension.key];
                  return (
                    <tr>
                      <th scope="row">{row.label}</th>
                      <td>{pick(dimension.name, locale)}</td>
                      <td class="numeric">{one(locale, result.dimensions[dimension.key])}</td>
                      <td class="numeric">{one(locale, value?.min)}</td>
                      <td class="numeric">{one(locale, value?.avg)}</td>
                      <td class="numeric">{one(locale, value?.max)}</td>
                      <td class="numeric">{row.count}</td>
                    </tr>
                  );
                }),
                <tr>
                  <th scope="row">{row.label}</th>
                  <td>{texts.maturity} (%)</td>
                  <td class="numeric">{one(locale, result.maturityPercent)}</td>
                  <td class="numeric">{one(locale, row.benchmark!.maturityPercent?.min)}</td>
                  <td class="numeric">{one(locale, row.benchmark!.maturityPercent?.avg)}</td>
                  <td class="numeric">{one(locale, row.benchmark!.maturityPercent?.max)}</td>
                  <td class="numeric">{row.count}</td>
                </tr>,
              ])}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {results.references.length > 0 ? (
        <>
          <h3>{texts.referencesHeading}</h3>
          <p class="hint">{texts.referenceNote}</p>
          <table class="table" data-testid="reference-table">
            <caption>{texts.referencesHeading}</caption>
            <TableHead columns={[texts.columns.source, texts.columns.benchmark, { label: texts.columns.score, numeric: true }]} />
            <tbody>
              {results.references.flatMap((series) =>
                Object.entries(series.values).map(([measure, value]) => (
                  <tr>
                    <th scope="row">{messages(locale).results.series.reference(series.source, series.year, series.organisations)}</th>
                    <td>{measure === 'maturity-percent' ? `${texts.maturity} (%)` : names(results.instrument, locale)(measure)}</td>
                    <td class="numeric">{one(locale, value)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}
