// The dashboard (/): the organisations the visitor may see, their latest round and response rate.
import { formatPercent } from '../../../i18n/format.ts';
import { Layout } from '../../../ui/layout.tsx';
import { TableHead } from '../../../ui/table-head.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { DashboardRow } from '../presenter.ts';

export function DashboardPage({ page, organisations }: { page: PageContext; organisations: DashboardRow[] }) {
  const { m } = page;
  return (
    <Layout page={page} title={m.dashboard.title}>
      <h1>{m.dashboard.title}</h1>
      <p class="lead">{m.dashboard.intro}</p>
      {organisations.length === 0 ? (
        <p>{m.dashboard.noOrganisations}</p>
      ) : (
        <table class="table">
          <caption class="visually-hidden">{m.dashboard.title}</caption>
          <TableHead columns={[m.operator.name, m.dashboard.kind, m.dashboard.role, m.dashboard.latestRound, { label: m.organisation.responseRate, numeric: true }]} />
          <tbody>
            {organisations.map((organisation) => (
              <tr>
                <th scope="row">
                  <a href={`/org/${organisation.id}`}>{organisation.name}</a>
                </th>
                <td>
                  {m.kinds[organisation.kind]}
                  {organisation.memberCount > 0 ? ` (${m.dashboard.members(organisation.memberCount)})` : ''}
                </td>
                <td>{organisation.roleLabel}</td>
                <td>
                  {organisation.latestRound ? (
                    <>
                      <a href={`/rounds/${organisation.latestRound.id}`}>{organisation.latestRound.name}</a>{' '}
                      <span class={`tag tag-${organisation.latestRound.status}`}>{m.roundStatus[organisation.latestRound.status]}</span>
                      {organisation.latestRound.status !== 'draft' && organisation.canViewLatestResults ? (
                        <>
                          {' '}
                          <a href={`/rounds/${organisation.latestRound.id}/results`}>
                            {m.results.linkFromRound}
                            <span class="visually-hidden"> – {organisation.latestRound.name}</span>
                          </a>
                        </>
                      ) : null}
                    </>
                  ) : (
                    m.organisation.noRounds
                  )}
                </td>
                <td class="numeric">
                  {organisation.latestRound && organisation.latestRound.respondents > 0
                    ? `${formatPercent(page.locale, organisation.latestRound.submitted / organisation.latestRound.respondents)} (${organisation.latestRound.submitted}/${organisation.latestRound.respondents})`
                    : '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
