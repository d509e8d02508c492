// The results page's breakdown by unit and by role (groups that passed the anonymity rule).
import type { BreakdownGroup, RoundResults } from '../../../domain/results/round-results.ts';
import { formatNumber, type Locale } from '../../../i18n/format.ts';
import { pick } from '../../../i18n/messages.ts';
import { groupName } from '../presenter.ts';
import { messagesFor, one } from './parts.ts';
import { TableScroll } from '../../../ui/table-scroll.tsx';

function GroupTable({ groups, results, locale, caption, testId }: { groups: BreakdownGroup[]; results: RoundResults; locale: Locale; caption: string; testId: string }) {
  const texts = messagesFor(locale);
  const dimensions = results.instrument.dimensions;
  return (
    <TableScroll label={caption}>
      <table class="table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{texts.columns.group}</th>
            <th scope="col" class="numeric">
              {texts.columns.respondents}
            </th>
            {dimensions.map((dimension) => (
              <th scope="col" class="numeric">
                {pick(dimension.name, locale)}
              </th>
            ))}
            <th scope="col" class="numeric">
              {texts.columns.maturity}
            </th>
            <th scope="col">{texts.columns.quadrant}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr>
              <th scope="row" style={group.depth > 0 ? `padding-left:${0.5 + group.depth * 1.25}rem` : undefined}>
                {groupName(group, locale)}
              </th>
              <td class="numeric">{group.n}</td>
              {dimensions.map((dimension) => (
                <td class="numeric">{one(locale, group.dimensions[dimension.key])}</td>
              ))}
              <td class="numeric">{group.maturityPercent === null ? '–' : `${formatNumber(locale, group.maturityPercent, 1)} %`}</td>
              <td>{group.quadrant ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function Breakdown({ results, locale }: { results: RoundResults; locale: Locale }) {
  const texts = messagesFor(locale);
  const { breakdown } = results;
  return (
    <>
      <h2 id="breakdown">{texts.breakdownHeading}</h2>
      <p>{texts.breakdownIntro(breakdown.threshold)}</p>
      <h3>{texts.byUnit}</h3>
      {breakdown.units.length > 0 ? (
        <GroupTable groups={breakdown.units} results={results} locale={locale} caption={texts.unitTableCaption} testId="unit-table" />
      ) : (
        <p>{texts.noBreakdown}</p>
      )}
      <h3>{texts.byRole}</h3>
      {breakdown.roles.length > 0 ? (
        <GroupTable groups={breakdown.roles} results={results} locale={locale} caption={texts.roleTableCaption} testId="role-table" />
      ) : (
        <p>{texts.noBreakdown}</p>
      )}
      {breakdown.suppressedForSubtraction > 0 ? <p class="hint">{texts.suppressedNote(breakdown.suppressedForSubtraction)}</p> : null}
    </>
  );
}
