// The round page's response rate: the overall share, invited and open-link respondents apart, and
// the counts per unit and per role (counts only: never who answered what).
import { formatPercent } from '../../../i18n/format.ts';
import type { Messages } from '../../../i18n/messages.ts';
import { TableHead } from '../../../ui/table-head.tsx';
import { TableScroll } from '../../../ui/table-scroll.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { LateRespondents, ProgressCounts, ProgressGroup, RoundProgress, RoundWithInstruments } from '../presenter.ts';

function rate(counts: ProgressCounts): number {
  return counts.respondents === 0 ? 0 : counts.submitted / counts.respondents;
}

function ProgressBar({ share, label }: { share: number; label: string }) {
  // A native <progress> is announced by screen readers; the text beside it says the same.
  return <progress class="progress" max={100} value={Math.round(share * 100)} aria-label={label}></progress>;
}

function ProgressTable({ m, locale, caption, groups, firstHeader, emptyLabel }: {
  m: Messages;
  locale: PageContext['locale'];
  caption: string;
  groups: ProgressGroup[];
  firstHeader: string;
  emptyLabel: string;
}) {
  if (groups.length === 0) return null;
  return (
    <TableScroll label={caption}>
      <table class="table">
        <caption>{caption}</caption>
        <TableHead columns={[firstHeader, { label: m.rounds.respondents, numeric: true }, { label: m.rounds.started, numeric: true }, { label: m.rounds.submitted, numeric: true }, { label: m.rounds.rate, numeric: true }]} />
        <tbody>
          {groups.map((group) => (
            <tr>
              <th scope="row" class={`depth-${Math.min(group.depth, 4)}`}>{group.label ?? emptyLabel}</th>
              <td class="numeric">{group.respondents}</td>
              <td class="numeric">{group.started}</td>
              <td class="numeric">{group.submitted}</td>
              <td class="numeric">{formatPercent(locale, rate(group))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function ProgressSection({ m, locale, round, progress, lateRespondents }: {
  m: Messages;
  locale: PageContext['locale'];
  round: RoundWithInstruments;
  progress: RoundProgress;
  lateRespondents: LateRespondents;
}) {
  return (
    <>
        <h2 id="progress">{m.rounds.progress}</h2>
        <p>{m.rounds.progressIntro}</p>
        <div class="stat-row">
          <p class="stat">
            <span class="stat-value" data-testid="response-rate">{formatPercent(locale, rate(progress.total))}</span>
            <span class="stat-label">{m.rounds.rate}</span>
          </p>
          <p class="stat">
            <span class="stat-value" data-testid="submitted-count">
              {progress.total.submitted} / {progress.total.respondents}
            </span>
            <span class="stat-label">{m.rounds.submitted}</span>
          </p>
          <p class="stat">
            <span class="stat-value">{progress.total.started - progress.total.submitted}</span>
            <span class="stat-label">{m.rounds.inProgress}</span>
          </p>
        </div>
        <ProgressBar share={rate(progress.total)} label={m.rounds.rate} />
        {round.open_link_hash !== null || progress.openLink.respondents > 0 ? (
          <ProgressTable
            m={m}
            locale={locale}
            caption={m.privacy.countsApartTitle}
            groups={[
              { key: 'invited', label: m.privacy.countInvited, depth: 0, ...progress.invited },
              { key: 'open-link', label: m.privacy.countOpenLink, depth: 0, ...progress.openLink },
            ]}
            firstHeader={m.privacy.countsApartTitle}
            emptyLabel=""
          />
        ) : null}
        {lateRespondents.added > 0 ? (
          <p class="notice" data-testid="late-respondents">
            {m.privacy.addedAfterFirstAnswer(lateRespondents.added)}
          </p>
        ) : null}
        <ProgressTable m={m} locale={locale} caption={m.rounds.byUnit} groups={progress.byUnit} firstHeader={m.rounds.unit} emptyLabel={m.rounds.noUnit} />
        <ProgressTable m={m} locale={locale} caption={m.rounds.byRole} groups={progress.byRole} firstHeader={m.rounds.role} emptyLabel={m.rounds.noRole} />
    </>
  );
}
