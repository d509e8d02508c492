// The results page's differences worth discussing and the largest spread.
import type { RoundResults } from '../../../domain/results/round-results.ts';
import { shownChange } from '../../../domain/rounding.ts';
import type { CapabilityDifference } from '../../../domain/scoring/insights.ts';
import type { Locale } from '../../../i18n/format.ts';
import { messagesFor, one, signed } from './parts.ts';

export function Differences({ results, locale, nameOf }: { results: RoundResults; locale: Locale; nameOf: (key: string) => string }) {
  const texts = messagesFor(locale);
  const hasFederation = results.benchmarks.federations.some((federation) => federation.benchmark !== null);
  const hasNational = results.benchmarks.national !== null;
  const list = (title: string, entries: CapabilityDifference[], compared: boolean) => (
    <div>
      <h3>{title}</h3>
      {entries.length === 0 ? (
        <p class="hint">{compared ? texts.nothingToList : texts.noDifferences}</p>
      ) : (
        <ul>
          {entries.map((entry) => (
            <li>{texts.differenceItem(nameOf(entry.key), one(locale, entry.own), one(locale, entry.benchmark), signed(locale, shownChange(entry.benchmark, entry.own)))}</li>
          ))}
        </ul>
      )}
    </div>
  );
  return (
    <>
      <h2 id="differences">{texts.differencesHeading}</h2>
      <p>{texts.differencesIntro}</p>
      <div class="two-columns">
        {list(texts.belowFederation, results.differences.federation.below, hasFederation)}
        {list(texts.aboveFederation, results.differences.federation.above, hasFederation)}
        {/* Without a national source the national lists are left out, not shown as a copy of the federation's. */}
        {hasNational ? list(texts.belowNational, results.differences.national.below, true) : null}
        {hasNational ? list(texts.aboveNational, results.differences.national.above, true) : null}
      </div>
      <h3>{texts.spreadHeading}</h3>
      <ul data-testid="spread">
        {results.spread.map((entry) => (
          <li>{texts.spreadItem(nameOf(entry.key), one(locale, entry.sd), entry.n)}</li>
        ))}
      </ul>
    </>
  );
}
