// The study's dashboard (/org/:federationId/studies/:year), for those who run the study: the
// whole study's response rate, then per member (by name) and part the status, the counts and the
// next step with its owner, and closing the study by hand. The table reflows into one block per
// member on a phone (each cell labelled with its column).
import { Button, CsrfField } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { TableHead } from '../../../ui/table-head.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { DashboardModel } from '../presenter.ts';
import type { MethodChecklistModel } from '../../method-checklist/presenter.ts';
import { MemberChecklistSummary, MethodChecklist } from '../../method-checklist/views/method-checklist.tsx';
import { PartCellContent } from './part-cell.tsx';

export function StudyDashboardPage(props: { page: PageContext; model: DashboardModel; checklist: MethodChecklistModel }) {
  const { page, model } = props;
  const { m } = page;
  const title = m.studies.title(model.year);
  return (
    <Layout page={page} title={`${title} – ${model.federation.name}`}>
      <p class="caption">
        <a href={`/org/${model.federation.id}`}>{model.federation.name}</a>
      </p>
      <h1>{title}</h1>
      <p>
        <span class={`tag tag-${model.open ? 'open' : 'closed'}`}>{model.open ? m.studies.statusOpen : m.studies.statusClosed}</span>{' '}
        {m.studies.closesOn(model.closesOnText)}
      </p>
      {model.contactText ? <p>{model.contactText}</p> : null}
      <p>{m.studies.dashboardIntro}</p>

      <h2 id="study-progress-label">{m.studies.progressLabel}</h2>
      {model.progress.rate !== null ? (
        <p class="stat">
          <span class="stat-value">{model.progress.percentText}</span>
        </p>
      ) : null}
      {model.progress.rate !== null ? <progress aria-labelledby="study-progress-label" max={100} value={Math.round(model.progress.rate * 100)} /> : null}
      <p>{model.progress.text}</p>

      <table class="table table-reflow">
        <caption>{m.studies.tableCaption}</caption>
        <TableHead columns={[m.studies.memberColumn, ...model.parts.map((part) => part.name)]} />
        <tbody>
          {model.rows.map((row) => (
            <tr>
              <th scope="row">
                {row.roundId ? <a href={`/rounds/${row.roundId}`}>{row.name}</a> : row.name}
              </th>
              {model.parts.map((part) => {
                const cell = row.cells.find((candidate) => candidate.part === part.part);
                return (
                  <td data-label={part.name}>
                    {cell ? <PartCellContent page={page} federationId={model.federation.id} year={model.year} member={row} cell={cell} canDecline={model.open} back="dashboard" /> : '–'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>

      <section aria-labelledby="study-mail-texts">
        <h2 id="study-mail-texts">{m.studies.mailTextsHeading}</h2>
        <p>{m.studies.mailTextsIntro}</p>
        <p>
          <a href={`/studies/${model.studyId}/mail-texts`}>{m.mailTexts.studyEditLink}</a>
        </p>
      </section>

      <MethodChecklist page={page} model={props.checklist} heading={m.methodChecklist.heading} />
      <MemberChecklistSummary page={page} model={props.checklist} />

      {model.open ? (
        <section class="panel" aria-labelledby="close-study">
          <h2 id="close-study">{m.studies.closeTitle}</h2>
          <p>{m.studies.closeAuto(model.closesOnText)}</p>
          <details>
            <summary>{m.studies.closeTitle}</summary>
            <p>{m.studies.closeQuestion}</p>
            <form method="post" action={`/org/${model.federation.id}/studies/${model.year}/close`}>
              <CsrfField token={page.csrfToken} />
              <Button variant="warning">{m.studies.closeConfirm}</Button>
            </form>
          </details>
        </section>
      ) : model.closedOnText ? (
        <p>{m.studies.closedOn(model.closedOnText)}</p>
      ) : null}
    </Layout>
  );
}
