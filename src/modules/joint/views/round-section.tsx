// The round page's section for the joint instruments: each one's state, who answers, and the
// links to fill in, read the results, reopen an answer or name a respondent. The round page
// (src/modules/rounds) renders it and says whether the reader may manage the round.
import { formatDate } from '../../../i18n/format.ts';
import { pick, type Messages } from '../../../i18n/messages.ts';
import { CsrfField } from '../../../ui/forms.tsx';
import { TableHead } from '../../../ui/table-head.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { JointOverview } from '../service.ts';
import { TableScroll } from '../../../ui/table-scroll.tsx';

/** The round page's section for joint instruments. */
export function JointRoundSection({ m, locale, roundId, roundStatus, overview, canManage, csrfToken }: {
  m: Messages;
  /** The page's CSRF token, for the "reopen" buttons (the section lives on the round page). */
  csrfToken?: string;
  locale: PageContext['locale'];
  roundId: string;
  roundStatus: string;
  overview: JointOverview;
  canManage: boolean;
}) {
  const t = m.joint.round;
  if (overview.entries.length === 0) return null;
  return (
    <section aria-labelledby="joint-title" id="joint">
      <h2 id="joint-title">{t.title}</h2>
      <p>{t.intro}</p>
      <TableScroll label={t.title}>
        <table class="table">
          <caption class="visually-hidden">{t.title}</caption>
          <TableHead columns={[t.instrument, t.status, t.assignedTo, t.actions]} />
          <tbody>
            {overview.entries.map((entry) => {
              const name = pick(entry.instrument.name, locale);
              return (
                <tr>
                  <th scope="row">{name}</th>
                  <td>
                    <span class={`tag tag-${entry.status}`}>{m.joint.status[entry.status]}</span>
                    {entry.submittedAt ? <span class="hint"> {formatDate(locale, entry.submittedAt)}</span> : null}
                  </td>
                  <td>{overview.assignee ? `${overview.assignee.name} (${overview.assignee.email})` : t.coordinator}</td>
                  <td>
                    <ul class="link-list">
                      {canManage && roundStatus === 'open' && entry.status !== 'submitted' ? (
                        <li>
                          <a href={`/rounds/${roundId}/joint/${entry.instrument.key}/page/1`}>{t.answer(name.toLowerCase())}</a>
                        </li>
                      ) : null}
                      <li>
                        <a href={`/rounds/${roundId}/joint/${entry.instrument.key}/results`}>{t.viewResults(name.toLowerCase())}</a>
                      </li>
                      {canManage && csrfToken && roundStatus === 'open' && entry.status === 'submitted' ? (
                        <li>
                          <form method="post" action={`/rounds/${roundId}/joint/${entry.instrument.key}/reopen`} class="inline-form">
                            <CsrfField token={csrfToken} />
                            <button type="submit" class="link-button">
                              {t.reopen(name.toLowerCase())}
                            </button>
                          </form>
                        </li>
                      ) : null}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {canManage && roundStatus !== 'open' ? <p>{t.roundNotOpen}</p> : null}
      {canManage && roundStatus === 'open' ? (
        <p>
          <a href={`/rounds/${roundId}/joint/assign`}>{t.assignTitle}</a>
        </p>
      ) : null}
    </section>
  );
}
